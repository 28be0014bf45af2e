import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { OrderedRun, Settled } from './concurrency';
import { runInOrder, settleRun } from './concurrency';
import { reportItems } from './failureReport';
import { type Standing, standingOf } from './outcome';
import { cancelledError, isStopConsequence, outcomeOf, stopControl } from './stopping';

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

/** Where every item stands after a run of writes stopped at a failure (see Outcome). */
export function itemStanding(settled: Array<Settled<ItemResult>>): Standing<number> {
	return standingOf(settled, (index) => [index], outcomeOf);
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
	// A cancelled execution is reported as such, even when its calls were all answered.
	if (scheduling.signal?.aborted) throw new NodeOperationError(this.getNode(), cancelledError());
	const settled = settleRun(run, {
		keepFailures: continueOnFail,
		failed: reportedFailure(run, scheduling.stopCause?.()),
		reportFailure: (error, itemIndex) => {
			if (scheduling.write && items.length > 1) reportItems(error, itemStanding(run.settled));
			if (error instanceof NodeOperationError) return new NodeOperationError(this.getNode(), error, { itemIndex });
			return new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
		},
		cutShort: () => new NodeOperationError(this.getNode(), cancelledError()),
	});
	const output: INodeExecutionData[] = [];
	settled.forEach((entry, itemIndex) => {
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

