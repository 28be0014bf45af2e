'use strict';
/**
 * Tencent's response envelope. Every answer is HTTP 200 with a single `Response` key; failures
 * carry `Response.Error` (reference 5.1). Handlers throw TencentError and the pipeline wraps it.
 */
const crypto = require('crypto');

class TencentError extends Error {
	/** @param {string} code vendor error code, e.g. `InvalidParameterValue.UinList` */
	constructor(code, message) {
		super(message);
		this.code = code;
	}
}

const newRequestId = () => crypto.randomUUID();

function errorEnvelope(code, message, requestId = newRequestId()) {
	return { Response: { Error: { Code: code, Message: message }, RequestId: requestId } };
}

function successEnvelope(fields, requestId = newRequestId()) {
	return { Response: { ...fields, RequestId: requestId } };
}

/** Messages the real service uses for its common throttling and busy answers. */
const MESSAGES = {
	RequestLimitExceeded: 'Your request frequency has exceeded the limit.',
	'OperationDenied.ServiceBusy': 'System busy. Please try again later.',
	InternalError: 'An internal error occurred. Please try again later.',
};

module.exports = { TencentError, errorEnvelope, successEnvelope, newRequestId, MESSAGES };
