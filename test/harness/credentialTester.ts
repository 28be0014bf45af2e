import { CredentialTestContext, ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunction,
	ICredentialTestRequest,
	IDataObject,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRunExecutionData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { credentialTypes, nodes } from './nodeTypes';
import { additionalDataFor } from './runWorkflow';

/**
 * n8n's "Test credential" button, as the n8n CLI's CredentialsTester runs it (n8n 2.x,
 * packages/cli/src/services/credentials-tester.service.ts), with n8n-core's own RoutingNode,
 * ExecuteContext and CredentialTestContext:
 *
 * - a `test` on the credential type wins; otherwise the first node listing the credential with
 *   `testedBy` decides: a string names a function in that node's `methods.credentialTest`;
 * - a test request runs as the only property (`temp`, routed with the request) of a copy of the
 *   `n8n-nodes-base.noOp` node, through RoutingNode, so the credential's preAuthentication and
 *   authenticate run exactly as in the editor (the CLI's CredentialsHelper always logs in afresh
 *   for that mock node: see TestCredentialsHelper.preAuthentication);
 * - a thrown error is matched against the `responseCode` rules by its HTTP status, any other
 *   non-2xx is a failure with the status text, and a network error reports its code;
 * - a 2xx answer body is matched against the `responseSuccessBody` rules (lodash-style path).
 */
export const NO_OP_NODE_TYPE = 'n8n-nodes-base.noOp';

type TestDefinition = ICredentialTestFunction | { testRequest: ICredentialTestRequest };

function testDefinitionOf(credentialType: string): TestDefinition | undefined {
	const type = credentialTypes[credentialType];
	if (type.test) return { testRequest: type.test };
	for (const node of Object.values(nodes)) {
		for (const { name, testedBy } of node.description.credentials ?? []) {
			if (name !== credentialType || !testedBy) continue;
			if (typeof testedBy === 'string') return node.methods?.credentialTest?.[testedBy];
			return { testRequest: testedBy };
		}
	}
	return undefined;
}

function at(source: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value !== null && value !== undefined ? (value as IDataObject)[key] : undefined), source);
}

async function runTestRequest(
	credentialType: string,
	credentials: ICredentialsDecrypted,
	testRequest: ICredentialTestRequest,
): Promise<INodeCredentialTestResult> {
	const mockNodeType: INodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: NO_OP_NODE_TYPE,
			group: ['organization'],
			version: 1,
			description: 'No Operation',
			defaults: { name: 'No Operation, do nothing' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' }],
		},
	};
	const mockNodeTypes: INodeTypes = {
		getByName: () => mockNodeType,
		getByNameAndVersion: () => mockNodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: NO_OP_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [credentialType]: { id: credentials.id, name: credentials.name } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: mockNodeTypes });
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor('credential-test'),
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(context, mockNodeType, credentials).runNode();
	} catch (caught) {
		const error = caught as Error & { cause?: { response?: { status: number; statusText?: string }; code?: string } };
		if (error.cause?.response) {
			const { status, statusText } = error.cause.response;
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) return { status: 'Error', message: rule.properties.message };
			}
			if (status < 199 || status > 299) return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: error.message.toString() };
	}
	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && at(response?.[0]?.[0]?.json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/**
 * The verdict n8n's "Test credential" button shows for `data` (what the editor's form holds),
 * saved as credential `credentialId`.
 */
export async function testCredential(credentialType: string, credentialId: string, data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const definition = testDefinitionOf(credentialType);
	if (definition === undefined) return { status: 'Error', message: 'No testing function found for this credential.' };
	const credentials: ICredentialsDecrypted = { id: credentialId, name: credentialId, type: credentialType, data: { ...data } };
	if (typeof definition === 'function') {
		return await definition.call(new CredentialTestContext(), credentials);
	}
	return await runTestRequest(credentialType, credentials, definition.testRequest);
}
