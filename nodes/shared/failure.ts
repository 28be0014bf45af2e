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
}

/**
 * How a failure bears on retrying: `notProcessed` means the vendor says it did nothing (throttled
 * at the gate), so any call may be repeated; `transient` may have been applied, so only reads are
 * repeated; `permanent` will fail the same way again.
 */
export type FailureKind = 'notProcessed' | 'transient' | 'permanent';

export class ApiCallError extends Error {
	constructor(
		readonly failure: ApiFailure,
		readonly kind: FailureKind,
	) {
		super(failure.message);
		this.name = 'ApiCallError';
	}
}

/**
 * The vendor refused the call because of its rate limit (Tencent `RequestLimitExceeded*` in a
 * 200 body, Huawei 429 `CBC.0250` / `APIG.0308`, dotdigital 429): it did nothing, and someone is
 * using the account faster than it allows.
 */
export function isThrottling(failure: ApiFailure): boolean {
	const code = failure.code ?? '';
	return failure.httpStatus === 429 || code.startsWith('RequestLimitExceeded') || code === 'CBC.0250' || code === 'APIG.0308';
}
