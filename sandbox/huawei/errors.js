'use strict';
/**
 * Huawei's error shapes. Three envelopes exist and clients meet all of them:
 * - API gateway (auth, throttling, routing): `{ error_code: 'APIG.xxxx', error_msg, request_id }`;
 * - BSS backend (validation, business rules): `{ error_code: 'CBC.xxxx', error_msg }`;
 * - IAM (`/v3/auth/...`): `{ error: { code, message, title } }`.
 * Handlers throw HuaweiError; the pipeline picks the envelope from `kind`.
 */
const crypto = require('crypto');

class HuaweiError extends Error {
	/**
	 * @param {number} status HTTP status
	 * @param {string} code error_code (`APIG.0301`, `CBC.0100`...), or the IAM title for kind 'iam'
	 * @param {string} message error_msg
	 * @param {{ kind?: 'apig'|'cbc'|'iam', extra?: object, headers?: object }} [options]
	 *   extra: additional body fields (e.g. `domain_id` on CBC.99000050)
	 */
	constructor(status, code, message, { kind, extra, headers } = {}) {
		super(message);
		this.status = status;
		this.code = code;
		this.kind = kind || (code.startsWith('APIG.') ? 'apig' : 'cbc');
		this.extra = extra || null;
		this.headers = headers || {};
	}
}

/** Request ids look like the real X-Request-Id: 32 lower-case hex characters. */
const newRequestId = () => crypto.randomUUID().replace(/-/g, '');

const IAM_TITLES = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error' };

/** The JSON body for an error, in the envelope of its kind. */
function errorBody(error, requestId) {
	if (error.kind === 'iam') return { error: { code: error.status, message: error.message, title: IAM_TITLES[error.status] || 'Error' } };
	const body = { error_code: error.code, error_msg: error.message };
	if (error.kind === 'apig') body.request_id = requestId;
	return error.extra ? { ...body, ...error.extra } : body;
}

/** Fixed wording of the errors the sandbox answers most. */
const MESSAGES = {
	throttled: 'The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second',
	tokenExpired: 'The token must be updated.',
	signatureMismatch: 'Incorrect IAM authentication information: verify aksk signature fail',
	accessDenied: 'Access denied. The operator does not have the permission.',
	internalError: 'Internal system error. Please try again later.',
	serviceBusy: 'The system is busy. Please try again later.',
};

const apig = (status, code, message, headers) => new HuaweiError(status, code, message, { kind: 'apig', headers });
const cbc = (status, code, message, extra) => new HuaweiError(status, code, message, { kind: 'cbc', extra });
const iam = (status, message) => new HuaweiError(status, `IAM.${status}`, message, { kind: 'iam' });

/** 400 CBC.0100 naming the field: the answer to every request-validation failure. */
const invalidParam = (message) => cbc(400, 'CBC.0100', message);
/** 403 CBC.0151: missing permission item, wrong caller type. Generic on purpose, like the real one. */
const accessDenied = () => cbc(403, 'CBC.0151', MESSAGES.accessDenied);

module.exports = { HuaweiError, newRequestId, errorBody, MESSAGES, apig, cbc, iam, invalidParam, accessDenied };
