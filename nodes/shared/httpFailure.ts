import { inCauseChain } from './causeChain';
import type { ApiFailure } from './failure';
import { redact } from './redact';

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'EAI_AGAIN']);
/** Failures before any connection existed: the request cannot have reached the vendor. */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

/** Finds the transport error under n8n's wrapping (NodeApiError keeps it as `cause`). */
function transportCause(error: unknown): { code?: string; message?: string } | undefined {
	return inCauseChain(error, (link) => {
		const code = typeof link.code === 'string' ? link.code : undefined;
		const message = typeof link.message === 'string' ? link.message : undefined;
		if (code && (TIMEOUT_CODES.has(code) || NETWORK_CODES.has(code) || code === 'ENOTFOUND' || link.isAxiosError)) return { code, message };
		if (message && /socket hang up|timeout of \d+ms exceeded/i.test(message)) return { code: /timeout/i.test(message) ? 'ECONNABORTED' : 'ECONNRESET', message };
		return undefined;
	});
}

/**
 * Turns a thrown request error into an ApiFailure when it is a network problem (no answer, reset,
 * timeout); returns undefined for anything else, which the caller must not retry.
 */
export function networkFailure(error: unknown, timeoutMs: number): ApiFailure | undefined {
	const cause = transportCause(error);
	if (!cause) return undefined;
	const code = cause.code ?? '';
	if (TIMEOUT_CODES.has(code) || /timeout/i.test(cause.message ?? '')) {
		return { message: `No answer within ${Math.round(timeoutMs / 1000)} s`, timeout: true };
	}
	if (code === 'ENOTFOUND') {
		return { message: 'The endpoint host name could not be resolved', notSent: true };
	}
	if (NOT_CONNECTED_CODES.has(code)) {
		return { message: `No connection could be made (${code})`, network: true, notSent: true, detail: cause.message ? redact(cause.message) : undefined };
	}
	return {
		message: `The connection failed (${code || 'no answer'})`,
		network: NETWORK_CODES.has(code) || code === '' || /socket hang up/i.test(cause.message ?? ''),
		detail: cause.message ? redact(cause.message) : undefined,
	};
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(Array.isArray(value) ? value[0] : value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const at = Date.parse(text);
	return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** A short, secret-free excerpt of an unexpected response body. */
export function bodyExcerpt(body: unknown): string {
	const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
	const squeezed = text.replace(/\s+/g, ' ').trim();
	return redact(squeezed.length > 200 ? `${squeezed.slice(0, 197)}...` : squeezed);
}

/** Statuses that name the resource as living elsewhere: the request was not carried out here. */
const MOVED_STATUSES = new Set([301, 302, 307, 308]);

/**
 * Where a redirect pointed, for a message: scheme, host and path only (a query or fragment may
 * carry anything), cut short and redacted. A relative Location stays on the same host.
 */
export function redirectTarget(location: unknown): string {
	const text = String(Array.isArray(location) ? location[0] : location ?? '').trim();
	if (text === '') return 'no Location';
	let shown: string;
	try {
		const url = new URL(text);
		shown = `${url.protocol}//${url.host}${url.pathname}`;
	} catch {
		shown = `${text.split(/[?#]/)[0]} on the same host`;
	}
	return redact(shown.length > 160 ? `${shown.slice(0, 157)}...` : shown);
}

/**
 * A 3xx answer as a failure. Signed calls, token calls and logins never follow a redirect (n8n
 * would hand the other host the Authorization header, the token or the password), so a redirect
 * ends the call with a message that names where it pointed and what became of the request.
 */
export function redirectFailure(status: number | undefined, headers: Record<string, unknown> | undefined): ApiFailure | undefined {
	if (status === undefined || status < 300 || status > 399) return undefined;
	const location = redirectTarget(headers?.location ?? headers?.Location);
	const mayHaveApplied = !MOVED_STATUSES.has(status);
	const applied = mayHaveApplied
		? `HTTP ${status} may follow a request that was carried out, so it may have been applied`
		: 'not applied here';
	return {
		httpStatus: status,
		code: `HTTP${status}`,
		message: `${applied}: the endpoint answered ${status} with a redirect to ${location}; redirects are never followed, so nothing was sent there`,
		redirect: { status, location, mayHaveApplied },
	};
}
