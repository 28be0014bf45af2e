'use strict';
/**
 * The control API, shared by every provider: JSON in and out, no auth, loopback callers only.
 *
 * Every operation is a plain function first (returned as `functions`, exposed on the object
 * startSandbox returns, for in-process tests) and an HTTP route second. Providers contribute
 * their own routes (`/_control/<provider>/...`, `/_control/state/<provider>/...`).
 */
const { sendJson, isLoopback } = require('./http');

const badRequest = (message) => Object.assign(new Error(message), { status: 400 });

/**
 * @param {{ providers: object[], faults: object, requestLog: object, clock: object,
 *   rateLimit: {enabled: boolean}, files: object, latency: object, drift: object }} deps
 */
function createControl({ providers, faults, requestLog, clock, rateLimit, files, latency, drift }) {
	const functions = {
		/**
		 * Everything back to the start configuration: each provider's data (options per provider,
		 * e.g. `{ tencent: { customers: 50, seed: 7 } }`), faults, request log, rate limits on,
		 * clock offset 0, generated files, the latency the sandbox was started with, in-flight counts.
		 * @param {Record<string, any>} [body] the control call's body
		 */
		reset(body = {}) {
			if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body must be a JSON object');
			for (const name of Object.keys(body)) if (!providers.some((p) => p.name === name)) throw badRequest(`unknown provider ${name}`);
			for (const p of providers) p.reset(body[p.name] || {});
			faults.clear();
			drift.clear();
			requestLog.clear();
			files.clear();
			rateLimit.enabled = true;
			clock.setOffset(0);
			latency.reset();
			latency.resetInFlight();
			return { reset: true };
		},
		setRateLimit(body = {}) {
			const enabled = typeof body === 'boolean' ? body : body.enabled;
			if (typeof enabled !== 'boolean') throw badRequest('enabled must be a boolean');
			rateLimit.enabled = enabled;
			return { enabled };
		},
		/** Queues a fault; see faults.js for the kinds and when each applies. */
		addFault: (spec) => faults.add(spec),
		listFaults: () => faults.list(),
		clearFaults() {
			faults.clear();
			return { cleared: true };
		},
		/** Plants a changed field in the next matching answers; see drift.js. */
		plantDrift: (spec) => drift.add(spec),
		listDrifts: () => drift.list(),
		/** Request log entries, optionally for one provider and/or action. */
		getRequests: (/** @type {{ provider?: string, action?: string }} */ { provider, action } = {}) => requestLog.list({ provider, action }),
		clearRequests() {
			requestLog.clear();
			return { cleared: true };
		},
		/** Shifts the sandbox clock by offsetMs relative to real time (not cumulative). @param {Record<string, any>} [body] */
		setClockOffset(body = {}) {
			const offsetMs = typeof body === 'number' ? body : body.offsetMs;
			if (!Number.isSafeInteger(offsetMs)) throw badRequest('offsetMs must be an integer');
			clock.setOffset(offsetMs);
			return functions.getClock();
		},
		getClock: () => ({ offsetMs: clock.offsetMs, now: clock.now() }),
		/** Per-request latency `{ provider?, latencyMs, jitterMs }`; without provider, for all. */
		setLatency: (body) => latency.set(body),
		getLatency: () => latency.get(),
		/** Requests in flight per provider: `{ current, max, total }` since the last reset. */
		getInFlight: () => latency.getInFlight(),
		resetInFlight: () => latency.resetInFlight(),
	};

	const routes = [
		{ method: 'GET', path: '/_control/health', run: () => ({ ok: true, providers: providers.map((p) => p.name) }) },
		{ method: 'POST', path: '/_control/reset', run: (q, body) => functions.reset(body) },
		{ method: 'POST', path: '/_control/ratelimit', run: (q, body) => functions.setRateLimit(body) },
		{ method: 'GET', path: '/_control/faults', run: () => functions.listFaults() },
		{ method: 'POST', path: '/_control/faults', run: (q, body) => functions.addFault(body) },
		{ method: 'POST', path: '/_control/faults/clear', run: () => functions.clearFaults() },
		{ method: 'GET', path: '/_control/drift', run: () => functions.listDrifts() },
		{ method: 'POST', path: '/_control/drift', run: (q, body) => functions.plantDrift(body) },
		{ method: 'GET', path: '/_control/requests', run: (q) => functions.getRequests({ provider: q.get('provider') || undefined, action: q.get('action') || undefined }) },
		{ method: 'POST', path: '/_control/requests/clear', run: () => functions.clearRequests() },
		{ method: 'GET', path: '/_control/clock', run: () => functions.getClock() },
		{ method: 'POST', path: '/_control/clock', run: (q, body) => functions.setClockOffset(body) },
		{ method: 'GET', path: '/_control/latency', run: () => functions.getLatency() },
		{ method: 'POST', path: '/_control/latency', run: (q, body) => functions.setLatency(body) },
		{ method: 'GET', path: '/_control/inflight', run: () => functions.getInFlight() },
		{ method: 'POST', path: '/_control/inflight/reset', run: () => functions.resetInFlight() },
		...providers.flatMap((p) => p.control.routes),
	];

	/** Answers one /_control/ request. */
	function handle(req, res, path, query, rawBody) {
		if (!isLoopback(req.socket.remoteAddress)) return sendJson(res, 403, { error: 'Forbidden', message: 'the control API only answers loopback callers' });
		const candidates = routes.filter((r) => r.path === path);
		if (!candidates.length) return sendJson(res, 404, { error: 'NotFound', message: `no control route ${path}` });
		const route = candidates.find((r) => r.method === req.method);
		if (!route) return sendJson(res, 405, { error: 'MethodNotAllowed', message: `use ${candidates.map((r) => r.method).join(' or ')}` });
		let body = {};
		if (rawBody.length) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				return sendJson(res, 400, { error: 'BadRequest', message: 'body is not valid JSON' });
			}
		}
		try {
			return sendJson(res, 200, route.run(query, body));
		} catch (error) {
			const status = error.status || 500;
			const names = { 400: 'BadRequest', 404: 'NotFound', 409: 'Conflict' };
			return sendJson(res, status, { error: names[status] || 'InternalError', message: error.message });
		}
	}

	return { functions, handle };
}

module.exports = { createControl };
