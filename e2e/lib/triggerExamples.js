'use strict';
/*
 * Examples that start at a polling trigger, run the way they run in production:
 *   beforeActivation hook -> activate (`publish:workflow` on 2.x, `update:workflow --active` on
 *   1.x) -> `n8n start` (activation runs each trigger's first poll at once: the baseline, which
 *   n8n saves as the workflow's static data) -> afterActivation hook (changes the sandbox) -> wait
 *   until n8n stored a finished execution -> check(execution, ctx) -> after more than one poll
 *   interval, check that the following poll started no second execution.
 * Everything is read from n8n's database, never from its log text. All trigger examples share one
 * `n8n start`, so their waits overlap.
 * With the durable scheduler (`scheduler.durable`) the trigger's state lives in n8n's durable
 * cursor (`poller_state`), which n8n commits only with a scheduled poll: the baseline taken at
 * activation is what the node kept in the workflow's global static data, and each change is made
 * before the first scheduled poll started when the timing allows (reported per example, from
 * n8n's `scheduled_task` rows).
 */
const path = require('path');

const { RUNNING_STATUSES, dbQuery, executionsOf, loadExecution, pollCursorOf, scheduledPollsStarted, staticDataOf } = require('./database');
const { dump } = require('./executeExample');
const { freePort } = require('./net');
const { n8nCli, startN8nServer } = require('./n8nProcess');
const { interruption } = require('./processes');
const { errorText, nodeOutput } = require('./runResult');
const { SCHEDULERS } = require('./schedulers');
const { log, seconds, sleep, tail } = require('./util');

const TIMEOUTS = {
	activateCommand: 120e3,
	baseline: 90e3, // after /healthz: every trigger's first poll stored its static data
	hook: 30e3, // each beforeActivation / afterActivation hook
	execution: 150e3, // from the afterActivation hook until a finished execution is stored
	followingPoll: 65e3, // "every minute" polls: more than one interval after the execution
	followingPollGrace: 5e3,
};

/** Runs an expectation hook with a time limit. */
async function runHook(fn, args, what) {
	let timer;
	try {
		return await Promise.race([
			Promise.resolve().then(() => fn(...args)),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error(`${what} did not finish within ${seconds(TIMEOUTS.hook)}`)), TIMEOUTS.hook);
			}),
		]);
	} finally {
		clearTimeout(timer);
	}
}

/** One `n8n start` that polls and executes: the default way n8n runs. */
async function startSingleN8n(instance, tmpDir) {
	const port = await freePort();
	const server = await startN8nServer(instance.host, { userFolder: instance.userFolder, port, logFile: path.join(tmpDir, `n8n-start${instance.logSuffix || ''}.log`), extraEnv: instance.extraEnv });
	return { ...server, describe: `n8n start (port ${port})` };
}

/** The CLI command that activates a workflow on this n8n line. */
const activateArgs = (host, id) => (host.legacy ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`]);

const isEmpty = (state) => !state || typeof state !== 'object' || Object.keys(state).length === 0;

/**
 * Whether the activation's baseline is stored: in the node's static data (n8n's defaults), or, with
 * the durable scheduler (which keeps no activation poll's state), as the baseline the node kept in
 * the workflow's global static data, or already in a committed durable cursor.
 */
async function baselineStored(instance, workflowId, startNode, durable) {
	const staticData = await staticDataOf(instance, workflowId);
	if (!durable) return !isEmpty(staticData[`node:${startNode.name}`]);
	const kept = staticData.global && staticData.global.activationBaselines;
	return Boolean(kept && kept[startNode.id]) || !isEmpty(await pollCursorOf(instance, workflowId, startNode.id));
}

/** Runs the expectation's check on a stored execution (same rules as for `execute` runs). */
async function checkTriggerExecution({ ex, spec, startNode }, execution, ctx, redact) {
	dump(ex.file, redact, execution);
	const resultData = (execution.data && execution.data.resultData) || {};
	if (!resultData.runData) return { ok: false, reason: `execution ${execution.id} has no runData (status ${execution.status})` };
	const error = errorText(execution);
	if (execution.status !== 'success' || error) return { ok: false, reason: `execution ${execution.id} failed (status ${execution.status}): ${error || 'no error message'}` };
	const lastNode = resultData.lastNodeExecuted;
	const items = (lastNode && nodeOutput(execution, lastNode)) || [];
	Object.assign(ctx, {
		executionId: execution.id,
		lastNode,
		items,
		error,
		triggerItems: nodeOutput(execution, startNode.name) || [],
		nodeOutput: (name, opts) => nodeOutput(execution, name, opts),
	});
	try {
		await spec.trigger.check(execution, ctx);
	} catch (e) {
		return { ok: false, reason: (e && e.message) || String(e) };
	}
	return { ok: true, count: items.length };
}

/**
 * Tests the polling-trigger examples. `items`: [{ ex, spec, startNode }] in file order. Returns
 * one result per item ({ ok, count?, executionId?, reason?, details? }), in the same order.
 */
async function testTriggerExamples(instance, items, { cliPort, tmpDir, redact, secrets, sandboxUrl, timings, startServers = startSingleN8n, scheduler = SCHEDULERS.defaults }) {
	const { host, userFolder } = instance;
	const results = items.map(() => null);
	const fail = (i, reason, details) => {
		if (!results[i]) results[i] = { ok: false, reason: redact(reason), details: details && redact(details) };
	};
	const live = () => items.map((_, i) => i).filter((i) => !results[i]);
	const idOf = (i) => items[i].ex.workflow.id;
	const ctxs = items.map(({ ex, startNode }) => ({ sandboxUrl, file: ex.file, workflow: ex.workflow, startNode: startNode.name, state: {} }));
	const tStart = Date.now();

	// 1. Hooks that prepare the sandbox for the baseline, then activation through the CLI.
	for (const i of live()) {
		const hook = items[i].spec.trigger.beforeActivation;
		if (typeof hook !== 'function') continue;
		try {
			await runHook(hook, [ctxs[i]], 'beforeActivation');
		} catch (e) {
			fail(i, `beforeActivation failed: ${(e && e.message) || e}`);
		}
	}
	const tActivate = Date.now();
	for (const i of live()) {
		const args = activateArgs(host, idOf(i));
		const r = await n8nCli(host, args, { userFolder, port: cliPort, timeoutMs: TIMEOUTS.activateCommand, extraEnv: instance.extraEnv });
		if (r.code !== 0) fail(i, `n8n ${args.join(' ')} failed (exit ${r.code ?? r.signal}${r.timedOut ? ', timed out' : ''})`, tail(r.stdout + r.stderr, 10));
	}
	if (live().length) {
		// The commands can exit 0 and change nothing (an unknown id): check the rows themselves.
		const ids = live().map(idOf);
		const rows = await dbQuery(instance, `SELECT "id", "activeVersionId" FROM "workflow_entity" WHERE "id" IN (${ids.map(() => '?').join(',')})`, ids);
		for (const i of live()) {
			const row = rows.find((r) => r.id === idOf(i));
			if (!row || !row.activeVersionId) fail(i, `n8n ${activateArgs(host, idOf(i))[0]} did not activate workflow ${idOf(i)} (row: ${JSON.stringify(row || null)})`);
		}
	}
	if (!live().length) return results;
	log(`activated ${live().length} workflow(s) with \`n8n ${activateArgs(host, 'ID')[0]}\` in ${seconds(Date.now() - tActivate)}`);

	// 2. n8n start; activation runs each trigger's first poll, whose state n8n saves at once.
	const tSpawn = Date.now();
	const server = await startServers(instance, tmpDir);
	const logTail = (n = 15) => redact(tail(server.output(), n));
	try {
		const tHealthy = Date.now();
		const baselined = new Set();
		while (Date.now() - tHealthy < TIMEOUTS.baseline && server.exitInfo() === undefined && !interruption.interrupted) {
			for (const i of live()) {
				if (!baselined.has(i) && (await baselineStored(instance, idOf(i), items[i].startNode, scheduler.durable))) baselined.add(i);
			}
			if (live().every((i) => baselined.has(i))) break;
			await sleep(1000);
		}
		for (const i of live()) {
			const where = scheduler.durable ? ' (no kept activation baseline, no committed durable cursor)' : '';
			if (!baselined.has(i)) fail(i, `the trigger stored no baseline${where} within ${seconds(TIMEOUTS.baseline)} after n8n answered${server.exitInfo() !== undefined ? ` (n8n exited with ${server.exitInfo()})` : ''}`, logTail());
		}
		log(`${server.describe}: ready after ${seconds(tHealthy - tSpawn)}, trigger baselines stored after ${seconds(Date.now() - tSpawn)}`);

		// 3. Change the sandbox, one example after the other (file order). With the durable scheduler,
		// note whether any scheduled poll of the trigger had started before the change.
		const hookDone = new Map();
		const beforeFirstScheduledPoll = new Map();
		for (const i of live()) {
			try {
				if (scheduler.durable) beforeFirstScheduledPoll.set(i, (await scheduledPollsStarted(instance, idOf(i), items[i].startNode.id)) === 0);
				await runHook(items[i].spec.trigger.afterActivation, [ctxs[i]], 'afterActivation');
				hookDone.set(i, Date.now());
			} catch (e) {
				fail(i, `afterActivation failed: ${(e && e.message) || e}`);
			}
		}

		// 4. Wait (in parallel) for each workflow's first finished execution, then check it.
		const found = new Map();
		await Promise.all(
			live().map(async (i) => {
				while (!interruption.interrupted && server.exitInfo() === undefined && Date.now() - hookDone.get(i) < TIMEOUTS.execution) {
					const done = (await executionsOf(instance, idOf(i))).find((r) => !RUNNING_STATUSES.has(r.status));
					if (done) return found.set(i, { row: done, seenAt: Date.now() });
					await sleep(1000);
				}
				const why = interruption.interrupted
					? 'interrupted'
					: server.exitInfo() !== undefined
						? `n8n exited (${server.exitInfo()}) before an execution was stored`
						: `no finished execution within ${seconds(TIMEOUTS.execution)} after the change`;
				fail(i, why, interruption.interrupted ? undefined : logTail());
			}),
		);
		for (const i of live()) {
			const f = found.get(i);
			timings.push(`${items[i].ex.file} ${seconds(f.seenAt - hookDone.get(i))} to its execution`);
			let execution;
			try {
				execution = await loadExecution(instance, f.row);
			} catch (e) {
				fail(i, `cannot read execution ${f.row.id}: ${e.message}`);
				continue;
			}
			const res = await checkTriggerExecution(items[i], execution, ctxs[i], redact);
			if (!res.ok) fail(i, res.reason, res.details);
			else if (scheduler.durable && isEmpty(await pollCursorOf(instance, idOf(i), items[i].startNode.id))) {
				fail(i, `execution ${execution.id} ran, but n8n committed no durable cursor with it: the durable scheduler was not in use`);
			} else {
				const when = !scheduler.durable ? undefined : beforeFirstScheduledPoll.get(i) ? 'changed before the first scheduled poll started' : 'changed after the first scheduled poll started';
				results[i] = { pending: true, count: res.count, executionId: execution.id, when };
			}
		}

		// 5. The following poll sees the same state again and must start no second execution.
		const pending = items.map((_, i) => i).filter((i) => results[i] && results[i].pending);
		if (process.env.E2E_SKIP_FOLLOWING_POLL === '1') log('E2E_SKIP_FOLLOWING_POLL=1: not waiting for the following polls');
		else if (pending.length) {
			const t0 = Date.now();
			await Promise.all(
				pending.map(async (i) => {
					const until = found.get(i).seenAt + TIMEOUTS.followingPoll + TIMEOUTS.followingPollGrace;
					while (Date.now() < until && !interruption.interrupted && server.exitInfo() === undefined) await sleep(1000);
					if (server.exitInfo() !== undefined) {
						results[i] = null;
						return fail(i, `n8n exited (${server.exitInfo()}) before the following poll`);
					}
					const rows = await executionsOf(instance, idOf(i));
					if (rows.length !== 1) {
						results[i] = null;
						fail(i, `the following poll started another execution: ${rows.length} executions (${rows.map((r) => `#${r.id} ${r.status}`).join(', ')}), expected 1`);
					}
				}),
			);
			timings.push(`following-poll check ${seconds(Date.now() - t0)}`);
		}
	} finally {
		const tStop = Date.now();
		await server.stop();
		timings.push(`n8n stop ${seconds(Date.now() - tStop)}`);
	}
	const output = server.output();
	items.forEach((_, i) => {
		if (results[i] && results[i].pending) {
			const { count, executionId, when } = results[i];
			results[i] = secrets.some((s) => output.includes(s)) ? { ok: false, reason: "a credential secret appears in n8n's output" } : { ok: true, count, executionId, when };
		}
	});
	timings.push(`trigger part${scheduler.label} ${seconds(Date.now() - tStart)}`);
	return results;
}

module.exports = { testTriggerExamples };
