import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, ILoadOptionsFunctions, INodeParameters } from 'n8n-workflow';

import { additionalDataFor, buildWorkflow } from './runWorkflow';
import { singleNodeWorkflow, NODE_NAME } from './workflows';

/**
 * A load-options context for one of our nodes, as the editor creates it when it fills a dropdown
 * or a list search: real parameters, real credentials, real HTTP helpers.
 */
export function loadOptionsContext(
	nodeType: string,
	parameters: INodeParameters,
	credentials: IDataObject,
): ILoadOptionsFunctions {
	const json = singleNodeWorkflow(nodeType, parameters, { credentials: credentials as never });
	const workflow = buildWorkflow(json);
	const node = workflow.getNode(NODE_NAME);
	if (!node) throw new Error('node missing');
	// The editor sends the node's current parameters along, for dropdowns that depend on others.
	const additionalData = { ...additionalDataFor(workflow.id), currentNodeParameters: parameters };
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
}
