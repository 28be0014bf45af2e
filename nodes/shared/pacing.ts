import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

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

/** How a vendor tells one account from another, for the limiter. */
export interface AccountIdentity {
	/** The base URL the transport sends to, as it resolves it (defaults and site choices applied). */
	endpointOf: (credentials: ICredentialDataDecryptedObject) => string;
	/** Non-secret fields naming the caller at that service: SecretId, access key id, user name. */
	callerFields: string[];
	/** Other host names of the same service, each mapped to the one they share a budget with. */
	sameServiceHosts?: Record<string, string>;
}

/**
 * The vendor service an endpoint reaches, as one spelling: scheme and host lower-cased, a default
 * port, a trailing dot, the path and any trailing slash dropped, and a host the vendor also serves
 * under another name folded to that name. The vendor counts calls per account at the service, not
 * per URL spelling, so two credential records that differ only in spelling must share one budget.
 * Text that is not a URL is only trimmed and lower-cased: it still keys one budget per spelling.
 */
export function serviceOf(endpoint: string, sameServiceHosts: Record<string, string> = {}): string {
	const text = endpoint.trim();
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return text.toLowerCase().replace(/\/+$/, '');
	}
	const host = url.hostname.replace(/\.$/, '');
	const folded = sameServiceHosts[host] ?? host;
	// URL already lower-cases the scheme and host and leaves out the scheme's default port.
	return `${url.protocol}//${folded}${url.port ? `:${url.port}` : ''}`;
}

/**
 * Who the vendor counts calls against: the service the credential reaches and its non-secret
 * caller fields, so two credential records holding one key share one budget, as they do at the
 * vendor. The key stays in memory and is never shown.
 */
export async function accountKeyOf(context: CallContext, credentialType: string, identity: AccountIdentity): Promise<string> {
	const credentials = await context.getCredentials(credentialType);
	const service = serviceOf(identity.endpointOf(credentials), identity.sameServiceHosts);
	const callers = identity.callerFields.map((field) => String(credentials[field] ?? '').trim());
	return `${credentialType}:${[service, ...callers].join('\u0000')}`;
}
