/** What went wrong with one call, in provider-neutral terms, before it becomes a NodeApiError. */
export interface ApiFailure {
	/** The vendor's error code, e.g. `RequestLimitExceeded` or `CBC.0250`. */
	code?: string;
	message: string;
	httpStatus?: number;
	requestId?: string;
	/** The request never got an answer (connection dropped, refused, reset). */
	network?: boolean;
	/**
	 * No connection was made (refused, host unknown or unreachable), so the vendor received
	 * nothing: even a write may be sent again.
	 */
	notSent?: boolean;
	/** No answer within the timeout. */
	timeout?: boolean;
	/** Server-requested wait before retrying. */
	retryAfterMs?: number;
	/** Extra vendor detail worth showing (e.g. the raw body of a gateway error, redacted). */
	detail?: string;
	/**
	 * The endpoint answered with a redirect, which is never followed (credentials stay with their
	 * host). `mayHaveApplied` is set for the statuses that may follow a request carried out (303).
	 */
	redirect?: { status: number; location: string; mayHaveApplied: boolean };
	/** The vendor's code says it throttled the call (see FailureTable.throttled): it did nothing. */
	throttled?: boolean;
}

/**
 * How a failure bears on retrying: `notProcessed` means the vendor says it did nothing (throttled
 * at the gate), so any call may be repeated; `transient` may have been applied, so only reads are
 * repeated; `permanent` will fail the same way again.
 */
export type FailureKind = 'notProcessed' | 'transient' | 'permanent';

export class ApiCallError extends Error {
	/** How many times the call was sent before it failed for good (withRetries counts them). */
	attempts = 1;

	constructor(
		readonly failure: ApiFailure,
		readonly kind: FailureKind,
	) {
		super(failure.message);
		this.name = 'ApiCallError';
	}
}

/**
 * The vendor refused the call because of its rate limit: an HTTP 429, or a code the vendor's
 * FailureTable names (Tencent `RequestLimitExceeded*` in a 200 body, Huawei `CBC.0250` /
 * `APIG.0308`). It did nothing, and someone is using the account faster than it allows.
 */
export function isThrottling(failure: ApiFailure): boolean {
	return failure.throttled === true || failure.httpStatus === 429;
}

/** What one vendor's codes mean; the ladder that reads them (classifyFailure) is the same for all. */
export interface FailureTable {
	/** Codes that say the vendor throttled the call and did nothing with it. */
	throttled?: (code: string) => boolean;
	/** Codes that say the vendor was busy or failed inside: the call may have run, try reads later. */
	retryLater?: (code: string) => boolean;
}

/** Whether `code` is one of `codes` or a sub-code of one (`InternalError.DbError`). */
export function codeUnder(codes: string[]): (code: string) => boolean {
	return (code) => codes.some((c) => code === c || code.startsWith(`${c}.`));
}

/**
 * How a failure bears on retrying, the same ladder for every vendor: a redirect is answered the
 * same way every time (never retried, never followed); nothing sent or throttled means the vendor
 * did nothing; busy codes, network trouble, timeouts and 5xx may have been applied; the rest will
 * fail again.
 */
export function classifyFailure(failure: ApiFailure, table: FailureTable): FailureKind {
	const code = failure.code ?? '';
	if (failure.redirect) return 'permanent';
	if (failure.notSent || isThrottling(failure)) return 'notProcessed';
	if (table.retryLater?.(code)) return 'transient';
	if (failure.network || failure.timeout) return 'transient';
	if (failure.httpStatus !== undefined && failure.httpStatus >= 500) return 'transient';
	return 'permanent';
}

/** A vendor's failure as the error the sender throws: marked throttled per the table, classified. */
export function vendorCallError(failure: ApiFailure, table: FailureTable): ApiCallError {
	const marked = !failure.redirect && failure.code && table.throttled?.(failure.code) ? { ...failure, throttled: true } : failure;
	return new ApiCallError(marked, classifyFailure(marked, table));
}
