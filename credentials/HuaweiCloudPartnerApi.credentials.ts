import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { bssEndpointOf, endpointProperty, iamEndpointOf, siteProperty } from './huaweiSites';
import { authenticatedRequest, REDIRECT_TEST_RULES, refuseRedirect, resolveRequestUrl, sameHostOnly, serialiseJsonBody, withoutHeaders } from './signing/requestParts';
import { encodedQuery, queryPairs, sdkDateOf, sdkHmacAuthorization } from './signing/sdkHmac';
import { finishSentences } from '../nodes/shared/sentences';

const CONTENT_TYPE = 'application/json';

/** Headers this credential sets itself; whatever the node passed under these names is replaced. */
const OWN_HEADERS = ['Authorization', 'X-Sdk-Date', 'X-Security-Token', 'X-Domain-Id', 'X-Auth-Token', 'Content-Type', 'Host'];

interface SignableRequest {
	method: string;
	url: URL;
	headers: IDataObject;
	body: string;
}

/**
 * Signs one request with SDK-HMAC-SHA256: serialises the body once, puts the query into the URL
 * in canonical order, and signs every header it sends.
 */
export function signHuaweiRequest(
	request: SignableRequest,
	credentials: { accessKeyId: string; secretAccessKey: string; securityToken?: string; domainId?: string },
	now: Date,
): { url: string; headers: IDataObject } {
	const sdkDate = sdkDateOf(now);
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(withoutHeaders(request.headers, OWN_HEADERS))) {
		if (value !== undefined && value !== null) headers[name] = String(value).trim();
	}
	headers['Content-Type'] = CONTENT_TYPE;
	if (credentials.domainId) headers['X-Domain-Id'] = credentials.domainId;
	if (credentials.securityToken) headers['X-Security-Token'] = credentials.securityToken;
	headers['X-Sdk-Date'] = sdkDate;
	const authorization = sdkHmacAuthorization({
		method: request.method,
		url: request.url,
		headers: Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'X-Sdk-Date')),
		body: request.body,
		accessKeyId: credentials.accessKeyId,
		secretAccessKey: credentials.secretAccessKey,
		sdkDate,
	});
	return { url: request.url.toString(), headers: { ...headers, Authorization: authorization } };
}

/**
 * The address of a Huawei call, the same for AK/SK and the IAM token: the query rebuilt in the
 * canonical order with RFC 3986 escapes (a space is %20, a plus sign %2B), as the SDK sends it, so
 * the gateway decodes exactly what was signed and each value arrives exactly as given.
 */
export function huaweiRequestUrl(requestOptions: IHttpRequestOptions, defaultBase: string): URL {
	const url = resolveRequestUrl({ ...requestOptions, baseURL: requestOptions.baseURL || defaultBase });
	url.search = encodedQuery(queryPairs(url.search));
	return url;
}

/** The request as it will be sent: absolute URL with its query folded in, body as a string. */
export function signableRequest(requestOptions: IHttpRequestOptions, defaultBase: string): SignableRequest {
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	const url = huaweiRequestUrl(requestOptions, defaultBase);
	const noBody = method === 'GET' || method === 'HEAD' || method === 'DELETE';
	const body = noBody && (requestOptions.body === undefined || requestOptions.body === '') ? '' : serialiseJsonBody(requestOptions.body, noBody ? '' : '{}');
	return { method, url, headers: (requestOptions.headers ?? {}) as IDataObject, body };
}

function credentialFields(credentials: ICredentialDataDecryptedObject) {
	return {
		accessKeyId: String(credentials.accessKeyId ?? '').trim(),
		secretAccessKey: String(credentials.secretAccessKey ?? '').trim(),
		securityToken: String(credentials.securityToken ?? '').trim() || undefined,
	};
}

export class HuaweiCloudPartnerApi implements ICredentialType {
	name = 'huaweiCloudPartnerApi';

	displayName = 'Huawei Cloud Partner AK/SK API';

	icon: Icon = { light: 'file:icons/huaweiCloud.svg', dark: 'file:icons/huaweiCloud.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-cloud-partners/n8n-nodes-cloud-partners/tree/main/packages/n8n-nodes-huawei-cloud-partner#credential-setup';

	properties: INodeProperties[] = finishSentences([
		siteProperty,
		endpointProperty,
		{
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			default: '',
			required: true,
			description: 'AK of the partner account or of an IAM user (My Credentials > Access Keys)',
		},
		{
			displayName: 'Secret Access Key',
			name: 'secretAccessKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'SK that belongs to the Access Key ID',
		},
		{
			displayName: 'Security Token',
			name: 'securityToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for temporary AK/SK: the security token issued with them (sent as X-Security-Token)',
		},
		{
			displayName: 'Account ID',
			name: 'domainId',
			type: 'string',
			default: '',
			placeholder: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
			description:
				'Your partner account ID (domain ID), sent as X-Domain-Id as Partner Center requires. Leave empty to look it up from the Access Key (My Credentials > Account ID shows it).',
		},
		{
			displayName: 'Resolved Account ID',
			name: 'resolvedDomainId',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	]);

	/**
	 * Settles the account ID before the first call: the one entered, or the one IAM reports for
	 * the Access Key (GET /v3/auth/domains, signed with the same key).
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const entered = String(credentials.domainId ?? '').trim();
		if (entered) return { resolvedDomainId: entered };
		const request = signableRequest({ method: 'GET', url: '/v3/auth/domains' }, iamEndpointOf(credentials));
		const signed = signHuaweiRequest(request, credentialFields(credentials), new Date());
		let answer: { domains?: Array<{ id?: string }> };
		try {
			answer = (await this.helpers.httpRequest(
				sameHostOnly({ method: 'GET', url: signed.url, headers: signed.headers, json: true }),
			)) as typeof answer;
		} catch (error) {
			const response = (error as { response?: { status?: number; headers?: IDataObject } }).response;
			refuseRedirect(response?.status, response?.headers, 'Huawei IAM (account ID look-up)', 'the signature and security token');
			throw error;
		}
		const id = answer.domains?.[0]?.id;
		if (!id) throw new Error('Huawei IAM did not report an account ID for this Access Key; enter the Account ID in the credential');
		return { resolvedDomainId: id };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const request = signableRequest(requestOptions, bssEndpointOf(credentials));
		const domainId = String(credentials.domainId ?? '').trim() || String(credentials.resolvedDomainId ?? '').trim();
		const signed = signHuaweiRequest(request, { ...credentialFields(credentials), domainId: domainId || undefined }, new Date());
		return authenticatedRequest(requestOptions, {
			...requestOptions,
			method: request.method as IHttpRequestOptions['method'],
			url: signed.url,
			baseURL: undefined,
			qs: undefined,
			body: request.body === '' ? undefined : request.body,
			headers: signed.headers,
		});
	}

	test: ICredentialTestRequest = huaweiCredentialTest;
}

/**
 * Both Huawei credentials test with a one-record customer query. Huawei answers with real HTTP
 * statuses; n8n compares one status per rule, so each names the codes it stands for.
 */
export const huaweiCredentialTest: ICredentialTestRequest = {
	request: {
		method: 'POST',
		url: '/v2/partners/sub-customers/query',
		body: { offset: 0, limit: 1 },
	},
	rules: [
		{
			type: 'responseCode',
			properties: {
				value: 401,
				message:
					'APIG.0301/APIG.0307: Huawei Cloud rejected the credentials. Check the keys or user name and password, the Account ID, the site, and that this machine\'s clock is right.',
			},
		},
		{
			type: 'responseCode',
			properties: {
				value: 403,
				message:
					'CBC.0151/CBC.0155: the credentials work but may not query customers. An administrator grants BPC_ITEM_SUBCUSTSERV_010100 or BPC_ITEM_SUBCUSTSERV_010500 (Customer Business > Customer Management > Customer List) in Partner Center.',
			},
		},
		{
			type: 'responseCode',
			properties: { value: 404, message: 'APIG.0101: this endpoint does not serve Partner Center. Check the site or the custom endpoint.' },
		},
		{
			type: 'responseCode',
			properties: { value: 429, message: 'APIG.0308: Huawei Cloud throttled the test call. Wait a few seconds and test again.' },
		},
		...REDIRECT_TEST_RULES.map(({ status, message }) => ({ type: 'responseCode' as const, properties: { value: status, message } })),
	],
};
