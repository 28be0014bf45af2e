'use strict';
/**
 * The Reseller Service's fault body (reference 3.2, CONFIRMED shape):
 * `{"ErrorDetail":{"Message":"..."},"ErrorType":"ArgumentFaultContract"}` with HTTP 400.
 *
 * Only `ArgumentFaultContract` is published. `SecurityFaultContract` (an account that is not under
 * the calling reseller) and `InternalFaultContract` (the `internalError` injected fault) are the
 * sandbox's guesses at the other names; clients must treat ErrorType as an open string.
 */

class ResellerFault extends Error {
	/**
	 * @param {string} type ErrorType, e.g. `ArgumentFaultContract`
	 * @param {string} message ErrorDetail.Message
	 * @param {number} [status] HTTP status (400 for every published fault)
	 */
	constructor(type, message, status = 400) {
		super(message);
		this.type = type;
		this.status = status;
	}
}

const ARGUMENT = 'ArgumentFaultContract';
const SECURITY = 'SecurityFaultContract';
const INTERNAL = 'InternalFaultContract';

/** What .NET says when the `request` argument arrives null (empty or unreadable body). */
const NULL_REQUEST = 'Value cannot be null. Parameter name: request';

const argumentFault = (message) => new ResellerFault(ARGUMENT, message);
const securityFault = (message) => new ResellerFault(SECURITY, message);

function faultBody(type, message) {
	return { ErrorDetail: { Message: message }, ErrorType: type };
}

module.exports = { ResellerFault, ARGUMENT, SECURITY, INTERNAL, NULL_REQUEST, argumentFault, securityFault, faultBody };
