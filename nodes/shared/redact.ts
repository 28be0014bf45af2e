/**
 * Masks anything that looks like a credential before text reaches an error, an item or a log:
 * vendor messages sometimes echo what they were sent.
 */
const PATTERNS: Array<[RegExp, string]> = [
	[/(TC3-HMAC-SHA256|SDK-HMAC-SHA256)\s+[^\r\n"]*/g, '$1 [redacted]'],
	[/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{8,}/g, '$1 [redacted]'],
	[/\bAKID[A-Za-z0-9]{8,}/g, 'AKID[redacted]'],
	// Huawei access key ids have no fixed prefix: mask the id where a message names an access key
	// ("the access key HPUA... is invalid", "Access=HPUA..."), keeping 4 characters to tell keys apart.
	[/(\baccess[ _-]?key(?:[ _-]?id)?[\s:="']*|\bAccess=)([A-Za-z0-9]{4})[A-Za-z0-9]{8,}/gi, '$1$2[redacted]'],
	[/(Signature=)[0-9a-f]{16,}/gi, '$1[redacted]'],
	[/((?:x-auth-token|x-subject-token|x-security-token|x-tc-token|authorization|password|secretkey|secret_key|secretaccesskey)["']?\s*[:=]\s*["']?)[^"',\s}]+/gi, '$1[redacted]'],
];

export function redact(text: string): string {
	let out = text;
	for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
	return out;
}
