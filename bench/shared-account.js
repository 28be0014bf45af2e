#!/usr/bin/env node
// Benchmark: several processes sharing one vendor account, as n8n queue-mode workers do.
//
// Three child processes, each with its own credential record holding the same Tencent SecretId,
// run 100 AllocateCustomerCredit items each (5/s documented) through n8n-core against one sandbox,
// at the same moment. They share no memory: each paces on its own and only the sandbox's
// RequestLimitExceeded answers tell them someone else uses the account. Prints the errors surfaced
// in the workflows (target 0), whether every item was applied exactly once (from the sandbox's
// state: each item tops up its own customer by 1), the throttling answers the sandbox gave (target
// at most 0.25 per applied call), and
// the total time from the common start to the last item over 300 / 5 s (target <= 1.25).
//
// Latency per request: BENCH_LATENCY_MS (default 150). Figures are measured within one run;
// nothing here is asserted by the test suite.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const PROCESSES = Number(process.env.BENCH_PROCESSES || 3);
const ITEMS_PER_PROCESS = Number(process.env.BENCH_ITEMS || 100);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);
const LIMIT = 5;

/** One worker: waits for "go" on stdin, runs its items, prints one JSON line. */
async function child() {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cloud-partners-bench-'));
	require('tsx/cjs');
	const { runWorkflow, outputOf, errorOf, setCredential } = require('../test/harness/runWorkflow.ts');
	const { singleNodeWorkflow, NODE_NAME } = require('../test/harness/workflows.ts');
	const { partnerKey } = require('../sandbox/tencent/keys');
	const { url, worker, uins } = JSON.parse(process.env.BENCH_CHILD);
	const credential = `worker-${worker}`;
	setCredential(credential, { ...partnerKey, sessionToken: '', endpoint: url, language: 'en-US' });
	const workflow = singleNodeWorkflow(
		'tencentCloudPartner',
		{
			resource: 'credit',
			operation: 'allocateToCustomer',
			customerUin: { __rl: true, mode: 'id', value: '={{ $json.uin }}' },
			addedCredit: 1,
			additionalFields: {},
		},
		{ items: uins.map((uin) => ({ uin })), credentials: { tencentCloudPartnerApi: { id: credential, name: credential } } },
	);
	process.stdout.write('ready\n');
	await new Promise((resolve) => process.stdin.once('data', resolve));
	const startedAt = Date.now();
	const run = await runWorkflow(workflow);
	const finishedAt = Date.now();
	const out = outputOf(run, NODE_NAME);
	const error = errorOf(run);
	const surfaced = (error ? 1 : 0) + out.filter((item) => item.json.error).length;
	process.stdout.write(`${JSON.stringify({ worker, startedAt, finishedAt, items: out.length, surfaced, error: error ? error.message : null })}\n`);
	fs.rmSync(process.env.N8N_USER_FOLDER, { recursive: true, force: true });
	process.exit(0);
}

function startChild(url, worker, uins) {
	const proc = spawn(process.execPath, [__filename], {
		env: { ...process.env, BENCH_CHILD: JSON.stringify({ url, worker, uins }) },
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	let buffer = '';
	const lines = [];
	const waiters = [];
	proc.stdout.on('data', (chunk) => {
		buffer += chunk;
		let at;
		while ((at = buffer.indexOf('\n')) >= 0) {
			const line = buffer.slice(0, at).trim();
			buffer = buffer.slice(at + 1);
			if (!line.startsWith('ready') && !line.startsWith('{')) continue; // n8n's own notices
			lines.push(line);
			while (waiters.length && lines.length) waiters.shift()(lines.shift());
		}
	});
	// A child that dies before answering ends the wait with an error instead of hanging the bench.
	let exited;
	proc.on('exit', (code, signal) => {
		exited = new Error(`bench worker ${worker} exited (${code ?? signal}) before answering`);
		for (const waiter of waiters.splice(0)) waiter(exited);
	});
	const nextLine = () =>
		new Promise((resolve, reject) => {
			if (lines.length) return resolve(lines.shift());
			if (exited) return reject(exited);
			waiters.push((line) => (line instanceof Error ? reject(line) : resolve(line)));
		});
	return { proc, nextLine };
}

async function parent() {
	const { startSandbox } = require('../sandbox/server');
	const sandbox = await startSandbox({ port: 0, latency: { tencent: { latencyMs: LATENCY_MS } } });
	let children = [];
	try {
		sandbox.control.setPartnerRemainingCredit({ RemainingCredit: 1000000 });
		const customers = Array.from({ length: PROCESSES * ITEMS_PER_PROCESS }, (_, i) =>
			Number(sandbox.control.addCustomer({ Name: `Shared account bench ${i + 1}`, Credit: 0, RemainingCredit: 0 }).ClientUin),
		);
		children = Array.from({ length: PROCESSES }, (_, worker) =>
			startChild(sandbox.url, worker + 1, customers.slice(worker * ITEMS_PER_PROCESS, (worker + 1) * ITEMS_PER_PROCESS)),
		);
		for (const c of children) await c.nextLine(); // every worker loaded n8n-core
		sandbox.control.clearRequests();
		for (const c of children) c.proc.stdin.write('go\n');
		const results = [];
		for (const c of children) results.push(JSON.parse(await c.nextLine()));

		const log = sandbox.control.getRequests({ provider: 'tencent', action: 'AllocateCustomerCredit' });
		const throttled = log.filter((r) => String(r.outcome).startsWith('RequestLimitExceeded')).length;
		const applied = log.filter((r) => r.outcome === 'ok').length;
		const credits = customers.map((uin) => Number(sandbox.control.getCustomer(uin).Credit));
		const exactlyOnce = credits.filter((credit) => credit === 1).length;
		const surfaced = results.reduce((sum, r) => sum + r.surfaced, 0);
		const totalS = (Math.max(...results.map((r) => r.finishedAt)) - Math.min(...results.map((r) => r.startedAt))) / 1000;
		const idealS = (PROCESSES * ITEMS_PER_PROCESS) / LIMIT;
		const lines = [
			`Shared account benchmark (${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} CPUs)`,
			`${PROCESSES} processes x ${ITEMS_PER_PROCESS} AllocateCustomerCredit items (${LIMIT}/s) on one SecretId, ${LATENCY_MS} ms latency per request`,
			...results.map((r) => `  worker ${r.worker}: ${r.items} items out in ${((r.finishedAt - r.startedAt) / 1000).toFixed(1)} s, ${r.surfaced} errors surfaced${r.error ? ` (${r.error})` : ''}`),
			`errors surfaced: ${surfaced} (target 0)`,
			`applied exactly once: ${exactlyOnce} of ${customers.length} customers (sandbox state), ${applied} accepted calls; throttling answers at the sandbox: ${throttled}, ${(throttled / Math.max(1, applied)).toFixed(2)} per applied call (target <= 0.25)`,
			`total time ${totalS.toFixed(1)} s vs ${idealS} s at the limit: ${(totalS / idealS).toFixed(2)} (target <= 1.25)`,
			`verdict: ${surfaced === 0 && exactlyOnce === customers.length && applied === customers.length && throttled / Math.max(1, applied) <= 0.25 && totalS / idealS <= 1.25 ? 'targets met' : 'TARGET MISSED'}`,
		];
		process.stdout.write(`${lines.join('\n')}\n`);
	} finally {
		for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
		await sandbox.close();
	}
}

(process.env.BENCH_CHILD ? child() : parent()).catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
