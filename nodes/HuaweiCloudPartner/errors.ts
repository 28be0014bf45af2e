import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiFailure, FailureKind } from '../shared/failure';
import { redact } from '../shared/redact';
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
};

export function classifyHuaweiFailure(failure: ApiFailure): FailureKind {
	const code = failure.code ?? '';
	if (failure.httpStatus === 429 || code === 'APIG.0308' || code === 'CBC.0250') return 'notProcessed';
	if (code === 'CBC.0999') return 'transient';
	if (failure.network || failure.timeout) return 'transient';
	if (failure.httpStatus !== undefined && failure.httpStatus >= 500) return 'transient';
	return 'permanent';
}

/** Names the Action codes an operation needs and where an administrator grants them. */
export function permissionAdvice(spec: OperationSpec): string {
	const codes = (spec.permissions ?? []).join(' or ');
	const where = spec.permissionPath ? ` (${spec.permissionPath})` : '';
	return codes
		? `Partner Center refused this call for lack of permission: ${spec.name} needs the Action ${spec.permissions!.length > 1 ? 'codes' : 'code'} ${codes}${where}. A Partner Center administrator grants it to your role (Organization > Roles); one of the codes is enough.`
		: 'Partner Center refused this call: the account or user may not perform it, or the customer is not yours.';
}

export function huaweiNodeApiError(
	node: INode,
	spec: OperationSpec,
	failure: ApiFailure,
	kind: FailureKind,
	attempts: number,
	itemIndex: number,
): NodeApiError {
	const ambiguousWrite = spec.write && kind === 'transient';
	const what = failure.code ? `${failure.code}: ${redact(failure.message)}` : redact(failure.message);
	const message = ambiguousWrite
		? `Huawei Cloud ${spec.vendorAction}: outcome unknown (${what})`
		: `Huawei Cloud ${spec.vendorAction} failed: ${what}`;
	const parts: string[] = [];
	if (ambiguousWrite) {
		parts.push(
			`The request was sent but no clear answer came back, so it may or may not have been applied. It was not repeated.${spec.verifyHint ? ` ${spec.verifyHint}` : ''}`,
		);
	}
	if (failure.code && PERMISSION_CODES.has(failure.code)) parts.push(permissionAdvice(spec));
	else if (failure.code && ADVICE[failure.code]) parts.push(ADVICE[failure.code]);
	if (failure.timeout && !ambiguousWrite) parts.push('No answer came within the timeout; raise Options > Timeout.');
	if (failure.network && !ambiguousWrite) parts.push('The connection failed; check the site or endpoint and the network.');
	if (attempts > 1) parts.push(`Tried ${attempts} times.`);
	if (failure.detail) parts.push(redact(failure.detail));
	if (failure.requestId) parts.push(`Request ID: ${failure.requestId}`);

	const httpCode = failure.httpStatus ? String(failure.httpStatus) : failure.timeout ? '504' : '502';
	const error = new NodeApiError(
		node,
		{ message: what, code: failure.code ?? null, requestId: failure.requestId ?? null } as JsonObject,
		{ message, description: parts.join(' '), httpCode, itemIndex },
	);
	error.context.vendorCode = failure.code;
	error.context.requestId = failure.requestId;
	if (failure.code && PERMISSION_CODES.has(failure.code)) error.context.requiredPermissions = spec.permissions ?? [];
	if (ambiguousWrite) error.context.outcome = 'unknown';
	return error;
}
