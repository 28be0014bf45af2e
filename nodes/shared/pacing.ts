import type { CallContext } from './context';
import { ApiCallError, isThrottling } from './failure';
import type { AdaptiveRateLimiter } from './rateLimiter';
import { vendorRateLimiter } from './rateLimiter';
import type { AttemptOutcome } from './retry';
import { withRetries } from './retry';

export interface PacedCallPlan {
	/** Vendor, account and action: calls under one key share one budget, in this process. */
	key: string;
	/** The action's documented calls per second; 0 when none is published. */
	documentedRate: number;
	write: boolean;
	signal?: AbortSignal;
	limiter?: AdaptiveRateLimiter;
}

/**
 * Sends one call the way every provider does: waits for the account's turn, tells the limiter
 * when the vendor throttled it (so the account slows down), and retries as the retry policy allows.
 */
export async function sendPaced<T>(plan: PacedCallPlan, attempt: () => Promise<T>): Promise<AttemptOutcome<T>> {
	const limiter = plan.limiter ?? vendorRateLimiter;
	return await withRetries(
		async () => {
			const startedAt = await limiter.acquire(plan.key, plan.documentedRate, plan.signal);
			const settled = await attempt().then(
				(value) => ({ ok: true as const, value }),
				(error: unknown) => ({ ok: false as const, error }),
			);
			if (settled.ok) return settled.value;
			const error = settled.error;
			if (error instanceof ApiCallError && isThrottling(error.failure)) limiter.throttled(plan.key, plan.documentedRate, startedAt);
			throw error;
		},
		{ write: plan.write, signal: plan.signal },
	);
}

/**
 * Who the vendor counts calls against: the credential's non-secret identifying fields (endpoint,
 * SecretId, access key id, user name), so two credential records holding one key share one
 * budget, as they do at the vendor. The key stays in memory and is never shown.
 */
export async function accountKeyOf(context: CallContext, credentialType: string, identifyingFields: string[]): Promise<string> {
	const credentials = await context.getCredentials(credentialType);
	const parts = identifyingFields.map((field) => String(credentials[field] ?? '').trim());
	return `${credentialType}:${parts.join('\u0000')}`;
}
