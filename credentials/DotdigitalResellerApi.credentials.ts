import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions, INodeProperties, Icon } from 'n8n-workflow';
import { authenticatedRequest } from './signing/requestParts';
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

	documentationUrl = 'https://github.com/n8n-nodes-cloud-partners/n8n-nodes-cloud-partners/tree/main/packages/n8n-nodes-dotdigital-cpaas-reseller#credential-setup';

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
		return authenticatedRequest(requestOptions, { ...requestOptions, auth: dotdigitalBasicAuth(credentials) });
	}

	// No `test` request here: "Test credential" runs the nodes' `dotdigitalResellerApiTest`
	// (testedBy), because the one safe probe succeeds with an HTTP 400 and n8n's declarative test
	// can neither accept a 400 nor see the status of an answer it was told to accept.
}

/** Username (trimmed) and password for HTTP Basic, for calls and for the credential test alike. */
export function dotdigitalBasicAuth(credentials: ICredentialDataDecryptedObject): { username: string; password: string } {
	return { username: String(credentials.username ?? '').trim(), password: String(credentials.password ?? '') };
}
