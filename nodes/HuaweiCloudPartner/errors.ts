import type { VendorErrorParts } from '../shared/apiError';
import type { ApiFailure, FailureKind, FailureTable } from '../shared/failure';
import type { OperationSpec } from '../shared/types';

const PERMISSION_CODES = new Set(['CBC.0151', 'CBC.0155']);

/** Huawei's codes worth a sentence of advice (reference section 4 and the per-API lists). */
const ADVICE: Record<string, string> = {
	'APIG.0301':
		'Huawei Cloud could not authenticate the call: check the Access Key ID and Secret Access Key (or user name and password), the Account ID, the site, and that this machine\'s clock is within 15 minutes of the real time.',
	'APIG.0307': 'The IAM token expired and could not be renewed; test the credential.',
	'CBC.0154': 'The IAM token is invalid or expired; test the credential.',
	'CBC.0156': 'This customer belongs to the other Huawei Cloud site: use a credential of the site (Europe or International) where the customer was created.',
	'APIG.0101': 'This endpoint does not serve the API: check the site or the custom endpoint.',
	'CBC.0100': 'Huawei rejected a field value; the message names it.',
	'CBC.0101': 'Huawei rejected a field value; the message names it.',
	'CBC.5001': 'This account is not a Huawei Cloud partner.',
	'CBC.5002': 'The customer does not exist or is not yours.',
	'CBC.99000037': 'You have no permission on this reseller (Indirect Partner ID).',
	'CBC.99000038': 'That account name is already taken: check it first with Check Identity.',
	'CBC.99000039': 'That Sales Platform User ID (xaccount_id) is already used by another customer.',
	'CBC.99000050':
		'The account was created but the association result timed out: do not create it again; look it up with Customer > Get Many filtered by its ID.',
	'CBC.99004008': 'The verification code expired: send a new one.',
	'CBC.99004009': 'The verification code failed more than 3 times: send a new one.',
	'CBC.99004010': 'The verification code is wrong.',
	'CBC.99004015': 'Verification e-mails are limited to 15 an hour and 60 a day: wait before sending again.',
	'CBC.99005035': 'Test (sandbox) partner accounts cannot use this API.',
	'CBC.0250': 'Huawei throttled the call (about 10 per second per API); the node paces and retried.',
	'APIG.0308': 'Huawei throttled the call (about 10 per second per API); the node paces and retried.',
	'CBC.0999': 'Huawei reported an internal error: run again in a moment.',
	'IAM.ServiceError': 'Huawei IAM failed to issue a token (a service error at Huawei, not a wrong password); the call was not sent. Run again in a moment.',
};

/** Huawei's view of retrying: throttled calls (429, `APIG.0308`, `CBC.0250`) did nothing. */
export const HUAWEI_FAILURES: FailureTable = {
	throttled: (code) => code === 'APIG.0308' || code === 'CBC.0250',
	retryLater: (code) => code === 'CBC.0999',
};

/** Names the Action codes an operation needs and where an administrator grants them. */
export function permissionAdvice(spec: OperationSpec): string {
	const { permissions = [], permissionPath } = spec.access ?? {};
	const codes = permissions.join(' or ');
	const where = permissionPath ? ` (${permissionPath})` : '';
	if (codes)
		return `Partner Center refused this call for lack of permission: ${spec.name} needs the Action ${permissions.length > 1 ? 'codes' : 'code'} ${codes}${where}. A Partner Center administrator grants it to your role (Organization > Roles); one of the codes is enough.`;
	// Customer APIs answer a partner's key with the same code as a missing permission.
	if (spec.access?.needsCustomerKey)
		return `Huawei refused this call: ${spec.name} works only with the end customer's own credential (the customer's AK/SK, or an IAM user of the customer's account), not the partner's; an IAM user also needs the customer's permission for it.`;
	return 'Partner Center refused this call: the account or user may not perform it, or the customer is not yours.';
}

/** What Huawei adds to a failed call's error (see vendorApiError): the permission to grant, or advice by code. */
export function explainHuaweiFailure(failure: ApiFailure, _kind: FailureKind, spec: OperationSpec): VendorErrorParts {
	const permission = failure.code !== undefined && PERMISSION_CODES.has(failure.code);
	return {
		advice: permission ? permissionAdvice(spec) : failure.code ? ADVICE[failure.code] : undefined,
		context: permission ? { requiredPermissions: spec.access?.permissions ?? [] } : undefined,
	};
}
