'use strict';
/**
 * TC3-HMAC-SHA256 verification (reference section 4), in the same order of checks as the real
 * service: header shape, timestamp freshness, key lookup, STS token, then the signature itself.
 *
 * The expected signature is recomputed with the VENDOR SDK's own signer (`Sign.sign3` from
 * tencentcloud-sdk-nodejs-intl-en), never with the package's signer, so a bug in the package's
 * signing code cannot be mirrored here and hidden.
 */
const crypto = require('crypto');
const Sign = require('tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/sign.js');
const { TencentError } = require('./errors');
const { KEY_TABLE } = require('./keys');

const SERVICE = 'intlpartnersmgt';
const MAX_SKEW_SEC = 300;
const AUTH_SHAPE = /^TC3-HMAC-SHA256 Credential=([^/\s,]+)\/([^/\s,]+)\/([^/\s,]+)\/tc3_request, SignedHeaders=([^\s,]+), Signature=([^\s,]+)$/;

/** UTC date of a Unix timestamp, as the credential scope spells it. */
function utcDate(timestampSec) {
	return new Date(timestampSec * 1000).toISOString().slice(0, 10);
}

/** Hostname of the Host header without the port (sign3 signs only the hostname). */
function hostnameOf(hostHeader) {
	try {
		return new URL(`http://${hostHeader}`).hostname;
	} catch {
		return null;
	}
}

function safeEqual(a, b) {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Verifies one request. Throws TencentError on failure; returns the key's record on success.
 * @param {import('http').IncomingMessage} req
 * @param {Buffer} rawBody exactly the bytes received
 * @param {number} nowSec sandbox clock, Unix seconds
 */
function authenticate(req, rawBody, nowSec) {
	const authorization = req.headers.authorization;
	const shape = typeof authorization === 'string' ? AUTH_SHAPE.exec(authorization) : null;
	if (!shape) {
		throw new TencentError(
			'AuthFailure.InvalidAuthorization',
			'The Authorization header is missing or malformed; expected `TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=..., Signature=...`.',
		);
	}
	const [, secretId, scopeDate, scopeService] = shape;

	const timestampHeader = /** @type {string|undefined} */ (req.headers['x-tc-timestamp']);
	const timestamp = /^\d{1,12}$/.test(timestampHeader || '') ? Number(timestampHeader) : NaN;
	if (!Number.isFinite(timestamp) || Math.abs(nowSec - timestamp) > MAX_SKEW_SEC) {
		throw new TencentError(
			'AuthFailure.SignatureExpire',
			timestampHeader === undefined
				? 'The X-TC-Timestamp header is missing.'
				: `Signature expired: X-TC-Timestamp ${timestampHeader} is more than ${MAX_SKEW_SEC} seconds away from the server time ${nowSec}.`,
		);
	}

	const key = KEY_TABLE.get(secretId);
	if (!key) throw new TencentError('AuthFailure.SecretIdNotFound', 'The SecretId is not found, please ensure that your SecretId is correct.');

	if (key.token !== null) {
		const token = req.headers['x-tc-token'];
		if (typeof token !== 'string' || !safeEqual(token, key.token)) {
			throw new TencentError('AuthFailure.TokenFailure', 'The X-TC-Token is missing, invalid or does not belong to the temporary SecretId.');
		}
	}

	if (scopeDate !== utcDate(timestamp)) {
		throw new TencentError('AuthFailure.SignatureFailure', `The credential scope date ${scopeDate} is not the UTC date of X-TC-Timestamp (${utcDate(timestamp)}).`);
	}
	if (scopeService !== SERVICE) {
		throw new TencentError('AuthFailure.SignatureFailure', `The credential scope service must be ${SERVICE}.`);
	}

	const hostname = hostnameOf(req.headers.host || '');
	if (!hostname) throw new TencentError('AuthFailure.SignatureFailure', 'The Host header is missing or invalid.');
	const query = (req.url || '/').includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
	const expected = Sign.sign3({
		method: 'POST',
		url: `https://${hostname}/${query}`,
		payload: rawBody,
		timestamp,
		service: SERVICE,
		secretId,
		secretKey: key.secretKey,
		headers: { 'Content-Type': req.headers['content-type'] },
	});
	if (!safeEqual(authorization, expected)) {
		throw new TencentError(
			'AuthFailure.SignatureFailure',
			'The provided credentials could not be validated. Please check your signature is correct.',
		);
	}
	return key;
}

module.exports = { authenticate, SERVICE };
