import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { redirectFailure } from '../../nodes/shared/httpFailure';

/**
 * RFC 3986 encoding as Huawei's signers do it: only A-Z a-z 0-9 - _ . ~ stay as they are. Query
 * values are sent this way too, so a space is %20, never +.
 */
export function rfc3986(value: string): string {
	return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The one rule for every request that carries a credential (signed calls, token calls, logins,
 * credential tests): it is answered by its own host or not at all. n8n follows redirects by
 * default and re-adds Authorization on a cross-origin hop (other headers such as X-Auth-Token or
 * X-Security-Token, and a re-posted login body, go along anyway), so redirects are switched off
 * and a 3xx comes back to the caller as an answer to report.
 */
export function sameHostOnly<T extends IHttpRequestOptions>(options: T): T {
	return { ...options, disableFollowRedirect: true, maxRedirects: 0, sendCredentialsOnCrossOriginRedirect: false };
}

/** Where a node puts its send guard (see sendGuard) on a request; a symbol, so it is never sent. */
const SEND_GUARD = Symbol.for('n8n-nodes-cloud-partners.sendGuard');

/** The request with the node's send guard attached, for the credential to run when it signs. */
export function withSendGuard<T extends IHttpRequestOptions>(options: T, guard: () => void): T {
	return Object.assign(options, { [SEND_GUARD]: guard });
}

/**
 * The last step of every credential's authenticate: runs the node's send guard (so a request
 * n8n re-sends after renewing a token is held back once the run is stopping), then keeps the
 * request with its own host. The guard stays on the result, for the next signing.
 */
export function authenticatedRequest<T extends IHttpRequestOptions>(incoming: IHttpRequestOptions, outgoing: T): T {
	const guard = (incoming as unknown as Record<symbol, unknown>)[SEND_GUARD];
	if (typeof guard === 'function') (guard as () => void)();
	return sameHostOnly(outgoing);
}

/** The redirect statuses a credential test names, and what it says about them. */
export const REDIRECT_TEST_RULES = [301, 302, 303, 307, 308].map((status) => ({
	status,
	message: `The endpoint answered with a redirect (HTTP ${status}). Credentials never leave their host, so the redirect was not followed and nothing was sent to the other address: set the endpoint to the address the service answers at.`,
}));

/**
 * Throws when a token call or login was answered with a redirect, with the failure attached for
 * the node's error (`what` says what was kept from the other host, e.g. "the password").
 */
export function refuseRedirect(status: number | undefined, headers: IDataObject | undefined, service: string, what: string): void {
	const failure = redirectFailure(status, headers);
	if (!failure) return;
	const location = failure.redirect?.location ?? 'another address';
	const message = `${service} answered ${status} with a redirect to ${location}; redirects are never followed, so ${what} never went there. Check the endpoint in the credential.`;
	throw Object.assign(new Error(message), { apiFailure: { ...failure, message, notSent: true } });
}

/**
 * Resolves `url` against `baseURL` into one absolute URL, folding `qs` into its query string,
 * so a signer sees exactly the address that will be requested. An endpoint typed without a
 * scheme is taken as https.
 */
export function resolveRequestUrl(request: IHttpRequestOptions): URL {
	const withScheme = (value: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
	const base = request.baseURL ? withScheme(request.baseURL.trim()) : undefined;
	const raw = (request.url ?? '').trim();
	let url: URL;
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
		url = new URL(raw);
	} else if (base) {
		// Join like axios does: base path + request path, never dropping the base path.
		const joined = `${base.replace(/\/+$/, '')}/${raw.replace(/^\/+/, '')}`;
		url = new URL(joined);
	} else {
		url = new URL(withScheme(raw));
	}
	// Appended as text, RFC 3986 encoded (a space is %20, never +), so the query already in the
	// URL is not re-serialised and each value arrives as it was given.
	const added: string[] = [];
	for (const [key, value] of Object.entries((request.qs ?? {}) as IDataObject)) {
		if (value === undefined || value === null) continue;
		for (const entry of Array.isArray(value) ? value : [value]) added.push(`${rfc3986(key)}=${rfc3986(String(entry))}`);
	}
	if (added.length > 0) url.search = [url.search.slice(1), ...added].filter((part) => part !== '').join('&');
	return url;
}

/** Serialises a request body once, so the signed bytes and the sent bytes are the same string. */
export function serialiseJsonBody(body: IHttpRequestOptions['body'], whenEmpty: string): string {
	if (body === undefined || body === null || body === '') return whenEmpty;
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}

/** Case-insensitive header lookup. */
export function findHeader(headers: IDataObject, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === wanted && value !== undefined && value !== null) return String(value);
	}
	return undefined;
}

/** Returns a copy of the headers without the named ones (any letter case). */
export function withoutHeaders(headers: IDataObject, names: string[]): IDataObject {
	const drop = new Set(names.map((n) => n.toLowerCase()));
	const copy: IDataObject = {};
	for (const [key, value] of Object.entries(headers)) {
		if (!drop.has(key.toLowerCase())) copy[key] = value;
	}
	return copy;
}
