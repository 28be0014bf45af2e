'use strict';
/**
 * Network latency, per provider: every request to a provider waits `latencyMs` (plus up to
 * `jitterMs` more, uniformly) before the provider sees it, so that tests and benchmarks can model
 * a vendor 150 ms or 600 ms away. The wait comes before the rate limit and the handler, the way
 * connection set-up and transit come before a real service sees the request; a fixed delay keeps
 * the spacing between a client's calls, jitter reorders them as a real network would.
 *
 * It also counts requests in flight per provider (received and not yet answered), so a test can
 * see how many calls a client had open at once without measuring time.
 */

const badRequest = (message) => Object.assign(new Error(message), { status: 400 });

function checkedMs(value, name) {
	if (value === undefined) return 0;
	if (!Number.isInteger(value) || value < 0 || value > 600000) throw badRequest(`${name} must be an integer from 0 to 600000`);
	return value;
}

/**
 * @param {string[]} providers names of the providers
 * @param {{ latencyMs?: number, jitterMs?: number } | Record<string, { latencyMs?: number, jitterMs?: number }>} initial
 *   one setting for every provider, or one per provider name
 */
function createLatency(providers, initial = {}) {
	const startSettings = () =>
		Object.fromEntries(
			providers.map((name) => {
				const own = initial[name] && typeof initial[name] === 'object' ? initial[name] : initial;
				return [name, { latencyMs: checkedMs(own.latencyMs, 'latencyMs'), jitterMs: checkedMs(own.jitterMs, 'jitterMs') }];
			}),
		);
	let settings = startSettings();
	const inFlight = Object.fromEntries(providers.map((name) => [name, { current: 0, max: 0, total: 0 }]));

	return {
		/** Sets latency for one provider or, without `provider`, for all of them. @param {Record<string, any>} [body] */
		set(body = {}) {
			if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body must be a JSON object');
			const { provider, latencyMs, jitterMs } = body;
			if (provider !== undefined && !providers.includes(provider)) throw badRequest(`provider must be one of ${providers.join(', ')}`);
			const next = { latencyMs: checkedMs(latencyMs, 'latencyMs'), jitterMs: checkedMs(jitterMs, 'jitterMs') };
			for (const name of provider ? [provider] : providers) settings[name] = { ...next };
			return this.get();
		},
		get: () => Object.fromEntries(Object.entries(settings).map(([name, s]) => [name, { ...s }])),
		/** Milliseconds this request to `provider` waits before the provider sees it. */
		delayFor(provider, random = Math.random) {
			const s = settings[provider];
			if (!s) return 0;
			return s.latencyMs + (s.jitterMs ? Math.round(random() * s.jitterMs) : 0);
		},
		/** Counts a request in flight until its response is finished or its socket closes. */
		track(provider, res) {
			const counter = inFlight[provider];
			if (!counter) return;
			counter.current += 1;
			counter.total += 1;
			counter.max = Math.max(counter.max, counter.current);
			let done = false;
			const finish = () => {
				if (done) return;
				done = true;
				counter.current -= 1;
			};
			res.once('finish', finish);
			res.once('close', finish);
		},
		getInFlight: () => Object.fromEntries(Object.entries(inFlight).map(([name, c]) => [name, { ...c }])),
		/** Starts the maximum and total over (requests still open stay counted as current). */
		resetInFlight() {
			for (const counter of Object.values(inFlight)) {
				counter.max = counter.current;
				counter.total = 0;
			}
			return { reset: true };
		},
		/** Back to the latency the sandbox was started with. */
		reset() {
			settings = startSettings();
		},
	};
}

module.exports = { createLatency };
