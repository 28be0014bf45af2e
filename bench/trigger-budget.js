#!/usr/bin/env node
// Benchmark: trigger polls under a poll budget (n8n's durable scheduler abandons a poll after
// N8N_SCHEDULER_POLL_TIMEOUT, 45 s by default). For each event of bench/trigger.js at N = 1,000,
// 10,000 and 100,000 existing records, with a 45 s budget:
//  - baseline polls: polls the first activation takes to record what exists;
//  - catch-up polls: polls after 10 new records arrive until all 10 are emitted;
//  - requests per steady poll and polls per sweep: a poll with nothing new (a list read whole takes
//    a sweep of several polls when it is longer than one poll reads);
//  - the longest poll of the run;
// and the same event without a budget (one poll reads everything, as before this change): its
// requests and how long that poll takes.
//
// VIRTUAL CLOCK: 100,000 records at 5 requests/s cannot run in real time. The real poll code runs
// against the sandbox, and the process-wide rate limiter (whose clock the poll's deadline reads too)
// runs on a virtual clock at each action's documented rate: a paced wait moves the clock at once.
// Each request also moves it by BENCH_LATENCY_MS (default 150 ms), the answer's round trip, so a
// vendor with no documented rate (dotdigital) is bound by latency. Times printed are virtual.
//
//   node bench/trigger-budget.js                 every event at 1,000 / 10,000 / 100,000
//   BENCH_SIZES=1000 BENCH_EVENTS=application ...  fewer sizes, events whose label has the text
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cloud-partners-bench-'));
require('tsx/cjs');

const { CASES, NEW_RECORDS, setBenchCredentials } = require('./trigger.js');
const { pollTrigger } = require('../test/harness/trigger.ts');
const { ManualClock, paceOnManualClock } = require('../test/harness/clock.ts');
const { vendorRateLimiter } = require('../nodes/shared/rateLimiter.ts');
const { startSandbox } = require('../sandbox/server');

const SIZES = (process.env.BENCH_SIZES || '1000,10000,100000').split(',').map(Number);
const ONLY = process.env.BENCH_EVENTS || '';
const BUDGET_MS = 45000;
/** No budget at all: one poll reads everything, as every poll did before the budget. */
const UNBOUNDED_MS = 1e12;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS || 150);
const MAX_POLLS = 200;

/** The process-wide limiter on a virtual clock; every request moves it by the latency too. */
function virtualClock() {
	vendorRateLimiter.reset();
	const paced = paceOnManualClock(vendorRateLimiter, new ManualClock(0));
	const acquire = vendorRateLimiter.acquire;
	vendorRateLimiter.acquire = async (key, documented, signal) => {
		const at = await acquire.call(vendorRateLimiter, key, documented, signal);
		paced.clock.advance(LATENCY_MS);
		return at;
	};
	return {
		clock: paced.clock,
		restore: () => {
			vendorRateLimiter.acquire = acquire;
			paced.restore();
		},
	};
}

/** A run of polls of one event that keeps its static data and measures each poll. */
function pollsOf(sandbox, event, budgetMs, clock) {
	let persisted = {};
	const measured = [];
	const resumeKey = `${event.parameters.event}Resume`;
	return {
		measured,
		sweeping: () => (persisted['node:Trigger'] ?? {})[resumeKey] !== undefined,
		async poll() {
			sandbox.control.clearRequests();
			const startedAt = clock.now();
			const result = await pollTrigger(event.parameters, event.credentials, persisted, 'trigger', budgetMs);
			if (result.error) throw result.error;
			persisted = result.staticData;
			const poll = { ms: clock.now() - startedAt, requests: sandbox.control.getRequests({ provider: event.provider }).length, items: result.items.length };
			measured.push(poll);
			return poll;
		},
	};
}

/** Polls until no sweep is under way; the polls it took. */
async function untilSwept(run) {
	const polls = [];
	do polls.push(await run.poll());
	while (run.sweeping() && polls.length < MAX_POLLS);
	return polls;
}

async function measure(sandbox, event, size, budgetMs) {
	sandbox.control.reset();
	sandbox.control.setRateLimit({ enabled: false });
	event.seed(sandbox.control, size, event);
	const { clock, restore } = virtualClock();
	try {
		const run = pollsOf(sandbox, event, budgetMs, clock);
		const baseline = await untilSwept(run);
		event.addNew(sandbox.control, event);
		let emitted = 0;
		let catchUp = 0;
		while (emitted < NEW_RECORDS && catchUp < MAX_POLLS) {
			emitted += (await run.poll()).items;
			catchUp++;
		}
		// Steady state: the rest of the sweep under way, then one whole sweep with nothing new.
		if (run.sweeping()) await untilSwept(run);
		const steady = await untilSwept(run);
		const requests = steady.reduce((sum, p) => sum + p.requests, 0);
		return {
			baselinePolls: baseline.length,
			catchUpPolls: emitted === NEW_RECORDS ? catchUp : `>${MAX_POLLS}`,
			steadyRequests: Math.round(requests / steady.length),
			sweepPolls: steady.length,
			longestS: Math.max(...run.measured.map((p) => p.ms)) / 1000,
			sweepRequests: requests,
		};
	} finally {
		restore();
	}
}

const cell = (value, width) => String(value).padStart(width);

async function main() {
	const sandbox = await startSandbox({ port: 0 });
	try {
		setBenchCredentials(sandbox);
		const header =
			`${'event'.padEnd(34)} ${cell('N', 7)} | ${cell('no budget: req/poll', 19)} ${cell('poll s', 7)} | ` +
			`${cell('45 s: baseline polls', 20)} ${cell('catch-up polls', 14)} ${cell('req/steady poll', 15)} ${cell('polls/sweep', 11)} ${cell('longest s', 9)}`;
		const rows = [];
		let within = true;
		for (const event of CASES.filter((c) => c.label.includes(ONLY))) {
			for (const size of SIZES) {
				const before = await measure(sandbox, event, size, UNBOUNDED_MS);
				const after = await measure(sandbox, event, size, BUDGET_MS);
				if (after.longestS > BUDGET_MS / 1000 || typeof after.catchUpPolls !== 'number') within = false;
				rows.push(
					`${event.label.padEnd(34)} ${cell(size, 7)} | ${cell(before.steadyRequests, 19)} ${cell(before.longestS.toFixed(1), 7)} | ` +
						`${cell(after.baselinePolls, 20)} ${cell(after.catchUpPolls, 14)} ${cell(after.steadyRequests, 15)} ${cell(after.sweepPolls, 11)} ${cell(after.longestS.toFixed(1), 9)}`,
				);
				process.stderr.write(`${rows[rows.length - 1]}\n`);
			}
		}
		process.stdout.write(
			`Trigger polls under a 45 s budget, ${NEW_RECORDS} new records; virtual clock at each action's documented rate plus ${LATENCY_MS} ms per request (${new Date().toISOString()})\n` +
				`${header}\n${rows.join('\n')}\nverdict: ${within ? 'every poll within 45 s, every new record emitted' : 'BUDGET EXCEEDED OR RECORDS NOT EMITTED'}\n`,
		);
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
