import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { credentialTypes } from './nodeTypes';

/** Resolves `={{$credentials.x}}` (the only expression form our generic credentials use). */
function resolveCredentialExpression(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return value.slice(1).replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) => String(credentials[key] ?? ''));
}

/**
 * The part of n8n's CredentialsHelper a workflow run needs: decrypted credentials from a map,
 * a credential type's `authenticate` (function or generic), and `preAuthentication` for
 * expirable tokens, as the CLI does it.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** Credential data by credential id; tests may change it between runs. */
	readonly store = new Map<string, ICredentialDataDecryptedObject>();

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const type = credentialTypes[typeName];
		const request = requestOptions as IHttpRequestOptions;
		if (!type?.authenticate) return request;
		if (typeof type.authenticate === 'function') return await type.authenticate(credentials, request);
		const generic = type.authenticate.properties as IDataObject;
		const out: IHttpRequestOptions = { ...request };
		for (const key of ['headers', 'qs', 'body', 'auth'] as const) {
			const part = generic[key] as IDataObject | undefined;
			if (!part) continue;
			const resolved: IDataObject = {};
			for (const [name, value] of Object.entries(part)) {
				resolved[name] = resolveCredentialExpression(value, credentials) as IDataObject[string];
			}
			(out as unknown as IDataObject)[key] = { ...((request as unknown as IDataObject)[key] as IDataObject), ...resolved };
		}
		return out;
	}

	/**
	 * As n8n's CLI does it: for an expirable field that is empty, after a 401, and always for
	 * the mock node of a credential test (a noOp node whose `temp` parameter carries the test
	 * request), so that "Test credential" logs in with what the form holds now.
	 */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialTypes[typeName];
		const expirable = type?.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;
		this.preAuthenticationCalls++;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const reference = node.credentials?.[typeName];
		if (!reference) return undefined;
		await this.updateCredentials(reference, typeName, Object.assign(credentials, output));
		return Object.assign(credentials, output);
	}

	/** How many times a token or account ID was fetched (tests of renewal count them). */
	preAuthenticationCalls = 0;

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialTypes[typeName];
		return type?.preAuthentication ? ((await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject) : undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used by the test harness');
	}

	async getDecrypted(
		_additionalData: unknown,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store.get(nodeCredentials.id ?? '');
		if (!data) throw new Error(`No test credential "${nodeCredentials.id}" of type ${type}`);
		// A copy, as n8n hands each request freshly decrypted data.
		return { ...data };
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, _type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.store.set(nodeCredentials.id ?? '', data);
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type]?.properties ?? [];
	}
}
