#!/usr/bin/env node
// Benchmark: the Tencent Cloud Partner node under Tencent's rate limit, and its own cost per request.
//
// 1. 500 AllocateCustomerCredit items through the node (real n8n-core workflow execution) against
//    the sandbox, which enforces 5 requests/second: prints the achieved rate over the limit
//    (target >= 0.95) and how many throttling errors surfaced (target 0).
// 2. With both rate limiters off (the sandbox's and the node's pacing), the median time per request
//    of the node against the median of a bare signed HTTP call to the same endpoint (target <= 1.5).
//    The bare call is axios with a fresh agent per request, which is what n8n's request helper runs
//    underneath, so the ratio is the node's own cost (engine, validation, signing, retries, paging)
//    on top of the HTTP client it is required to use. Raw Node http with keep-alive is printed too,
//    for context. All are measured the same way: the gap between consecutive arrivals at the sandbox.
//
// Ratios are measured within one run; nothing here is asserted by the test suite.
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const axios = require('axios');

process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cloud-partners-bench-'));
require('tsx/cjs');

const { runWorkflow, outputOf, errorOf, setCredential } = require('../test/harness/runWorkflow.ts');
const { singleNodeWorkflow, NODE_NAME } = require('../test/harness/workflows.ts');
const { vendorRateLimiter } = require('../nodes/shared/rateLimiter.ts');
const { tc3Authorization } = require('../credentials/signing/tc3.ts');
const { startSandbox } = require('../sandbox/server');
const { partnerKey, FIRST_CUSTOMER_UIN } = require('../sandbox/tencent/keys');

const ITEMS = Number(process.env.BENCH_ITEMS || 500);
const OVERHEAD_REQUESTS = Number(process.env.BENCH_OVERHEAD_REQUESTS || 300);
const LIMIT = 5;
const ROUNDS = 10;

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const gaps = (times) => times.slice(1).map((t, i) => t - times[i]);

/** `options` of the node, e.g. one request at a time for measuring the cost of each. */
function allocationWorkflow(count, options = {}) {
	return singleNodeWorkflow(
		'tencentCloudPartner',
		{
			resource: 'credit',
			operation: 'allocateToCustomer',
			customerUin: { __rl: true, mode: 'id', value: String(FIRST_CUSTOMER_UIN) },
			addedCredit: 1,
			additionalFields: {},
			options,
		},
		{ items: Array.from({ length: count }, (_, i) => ({ i })), credentials: { tencentCloudPartnerApi: { id: 'bench', name: 'bench' } } },
	);
}

/** Signed headers for one AllocateCustomerCredit call, signed now. */
function signedHeaders(url, body) {
	const target = new URL(url);
	const timestamp = Math.floor(Date.now() / 1000);
	const authorization = tc3Authorization({
		secretId: partnerKey.secretId,
		secretKey: partnerKey.secretKey,
		hostname: target.hostname,
		timestamp,
		payload: body,
		contentType: 'application/json',
		service: 'intlpartnersmgt',
	});
	return {
		'Content-Type': 'application/json',
		'X-TC-Action': 'AllocateCustomerCredit',
		'X-TC-Version': '2022-09-28',
		'X-TC-Timestamp': String(timestamp),
		'X-TC-Language': 'en-US',
		Authorization: authorization,
		Accept: 'application/json',
	};
}

/** The HTTP client under n8n's helper: axios, with a new agent for every request. */
async function axiosSignedCall(url, body) {
	const response = await axios.post(`${url}/`, body, { headers: signedHeaders(url, body), httpAgent: new http.Agent() });
	if (response.data.Response.Error) throw new Error(response.data.Response.Error.Code);
	return response.data;
}

/** Plain Node http on a kept-alive connection: the floor. */
function rawSignedCall(url, body) {
	const target = new URL(url);
	return new Promise((resolve, reject) => {
		const req = http.request(
			{ host: target.hostname, port: target.port, path: '/', method: 'POST', headers: signedHeaders(url, body) },
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
					if (parsed.Response.Error) reject(new Error(parsed.Response.Error.Code));
					else resolve(parsed);
				});
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

async function main() {
	const sandbox = await startSandbox({ port: 0 });
	try {
		setCredential('bench', { ...partnerKey, sessionToken: '', endpoint: sandbox.url, language: 'en-US' });

		// 1. Throughput under the documented limit.
		sandbox.control.reset();
		sandbox.control.setCredit({ ClientUin: FIRST_CUSTOMER_UIN, Credit: 0, RemainingCredit: 0 });
		const started = Date.now();
		const run = await runWorkflow(allocationWorkflow(ITEMS));
		const elapsedMs = Date.now() - started;
		const error = errorOf(run);
		const out = outputOf(run, NODE_NAME);
		const log = sandbox.control.getRequests({ provider: 'tencent', action: 'AllocateCustomerCredit' });
		const arrivals = log.map((r) => r.at);
		const achievedRate = (arrivals.length - 1) / ((arrivals[arrivals.length - 1] - arrivals[0]) / 1000);
		const throttledAtServer = log.filter((r) => r.outcome.startsWith('RequestLimitExceeded')).length;
		const surfaced = (error ? 1 : 0) + out.filter((i) => i.json.error).length;

		// 2. Overhead per request with both limiters off. The three ways of calling run in
		//    alternating rounds so that machine noise falls on all of them alike.
		sandbox.control.reset();
		sandbox.control.setRateLimit({ enabled: false });
		const acquire = vendorRateLimiter.acquire;
		vendorRateLimiter.acquire = async () => Date.now();
		const body = JSON.stringify({ ClientUin: FIRST_CUSTOMER_UIN, AddedCredit: 1 });
		const arrivalGaps = () => gaps(sandbox.control.getRequests({ provider: 'tencent' }).map((r) => r.arrivedMs));
		const perRound = Math.max(20, Math.round(OVERHEAD_REQUESTS / ROUNDS));
		const samples = { node: [], bare: [], raw: [] };
		const ways = {
			// One request at a time, like the bare calls, so the gaps measure the cost of each request.
			node: async () => void (await runWorkflow(allocationWorkflow(perRound, { maxConcurrentRequests: 1 }))),
			bare: async () => {
				for (let i = 0; i < perRound; i++) await axiosSignedCall(sandbox.url, body);
			},
			raw: async () => {
				for (let i = 0; i < perRound; i++) await rawSignedCall(sandbox.url, body);
			},
		};
		for (const way of Object.values(ways)) await way(); // warm-up
		for (let round = 0; round < ROUNDS; round++) {
			for (const [name, way] of Object.entries(ways)) {
				sandbox.control.clearRequests();
				await way();
				samples[name].push(...arrivalGaps());
			}
		}
		vendorRateLimiter.acquire = acquire;
		const nodeMedian = median(samples.node);
		const bareMedian = median(samples.bare);
		const rawMedian = median(samples.raw);

		const ratio = achievedRate / LIMIT;
		const overhead = nodeMedian / Math.max(bareMedian, 0.001);
		const lines = [
			`Tencent Cloud Partner benchmark (${new Date().toISOString()}, node ${process.version})`,
			`1. ${ITEMS} AllocateCustomerCredit items at ${LIMIT}/s: ${out.length} items out in ${(elapsedMs / 1000).toFixed(1)} s`,
			`   achieved rate ${achievedRate.toFixed(3)}/s, rate over limit ${ratio.toFixed(3)} (target >= 0.95)`,
			`   throttling answers at the sandbox: ${throttledAtServer}; errors surfaced in the workflow: ${surfaced} (target 0)`,
			`2. limiters off, ${ROUNDS} alternating rounds, about ${OVERHEAD_REQUESTS} sequential requests per way of calling:`,
			`   median per request: node ${nodeMedian.toFixed(3)} ms, bare signed call (axios, fresh agent) ${bareMedian.toFixed(3)} ms`,
			`   node over bare ${overhead.toFixed(2)} (target <= 1.5)`,
			`   for context: raw Node http with keep-alive ${rawMedian.toFixed(3)} ms; node over raw ${(nodeMedian / Math.max(rawMedian, 0.001)).toFixed(2)}`,
			`verdict: ${ratio >= 0.95 && surfaced === 0 && overhead <= 1.5 ? 'targets met' : 'TARGET MISSED'}`,
		];
		process.stdout.write(`${lines.join('\n')}\n`);
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
