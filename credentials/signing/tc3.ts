import { createHash, createHmac } from 'crypto';

/** Everything TC3-HMAC-SHA256 needs; nothing is read from the environment or the clock. */
export interface Tc3SigningInput {
	secretId: string;
	secretKey: string;
	/** Host name without port: the official SDK signs `URL.hostname`, so we do too. */
	hostname: string;
	/** Unix time in seconds; the credential-scope date is derived from it in UTC. */
	timestamp: number;
	/** The exact body string that will be sent. */
	payload: string;
	contentType: string;
	service: string;
	method?: string;
	path?: string;
	query?: string;
}

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

const sha256Hex = (message: string) => createHash('sha256').update(message, 'utf8').digest('hex');
const hmac = (key: string | Buffer, message: string) =>
	createHmac('sha256', key).update(message, 'utf8').digest();

/** UTC calendar date of a Unix timestamp, `YYYY-MM-DD`. */
export function tc3Date(timestamp: number): string {
	return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export function tc3CanonicalRequest(input: Tc3SigningInput): string {
	const method = input.method ?? 'POST';
	return [
		method,
		input.path ?? '/',
		input.query ?? '',
		`content-type:${input.contentType}\nhost:${input.hostname}\n`,
		'content-type;host',
		sha256Hex(input.payload),
	].join('\n');
}

export function tc3StringToSign(input: Tc3SigningInput): string {
	const scope = `${tc3Date(input.timestamp)}/${input.service}/tc3_request`;
	return [TC3_ALGORITHM, String(input.timestamp), scope, sha256Hex(tc3CanonicalRequest(input))].join(
		'\n',
	);
}

/** The `Authorization` header value, byte-identical to the official SDK's for the same input. */
export function tc3Authorization(input: Tc3SigningInput): string {
	const date = tc3Date(input.timestamp);
	const kDate = hmac(`TC3${input.secretKey}`, date);
	const kService = hmac(kDate, input.service);
	const kSigning = hmac(kService, 'tc3_request');
	const signature = createHmac('sha256', kSigning)
		.update(tc3StringToSign(input), 'utf8')
		.digest('hex');
	return `${TC3_ALGORITHM} Credential=${input.secretId}/${date}/${input.service}/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`;
}
