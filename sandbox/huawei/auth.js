'use strict';
/**
 * Authentication of Partner Center and IAM calls (reference 2), in the API gateway's order:
 * an `X-Auth-Token` is checked against the IAM token store; otherwise the request must carry an
 * `SDK-HMAC-SHA256` signature, checked as shape -> AK -> X-Sdk-Date freshness -> STS token ->
 * signed-header rules -> body form -> signature -> X-Domain-Id.
 *
 * The expected signature is computed with the VENDOR SDK's own signer (`AKSKSigner.sign` from
 * @huaweicloud/huaweicloud-sdk-core), never with the package's signer, so a bug in the package's
 * signing code cannot be mirrored here and hidden. The request handed to it is rebuilt from what
 * was received, the way the SDK would have described it before sending.
 */
const crypto = require('crypto');
/** The SDK's signer; typed loosely: the sandbox hands it plain `{ getAk, getSk }` credentials. */
const AKSKSigner = /** @type {any} */ (require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner').AKSKSigner);
const { apig, MESSAGES } = require('./errors');
const { KEY_TABLE } = require('./keys');
const { parseSdkDate } = require('./time');

const MAX_SKEW_SEC = 15 * 60;
const AUTH_SHAPE = /^SDK-HMAC-SHA256 Access=([^\s,]+), SignedHeaders=([^\s,]+), Signature=([0-9a-f]{64})$/;
const PREFIX = 'Incorrect IAM authentication information: ';

const denied = (detail) => apig(401, 'APIG.0301', PREFIX + detail);

function safeEqual(a, b) {
	const x = Buffer.from(String(a));
	const y = Buffer.from(String(b));
	return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * The body as AKSKSigner sees it: it hashes `JSON.stringify(request.data)`, so a body can only be
 * verified if it is exactly that serialisation of itself (no spaces, no `500.00`, no escaped
 * non-ASCII, valid UTF-8). An empty body is `undefined` (the signer then uses the empty hash).
 * A body such as `null` or `0` would be hashed as empty by the signer although bytes were sent,
 * so it cannot match either.
 */
function signedData(rawBody) {
	if (!rawBody.length) return { ok: true, data: undefined };
	const text = rawBody.toString('utf8');
	if (!Buffer.from(text, 'utf8').equals(rawBody)) return { ok: false };
	let data;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false };
	}
	return data && JSON.stringify(data) === text ? { ok: true, data } : { ok: false };
}

/** Query parameters as the SDK passes them to the signer: decoded, arrays for repeated names. */
function signerQuery(search) {
	const params = {};
	if (!search) return params;
	for (const part of search.split('&')) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		const name = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
		const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
		if (!Object.prototype.hasOwnProperty.call(params, name)) params[name] = value;
		else params[name] = [].concat(params[name], value);
	}
	return params;
}

/**
 * Verifies an AK/SK-signed request. Throws HuaweiError (401 APIG.0301); returns the key record.
 * @param {import('http').IncomingMessage} req
 * @param {Buffer} rawBody exactly the bytes received
 * @param {number} nowSec sandbox clock, Unix seconds
 * @param {{ requireDomainId: boolean }} options false for IAM's own `GET /v3/auth/domains`
 */
function verifyAkSk(req, rawBody, nowSec, { requireDomainId }) {
	const authorization = req.headers.authorization;
	const shape = AUTH_SHAPE.exec(authorization);
	if (!shape) {
		throw denied('the Authorization header is malformed; expected `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<names>, Signature=<hex>`');
	}
	const [, accessKey, signedHeaderList] = shape;
	const key = KEY_TABLE.get(accessKey);
	if (!key) throw denied(`the access key ${accessKey} is invalid or does not exist`);

	const sdkDate = req.headers['x-sdk-date'];
	const dateSec = typeof sdkDate === 'string' ? parseSdkDate(sdkDate) : null;
	if (sdkDate === undefined) throw denied('the X-Sdk-Date header (request date) is missing');
	if (dateSec === null) throw denied(`the request date X-Sdk-Date ${JSON.stringify(sdkDate)} is malformed; expected YYYYMMDDTHHMMSSZ in UTC`);
	if (Math.abs(nowSec - dateSec) > MAX_SKEW_SEC) {
		throw denied(`the request date X-Sdk-Date ${sdkDate} is more than 15 minutes away from the server clock; check the client clock`);
	}

	if (key.securityToken !== null) {
		const token = req.headers['x-security-token'];
		if (typeof token !== 'string' || !safeEqual(token, key.securityToken)) {
			throw denied('the X-Security-Token is missing or does not belong to the temporary access key');
		}
	}

	const signedNames = signedHeaderList.split(';');
	if (!signedNames.includes('host') || !signedNames.includes('x-sdk-date')) {
		throw denied('SignedHeaders must include host and x-sdk-date');
	}
	const headers = {};
	for (const name of signedNames) {
		if (name === 'x-sdk-date') continue;
		const value = req.headers[name];
		if (value === undefined) throw denied(`the signed header ${name} is not in the request`);
		headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	headers['X-Sdk-Date'] = sdkDate;

	const body = signedData(rawBody);
	if (!body.ok) throw denied('body does not match signature');

	const target = req.url || '/';
	const q = target.indexOf('?');
	let queryParams;
	try {
		queryParams = signerQuery(q < 0 ? '' : target.slice(q + 1));
	} catch {
		throw apig(401, 'APIG.0301', MESSAGES.signatureMismatch);
	}
	const expected = AKSKSigner.sign(
		{
			method: req.method,
			endpoint: `http://${req.headers.host || ''}${q < 0 ? target : target.slice(0, q)}`,
			headers,
			queryParams,
			data: body.data,
		},
		{ getAk: () => key.accessKeyId, getSk: () => key.secretAccessKey },
	).Authorization;
	if (!safeEqual(authorization, expected)) throw apig(401, 'APIG.0301', MESSAGES.signatureMismatch);

	if (requireDomainId) {
		const domainId = req.headers['x-domain-id'];
		if (domainId === undefined) throw denied('calls to a global service signed with AK/SK must carry the X-Domain-Id header (the account ID)');
		if (domainId !== key.domainId) throw denied('the X-Domain-Id does not match the account of the access key');
	}
	return key;
}

/**
 * Identifies the caller of a request. Returns a caller record:
 * { auth: 'aksk'|'token', principals (for permission lookups), limiterKey, role, partnerId?,
 *   distributor?, customerId?, domain, operator, userName? }.
 * @param {import('http').IncomingMessage} req
 * @param {Buffer} rawBody
 * @param {{ tokens: object, nowMs: number, requireDomainId: boolean }} options
 */
function authenticate(req, rawBody, { tokens, nowMs, requireDomainId }) {
	const token = req.headers['x-auth-token'];
	if (token !== undefined) {
		const session = tokens.lookup(String(token), nowMs);
		if (!session) throw apig(401, 'APIG.0307', MESSAGES.tokenExpired);
		const user = session.user;
		return { ...user, auth: 'token', principals: [`user:${user.userName}`], limiterKey: `user:${user.userId}`, userName: user.userName };
	}
	if (req.headers.authorization === undefined) throw denied('no X-Auth-Token and no Authorization header; sign the request with AK/SK or send an IAM token');
	const key = verifyAkSk(req, rawBody, Math.floor(nowMs / 1000), { requireDomainId });
	return { ...key, auth: 'aksk', principals: [`ak:${key.accessKeyId}`], limiterKey: `ak:${key.accessKeyId}` };
}

module.exports = { authenticate, verifyAkSk, signedData, MAX_SKEW_SEC };
