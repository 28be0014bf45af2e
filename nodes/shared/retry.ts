import { sleep } from 'n8n-workflow';

import { ApiCallError } from './failure';

export interface RetryPolicy {
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 400, maxDelayMs: 8000 };

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
 * last ApiCallError, with the number of attempts recorded so the message can say so.
 */
export async function withRetries<T>(
	call: (attempt: number) => Promise<T>,
	options: { write: boolean; policy?: RetryPolicy; signal?: AbortSignal },
): Promise<AttemptOutcome<T>> {
	const policy = options.policy ?? DEFAULT_RETRY_POLICY;
	for (let attempt = 0; ; attempt++) {
		const settled = await call(attempt).then(
			(value) => ({ ok: true as const, value }),
			(error: unknown) => ({ ok: false as const, error }),
		);
		if (settled.ok) return { value: settled.value, attempts: attempt + 1 };
		const error = settled.error;
		const again =
			error instanceof ApiCallError && attempt < policy.maxRetries && shouldRetry(error, options.write);
		if (!again || options.signal?.aborted) {
			if (error instanceof ApiCallError) (error as ApiCallError & { attempts?: number }).attempts = attempt + 1;
			throw error;
		}
		await sleep(backoffDelay(attempt, policy, error.failure.retryAfterMs));
	}
}
