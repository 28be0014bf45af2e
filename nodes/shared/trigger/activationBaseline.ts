/**
 * The baseline a trigger takes when it is activated, kept where every n8n saves it.
 *
 * n8n 2.x on its durable scheduler with durable poll cursors (N8N_SCHEDULER_ENABLED,
 * N8N_SCHEDULER_POLL_TRIGGERS_ENABLED, N8N_USE_WORKFLOW_PUBLICATION_SERVICE,
 * N8N_POLLER_DURABLE_CURSORS_ENABLED) gives a poll a staged copy of its cursor as the node's static
 * data and keeps it only when a scheduled poll commits it. The poll it runs at activation
 * (ActiveWorkflowTriggers.activatePollTrigger -> PollTriggerExecutor with testingTrigger) commits
 * nothing when it emits nothing: a first activation's baseline is dropped, and the first scheduled
 * poll, finding no state, takes its own and never emits what came in between.
 *
 * The workflow's global static data is saved after activation there too
 * (WorkflowTriggerActivator.activateInternal -> saveStaticData), so a poll on a staged cursor that
 * took a baseline and emitted nothing also keeps its resulting state there, per node, with a
 * fingerprint of the state it started from. A later poll that still finds exactly that starting
 * state (its predecessor's state was never committed) starts from the kept one instead; a poll
 * that finds any other state drops it. The kept state is the trigger's own state, so its watermark
 * is the vendor's time as before.
 *
 * Where the node's state is the workflow's own static data (n8n's defaults, n8n 1.x), n8n saves the
 * activation's baseline itself: nothing is kept, and a baseline kept earlier on the durable
 * scheduler is dropped rather than restored (its starting point, an empty state, is also what
 * such a host shows after the durable cursors are switched off).
 */
import { createHash } from 'crypto';

import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/** Where in the workflow's global static data the kept baselines live, per node id. */
const KEPT = 'activationBaselines';

interface KeptBaseline {
	/** The event the baseline is for. */
	event: string;
	/** Fingerprint of the node's state the baseline poll started from. */
	from: string;
	/** The node's state after the baseline poll. */
	state: IDataObject;
}

/** JSON with sorted keys: the same state reads back the same from SQLite and PostgreSQL alike. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as IDataObject).filter(([, v]) => v !== undefined);
		return `{${entries
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
			.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

const fingerprint = (state: IDataObject) => createHash('sha256').update(canonical(state)).digest('hex');

const copyOf = (state: IDataObject) => JSON.parse(JSON.stringify(state)) as IDataObject;

/**
 * Whether n8n handed the poll a staged copy of its durable cursor (a plain object) rather than the
 * workflow's own static data, which n8n-workflow wraps as an observable object carrying
 * `__dataChanged` so that n8n knows to save it.
 */
const isStagedCursor = (nodeState: IDataObject) => !('__dataChanged' in nodeState);

function isKept(value: unknown): value is KeptBaseline {
	const kept = value as KeptBaseline | undefined;
	return typeof kept?.event === 'string' && typeof kept.from === 'string' && kept.state !== null && typeof kept.state === 'object';
}

/** Replaces the node's state in place (n8n hands the node one object per poll and reads it back). */
function replaceState(nodeState: IDataObject, state: IDataObject) {
	for (const key of Object.keys(nodeState)) delete nodeState[key];
	Object.assign(nodeState, copyOf(state));
}

/**
 * The poll's view of `context` for `event`: the first time the poll reads its node state, a kept
 * baseline is restored when the state is exactly the one that baseline started from. Call
 * `settle(emitted)` once the poll has succeeded: it keeps a baseline the poll took without emitting,
 * and drops a kept one the state has moved past. A failed poll changes nothing here, and a manual
 * run ("Fetch Test Event") neither reads nor writes a kept baseline.
 */
export function keepingActivationBaseline(context: IPollFunctions, event: string): { context: IPollFunctions; settle(emitted: boolean): void } {
	if (context.getMode() === 'manual') return { context, settle: () => undefined };
	let seen: { nodeState: IDataObject; from: string; eventBefore: unknown; restored: boolean; staged: boolean } | undefined;
	const node = context.getNode();
	const nodeKey = node.id || node.name;
	const keptByNode = () => (context.getWorkflowStaticData('global')[KEPT] ?? {}) as IDataObject;

	/** Read lazily, so that a poll refused before it reads its state leaves the static data untouched. */
	function nodeStateOnce(): IDataObject {
		if (seen) return seen.nodeState;
		const nodeState = context.getWorkflowStaticData('node');
		const from = fingerprint(nodeState);
		const kept = keptByNode()[nodeKey];
		const staged = isStagedCursor(nodeState);
		const restored = staged && isKept(kept) && kept.event === event && kept.from === from;
		seen = { nodeState, from, eventBefore: nodeState[event], restored, staged };
		if (restored) replaceState(nodeState, kept.state);
		return nodeState;
	}

	const view = new Proxy(context, {
		get(target, key) {
			if (key === 'getWorkflowStaticData') return (type: string) => (type === 'node' ? nodeStateOnce() : target.getWorkflowStaticData(type));
			const value = Reflect.get(target, key, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});

	return {
		context: view,
		settle(emitted: boolean) {
			if (!seen) return;
			const { nodeState, from, eventBefore, restored, staged } = seen;
			// Only a baseline (the event's first poll, with any resume point it left) on a staged cursor
			// needs keeping: a poll that continued from a state and was not committed is repeated from
			// that same state by the next poll, and a poll that emitted is committed with its execution.
			const tookBaseline = staged && !restored && eventBefore === undefined && fingerprint(nodeState) !== from;
			const byNode = keptByNode();
			const kept = byNode[nodeKey];
			const rest = { ...byNode };
			delete rest[nodeKey];
			const global = context.getWorkflowStaticData('global');
			if (!emitted && tookBaseline) global[KEPT] = { ...rest, [nodeKey]: { event, from, state: copyOf(nodeState) } };
			// A restored baseline stays until a later poll finds the state moved on: the commit of this
			// poll may still be lost, and the next poll must then restore it again.
			else if (kept !== undefined && !restored) {
				if (Object.keys(rest).length) global[KEPT] = rest;
				else delete global[KEPT];
			}
		},
	};
}
