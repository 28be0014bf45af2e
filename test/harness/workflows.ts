import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { PACKAGE, START_NODE_TYPE } from './nodeTypes';
import type { WorkflowJson } from './runWorkflow';

export const NODE_NAME = 'Partner';

/**
 * Workflow JSON with a start node emitting `items` and one node of ours configured with
 * `parameters`, as the editor would save it.
 */
export function singleNodeWorkflow(
	nodeType: string,
	parameters: INodeParameters,
	options: {
		items?: IDataObject[];
		credentials?: INode['credentials'];
		continueOnFail?: boolean;
	} = {},
): WorkflowJson {
	return {
		name: `${nodeType} test`,
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: START_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: JSON.stringify(options.items ?? [{}]) },
			},
			{
				id: 'partner',
				name: NODE_NAME,
				type: `${PACKAGE}.${nodeType}`,
				typeVersion: 1,
				position: [200, 0],
				parameters,
				credentials: options.credentials,
				...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
		],
		connections: { Start: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } },
	};
}
