import { httpCodeOf, type VendorErrorParts } from '../shared/apiError';
import { codeUnder, isThrottling, type ApiFailure, type FailureKind, type FailureTable } from '../shared/failure';
import type { OperationSpec } from '../shared/types';

/** Tencent's own codes worth a sentence of advice (reference sections 5.2 and 5.3). */
const ADVICE: Record<string, string> = {
	'AuthFailure.SignatureFailure':
		'The Secret Key does not match the Secret ID. Copy both again into the Tencent Cloud Partner credential.',
	'AuthFailure.SecretIdNotFound':
		'The Secret ID is unknown, deleted or disabled. Check the credential for stray spaces, or create a new key in CAM > API Keys.',
	'AuthFailure.InvalidSecretId': 'The Secret ID is not a Tencent Cloud API key.',
	'AuthFailure.SignatureExpire':
		"The request time was more than 5 minutes off Tencent's clock. Check this machine's clock (NTP), then run again.",
	'AuthFailure.TokenFailure':
		'The Session Token is invalid or expired. Refresh the temporary credentials, or clear the token for a permanent key.',
	'AuthFailure.InvalidAuthorization': 'Tencent could not read the signature. Check that the Endpoint is the International Partners API.',
	'AuthFailure.MFAFailure': 'The key requires MFA; use a CAM user without an MFA condition on API access.',
	'AuthFailure.UnauthorizedOperation':
		'The CAM user behind the key lacks permission for this action. Attach a policy allowing intlpartnersmgt:{action}.',
	'UnauthorizedOperation.UinNoAuth':
		"Tencent says this account may not call {action}: check the caller role, CAM permission intlpartnersmgt:{action}, the channel manager's allowlist, and whether the action needs the end customer's own key.",
	'UnauthorizedOperation.NotCustomerUin': 'The UIN is not one of your customers.',
	'InvalidParameterValue.InvalidUin': 'The UIN is not valid for this account; pick it from your customer list.',
	'InvalidParameterValue.UinList': 'A UIN list must hold 1 to 50 entries.',
	'InvalidParameterValue.CreditAmountOutOfRange':
		"The change would take the customer's credit out of range: credit can go down to 0 but not below.",
	'FailedOperation.BalanceInsufficient':
		'Your remaining allocatable credit is too small for this allocation. Check it with Credit > Get Partner Credit.',
	'InvalidParameterValue.VoucherAmountOutOfRange': 'The amount must be between 0 and 1,000,000.',
	'FailedOperation.MailIsRegistered':
		'This e-mail address already has a Tencent Cloud account. If a previous attempt timed out, the account may already exist: look it up before retrying.',
	'FailedOperation.PhoneBindUpper': 'This mobile number already has the maximum of 5 accounts; use another number.',
	'FailedOperation.VerificationCodeIllegal':
		'The SMS verification code is wrong or expired. Send a new code with Customer > Send Verification Code.',
	'FailedOperation.SendVerifyCodeLimit60': 'A code was sent to this number less than 60 seconds ago. Wait a minute before sending again.',
	'FailedOperation.SendVerifyCodeLimit': 'Too many codes were sent to this number. Wait before sending again.',
	'FailedOperation.SendMailLimit180': 'An invitation was sent less than 3 minutes ago. Wait 3 minutes before sending another.',
	'FailedOperation.TradeInfoIncorrect': 'The layer-2 industry does not belong to the layer-1 industry.',
	'FailedOperation.ExceedMaxBindCount': 'You have reached the maximum number of bound customers.',
	'FailedOperation.ClientNotApply': 'This UIN has no pending application to become your customer.',
	'FailedOperation.UinInvalid': 'The UIN is not valid.',
	'FailedOperation.UinNotAgent': 'The UIN is not a reseller.',
	'InvalidParameterValue.UnSupportArea':
		'International accounts cannot be created for this country code (7, 380 and 86 are not accepted).',
	'InvalidParameterValue.InvalidMonth': 'The month is not valid or not available yet.',
	InvalidAction: 'The Endpoint does not serve this action. Use https://intlpartnersmgt.intl.tencentcloudapi.com.',
	IpNotInWhitelist: "This machine's IP address is not in the account's API allowlist.",
	UnknownParameter: 'Tencent does not accept one of the fields sent.',
};

const PREFIX_ADVICE: Array<[string, string]> = [
	['RequestLimitExceeded', 'Tencent throttled {action} (documented limit {rate} per second). The node paces calls and retried; if this persists, another client shares the key: spread the work over time.'],
	['InvalidParameter', 'Tencent rejected a field value; the message names it.'],
	['MissingParameter', 'A required field was empty.'],
	['OperationDenied.ServiceBusy', 'Tencent was busy. Run again in a moment.'],
	['InternalError', 'Tencent reported an internal error. Run again in a moment.'],
	['ServiceUnavailable', 'Tencent was unavailable. Run again in a moment.'],
	['UnauthorizedOperation', 'This account may not perform {action}; some actions need allowlisting by your Tencent channel manager.'],
	['FailedOperation', 'Tencent refused the operation; the message says why.'],
];

/** Tencent's view of retrying (reference 5.4): throttling was not executed; busy may have been. */
export const TENCENT_FAILURES: FailureTable = {
	throttled: (code) => code.startsWith('RequestLimitExceeded'),
	retryLater: codeUnder(['OperationDenied.ServiceBusy', 'ServiceUnavailable', 'InternalError', 'ResourceUnavailable']),
};

function adviceFor(code: string | undefined, spec: OperationSpec): string | undefined {
	if (!code) return undefined;
	const text = ADVICE[code] ?? PREFIX_ADVICE.find(([prefix]) => code.startsWith(prefix))?.[1];
	return text?.replace(/\{action\}/g, spec.vendorAction).replace(/\{rate\}/g, String(spec.rateLimitPerSecond));
}

function httpCodeFor(failure: ApiFailure): string {
	const code = failure.code ?? '';
	if (isThrottling(failure)) return '429';
	if (code.startsWith('AuthFailure')) return '401';
	if (code.startsWith('UnauthorizedOperation')) return '403';
	if (/^(InvalidParameter|MissingParameter|UnknownParameter|InvalidAction|FailedOperation)/.test(code)) return '400';
	if (/^(InternalError|ServiceUnavailable|OperationDenied)/.test(code)) return '503';
	return httpCodeOf(failure);
}

/** What Tencent adds to a failed call's error (see vendorApiError): advice by code, its RequestId. */
export function explainTencentFailure(failure: ApiFailure, _kind: FailureKind, spec: OperationSpec): VendorErrorParts {
	return { advice: adviceFor(failure.code, spec), requestIdLabel: 'RequestId', httpCode: httpCodeFor(failure) };
}
