import { PollContext } from 'n8n-core';
import type { IDataObject, INode, INodeParameters, INodeType, WorkflowExecuteMode } from 'n8n-workflow';

import { nodeTypes, PACKAGE } from './nodeTypes';
import { additionalDataFor, buildWorkflow } from './runWorkflow';

export interface PollResult {
	items: IDataObject[];
	/** The static data as the node left it after this poll (a fresh copy). */
	staticData: IDataObject;
	/** Size of the trigger's persisted state in bytes (JSON). */
	stateBytes: number;
	error?: Error & IDataObject;
	/** Messages the node logged as warnings during this poll. */
	warnings: string[];
}

/**
 * The logger n8n gives a node, read without touching the context's own (memoised, then frozen)
 * property, so a test can put a recording logger there.
 */
function nodeLogger(context: PollContext): PollContext['logger'] {
	let owner: object | null = Object.getPrototypeOf(context) as object | null;
	while (owner && !Object.getOwnPropertyDescriptor(owner, 'logger')) owner = Object.getPrototypeOf(owner) as object | null;
	const getter = owner && Object.getOwnPropertyDescriptor(owner, 'logger')?.get;
	if (!getter) throw new Error('n8n-core no longer defines the node logger as a getter');
	return getter.call({}) as PollContext['logger'];
}

/**
 * The poll's budget as the host gives it: milliseconds (n8n 2.38+ `getPollBudgetMs`), 'absent' for
 * a host without `getPollBudgetMs` (n8n 1.x, 2.36-2.37), or undefined for n8n-core's default.
 */
export type HostBudget = number | 'absent' | undefined;

/** The trigger node type of each vendor, picked by a test's `provider` parameter. */
const TRIGGER_TYPES: Record<string, string> = {
	tencent: 'tencentCloudPartnerTrigger',
	huawei: 'huaweiCloudPartnerTrigger',
	dotdigital: 'dotdigitalResellerTrigger',
};

/**
 * One poll of a vendor's trigger (chosen by `parameters.provider`), as n8n runs it: a PollContext over a workflow whose
 * static data is what the previous poll persisted (serialised and read back, so nothing survives
 * in memory between polls, as in queue mode).
 */
export async function pollTrigger(
	parameters: INodeParameters,
	credentials: INode['credentials'],
	persisted: IDataObject,
	mode: WorkflowExecuteMode = 'trigger',
	budget: HostBudget = undefined,
): Promise<PollResult> {
	const { provider, ...ownParameters } = parameters;
	const triggerType = TRIGGER_TYPES[String(provider)];
	if (!triggerType) throw new Error(`pollTrigger needs parameters.provider (one of ${Object.keys(TRIGGER_TYPES).join(', ')})`);
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: `${PACKAGE}.${triggerType}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: ownParameters,
		credentials,
	};
	const workflow = buildWorkflow({ nodes: [node], connections: {}, staticData: JSON.parse(JSON.stringify(persisted)) });
	const getPollBudgetMs = typeof budget === 'number' ? () => budget : undefined;
	const context = new PollContext(
		workflow,
		workflow.getNode('Trigger')!,
		additionalDataFor(workflow.id),
		mode,
		'activate',
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
		getPollBudgetMs,
	);
	// An older host's poll context has no getPollBudgetMs at all.
	if (budget === 'absent') Object.defineProperty(context, 'getPollBudgetMs', { value: undefined });
	const warnings: string[] = [];
	const logger = nodeLogger(context);
	// The node's own logger, with its warnings also kept for the test.
	Object.defineProperty(context, 'logger', {
		value: new Proxy(logger, {
			get: (target, key) => {
				if (key === 'warn')
					return (message: string, meta?: Parameters<typeof target.warn>[1]) => {
						warnings.push(message);
						target.warn(message, meta);
					};
				const value = (target as unknown as Record<string | symbol, unknown>)[key];
				return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
			},
		}),
	});
	const type = nodeTypes.getByNameAndVersion(node.type) as INodeType;
	let items: IDataObject[] = [];
	let error: (Error & IDataObject) | undefined;
	try {
		const result = await type.poll!.call(context);
		items = (result?.[0] ?? []).map((i) => i.json);
	} catch (caught) {
		error = caught as Error & IDataObject;
	}
	// n8n persists static data only after a successful production poll; tests read what the node
	// left in it in every case, to prove a failed or manual poll changed nothing.
	const staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	const state = staticData['node:Trigger'] ?? {};
	return { items, staticData, stateBytes: Buffer.byteLength(JSON.stringify(state)), error, warnings };
}

/** A scripted run of polls that carries the persisted static data from one to the next. */
export interface PollSequence {
	poll(mode?: 'trigger' | 'manual'): Promise<PollResult>;
	readonly persisted: IDataObject;
	/** Continue from saved static data, as n8n does after a restart. */
	restartFrom(saved: IDataObject): void;
}

export function pollSequence(parameters: IDataObject, credentials: IDataObject, persisted: IDataObject = {}, budget: HostBudget = undefined): PollSequence {
	let state = persisted;
	return {
		async poll(mode: 'trigger' | 'manual' = 'trigger') {
			const result = await pollTrigger(parameters as never, credentials as never, state, mode, budget);
			// n8n keeps static data only from a production poll that succeeded.
			if (!result.error && mode === 'trigger') state = result.staticData;
			return result;
		},
		get persisted() {
			return state;
		},
		restartFrom(saved: IDataObject) {
			state = JSON.parse(JSON.stringify(saved)) as IDataObject;
		},
	};
}
