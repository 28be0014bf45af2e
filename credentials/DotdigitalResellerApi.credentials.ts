import type { ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, INodeProperties, Icon } from 'n8n-workflow';
import { authenticatedRequest, REDIRECT_TEST_RULES } from './signing/requestParts';
import { finishSentences } from '../nodes/shared/sentences';

export const DOTDIGITAL_DEFAULT_BASE_URL = 'https://services-cpaas.dotdigital.com/WebApi/ResellerServices';

/**
 * dotdigital writes its name in lower case, as the node's name does. n8n's lint title-cases a
 * literal credential name ("Dotdigital ..."), which would set the credential apart from its node.
 */
const DISPLAY_NAME = 'dotdigital CPaaS Reseller API';

export class DotdigitalResellerApi implements ICredentialType {
	name = 'dotdigitalResellerApi';

	displayName = DISPLAY_NAME;

	icon: Icon = { light: 'file:icons/dotdigital.svg', dark: 'file:icons/dotdigital.dark.svg' };

	documentationUrl = 'https://docs.cpaas.dotdigital.com/reference/partner-reseller-api';

	properties: INodeProperties[] = finishSentences([
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'Partner/reseller API user. It is issued by your dotdigital account manager and differs from portal users.',
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
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DOTDIGITAL_DEFAULT_BASE_URL,
			description:
				'Reseller Service base URL. dotdigital publishes two spellings: .../WebApi/ResellerServices (per-method pages, the default) and .../WebApi/ResellerService (overview page). If every call answers 404, try the other one.',
		},
	]);

	/** HTTP Basic; the username is trimmed like the other credentials' keys (a pasted one often carries a stray space). */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return authenticatedRequest(requestOptions, {
			...requestOptions,
			auth: { username: String(credentials.username ?? '').trim(), password: String(credentials.password ?? '') },
		});
	}

	/**
	 * No side-effect-free method is published, so the test posts an EMPTY body to the one method
	 * known to exist (reference 2.1): 400 "Value cannot be null" means the user and the path are
	 * right; 401 means the username or password is wrong; 404 means the base path is wrong.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/AddUserToAccount',
			method: 'POST',
			headers: { Accept: 'application/json' },
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'statusCode', value: 401, message: 'Wrong username or password (HTTP 401). Use the reseller API user your account manager issued.' },
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'statusCode',
					value: 404,
					message:
						'Wrong Base URL (HTTP 404): the service is not at this path. Try the other published spelling, .../WebApi/ResellerService or .../WebApi/ResellerServices.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'statusCode', value: 500, message: 'The Reseller Service reported an internal error (HTTP 500). Test again later.' },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'statusCode', value: 504, message: 'The Reseller Service timed out (HTTP 504). Test again later.' },
			},
			...REDIRECT_TEST_RULES.map(({ status, message }) => ({ type: 'responseSuccessBody' as const, properties: { key: 'statusCode', value: status, message } })),
		],
	};
}
