#!/usr/bin/env node
// Benchmark: throughput of the three nodes on a network that is not loopback.
//
// For a representative read, a write and a paged Return All per vendor, runs real workflows
// through n8n-core against the sandbox with 0, 150 and 600 ms of latency per request (the
// sandbox's latency setting), with the node's default Max Concurrent Requests, and prints the
// achieved rate over the documented limit: (calls - 1) / (last arrival - first arrival) at the
// sandbox, over the limit, as bench/tencent-credit.js measures it. The node spaces calls evenly, so
// this is its steady rate; a client sending bursts of N would look faster on a short run. The
// longest runs are about ten seconds. Wall-clock time per run is printed too. A paged Return All
// learns the total from its first page, so that page costs one whole round trip before the others
// go out concurrently; its line also gives the rate of the pages after the first. dotdigital publishes no limit, so its line compares the default with one request
// at a time instead. Throttling answers seen at the sandbox and errors surfaced in the workflow are
// counted (target: none surfaced).
//
// Sampled operations (one read, one write, one paged list per vendor; every other operation goes
// through the same executor and limiter): Tencent QueryAccountVerificationStatus (20/s),
// AllocateCustomerCredit (5/s), QueryCustomersCredit Return All in pages of 5 (5/s); Huawei
// ShowSubCustomerBudget (10/s), UpdateSubCustomerBudget (10/s), ListSubCustomers Return All in
// pages of 3 (10/s); dotdigital GetAccount and AddCredit (no published limit).
//
// Figures are measured within one run; nothing here is asserted by the test suite.
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cloud-partners-bench-'));
require('tsx/cjs');

const { runWorkflow, outputOf, errorOf, setCredential } = require('../test/harness/runWorkflow.ts');
const { singleNodeWorkflow, NODE_NAME } = require('../test/harness/workflows.ts');
const { vendorRateLimiter } = require('../nodes/shared/rateLimiter.ts');
const { startSandbox } = require('../sandbox/server');
const tencentKeys = require('../sandbox/tencent/keys');
const huaweiKeys = require('../sandbox/huawei/keys');
const dotdigitalKeys = require('../sandbox/dotdigital/keys');

const LATENCIES = (process.env.BENCH_LATENCIES || '0,150,600').split(',').map(Number);
const ref = (value) => ({ __rl: true, mode: 'id', value: String(value) });
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const CREDENTIALS = {
	tencent: { tencentCloudPartnerApi: { id: 'bench-tencent', name: 'bench-tencent' } },
	huawei: { huaweiCloudPartnerApi: { id: 'bench-huawei', name: 'bench-huawei' } },
	dotdigital: { dotdigitalResellerApi: { id: 'bench-dotdigital', name: 'bench-dotdigital' } },
};
const NODE_TYPES = { tencent: 'tencentCloudPartner', huawei: 'huaweiCloudPartner', dotdigital: 'dotdigitalReseller' };

async function runNode(vendor, parameters, items) {
	const extra = vendor === 'huawei' ? { authentication: 'accessKey' } : {};
	const started = Date.now();
	const run = await runWorkflow(
		singleNodeWorkflow(NODE_TYPES[vendor], { ...extra, ...parameters }, { items, credentials: CREDENTIALS[vendor] }),
	);
	const out = outputOf(run, NODE_NAME);
	const error = errorOf(run);
	return { out, error, elapsedMs: Date.now() - started, surfaced: (error ? 1 : 0) + out.filter((i) => i.json.error).length };
}

/** What the sandbox saw of one action: arrivals of accepted calls, and throttling answers. */
function seenAtSandbox(sandbox, provider, action) {
	const log = sandbox.control.getRequests({ provider, action });
	const throttled = log.filter((r) => /RequestLimitExceeded|APIG\.0308|CBC\.0250|429/.test(String(r.outcome))).length;
	const accepted = log.filter((r) => !/RequestLimitExceeded|APIG\.0308|CBC\.0250|429/.test(String(r.outcome)));
	const arrivals = accepted.map((r) => r.at).sort((a, b) => a - b);
	const spanS = arrivals.length > 1 ? (arrivals[arrivals.length - 1] - arrivals[0]) / 1000 : NaN;
	const laterSpanS = arrivals.length > 2 ? (arrivals[arrivals.length - 1] - arrivals[1]) / 1000 : NaN;
	return { calls: accepted.length, throttled, spanS, rate: (arrivals.length - 1) / spanS, laterRate: (arrivals.length - 2) / laterSpanS };
}

async function main() {
	const sandbox = await startSandbox({ port: 0 });
	const lines = [`Throughput benchmark (${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} CPUs)`];
	const print = (line) => {
		lines.push(line);
		process.stdout.write(`${line}\n`);
	};
	process.stdout.write(`${lines[0]}\n`);
	try {
		setCredential('bench-tencent', { ...tencentKeys.partnerKey, sessionToken: '', endpoint: sandbox.url, language: 'en-US' });
		const hk = huaweiKeys.partnerKey;
		setCredential('bench-huawei', {
			site: 'custom',
			endpoint: sandbox.url,
			accessKeyId: hk.accessKeyId,
			secretAccessKey: hk.secretAccessKey,
			securityToken: '',
			domainId: hk.domainId,
		});
		const { username, password } = dotdigitalKeys.resellerUser;
		setCredential('bench-dotdigital', { username, password, baseUrl: `${sandbox.url}/WebApi/ResellerServices` });

		sandbox.control.reset();
		const uin = tencentKeys.FIRST_CUSTOMER_UIN;
		const huaweiCustomers = (await runNode('huawei', { resource: 'customer', operation: 'getMany', returnAll: false, limit: 5, additionalFields: { associationType: '3' } }, [{}])).out;
		const huaweiCustomer = String(huaweiCustomers[0].json.customer_id);
		const accounts = (await runNode('dotdigital', { resource: 'account', operation: 'getMany', returnAll: false, limit: 1, additionalFields: {} }, [{}])).out;
		const accountId = accounts[0].json.AccountId;

		const items = (count) => Array.from({ length: count }, (_, i) => ({ i }));
		const scenarios = [
			{ vendor: 'tencent', kind: 'read', action: 'QueryAccountVerificationStatus', limit: 20, items: 160, parameters: { resource: 'customer', operation: 'getVerificationStatus', customerUin: ref(uin) } },
			{ vendor: 'tencent', kind: 'write', action: 'AllocateCustomerCredit', limit: 5, items: 40, parameters: { resource: 'credit', operation: 'allocateToCustomer', customerUin: ref(uin), addedCredit: 1, additionalFields: {} } },
			{ vendor: 'tencent', kind: 'pages', action: 'QueryCustomersCredit', limit: 5, items: 1, parameters: { resource: 'credit', operation: 'getManyCustomers', returnAll: true, additionalFields: { pageSize: 5 } } },
			{ vendor: 'huawei', kind: 'read', action: 'ShowSubCustomerBudget', limit: 10, items: 80, parameters: { resource: 'budget', operation: 'get', customerId: ref(huaweiCustomer), additionalFields: {} } },
			{ vendor: 'huawei', kind: 'write', action: 'UpdateSubCustomerBudget', limit: 10, items: 80, parameters: { resource: 'budget', operation: 'set', customerId: ref(huaweiCustomer), budgetAmount: 100, additionalFields: {} } },
			{ vendor: 'huawei', kind: 'pages', action: 'ListSubCustomers', limit: 10, items: 1, parameters: { resource: 'customer', operation: 'getMany', returnAll: true, additionalFields: { pageSize: 3 } } },
			{ vendor: 'dotdigital', kind: 'read', action: 'GetAccount', limit: 0, items: 30, parameters: { resource: 'account', operation: 'get', accountId: ref(accountId) } },
			{ vendor: 'dotdigital', kind: 'write', action: 'AddCredit', limit: 0, items: 30, parameters: { resource: 'credit', operation: 'add', accountId: ref(accountId), credits: 1, additionalFields: {} } },
		];

		const summary = [];
		for (const latencyMs of LATENCIES) {
			print(`latency ${latencyMs} ms per request:`);
			for (const scenario of scenarios) {
				sandbox.control.setLatency({ latencyMs });
				sandbox.control.clearRequests();
				sandbox.control.resetInFlight();
				vendorRateLimiter.reset();
				await pause(1100); // the vendor's window of the previous run has passed
				const result = await runNode(scenario.vendor, scenario.parameters, items(scenario.items));
				const seen = seenAtSandbox(sandbox, scenario.vendor, scenario.action);
				const inFlight = sandbox.control.getInFlight()[scenario.vendor].max;
				const what = `${scenario.vendor} ${scenario.kind.padEnd(5)} ${scenario.action}`;
				const counts = `${seen.calls} calls in ${(result.elapsedMs / 1000).toFixed(1)} s, at most ${inFlight} in flight, ${seen.throttled} throttled at the sandbox, ${result.surfaced} errors surfaced`;
				if (scenario.limit > 0) {
					const ratio = seen.rate / scenario.limit;
					summary.push({ latencyMs, what, ratio, surfaced: result.surfaced });
					print(`  ${what.padEnd(52)} ${seen.rate.toFixed(2)}/s of ${scenario.limit}/s = ${ratio.toFixed(2)} of the limit (${counts})`);
					if (scenario.kind === 'pages') {
						print(`  ${''.padEnd(52)} pages after the first (sent once the total is known): ${(seen.laterRate / scenario.limit).toFixed(2)} of the limit`);
					}
				} else {
					sandbox.control.clearRequests();
					const oneAtATime = await runNode(scenario.vendor, { ...scenario.parameters, options: { maxConcurrentRequests: 1 } }, items(Math.min(10, scenario.items)));
					const sequential = seenAtSandbox(sandbox, scenario.vendor, scenario.action);
					summary.push({ latencyMs, what, surfaced: result.surfaced + oneAtATime.surfaced });
					print(`  ${what.padEnd(52)} ${seen.rate.toFixed(2)}/s, no published limit; one at a time ${sequential.rate.toFixed(2)}/s, ${(seen.rate / sequential.rate).toFixed(1)}x (${counts})`);
				}
			}
		}
		const limited = summary.filter((s) => s.ratio !== undefined);
		const worst = limited.reduce((min, s) => (s.ratio < min.ratio ? s : min), limited[0]);
		const surfaced = summary.reduce((sum, s) => sum + s.surfaced, 0);
		print(`lowest ratio: ${worst.ratio.toFixed(2)} (${worst.what.trim()}, ${worst.latencyMs} ms); errors surfaced in all runs: ${surfaced}`);
		print(`verdict: ${worst.ratio >= 0.9 && surfaced === 0 ? 'targets met (>= 0.9 of the limit, 0 errors)' : 'TARGET MISSED'}`);
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
