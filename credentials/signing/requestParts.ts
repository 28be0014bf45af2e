import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

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
	for (const [key, value] of Object.entries((request.qs ?? {}) as IDataObject)) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) {
			for (const entry of value) url.searchParams.append(key, String(entry));
		} else {
			url.searchParams.append(key, String(value));
		}
	}
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
