/**
 * n8n 2.x running a polling trigger on its durable scheduler with durable poll cursors
 * (N8N_SCHEDULER_ENABLED, N8N_SCHEDULER_POLL_TRIGGERS_ENABLED, N8N_USE_WORKFLOW_PUBLICATION_SERVICE,
 * N8N_POLLER_DURABLE_CURSORS_ENABLED), the way n8n 2.41.1 does it, over n8n-core's own PollContext
 * and cursor hooks (runPollInStagingScope, commitStagedCursor):
 *
 * - the node's static data is a staged copy of its cursor (TriggerExecutionContextFactory's
 *   __runPoll / resolveNodeStaticData: PollCursorService.resolveCursor, which creates the
 *   poller_state row from the workflow's node static data the first time, via
 *   PollerStateRepository.getOrCreateCursor);
 * - at activation (ActiveWorkflowTriggers.activatePollTrigger, once its scheduled job is inserted)
 *   the poll runs as PollTriggerExecutor's testing poll: a result is handed to __emit, which commits
 *   the staged cursor with the execution; no result commits nothing. The workflow's static data is
 *   then saved (WorkflowTriggerActivator.activateInternal -> saveStaticData);
 * - a scheduled poll (PollTriggerTaskHandler.execute) starts from the committed cursor and the
 *   workflow's saved static data; a result is handed to __emit (static data saved, cursor and
 *   execution committed in one transaction), no result commits the cursor alone.
 *
 * `lostCommit` on a poll drops its commit (a crash or a lost lease between poll and commit), which
 * n8n's at-least-once delivery answers by running the next poll from the cursor committed before.
 */
import { commitStagedCursor, PollContext, runPollInStagingScope } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, INodeParameters, INodeType, IPollFunctions } from 'n8n-workflow';

import { nodeTypes, PACKAGE } from './nodeTypes';
import { additionalDataFor, buildWorkflow } from './runWorkflow';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export interface DurablePoll {
	/** The json of each item the poll emitted (an execution was committed with them, unless the commit was lost). */
	items: IDataObject[];
}

export interface DurableHost {
	/** Publishing (or republishing with the trigger's parameters changed to `parameters`): the activation poll. */
	activate(parameters?: INodeParameters): Promise<DurablePoll>;
	/** One occurrence of the scheduled job. */
	scheduledPoll(options?: { lostCommit?: boolean }): Promise<DurablePoll>;
	/** The durable cursor as committed (poller_state.cursor), undefined before the row exists. */
	readonly cursor: IDataObject | undefined;
	/** The workflow's static data as saved (workflow_entity.staticData). */
	readonly savedStaticData: IDataObject;
	/** The items of every committed execution, in order. */
	readonly executions: IDataObject[][];
}

export function durableHost(parameters: INodeParameters, credentials: INode['credentials'], triggerType = 'tencentCloudPartnerTrigger'): DurableHost {
	// The same node as test/harness/trigger.ts's, so that a test can move a workflow from one host to the other.
	const node: INode = { id: 'trigger', name: 'Trigger', type: `${PACKAGE}.${triggerType}`, typeVersion: 1, position: [0, 0], parameters, credentials };
	let cursor: IDataObject | undefined;
	let savedStaticData: IDataObject = {};
	const executions: IDataObject[][] = [];

	async function poll(testing: boolean, lostCommit: boolean): Promise<DurablePoll> {
		const workflow = buildWorkflow({ nodes: [node], connections: {}, staticData: copy(savedStaticData) });
		const trigger = workflow.getNode('Trigger')!;
		const saveStaticData = () => {
			if (workflow.staticData.__dataChanged === true) savedStaticData = copy(workflow.staticData);
		};
		let staged: { snapshot: IDataObject; seed: IDataObject } | undefined;
		const takeStagedCursor = () => {
			if (!staged || JSON.stringify(staged.snapshot) === JSON.stringify(staged.seed)) return null;
			const taken = copy(staged.snapshot);
			staged.seed = taken;
			return taken;
		};
		const commit = (taken: IDataObject | null, emitted?: INodeExecutionData[][]) => {
			if (lostCommit) return;
			if (taken) cursor = taken;
			if (emitted) executions.push(emitted[0].map((i) => i.json));
		};
		const runPoll = async <T>(run: () => Promise<T>): Promise<T> => {
			// getOrCreateCursor: the row is created from the workflow's node static data the first time.
			if (cursor === undefined) cursor = copy(workflow.getStaticData('node', trigger) as IDataObject);
			staged = { snapshot: copy(cursor), seed: copy(cursor) };
			return await run();
		};
		let emitted: INodeExecutionData[][] | undefined;
		const context = new PollContext(
			workflow,
			trigger,
			additionalDataFor(workflow.id),
			'trigger',
			testing ? 'activate' : 'update',
			(data) => {
				emitted = data;
				const taken = takeStagedCursor();
				saveStaticData();
				commit(taken, data);
			},
			(error) => {
				throw error;
			},
			async () => commit(takeStagedCursor()),
			runPoll,
			() => {
				if (!staged) throw new Error('the node read its static data outside of a poll');
				return staged.snapshot;
			},
			testing ? undefined : () => 36_000,
		);
		const type = nodeTypes.getByNameAndVersion(node.type) as INodeType;
		await runPollInStagingScope(context as unknown as IPollFunctions, async () => {
			const result = await type.poll!.call(context);
			if (result !== null) context.__emit(result);
			else if (!testing) await commitStagedCursor(context as unknown as IPollFunctions);
		});
		if (testing) saveStaticData();
		return { items: (emitted?.[0] ?? []).map((i) => i.json) };
	}

	return {
		activate: (parameters) => {
			if (parameters) node.parameters = parameters;
			return poll(true, false);
		},
		scheduledPoll: (options = {}) => poll(false, options.lostCommit === true),
		get cursor() {
			return cursor === undefined ? undefined : copy(cursor);
		},
		get savedStaticData() {
			return copy(savedStaticData);
		},
		get executions() {
			return copy(executions);
		},
	};
}
