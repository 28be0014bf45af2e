import { ApiCallError, isThrottling } from './failure';
import { cancellableSleep } from './cancellableSleep';
import { StoppedBeforeSending, stopReasonOf, TurnedAwayBeforeStop } from './stopping';

export interface RetryPolicy {
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/**
	 * Retries after throttling answers, counted apart: the vendor did nothing, and the adaptive
	 * limiter slows the account down before the retry, so when several processes share an account
	 * a call may be turned away a few times before its turn comes, and that is not an error.
	 */
	maxThrottledRetries: number;
	/** Upper bound of the short random pause before a throttled call goes back to the limiter. */
	throttledJitterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 3,
	baseDelayMs: 400,
	maxDelayMs: 8000,
	maxThrottledRetries: 20,
	throttledJitterMs: 250,
};

/** Reads repeat after throttling, 5xx and timeouts; writes only when the vendor did nothing. */
export function shouldRetry(error: ApiCallError, write: boolean): boolean {
	if (error.kind === 'notProcessed') return true;
	return error.kind === 'transient' && !write;
}

/** Exponential backoff with full jitter on the upper half, never below a server's Retry-After. */
export function backoffDelay(
	attempt: number,
	policy: RetryPolicy,
	retryAfterMs?: number,
	random: () => number = Math.random,
): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	const jittered = ceiling / 2 + random() * (ceiling / 2);
	return Math.max(Math.round(jittered), retryAfterMs ?? 0);
}

export interface AttemptOutcome<T> {
	value: T;
	attempts: number;
}

/**
 * Runs `call` until it succeeds, fails for good, or the retries run out. The error thrown is the
 * last ApiCallError, with the number of attempts recorded so the message can say so. When a retry
 * is due but `signal` was aborted meanwhile, the retry is never sent and the stop (or the
 * cancellation) is thrown instead: the answer asked for a retry, so the vendor did nothing, and
 * the call must not pass for a failure of its own.
 */
export async function withRetries<T>(
	call: (attempt: number) => Promise<T>,
	options: { write: boolean; policy?: RetryPolicy; signal?: AbortSignal },
): Promise<AttemptOutcome<T>> {
	const policy = options.policy ?? DEFAULT_RETRY_POLICY;
	let otherRetries = 0;
	let throttledRetries = 0;
	// The last attempt was answered and turned away: a stop now holds back a retry of a call the
	// vendor did receive, which is "not applied (turned away)", not "never sent".
	let turnedAway: ApiCallError | undefined;
	const heldBack = (stop: unknown) => (turnedAway && stop instanceof StoppedBeforeSending ? new TurnedAwayBeforeStop(turnedAway.failure) : stop);
	for (let attempt = 0; ; attempt++) {
		const settled = await call(attempt).then(
			(value) => ({ ok: true as const, value }),
			(error: unknown) => ({ ok: false as const, error: heldBack(error) }),
		);
		if (settled.ok) return { value: settled.value, attempts: attempt + 1 };
		const error = settled.error;
		const throttled = error instanceof ApiCallError && isThrottling(error.failure);
		const withinBudget = throttled ? throttledRetries < policy.maxThrottledRetries : otherRetries < policy.maxRetries;
		const again = error instanceof ApiCallError && withinBudget && shouldRetry(error, options.write);
		if (!again) {
			if (error instanceof ApiCallError) error.attempts = attempt + 1;
			throw error;
		}
		turnedAway = error.kind === 'notProcessed' && !error.failure.notSent ? error : undefined;
		if (options.signal?.aborted) throw heldBack(stopReasonOf(options.signal));
		const delay = throttled
			? throttledDelay(policy, error.failure.retryAfterMs)
			: backoffDelay(otherRetries, policy, error.failure.retryAfterMs);
		if (throttled) throttledRetries++;
		else otherRetries++;
		await cancellableSleep(delay, options.signal).catch((stop: unknown) => {
			throw heldBack(stop);
		});
	}
}

/** A short random pause after throttling (the limiter does the real spacing), never below Retry-After. */
function throttledDelay(policy: RetryPolicy, retryAfterMs?: number, random: () => number = Math.random): number {
	return Math.max(Math.round(random() * policy.throttledJitterMs), retryAfterMs ?? 0);
}
