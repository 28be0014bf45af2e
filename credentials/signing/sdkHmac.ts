import { createHash, createHmac } from 'crypto';

import { rfc3986 } from './requestParts';

export const SDK_HMAC_ALGORITHM = 'SDK-HMAC-SHA256';
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Everything SDK-HMAC-SHA256 needs; nothing is read from the environment or the clock. */
export interface SdkHmacInput {
	method: string;
	/** Absolute URL; its query string is re-encoded canonically, its host (with port) is signed. */
	url: URL;
	/** Every header that will be sent and signed, except Host and Authorization. */
	headers: Record<string, string>;
	/** The exact body string that will be sent ('' for none). */
	body: string;
	accessKeyId: string;
	secretAccessKey: string;
	/** `YYYYMMDDTHHMMSSZ`, also sent as X-Sdk-Date. */
	sdkDate: string;
}


/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function sdkDateOf(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * A query string read as Huawei's gateway and the SDK read it: split at `&` and `=`, each part
 * percent-decoded once, and `+` left a plus sign (it is not a space there). A part that is not
 * valid percent-encoding stays as written.
 */
export function queryPairs(search: string): Array<[string, string]> {
	const text = search.startsWith('?') ? search.slice(1) : search;
	if (text === '') return [];
	return text
		.split('&')
		.filter((part) => part !== '')
		.map((part) => {
			const eq = part.indexOf('=');
			return eq < 0 ? [safeDecode(part), ''] : [safeDecode(part.slice(0, eq)), safeDecode(part.slice(eq + 1))];
		});
}

/** The query as sent: names in order (values of one name keep theirs), every part RFC 3986 encoded. */
export function encodedQuery(pairs: Array<[string, string]>): string {
	return [...pairs]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
		.join('&');
}

/** Sorted names, each value sorted and encoded, joined as the signers do. */
export function canonicalQuery(url: URL): string {
	const grouped = new Map<string, string[]>();
	for (const [name, value] of queryPairs(url.search)) {
		grouped.set(name, [...(grouped.get(name) ?? []), value]);
	}
	return [...grouped.keys()]
		.sort()
		.flatMap((name) => [...(grouped.get(name) ?? [])].sort().map((value) => `${rfc3986(name)}=${rfc3986(value)}`))
		.join('&');
}

function safeDecode(part: string): string {
	try {
		return decodeURIComponent(part);
	} catch {
		return part;
	}
}

/**
 * Every path segment encoded as it is sent, always ending in `/` (only inside the signature). The
 * SDK signs the path as it goes on the wire, so an escape such as `%20` is signed as `%2520`.
 */
export function canonicalUri(path: string): string {
	const encoded = path.split('/').map(rfc3986).join('/');
	return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

function signedHeaderMap(input: SdkHmacInput): Map<string, string> {
	const map = new Map<string, string>();
	for (const [name, value] of Object.entries(input.headers)) map.set(name.toLowerCase(), value);
	map.set('host', input.url.host);
	map.set('x-sdk-date', input.sdkDate);
	return map;
}

export function sdkHmacCanonicalRequest(input: SdkHmacInput): { canonical: string; signedHeaders: string } {
	const headers = signedHeaderMap(input);
	const names = [...headers.keys()].sort();
	const canonical = [
		input.method.toUpperCase(),
		canonicalUri(input.url.pathname),
		canonicalQuery(input.url),
		names.map((name) => `${name}:${headers.get(name)}\n`).join(''),
		names.join(';'),
		input.body === '' ? EMPTY_BODY_SHA256 : createHash('sha256').update(input.body, 'utf8').digest('hex'),
	].join('\n');
	return { canonical, signedHeaders: names.join(';') };
}

/** The `Authorization` header value, byte-identical to Huawei's SDK signer for the same request. */
export function sdkHmacAuthorization(input: SdkHmacInput): string {
	const { canonical, signedHeaders } = sdkHmacCanonicalRequest(input);
	const stringToSign = [SDK_HMAC_ALGORITHM, input.sdkDate, createHash('sha256').update(canonical, 'utf8').digest('hex')].join(
		'\n',
	);
	const signature = createHmac('sha256', input.secretAccessKey).update(stringToSign, 'utf8').digest('hex');
	return `${SDK_HMAC_ALGORITHM} Access=${input.accessKeyId}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
