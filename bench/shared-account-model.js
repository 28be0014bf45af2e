#!/usr/bin/env node
// A model of bench/shared-account.js on a virtual clock, for choosing the limiter's settings.
//
// The real benchmark takes 90 s a run and its figures move by +-0.05 from run to run; tuning the
// limiter against it alone is slow guesswork. This model runs the same scene in well under a second
// per run: three processes, each with its own AdaptiveRateLimiter (the product's class, unchanged),
// 100 writes each, 5 in flight, answers after the latency plus a random jitter, throttled calls
// retried after 0-250 ms, and the vendor's side judged by the sandbox's own sliding-window limiter.
// It leaves out n8n-core and the machine's load, so its times are lower than the real benchmark's:
// it ranks settings; the real benchmark measures them.
//
//   node bench/shared-account-model.js                     the settings in force, 150 and 600 ms
//   MODEL_SETTINGS='[{"decreaseFactor":0.6}, {...}]' ...    other settings, one line each
//   MODEL_SEEDS=16 MODEL_JITTER_MS=60 ...                   more runs, a noisier network
require('tsx/cjs'); // the limiter is the product's TypeScript, loaded as it is
const { AdaptiveRateLimiter } = require('../nodes/shared/rateLimiter.ts');
const { createRateLimiter } = require('../sandbox/rateLimit');

const PROCESSES = 3;
const ITEMS = 100;
const LIMIT = 5;
const IN_FLIGHT = 5;
const THROTTLED_JITTER_MS = 250;

/** A virtual clock: waits end in time order, each after everything the previous one set going has run. */
class VirtualTime {
	now = 0;
	timers = [];
	order = 0;
	sleep = (ms) => new Promise((wake) => this.timers.push({ at: this.now + Math.max(0, ms), order: this.order++, wake }));
	async run(until) {
		while (!until()) {
			for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
			if (until()) return;
			this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
			const next = this.timers.shift();
			if (!next) continue;
			this.now = next.at;
			next.wake();
		}
	}
}

/** A small seeded generator, so a run can be repeated. */
function randomFrom(seed) {
	let state = seed * 7919;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

/** One run: throttling answers per applied call, and the time over the time the limit allows. */
async function runScene(settings, latencyMs, jitterMs, seed) {
	const time = new VirtualTime();
	const random = randomFrom(seed);
	const vendor = createRateLimiter({ now: () => time.now }, { enabled: true });
	let applied = 0;
	let throttled = 0;
	let finished = 0;
	let lastFinish = 0;
	const processRun = async () => {
		const limiter = new AdaptiveRateLimiter(settings, () => time.now, (ms) => time.sleep(ms));
		await time.sleep(random() * 30); // the workers do not start in the same millisecond
		let next = 0;
		const slot = async () => {
			while (next < ITEMS) {
				next++;
				for (;;) {
					const startedAt = await limiter.acquire('account:AllocateCustomerCredit', LIMIT);
					await time.sleep(latencyMs + random() * jitterMs);
					if (vendor.allow('account', 'AllocateCustomerCredit', LIMIT)) break;
					throttled++;
					limiter.throttled('account:AllocateCustomerCredit', LIMIT, startedAt);
					await time.sleep(random() * THROTTLED_JITTER_MS);
				}
				applied++;
			}
		};
		await Promise.all(Array.from({ length: IN_FLIGHT }, slot));
		finished++;
		lastFinish = time.now;
	};
	for (let p = 0; p < PROCESSES; p++) void processRun();
	await time.run(() => finished === PROCESSES);
	return { throttledPerApplied: throttled / applied, timeRatio: lastFinish / 1000 / ((PROCESSES * ITEMS) / LIMIT) };
}

async function main() {
	const seeds = Number(process.env.MODEL_SEEDS || 8);
	const jitterMs = Number(process.env.MODEL_JITTER_MS || 15);
	const candidates = JSON.parse(process.env.MODEL_SETTINGS || '[{}]');
	console.log(`Shared account model: ${PROCESSES} processes x ${ITEMS} writes (${LIMIT}/s), ${seeds} seeds, ${jitterMs} ms jitter; mean / worst`);
	for (const settings of candidates) {
		const columns = [];
		for (const latencyMs of [150, 600]) {
			const runs = [];
			for (let seed = 1; seed <= seeds; seed++) runs.push(await runScene(settings, latencyMs, jitterMs, seed));
			const mean = (pick) => (runs.reduce((sum, r) => sum + pick(r), 0) / runs.length).toFixed(2);
			const worst = (pick) => Math.max(...runs.map(pick)).toFixed(2);
			columns.push(
				`${latencyMs} ms: ${mean((r) => r.throttledPerApplied)} / ${worst((r) => r.throttledPerApplied)} throttled per applied, ` +
					`${mean((r) => r.timeRatio)} / ${worst((r) => r.timeRatio)} x ideal`,
			);
		}
		console.log(`${JSON.stringify(settings) === '{}' ? 'settings in force' : JSON.stringify(settings)}\n  ${columns.join('\n  ')}`);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
