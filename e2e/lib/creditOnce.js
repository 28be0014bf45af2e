'use strict';
/*
 * Credit applied exactly once in n8n's queue mode, with the Tencent node's Idempotency Key
 * (fixtures/queue-credit-once.json: Webhook > Split Out > Add credit once, key = the order id):
 *   1. Crash and retry: one webhook call allocates credit to CRASH_CUSTOMERS customers with the
 *      sandbox VENDOR_LATENCY_MS away; KILL_AFTER_MS in (later on a busy machine, once a first
 *      allocation was applied), the worker running the execution is
 *      killed (SIGKILL). Once n8n has ended that execution, it is retried through n8n's own retry
 *      (POST /rest/executions/:id/retry, as the editor's Retry button does), which must credit
 *      nobody twice; n8n 2.41.1 keeps no input for a job whose worker died, so its retry runs no
 *      node, and the sender then repeats its webhook with the same orders. Every customer must end
 *      up credited exactly once, and the repeat must find every earlier allocation in the ledger.
 *   2. A webhook delivered twice (the second after the first execution finished): applied once,
 *      the second execution's items all say already applied.
 */
const { dbQuery, loadExecution, RUNNING_STATUSES } = require('./database');
const { httpRequest } = require('./net');
const { nodeOutput } = require('./runResult');
const { interruption } = require('./processes');
const { E2EError, seconds, sleep, tail } = require('./util');

const CRASH_CUSTOMERS = 40;
const TWICE_CUSTOMERS = 10;
const VENDOR_LATENCY_MS = 600;
const KILL_AFTER_MS = 3000;
/** n8n takes about two minutes to give up on a job whose worker died. */
const CRASH_SETTLE_TIMEOUT_MS = 300e3;
const RUN_TIMEOUT_MS = 180e3;
const WEBHOOK_PATH = 'e2e-credit-once';
const ALLOCATE_NODE = 'Add credit once';
/** Sent as the editor sends it: the session cookie is bound to this browser id. */
const BROWSER_ID = 'e2e-credit-once';
const OWNER = { email: 'e2e-owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-owner-password-1' };

async function sandboxCall(sandboxUrl, route, body) {
	const r = await httpRequest(`${sandboxUrl}${route}`, body === undefined ? {} : { method: 'POST', body });
	if (r.status !== 200) throw new E2EError(`sandbox ${route} answered ${r.status}: ${r.body.slice(0, 200)}`);
	return JSON.parse(r.body);
}

/** `count` new customers with no credit, one order each (order ids unique to this run). */
async function newOrders(sandboxUrl, count, batch) {
	const orders = [];
	for (let i = 0; i < count; i++) {
		const customer = await sandboxCall(sandboxUrl, '/_control/tencent/customers', { Name: `E2E once ${batch} ${i}`, Credit: 0 });
		orders.push({ uin: customer.ClientUin, amount: 1, orderId: `${batch}-${String(i + 1).padStart(3, '0')}` });
	}
	return orders;
}

/** How many times each order's customer was credited, by the sandbox's books (Credit in USD, 1 per order). */
async function creditedTimes(sandboxUrl, orders) {
	const times = [];
	for (const order of orders) {
		const customer = await sandboxCall(sandboxUrl, `/_control/state/tencent/customer?ClientUin=${order.uin}`);
		times.push(Math.round(Number(customer.Credit) / order.amount));
	}
	return times;
}

/** Whether the sandbox has applied an allocation of this batch yet (its request log). */
async function someApplied(sandboxUrl, batch) {
	const calls = await sandboxCall(sandboxUrl, '/_control/requests?provider=tencent&action=AllocateCustomerCredit');
	return calls.some((c) => c.outcome === 'ok' && c.body && String(c.body.Remark || '').startsWith(`[idem:${batch}-`));
}

const tally = (times) => ({ once: times.filter((t) => t === 1).length, never: times.filter((t) => t === 0).length, more: times.filter((t) => t > 1).length });

async function executionRows(instance, workflowId) {
	return await dbQuery(
		instance,
		'SELECT "id", "status", "finished", "mode", "retryOf", "startedAt", "stoppedAt" FROM "execution_entity" WHERE "workflowId" = ? AND "deletedAt" IS NULL ORDER BY "id"',
		[workflowId],
	);
}

/** Waits for a new execution (not among `known`) matching `accept`, then until it has ended. */
async function awaitExecution(instance, workflowId, known, { accept = () => true, timeoutMs = RUN_TIMEOUT_MS } = {}) {
	const t0 = Date.now();
	while (Date.now() - t0 < timeoutMs && !interruption.interrupted) {
		const row = (await executionRows(instance, workflowId)).find((r) => !known.has(String(r.id)) && accept(r));
		if (row && !RUNNING_STATUSES.has(row.status)) return { row, waitedMs: Date.now() - t0 };
		await sleep(500);
	}
	throw new E2EError(`no ended execution of ${workflowId} within ${seconds(timeoutMs)}`);
}

async function postWebhook(port, body) {
	const r = await httpRequest(`http://127.0.0.1:${port}/webhook/${WEBHOOK_PATH}`, { method: 'POST', body, timeoutMs: 30e3 });
	if (r.status !== 200) throw new E2EError(`the webhook answered ${r.status}: ${r.body.slice(0, 200)}`);
}

/** Logs in as the instance owner (set up on first use), as the editor does: cookie and browser id. */
async function ownerSession(port) {
	const headers = { 'browser-id': BROWSER_ID };
	const setup = await httpRequest(`http://127.0.0.1:${port}/rest/owner/setup`, { method: 'POST', body: OWNER, headers, timeoutMs: 30e3 });
	const login = setup.status === 200 ? setup : await httpRequest(`http://127.0.0.1:${port}/rest/login`, { method: 'POST', body: { emailOrLdapLoginId: OWNER.email, password: OWNER.password }, headers, timeoutMs: 30e3 });
	const cookie = [].concat(login.headers['set-cookie'] || []).map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
	if (login.status !== 200 || !cookie) throw new E2EError(`could not log in to n8n's REST API (${setup.status}/${login.status}): ${login.body.slice(0, 200)}`);
	return { ...headers, Cookie: cookie };
}

/** Outcomes of the allocation node in a stored execution, counted, and the error the execution kept. */
async function outcomesOf(instance, row) {
	const execution = await loadExecution(instance, row);
	const items = nodeOutput(execution, ALLOCATE_NODE) || [];
	const counts = {};
	for (const item of items) counts[item.outcome || 'none'] = (counts[item.outcome || 'none'] || 0) + 1;
	const error = execution.data && execution.data.resultData && execution.data.resultData.error;
	return { counts, items: items.length, error: error ? String(error.message || error) : undefined };
}

const describeCounts = (counts) => Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ') || 'no items';

async function checkCrashAndRetry(instance, tally_, { cluster, sandboxUrl, workflowId }) {
	const orders = await newOrders(sandboxUrl, CRASH_CUSTOMERS, 'crash');
	const known = new Set((await executionRows(instance, workflowId)).map((r) => String(r.id)));
	const seen = cluster.workers.map((w) => w.server.output().length);
	const sentAt = Date.now();
	await postWebhook(cluster.port, { orders });
	// The workers' logs say at once which one took the job (the database would say it seconds later).
	let started;
	while (!started && Date.now() - sentAt < RUN_TIMEOUT_MS && !interruption.interrupted) {
		started = cluster.workers
			.map((w, i) => ({ worker: w, match: /Worker started execution (\d+)/.exec(w.server.output().slice(seen[i])) }))
			.find((s) => s.match);
		if (!started) await sleep(50);
	}
	if (!started) throw new E2EError('no worker started the execution');
	const victim = started.worker;
	const executionId = started.match[1];
	await sleep(Math.max(0, sentAt + KILL_AFTER_MS - Date.now()));
	// On a busy machine the worker may not have allocated anything 3 s in: kill it mid-run anyway.
	while (!(await someApplied(sandboxUrl, 'crash')) && Date.now() - sentAt < RUN_TIMEOUT_MS) await sleep(50);
	const killedAt = Date.now();
	await victim.server.crash();
	const creditedAtKill = tally(await creditedTimes(sandboxUrl, orders));
	const { row: crashed } = await awaitExecution(instance, workflowId, known, { timeoutMs: CRASH_SETTLE_TIMEOUT_MS, accept: (r) => String(r.id) === executionId });
	if (crashed.status === 'success') throw new E2EError(`execution #${crashed.id} succeeded before the worker was killed ${seconds(KILL_AFTER_MS)} in`);
	const afterCrash = tally(await creditedTimes(sandboxUrl, orders));
	const endedAfterMs = Date.now() - killedAt;

	// 1. n8n's own retry, as the editor's Retry button. n8n 2.41.1 stores a job whose worker died
	//    with an empty run (no input kept), so its retry may run no node; it must not credit anyone twice.
	const session = await ownerSession(cluster.port);
	const retried = new Set((await executionRows(instance, workflowId)).map((r) => String(r.id)));
	const answer = await httpRequest(`http://127.0.0.1:${cluster.port}/rest/executions/${crashed.id}/retry`, { method: 'POST', body: { loadWorkflow: false }, headers: session, timeoutMs: RUN_TIMEOUT_MS });
	if (answer.status !== 200) throw new E2EError(`n8n refused to retry execution #${crashed.id}: ${answer.status} ${answer.body.slice(0, 300)}`);
	const { row: retry } = await awaitExecution(instance, workflowId, retried, { accept: (r) => String(r.retryOf) === String(crashed.id) });
	const retryOutcomes = await outcomesOf(instance, retry);
	const afterRetry = tally(await creditedTimes(sandboxUrl, orders));
	const retrySummary = `n8n's retry #${retry.id}: ${retry.status}, ${retryOutcomes.items ? describeCounts(retryOutcomes.counts) : `no node ran (n8n kept no input for the killed job${retryOutcomes.error ? `; "${retryOutcomes.error.slice(0, 60)}..."` : ''})`}`;
	if (afterRetry.more) throw new E2EError(`${retrySummary}; ${afterRetry.more} customers credited more than once`);
	// 2. The sender repeats its webhook with the same orders, as it would when the retry did not finish the job.
	let resent = { counts: {}, items: 0 };
	let resentRow;
	if (afterRetry.once < CRASH_CUSTOMERS) {
		const before = new Set((await executionRows(instance, workflowId)).map((r) => String(r.id)));
		await postWebhook(cluster.port, { orders });
		({ row: resentRow } = await awaitExecution(instance, workflowId, before, { accept: (r) => r.mode === 'webhook' }));
		if (resentRow.status !== 'success') throw new E2EError(`${retrySummary}; the repeated webhook #${resentRow.id} ended as ${resentRow.status}`);
		resent = await outcomesOf(instance, resentRow);
	}
	const final = tally(await creditedTimes(sandboxUrl, orders));
	const summary =
		`${CRASH_CUSTOMERS} customers, vendor ${VENDOR_LATENCY_MS} ms away: ${victim.name} killed ${seconds(killedAt - sentAt)} in with ${creditedAtKill.once} credited; ` +
		`n8n ended #${crashed.id} as ${crashed.status} ${seconds(endedAfterMs)} later with ${afterCrash.once} credited, ${afterCrash.never} not; ` +
		`${retrySummary}, ${afterRetry.once} credited after it; ` +
		(resentRow ? `the same webhook again, #${resentRow.id}: ${describeCounts(resent.counts)}; ` : '') +
		`ledger: ${final.once} credited once, ${final.never} never, ${final.more} more than once`;
	if (final.once !== CRASH_CUSTOMERS) throw new E2EError(`not every customer credited exactly once. ${summary}`);
	if (resentRow && (resent.counts.alreadyApplied || 0) !== afterRetry.once) throw new E2EError(`the repeated webhook did not find every earlier allocation in the ledger. ${summary}`);
	tally_.ok('crash and retry: credited once', summary);
}

async function checkWebhookTwice(instance, tally_, { cluster, sandboxUrl, workflowId }) {
	const orders = await newOrders(sandboxUrl, TWICE_CUSTOMERS, 'twice');
	const runs = [];
	for (let delivery = 0; delivery < 2; delivery++) {
		const known = new Set((await executionRows(instance, workflowId)).map((r) => String(r.id)));
		await postWebhook(cluster.port, { orders });
		const { row } = await awaitExecution(instance, workflowId, known);
		if (row.status !== 'success') throw new E2EError(`delivery ${delivery + 1} ended as ${row.status} (#${row.id})`);
		runs.push({ row, ...(await outcomesOf(instance, row)) });
	}
	const final = tally(await creditedTimes(sandboxUrl, orders));
	const summary = `${TWICE_CUSTOMERS} orders delivered twice: first #${runs[0].row.id} ${describeCounts(runs[0].counts)}, second #${runs[1].row.id} ${describeCounts(runs[1].counts)}; ledger: ${final.once} credited once, ${final.more} more than once`;
	if (final.once !== TWICE_CUSTOMERS || runs[1].counts.alreadyApplied !== TWICE_CUSTOMERS) throw new E2EError(summary);
	tally_.ok('webhook delivered twice: credited once', summary);
}

/** Both checks on a fresh cluster, the sandbox VENDOR_LATENCY_MS away meanwhile. */
async function checkCreditOnce(instance, tally_, { tmpDir, sandboxUrl, workflowId, startCluster, restoreLatencyMs }) {
	await sandboxCall(sandboxUrl, '/_control/latency', { provider: 'tencent', latencyMs: VENDOR_LATENCY_MS });
	const cluster = await startCluster(instance, tmpDir);
	try {
		for (const [name, check] of [
			['crash and retry: credited once', checkCrashAndRetry],
			['webhook delivered twice: credited once', checkWebhookTwice],
		]) {
			if (interruption.interrupted) break;
			try {
				await check(instance, tally_, { cluster, sandboxUrl, workflowId });
			} catch (e) {
				if (!(e instanceof E2EError)) throw e;
				tally_.fail(name, e.message, tail(cluster.output(), 10));
			}
		}
	} finally {
		await cluster.stop();
		await sandboxCall(sandboxUrl, '/_control/latency', { provider: 'tencent', latencyMs: restoreLatencyMs });
	}
}

module.exports = { checkCreditOnce };
