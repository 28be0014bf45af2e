import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { SendCall } from './executor';
import { N8N_CUSTOM_API_CALL_KEY } from './customCall';
import { executeOperation } from './executor';
import { checkedRequestOptions } from './options';
import { REQUEST_OPTIONS } from './properties';
import type { OperationSpec } from './types';

/** What one item produced: plain records, or ready items (e.g. with binary data). */
export type ItemResult = IDataObject[] | INodeExecutionData[];

function isExecutionData(result: ItemResult): result is INodeExecutionData[] {
	return result.length > 0 && typeof (result[0] as INodeExecutionData).json === 'object' && 'json' in result[0];
}

/** The fields an error item carries under Continue On Fail: message plus the vendor's references. */
export function errorItemJson(error: Error): IDataObject {
	const context = ((error as { context?: IDataObject }).context ?? {}) as IDataObject;
	const json: IDataObject = { error: error.message };
	const description = (error as { description?: string }).description;
	if (description) json.description = description;
	for (const key of ['vendorCode', 'requestId', 'outcome', 'batch']) {
		if (context[key] !== undefined) json[key] = context[key];
	}
	return json;
}

/**
 * Runs `handle` for every input item, pairs each output with its input, and either stops on the
 * first error or, with Continue On Fail, emits an error item for that input and goes on.
 */
export async function runPerItem(
	this: IExecuteFunctions,
	handle: (itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await handle(itemIndex);
			if (isExecutionData(result)) {
				output.push(...result.map((item) => ({ ...item, pairedItem: { item: itemIndex } })));
			} else {
				output.push(
					...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
						itemData: { item: itemIndex },
					}),
				);
			}
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: errorItemJson(error as Error), pairedItem: { item: itemIndex } });
				continue;
			}
			if (error instanceof NodeOperationError) {
				throw new NodeOperationError(this.getNode(), error, { itemIndex });
			}
			throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
		}
	}
	return [output];
}

/**
 * The whole `execute` of a spec-driven node: finds the operation the user picked, then runs it for
 * every item with the sender the node builds from that item's Options.
 */
export async function executeSpecs(
	this: IExecuteFunctions,
	find: (resource: string, operation: string) => OperationSpec | undefined,
	senderFor: (spec: OperationSpec, options: IDataObject, itemIndex: number) => SendCall,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const spec = find(resource, operation);
	if (!spec && [resource, operation].includes(N8N_CUSTOM_API_CALL_KEY)) {
		throw new NodeOperationError(this.getNode(), "n8n's generic Custom API Call cannot sign this vendor's requests", {
			description: "Pick Custom API Call in this node's own Operation list instead: it is signed by the credential, paced and retried like the listed operations.",
		});
	}
	if (!spec) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return await runPerItem.call(this, async (itemIndex) => {
		const options = checkedRequestOptions(this, this.getNodeParameter(REQUEST_OPTIONS, itemIndex, {}) as IDataObject, itemIndex);
		return await executeOperation(this, spec, senderFor(spec, options, itemIndex), itemIndex);
	});
}
