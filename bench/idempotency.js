#!/usr/bin/env node
// Benchmark: what Tencent Credit > Allocate to Customer with an Idempotency Key costs, through the
// node (real n8n-core workflow execution) against the sandbox with its rate limits on.
//
// 1. Requests per allocation: a new key for a customer whose history holds H earlier allocations
//    (H = 2, 250, 2,000: the look reads pages of 100, at most 1,000 allocations back), a key already
//    applied (the re-run), and an answer lost after applying (the connection dropped).
// 2. Throughput: 100 allocations to 100 customers with keys and without, at 0, 150 and 600 ms per
//    request: the look at the history has its own 5/s budget at Tencent, so the allocations
//    themselves should still reach the 5/s limit.
//
// Requests are counted at the sandbox. Waits between looks after an unclear answer move the sandbox
// clock instead of passing. Nothing here is asserted by the test suite.
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cloud-partners-bench-'));
require('tsx/cjs');

const { runWorkflow, errorOf, outputOf, setCredential } = require('../test/harness/runWorkflow.ts');
const { singleNodeWorkflow, NODE_NAME } = require('../test/harness/workflows.ts');
const { vendorRateLimiter } = require('../nodes/shared/rateLimiter.ts');
const { forgetKeysAppliedHere, ledgerClock } = require('../nodes/TencentCloudPartner/idempotency.ts');
const { startSandbox } = require('../sandbox/server');
const { partnerKey } = require('../sandbox/tencent/keys');

const LIMIT = 5;
const THROUGHPUT_ITEMS = Number(process.env.BENCH_ITEMS || 100);

function allocationWorkflow(items, keyed, options = {}) {
	return singleNodeWorkflow(
		'tencentCloudPartner',
		{
			resource: 'credit',
			operation: 'allocateToCustomer',
			customerUin: { __rl: true, mode: 'id', value: '={{ $json.uin }}' },
			addedCredit: 1,
			additionalFields: keyed ? { idempotencyKey: '={{ $json.key }}' } : {},
			options,
		},
		{ items, credentials: { tencentCloudPartnerApi: { id: 'bench', name: 'bench' } } },
	);
}

async function main() {
	const sandbox = await startSandbox({ port: 0 });
	let offsetMs = 0;
	ledgerClock.sleep = async (ms) => {
		offsetMs += ms;
		sandbox.control.setClockOffset({ offsetMs });
	};
	// Throttled answers (the two limits shared with nothing else, but the sandbox's window is strict) are not the look's cost.
	const count = (action) => sandbox.control.getRequests({ provider: 'tencent', action }).filter((r) => !r.outcome.startsWith('RequestLimitExceeded')).length;
	const newCustomer = () => Number(sandbox.control.tencent.addCustomer({ Name: 'Bench', Credit: 0 }).ClientUin);
	/** Gives a customer `n` earlier allocations straight in the ledger (no requests). */
	const withHistory = (uin, n) => {
		const { credit, directory } = sandbox.state.tencent.data;
		const customer = directory.get(uin);
		for (let i = 0; i < n; i++) credit.record(customer, { AllocatedTime: '2026-01-01 00:00:00', Operator: 'bench', Credit: 1, AllocatedCredit: 1, ClientCreditAfter: 1, Remark: `[idem:old-${i}] earlier` }, 0);
	};
	/** Requests one keyed allocation makes, by action. */
	async function measure(uin, key, before = () => {}) {
		sandbox.control.clearRequests();
		forgetKeysAppliedHere();
		before();
		const run = await runWorkflow(allocationWorkflow([{ uin, key }], true));
		const error = errorOf(run);
		if (error) throw error;
		return { history: count('QueryCreditAllocationHistory'), allocate: count('AllocateCustomerCredit'), outcome: outputOf(run, NODE_NAME)[0].json.outcome };
	}
	try {
		setCredential('bench', { ...partnerKey, sessionToken: '', endpoint: sandbox.url, language: 'en-US' });
		sandbox.control.reset();
		const lines = [`Idempotency Key benchmark (${new Date().toISOString()}, node ${process.version})`, '1. requests per keyed allocation (history reads + allocations):'];
		for (const prior of [2, 250, 2000]) {
			const uin = newCustomer();
			withHistory(uin, prior);
			const fresh = await measure(uin, `new-${prior}`);
			lines.push(`   new key, ${prior} earlier allocations: ${fresh.history} + ${fresh.allocate} = ${fresh.history + fresh.allocate} (${fresh.outcome})`);
		}
		const uin = newCustomer();
		await measure(uin, 'again');
		const again = await measure(uin, 'again');
		lines.push(`   key already applied (re-run): ${again.history} + ${again.allocate} = ${again.history + again.allocate} (${again.outcome})`);
		const lost = await measure(newCustomer(), 'lost', () => sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'drop', afterApply: true }));
		lines.push(`   answer lost after applying: ${lost.history} + ${lost.allocate} = ${lost.history + lost.allocate} (${lost.outcome})`);
		const dropped = await measure(newCustomer(), 'dropped', () => sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'drop' }));
		lines.push(`   connection dropped before applying: ${dropped.history} + ${dropped.allocate} = ${dropped.history + dropped.allocate} (${dropped.outcome}, after 14 s of looks)`);

		lines.push(`2. ${THROUGHPUT_ITEMS} allocations to ${THROUGHPUT_ITEMS} customers at ${LIMIT}/s:`);
		const cases = [0, 150, 600].flatMap((latencyMs) => [false, true].map((keyed) => ({ latencyMs, keyed, concurrency: 0 })));
		// Each keyed item waits for its look before sending: far away, more items in flight keep the limit busy.
		cases.push({ latencyMs: 600, keyed: true, concurrency: 10 });
		for (const { latencyMs, keyed, concurrency } of cases) {
			{
				sandbox.control.reset();
				vendorRateLimiter.reset();
				forgetKeysAppliedHere();
				sandbox.control.setLatency({ provider: 'tencent', latencyMs });
				const items = Array.from({ length: THROUGHPUT_ITEMS }, (_, i) => ({ uin: newCustomer(), key: `tp-${latencyMs}-${i}` }));
				const started = Date.now();
				const run = await runWorkflow(allocationWorkflow(items, keyed, concurrency ? { maxConcurrentRequests: concurrency } : {}));
				const seconds = (Date.now() - started) / 1000;
				if (errorOf(run)) throw errorOf(run);
				const rate = THROUGHPUT_ITEMS / seconds;
				const requests = count('QueryCreditAllocationHistory') + count('AllocateCustomerCredit');
				lines.push(`   ${latencyMs} ms, ${keyed ? 'with keys   ' : 'without keys'}${concurrency ? `, Max Concurrent Requests ${concurrency}` : ''}: ${seconds.toFixed(1)} s, ${rate.toFixed(2)} allocations/s (${(rate / LIMIT).toFixed(2)} of the limit), ${(requests / THROUGHPUT_ITEMS).toFixed(2)} requests per allocation`);
			}
		}
		process.stdout.write(`${lines.join('\n')}\n`);
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
