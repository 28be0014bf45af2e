import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { huaweiCredentialTest, huaweiRequestUrl } from './HuaweiCloudPartnerApi.credentials';
import { bssEndpointOf, endpointProperty, iamEndpointOf, siteProperty } from './huaweiSites';
import { authenticatedRequest, refuseRedirect, sameHostOnly, serialiseJsonBody, withoutHeaders } from './signing/requestParts';
import { finishSentences } from '../nodes/shared/sentences';

/** The password-login body of IAM's POST /v3/auth/tokens, scoped to the partner's domain. */
export function iamTokenRequestBody(credentials: ICredentialDataDecryptedObject): IDataObject {
	const domainName = String(credentials.domainName ?? '').trim();
	return {
		auth: {
			identity: {
				methods: ['password'],
				password: {
					user: {
						name: String(credentials.userName ?? '').trim(),
						password: String(credentials.password ?? ''),
						domain: { name: domainName },
					},
				},
			},
			scope: { domain: { name: domainName } },
		},
	};
}

export class HuaweiCloudPartnerIamApi implements ICredentialType {
	name = 'huaweiCloudPartnerIamApi';

	displayName = 'Huawei Cloud Partner IAM Token API';

	icon: Icon = { light: 'file:icons/huaweiCloud.svg', dark: 'file:icons/huaweiCloud.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-cloud-partners/n8n-nodes-cloud-partners/tree/main/packages/n8n-nodes-huawei-cloud-partner#credential-setup';

	properties: INodeProperties[] = finishSentences([
		siteProperty,
		endpointProperty,
		{
			displayName: 'IAM Endpoint',
			name: 'iamEndpoint',
			type: 'string',
			default: '',
			placeholder: 'https://iam.eu-west-101.myhuaweicloud.eu',
			description:
				"Where tokens come from. Leave empty for the site's IAM endpoint (Europe: https://iam.eu-west-101.myhuaweicloud.eu, International: https://iam.myhuaweicloud.com).",
		},
		{
			displayName: 'Account Name',
			name: 'domainName',
			type: 'string',
			default: '',
			required: true,
			description: 'Partner account name (domain name) the user belongs to',
		},
		{
			displayName: 'User Name',
			name: 'userName',
			type: 'string',
			default: '',
			required: true,
			description:
				'IAM user of the partner account (or the account name itself). An account upgraded to a HUAWEI ID needs an IAM user.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	]);

	/**
	 * Gets a domain-scoped token (valid 24 hours). n8n calls this when there is no token yet and
	 * again when Huawei answers 401 because the token expired, then repeats the call once.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = (await this.helpers.httpRequest(
			sameHostOnly({
				method: 'POST',
				url: `${iamEndpointOf(credentials).replace(/\/+$/, '')}/v3/auth/tokens?nocatalog=true`,
				headers: { 'Content-Type': 'application/json;charset=utf8' },
				body: iamTokenRequestBody(credentials),
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			}),
		)) as { statusCode: number; headers: IDataObject; body: IDataObject };
		refuseRedirect(response.statusCode, response.headers, 'Huawei IAM (token request)', 'the user name and password');
		const detail = (response.body?.error as IDataObject | undefined)?.message ?? response.body?.error_msg ?? '';
		if (response.statusCode >= 500 || response.statusCode === 429) {
			// Huawei's trouble, not a wrong password: the node retries it like any 5xx and says so.
			throw Object.assign(
				new Error(`Huawei IAM could not issue a token (HTTP ${response.statusCode}${typeof detail === 'string' && detail ? `: ${detail.slice(0, 200)}` : ''}); a service error at Huawei`),
				{ iamHttpStatus: response.statusCode },
			);
		}
		if (response.statusCode >= 300) {
			throw new Error(`Huawei IAM refused the login (HTTP ${response.statusCode}${detail ? `: ${String(detail)}` : ''}). Check the account name, user name, password and IAM endpoint.`);
		}
		const token = response.headers['x-subject-token'];
		if (typeof token !== 'string' || token === '') {
			throw new Error('Huawei IAM answered without an X-Subject-Token header; check the IAM Endpoint');
		}
		return { token };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const method = (requestOptions.method ?? 'GET').toUpperCase();
		const url = huaweiRequestUrl(requestOptions, bssEndpointOf(credentials));
		const noBody = method === 'GET' || method === 'HEAD' || method === 'DELETE';
		const body = noBody && (requestOptions.body === undefined || requestOptions.body === '') ? undefined : serialiseJsonBody(requestOptions.body, '{}');
		const headers: IDataObject = withoutHeaders((requestOptions.headers ?? {}) as IDataObject, ['X-Auth-Token', 'Authorization', 'Content-Type']);
		headers['Content-Type'] = 'application/json';
		headers['X-Auth-Token'] = String(credentials.token ?? '');
		return authenticatedRequest(requestOptions, { ...requestOptions, url: url.toString(), baseURL: undefined, qs: undefined, body, headers });
	}

	test = huaweiCredentialTest;
}
