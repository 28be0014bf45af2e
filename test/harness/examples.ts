import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, IRun, IWorkflowBase, WorkflowExecuteMode } from 'n8n-workflow';

import { BASE_NODES } from './baseNodes';
import { registerNodeType } from './nodeTypes';
import * as repoFiles from './repoFiles';
import type { WorkflowJson } from './runWorkflow';
import { additionalDataFor, buildWorkflow, setCredential } from './runWorkflow';

for (const [type, node] of Object.entries(BASE_NODES)) registerNodeType(type, node);

export interface ExampleNode {
	name: string;
	type: string;
	parameters: IDataObject;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: string;
}

export interface Example {
	file: string;
	workflow: WorkflowJson & { id: string; nodes: ExampleNode[] };
}

export const readExamples = (repoFiles as unknown as { readExamples: () => Example[] }).readExamples;

/** The credentials the e2e imports (the ids the examples reference), pointing at this sandbox. */
export function useExampleCredentials(sandboxUrl: string) {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { credentials } = require('../../e2e/credentials') as { credentials: (url: string) => Array<{ id: string; data: ICredentialDataDecryptedObject }> };
	for (const credential of credentials(sandboxUrl)) setCredential(credential.id, { ...credential.data });
}

/** The node a run starts at: the Manual Trigger, or the polling trigger. */
export function startNodeOf(workflow: Example['workflow']): ExampleNode {
	const start = (workflow.nodes as ExampleNode[]).find((n) => n.type === 'n8n-nodes-base.manualTrigger' || typeof n.parameters.pollTimes === 'object');
	if (!start) throw new Error(`${workflow.name} has no start node`);
	return start;
}

/**
 * Runs a whole example as n8n does: `manual` is the editor's "Execute workflow" (a polling trigger
 * then returns its samples), `cli` is `n8n execute`.
 */
export async function runExample(workflow: Example['workflow'], mode: WorkflowExecuteMode): Promise<IRun> {
	const startName = startNodeOf(workflow).name;
	// n8n fills in parameter defaults on the nodes it is given: run a copy.
	const built = buildWorkflow(JSON.parse(JSON.stringify(workflow)) as WorkflowJson, workflow.id);
	const additionalData = additionalDataFor(built.id);
	const hooks = new ExecutionLifecycleHooks(mode, additionalData.executionId ?? 'test', { ...workflow, id: built.id, active: false, settings: {} } as unknown as IWorkflowBase);
	(additionalData as unknown as { hooks: ExecutionLifecycleHooks }).hooks = hooks;
	const start = built.getNode(startName) ?? undefined;
	return await new WorkflowExecute(additionalData, mode).run({ workflow: built, startNode: start });
}

/** The items a node put on one of its outputs in its first run, or undefined when it did not run. */
export function nodeOutput(run: IRun, nodeName: string, output = 0): INodeExecutionData[] | undefined {
	const runs = run.data.resultData.runData[nodeName];
	return runs ? (runs[0]?.data?.main?.[output] ?? []) : undefined;
}
