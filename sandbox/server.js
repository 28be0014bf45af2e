'use strict';
/**
 * The sandbox HTTP server: one `http` server on loopback that stands in for the cloud partner APIs
 * so the package's tests, benchmarks and demo run with no internet.
 *
 * Routes: `/_control/...` -> control API; `GET /_files/<id>.csv` -> generated download files;
 * anything a provider claims (Tencent: `POST /` with `X-TC-Action`) -> that provider;
 * everything else -> 404 JSON.
 */
const http = require('http');
const { createClock } = require('./clock');
const { createFaults } = require('./faults');
const { createRequestLog } = require('./requestLog');
const { createFileStore } = require('./files');
const { createControl } = require('./control');
const { createLatency } = require('./latency');
const { createDrift } = require('./drift');
const { PROVIDER_FACTORIES } = require('./providers');
const { readBody, sendJson } = require('./http');

/**
 * Starts a sandbox.
 * @param {{ port?: number, host?: string, latency?: object, tencent?: { customers?: number, seed?: number|string, anchor?: string|number },
 *   huawei?: { customers?: number, seed?: number|string, anchor?: string|number },
 *   dotdigital?: { accounts?: number, seed?: number|string, anchor?: string|number } }} [options]
 *   port 0 picks a free port; provider keys carry that provider's initial seed options; `latency`
 *   is `{ latencyMs, jitterMs }` for every provider or `{ tencent: { latencyMs }, ... }` (latency.js).
 * @returns {Promise<{ url: string, port: number, close(): Promise<void>, state: object, control: object }>}
 */
async function startSandbox({ port = 0, host = '127.0.0.1', latency: latencyOptions = {}, ...providerOptions } = {}) {
	const clock = createClock();
	const faults = createFaults({ providers: Object.keys(PROVIDER_FACTORIES) });
	const drift = createDrift({ providers: Object.keys(PROVIDER_FACTORIES) });
	const requestLog = createRequestLog();
	const files = createFileStore();
	const rateLimit = { enabled: true };
	const timers = new Set();
	let baseUrl = '';

	/** A delay that close() can cancel, so a "slow" fault never keeps the process alive. */
	const sleep = (ms) =>
		new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});

	const shared = { clock, faults, requestLog, files, rateLimit, sleep, baseUrl: () => baseUrl };
	const providers = Object.entries(PROVIDER_FACTORIES).map(([name, factory]) => factory(shared, providerOptions[name] || {}));
	const latency = createLatency(
		providers.map((p) => p.name),
		latencyOptions,
	);
	const control = createControl({ providers, faults, requestLog, clock, rateLimit, files, latency, drift });

	async function route(req, res) {
		const url = new URL(req.url || '/', 'http://sandbox.local');
		const path = url.pathname;
		const { body, tooLarge } = await readBody(req);
		if (path.startsWith('/_control/')) return control.handle(req, res, path, url.searchParams, body);
		if (files.matches(req, path)) return files.serve(req, res, path);
		const provider = providers.find((p) => p.matches(req, path));
		if (provider) {
			const planted = drift.take(provider.name, req.headers['x-tc-action'], path);
			if (planted) drift.apply(res, planted);
			latency.track(provider.name, res);
			const delay = latency.delayFor(provider.name);
			if (delay > 0) await sleep(delay);
			return provider.handle(req, res, body, { tooLarge });
		}
		return sendJson(res, 404, { error: 'NotFound', message: `${req.method} ${path} is not served by the sandbox` });
	}

	const server = http.createServer((req, res) => {
		// The vendors' Date header tells the time on their clock: the sandbox's, shifted or not.
		res.setHeader('Date', new Date(clock.now()).toUTCString());
		route(req, res).catch((error) => {
			if (!res.headersSent) sendJson(res, 500, { error: 'InternalError', message: String(error && error.message) });
			else res.destroy();
		});
	});
	const sockets = new Set();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	// A client that sends garbage gets a plain 400 instead of a crash.
	server.on('clientError', (error, socket) => {
		if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
		else socket.destroy();
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const actualPort = /** @type {import('net').AddressInfo} */ (server.address()).port;
	const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
	baseUrl = `http://${urlHost}:${actualPort}`;

	let closing = null;
	function close() {
		if (!closing) {
			closing = new Promise((resolve) => {
				for (const timer of timers) clearTimeout(timer);
				timers.clear();
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			});
		}
		return closing;
	}

	const tencent = providers.find((p) => p.name === 'tencent');
	return {
		url: baseUrl,
		port: actualPort,
		close,
		control: {
			...control.functions,
			// Per-provider operations, e.g. sandbox.control.tencent.addCustomer(...).
			...Object.fromEntries(providers.map((p) => [p.name, p.control.functions])),
			// The Tencent operations are also available flat (sandbox.control.addCustomer(...)).
			...(tencent ? tencent.control.functions : {}),
		},
		state: {
			clock,
			faults,
			requestLog,
			rateLimit,
			latency,
			...Object.fromEntries(providers.map((p) => [p.name, p.state])),
		},
	};
}

module.exports = { startSandbox };
