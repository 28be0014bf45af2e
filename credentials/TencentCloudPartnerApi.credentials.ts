import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authenticatedRequest, findHeader, REDIRECT_TEST_RULES, resolveRequestUrl, serialiseJsonBody, withoutHeaders } from './signing/requestParts';
import { tc3Authorization } from './signing/tc3';
import { finishSentences } from '../nodes/shared/sentences';

export const TENCENT_PARTNER_SERVICE = 'intlpartnersmgt';
export const TENCENT_PARTNER_VERSION = '2022-09-28';
export const TENCENT_DEFAULT_ENDPOINT = 'https://intlpartnersmgt.intl.tencentcloudapi.com';
const CONTENT_TYPE = 'application/json';

const WRONG_ENDPOINT = `the Endpoint does not serve the International Partners API. Use ${TENCENT_DEFAULT_ENDPOINT}.`;

/**
 * The codes Tencent answers inside an HTTP 200 when a key cannot make the test call, each with
 * the sentence a person needs. n8n's credential test compares one code per rule.
 */
const TEST_FAILURES: Array<[code: string, message: string]> = [
	['AuthFailure.SignatureFailure', 'the Secret Key does not match the Secret ID. Copy both again from CAM > API Keys.'],
	['AuthFailure.SecretIdNotFound', 'the Secret ID is unknown, deleted or disabled. Check for stray spaces or create a key in CAM > API Keys.'],
	['AuthFailure.InvalidSecretId', 'the Secret ID is not a Tencent Cloud API key (it should start with AKID).'],
	['AuthFailure.SignatureExpire', "the request time was more than 5 minutes off Tencent's clock. Check this machine's clock."],
	['AuthFailure.TokenFailure', 'the Session Token is invalid or expired. Refresh the temporary credentials, or clear the token for a permanent key.'],
	['AuthFailure.InvalidAuthorization', 'the Authorization header was rejected. Check the Endpoint points at the International Partners API.'],
	['AuthFailure.MFAFailure', 'the key requires MFA. Use an API key of a CAM user without an MFA condition.'],
	['AuthFailure.UnauthorizedOperation', 'the CAM user lacks permission intlpartnersmgt:QueryPartnerCredit. Attach a policy that allows the intlpartnersmgt actions you use.'],
	['UnauthorizedOperation.UinNoAuth', 'the key works, but its account is not a partner (distributor, reseller or second-level reseller) or lacks the permission. An end customer\'s own key cannot pass this test.'],
	['InvalidAction', WRONG_ENDPOINT],
	['IpNotInWhitelist', "this machine's IP address is not in the account's API IP allowlist."],
	['IpInBlacklist', "this machine's IP address is blocked for API access."],
	['RequestLimitExceeded', 'Tencent throttled the test call. Wait a second and test again.'],
	['OperationDenied.ServiceBusy', 'Tencent was busy. Test again in a moment.'],
	['InternalError', 'Tencent reported an internal error. Test again in a moment.'],
	['FailedOperation', 'Tencent could not complete the test call (QueryPartnerCredit).'],
];

export class TencentCloudPartnerApi implements ICredentialType {
	name = 'tencentCloudPartnerApi';

	displayName = 'Tencent Cloud Partner API';

	icon: Icon = { light: 'file:icons/tencentCloud.svg', dark: 'file:icons/tencentCloud.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-cloud-partners/n8n-nodes-cloud-partners/tree/main/packages/n8n-nodes-tencent-cloud-partner#credential-setup';

	properties: INodeProperties[] = finishSentences([
		{
			displayName: 'Secret ID',
			name: 'secretId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'AKID...',
			description:
				'SecretId of a Tencent Cloud API key (CAM > Access Keys > API Keys). Use a CAM user with the intlpartnersmgt permissions your workflows need.',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'SecretKey that belongs to the Secret ID',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for temporary (STS) credentials: the token issued with the temporary Secret ID and Key. Sent as X-TC-Token. Leave empty for a permanent key.',
		},
		{
			displayName: 'Endpoint',
			name: 'endpoint',
			type: 'string',
			default: TENCENT_DEFAULT_ENDPOINT,
			description:
				'Base URL of the International Partners API. The legacy host https://intlpartnersmgt.tencentcloudapi.com also works; change it only for that host or a local sandbox.',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			options: [
				{ name: 'English', value: 'en-US' },
				{ name: 'Chinese (Simplified)', value: 'zh-CN' },
			],
			default: 'en-US',
			description: 'Language of error messages and of some names in responses (X-TC-Language)',
		},
	]);

	/**
	 * Signs with TC3-HMAC-SHA256. The node names the action and version in the `X-TC-Action` and
	 * `X-TC-Version` headers and puts the parameters in `body`; the body is serialised here once and
	 * exactly those bytes are signed and sent.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const incoming = (requestOptions.headers ?? {}) as IDataObject;
		const action = findHeader(incoming, 'X-TC-Action');
		if (!action) {
			throw new Error('Tencent Cloud request has no X-TC-Action header: the node must name the API action');
		}
		const version = findHeader(incoming, 'X-TC-Version') ?? TENCENT_PARTNER_VERSION;
		// A request without a base URL goes to the credential's own endpoint.
		const endpoint = String(credentials.endpoint ?? '').trim() || TENCENT_DEFAULT_ENDPOINT;
		const url = resolveRequestUrl({ ...requestOptions, baseURL: requestOptions.baseURL || endpoint });
		const payload = serialiseJsonBody(requestOptions.body, '{}');
		const timestamp = Math.floor(Date.now() / 1000);
		const secretId = String(credentials.secretId ?? '').trim();
		const secretKey = String(credentials.secretKey ?? '').trim();
		const sessionToken = String(credentials.sessionToken ?? '').trim();

		const authorization = tc3Authorization({
			secretId,
			secretKey,
			hostname: url.hostname,
			timestamp,
			payload,
			contentType: CONTENT_TYPE,
			service: TENCENT_PARTNER_SERVICE,
			method: 'POST',
			path: url.pathname,
			query: url.search.slice(1),
		});

		// Drop anything we set ourselves (whatever its case) and X-TC-Region, which this service never takes.
		const headers: IDataObject = withoutHeaders(incoming, [
			'X-TC-Action',
			'X-TC-Version',
			'X-TC-Region',
			'X-TC-Timestamp',
			'X-TC-Token',
			'X-TC-Language',
			'Authorization',
			'Content-Type',
			'Host',
		]);
		headers['Content-Type'] = CONTENT_TYPE;
		headers['X-TC-Action'] = action;
		headers['X-TC-Version'] = version;
		headers['X-TC-Timestamp'] = String(timestamp);
		headers['X-TC-Language'] = String(credentials.language || 'en-US');
		headers['X-TC-RequestClient'] = 'n8n-nodes-cloud-partners';
		if (sessionToken) headers['X-TC-Token'] = sessionToken;
		headers.Authorization = authorization;

		return authenticatedRequest(requestOptions, {
			...requestOptions,
			method: 'POST',
			url: url.toString(),
			baseURL: undefined,
			qs: undefined,
			body: payload,
			headers,
		});
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.endpoint}}',
			url: '/',
			method: 'POST',
			headers: { 'X-TC-Action': 'QueryPartnerCredit', 'X-TC-Version': TENCENT_PARTNER_VERSION },
			body: {},
			json: true,
		},
		// Tencent errors come in a 200 body; a wrong path or a redirect is an HTTP status. n8n checks
		// the responseCode rules when the call fails and the body rules when it answers; its type
		// wants one kind per list, its tester takes both.
		rules: [
			{ type: 'responseCode', properties: { value: 404, message: `HTTP 404: ${WRONG_ENDPOINT}` } },
			...TEST_FAILURES.map(([code, message]) => ({
				type: 'responseSuccessBody' as const,
				properties: { key: 'Response.Error.Code', value: code, message: `${code}: ${message}` },
			})),
			...REDIRECT_TEST_RULES.map(({ status, message }) => ({ type: 'responseCode' as const, properties: { value: status, message } })),
		] as ICredentialTestRequest['rules'],
	};
}
