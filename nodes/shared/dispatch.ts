import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { defaultConcurrency, RequestSlots } from './concurrency';
import { cancelSignalOf } from './context';
import { N8N_CUSTOM_API_CALL_KEY } from './customCall';
import type { SendCall } from './executor';
import { buildRequest, executeOperation } from './executor';
import { runPerItem, runStopper } from './itemRun';
import { checkedRequestOptions, MAX_CONCURRENT_OPTION } from './options';
import { REQUEST_OPTIONS } from './properties';
import type { OperationSpec } from './types';

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
	const signal = cancelSignalOf(this);
	const limit = concurrencyFor(this, spec);
	// After a failure (without Continue On Fail) calls still waiting for a slot or the limiter are
	// held back, so nothing goes out after it; with Continue On Fail every item runs.
	const runStop = runStopper(signal);
	const stopRun = this.continueOnFail() ? undefined : runStop.stopRun;
	const run = { slots: new RequestSlots(limit), signal: runStop.signal, stopRun };
	return await runPerItem.call(
		this,
		async (itemIndex) => {
			const options = checkedRequestOptions(this, this.getNodeParameter(REQUEST_OPTIONS, itemIndex, {}) as IDataObject, itemIndex);
			return await executeOperation(this, spec, senderFor(spec, options, itemIndex), itemIndex, run);
		},
		{ limit, write: spec.write, signal, stopRun, stopCause: runStop.stopCause },
	);
}

/**
 * Requests the node run keeps in flight at once: Options > Max Concurrent Requests of the first
 * item (one pool serves the whole run), or, when unset or 0, one second's worth of the action's
 * rate limit.
 */
function concurrencyFor(context: IExecuteFunctions, spec: OperationSpec): number {
	if (context.getInputData().length === 0) return 1;
	let chosen: number | undefined;
	try {
		const options = checkedRequestOptions(context, context.getNodeParameter(REQUEST_OPTIONS, 0, {}) as IDataObject, 0);
		chosen = options[MAX_CONCURRENT_OPTION] as number | undefined;
	} catch {
		// The first item reports its own bad option when it runs (so Continue On Fail applies).
		chosen = undefined;
	}
	return chosen && chosen > 0 ? chosen : defaultConcurrency(boundForFirstItem(context, spec));
}

/**
 * A custom call's rate comes from the item (Requests per Second), not from its generic spec: the
 * first item's bound spec decides the default pool, as its options do.
 */
function boundForFirstItem(context: IExecuteFunctions, spec: OperationSpec): OperationSpec {
	if (!spec.customCall) return spec;
	try {
		return spec.customCall.bindItem(buildRequest(context, spec, 0)).spec;
	} catch {
		// The item reports its own bad input when it runs.
		return spec;
	}
}
