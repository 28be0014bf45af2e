import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { nodeTypes, START_NODE_TYPE } from './nodeTypes';

export const credentialsHelper = new TestCredentialsHelper();

/** Stores credential data under an id that workflow nodes can reference. */
export function setCredential(id: string, data: ICredentialDataDecryptedObject) {
	credentialsHelper.store.set(id, data);
}

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IWorkflowBase['connections'];
	staticData?: IDataObject;
}

let executionCounter = 0;

export function additionalDataFor(workflowId: string): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		executionId: `test-${++executionCounter}`,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
		workflowId,
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used in these tests');
		},
		getRuntimeCredential: async () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export function buildWorkflow(json: WorkflowJson, id = 'test-workflow'): Workflow {
	return new Workflow({
		id,
		name: json.name ?? 'Test workflow',
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		nodeTypes,
		staticData: json.staticData ?? {},
	});
}

/** Runs workflow JSON through n8n-core's WorkflowExecute, as n8n runs a manual execution. */
export async function runWorkflow(json: WorkflowJson): Promise<IRun> {
	return await startWorkflow(json).done;
}

/**
 * Starts workflow JSON like runWorkflow and hands back the run and a way to cancel it, as the
 * editor's Stop button does (n8n-core aborts the execution's cancel signal).
 */
export function startWorkflow(json: WorkflowJson): { done: Promise<IRun>; cancel: () => void } {
	const workflow = buildWorkflow(json);
	const additionalData = additionalDataFor(workflow.id);
	const workflowData = {
		id: workflow.id,
		name: workflow.name,
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		settings: {},
	} as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', additionalData.executionId ?? 'test', workflowData);
	(additionalData as unknown as { hooks: ExecutionLifecycleHooks }).hooks = hooks;
	const startNode = json.nodes.find((n) => n.type === START_NODE_TYPE);
	const execution = new WorkflowExecute(additionalData, 'manual');
	const running = execution.run({ workflow, startNode: startNode?.name ? workflow.getNode(startNode.name) ?? undefined : undefined });
	return { done: Promise.resolve(running), cancel: () => running.cancel() };
}

/** Output items of a node's first run, first output. */
export function outputOf(run: IRun, nodeName: string): INodeExecutionData[] {
	const runs = run.data.resultData.runData[nodeName];
	return runs?.[0]?.data?.main?.[0] ?? [];
}

/** The error a run stopped with, if any. */
export function errorOf(run: IRun): (Error & IDataObject) | undefined {
	return run.data.resultData.error as (Error & IDataObject) | undefined;
}
