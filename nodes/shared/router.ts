import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { OrderedRun, Settled } from './concurrency';
import { defaultConcurrency, itemRanges, RequestSlots, runInOrder } from './concurrency';
import { cancelSignalOf } from './context';
import { TURNED_AWAY_LABEL } from './batch';
import type { SendCall } from './executor';
import { N8N_CUSTOM_API_CALL_KEY } from './customCall';
import { buildRequest, executeOperation } from './executor';
import { checkedRequestOptions, MAX_CONCURRENT_OPTION } from './options';
import { REQUEST_OPTIONS } from './properties';
import { cancelledError, isStopConsequence, outcomeOf, stopControl } from './stopping';
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

/** How the items of one node run are scheduled. */
export interface ItemScheduling {
	/** Items in flight at once. */
	limit: number;
	/** The operation changes something: a stopped run then says which items were applied. */
	write: boolean;
	/** The execution's cancel signal. */
	signal?: AbortSignal;
	/** Holds back calls still waiting for their turn once an item failed (without Continue On Fail). */
	stopRun?: (error: unknown, itemIndex: number) => void;
	/** The item whose failure stopped the run, as `stopRun` first heard of it. */
	stopCause?: () => number | undefined;
}

/**
 * Stops a node run at its first failure and remembers which item caused it. With several calls in
 * flight, the item that failed first may settle last (it waits for its other calls), while the
 * stop makes other items end early; the run must still report the failure that stopped it.
 */
export function runStopper(parent?: AbortSignal): {
	signal: AbortSignal;
	stopRun: (error: unknown, itemIndex: number) => void;
	stopCause: () => number | undefined;
} {
	const control = stopControl(parent);
	let cause: number | undefined;
	return {
		signal: control.signal,
		stopRun: (_error, itemIndex) => {
			if (cause === undefined && !control.signal.aborted) cause = itemIndex;
			control.stop();
		},
		stopCause: () => cause,
	};
}

/**
 * The item whose failure the run reports: the one whose call stopped the run, when it ended with a
 * failure of its own, otherwise the first to fail in time.
 */
function reportedFailure(run: OrderedRun<ItemResult>, cause: number | undefined): number | undefined {
	if (cause !== undefined) {
		const entry = run.settled[cause];
		if (entry?.state === 'failed' && !isStopConsequence(entry.error)) return cause;
	}
	return run.firstFailure;
}

type StandingGroup = 'applied' | 'partlyApplied' | 'unknown' | 'notApplied' | 'turnedAway' | 'notSent';

/** Where every item stands after a run of writes stopped at a failure. */
export function itemStanding(settled: Array<Settled<ItemResult>>): Record<StandingGroup, number[]> {
	const standing: Record<StandingGroup, number[]> = { applied: [], partlyApplied: [], unknown: [], notApplied: [], turnedAway: [], notSent: [] };
	const groupOf: Record<string, StandingGroup> = { unknown: 'unknown', notSent: 'notSent', partial: 'partlyApplied', turnedAway: 'turnedAway' };
	settled.forEach((entry, index) => {
		if (entry.state === 'done') standing.applied.push(index);
		else if (entry.state === 'notStarted') standing.notSent.push(index);
		else standing[groupOf[outcomeOf(entry.error) ?? ''] ?? 'notApplied'].push(index);
	});
	return standing;
}

/**
 * Adds to the error that stopped a run of writes where every item stands: with several writes in
 * flight, others may have been applied after the failing one was sent, and whoever re-runs the
 * workflow must re-run only the rest. Item numbers count from 1, as in the other messages.
 */
function annotateItems(error: unknown, settled: Array<Settled<ItemResult>>): void {
	if (!(error instanceof Error)) return;
	const standing = itemStanding(settled);
	const groups: Array<[string, number[]]> = [
		['applied', standing.applied],
		['partly applied (split list stopped midway)', standing.partlyApplied],
		['outcome unknown', standing.unknown],
		['not applied', standing.notApplied],
		[TURNED_AWAY_LABEL, standing.turnedAway],
		['never sent', standing.notSent],
	];
	const present = groups.filter(([, indices]) => indices.length > 0);
	const withContext = error as Error & { context?: IDataObject; description?: string | null };
	error.message = `${error.message} [items: ${present.map(([label, indices]) => `${indices.length} ${label}`).join(', ')}]`;
	const detail = present
		.map(([label, indices]) => `${label.charAt(0).toUpperCase()}${label.slice(1)}: item${indices.length > 1 ? 's' : ''} ${itemRanges(indices)}.`)
		.join(' ');
	withContext.description = [`The run stopped at this failure and sent nothing more. ${detail}`, withContext.description].filter(Boolean).join(' ');
	if (withContext.context) {
		const numbers = (indices: number[]) => indices.map((index) => index + 1);
		withContext.context.items = {
			applied: numbers(standing.applied),
			partlyApplied: numbers(standing.partlyApplied),
			unknown: numbers(standing.unknown),
			notApplied: numbers(standing.notApplied),
			turnedAway: numbers(standing.turnedAway),
			notSent: numbers(standing.notSent),
		};
	}
}

/**
 * Runs `handle` for every input item, up to `scheduling.limit` at once, and pairs each output
 * with its input in input order. With Continue On Fail every item runs and a failed one becomes an
 * error item; otherwise no item starts after the first failure, the ones in flight finish, and the
 * failure is thrown (for writes, with where every item stands). A cancelled execution starts
 * nothing more.
 */
export async function runPerItem(
	this: IExecuteFunctions,
	handle: (itemIndex: number) => Promise<ItemResult>,
	scheduling: ItemScheduling = { limit: 1, write: false },
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const run = await runInOrder(items.length, scheduling.limit, handle, {
		stopOnError: !continueOnFail,
		signal: scheduling.signal,
		onFailure: scheduling.stopRun,
	});
	const failed = continueOnFail ? undefined : reportedFailure(run, scheduling.stopCause?.());
	// A cancelled execution is reported as such, even when its calls were all answered.
	if (scheduling.signal?.aborted || (run.cancelled && failed === undefined)) throw new NodeOperationError(this.getNode(), cancelledError());
	if (failed !== undefined) {
		const itemIndex = failed;
		const error = (run.settled[itemIndex] as { error: unknown }).error;
		if (scheduling.write && items.length > 1) annotateItems(error, run.settled);
		if (error instanceof NodeOperationError) {
			throw new NodeOperationError(this.getNode(), error, { itemIndex });
		}
		throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
	}
	const output: INodeExecutionData[] = [];
	run.settled.forEach((entry, itemIndex) => {
		if (entry.state === 'failed') {
			output.push({ json: errorItemJson(entry.error as Error), pairedItem: { item: itemIndex } });
			return;
		}
		if (entry.state !== 'done') return;
		const result = entry.value;
		if (isExecutionData(result)) {
			output.push(...result.map((item) => ({ ...item, pairedItem: { item: itemIndex } })));
		} else {
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		}
	});
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
