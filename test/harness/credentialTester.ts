import type {
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { credentialTypes, PACKAGE, registerNodeType } from './nodeTypes';
import { errorOf, outputOf, runWorkflow } from './runWorkflow';
import { singleNodeWorkflow } from './workflows';

/** Resolves `={{$credentials.x}}` in a test request, as n8n's credential tester does. */
function resolve(value: unknown, credentials: IDataObject): unknown {
	if (typeof value === 'string' && value.startsWith('=')) {
		return value.slice(1).replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) => String(credentials[key] ?? ''));
	}
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, credentials)]));
	}
	return value;
}

/**
 * Sends a credential type's `test.request` through n8n's httpRequestWithAuthentication (so the
 * credential's own authenticate runs) and returns the response body.
 */
class CredentialProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Credential Probe',
		name: 'credentialProbe',
		group: ['transform'],
		version: 1,
		description: 'Sends a credential test request',
		defaults: { name: 'Probe' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: Object.keys(credentialTypes).map((name) => ({ name })),
		properties: [
			{ displayName: 'Type', name: 'credentialType', type: 'string', default: '' },
			{ displayName: 'Credentials', name: 'resolvedWith', type: 'json', default: '{}' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const type = this.getNodeParameter('credentialType', 0) as string;
		const data = JSON.parse(this.getNodeParameter('resolvedWith', 0) as string) as IDataObject;
		const test = credentialTypes[type].test as ICredentialTestRequest;
		const request = resolve(test.request, data) as IHttpRequestOptions;
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, type, {
			...request,
			method: request.method ?? 'GET',
			url: request.url ?? '',
			json: true,
		})) as IDataObject;
		return [[{ json: { response } }]];
	}
}

registerNodeType(`${PACKAGE}.credentialProbe`, new CredentialProbe());

function at(source: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as IDataObject)[key] : undefined), source);
}

/** The verdict n8n's "Test credential" button would show: OK, or the first matching rule's message. */
export async function testCredential(
	type: string,
	credentialId: string,
	data: IDataObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const run = await runWorkflow(
		singleNodeWorkflow('credentialProbe', { credentialType: type, resolvedWith: JSON.stringify(data) }, {
			credentials: { [type]: { id: credentialId, name: credentialId } },
		}),
	);
	const error = errorOf(run);
	const credentialType: ICredentialType = credentialTypes[type];
	if (error) {
		// As n8n's tester: a failed request is matched against the responseCode rules first.
		const status = Number((error as { httpCode?: string }).httpCode);
		for (const rule of credentialType.test?.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === status) return { status: 'Error', message: rule.properties.message };
		}
		return { status: 'Error', message: error.message };
	}
	const body = outputOf(run, 'Partner')[0]?.json.response;
	for (const rule of credentialType.test?.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && at(body, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection tested successfully' };
}
