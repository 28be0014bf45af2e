'use strict';
/**
 * A loopback proxy in front of the sandbox that holds requests until a test lets them through, so a
 * test can order events across concurrent calls without waiting on the clock: e.g. hold the IAM
 * logins of a token renewal until another call of the run has failed, or hold every write of a run
 * and let the vendor receive and answer them in the order the test chooses.
 */
const http = require('http');
const { readBody } = require('./http');

/**
 * @param {string} target base URL requests are forwarded to
 * @param {(req: import('http').IncomingMessage, body: string) => boolean} held which requests wait for `release`
 * @param {{ keepHost?: boolean }} [options] `keepHost`: forward the Host header as the client sent
 *   it (a client that signs its Host, as Huawei's AK/SK does, addresses the gate and signed for it)
 */
async function startGate(target, held, { keepHost = false } = {}) {
	const waiting = [];
	const arrivals = [];
	let mostWaiting = 0;
	/** Sends the request on and passes the answer back; resolves once the client has it. */
	const forward = (req, body, res) =>
		new Promise((resolve) => {
			res.once('close', resolve);
			const headers = keepHost ? req.headers : { ...req.headers, host: new URL(target).host };
			const upstream = http.request(new URL(req.url, target), { method: req.method, headers }, (answer) => {
				res.writeHead(answer.statusCode, answer.headers);
				answer.pipe(res);
			});
			upstream.on('error', () => res.destroy());
			upstream.end(body);
		});
	const server = http.createServer(async (req, res) => {
		const { body } = await readBody(req);
		const text = Buffer.isBuffer(body) ? body.toString('utf8') : String(body ?? '');
		arrivals.push(`${req.method} ${req.url}`);
		if (held(req, text)) {
			waiting.push({ method: req.method, url: req.url, body: text, send: () => forward(req, body, res) });
			mostWaiting = Math.max(mostWaiting, waiting.length);
		} else void forward(req, body, res);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	return {
		url: `http://127.0.0.1:${/** @type {import('net').AddressInfo} */ (server.address()).port}`,
		/** How many held requests wait now. */
		waiting: () => waiting.length,
		/** The most held requests that waited at once: calls the client had open together. */
		mostWaiting: () => mostWaiting,
		/** The held requests, oldest first, as `{ method, url, body }`. */
		held: () => waiting.map(({ method, url, body }) => ({ method, url, body })),
		/** Every request that reached the gate, as `METHOD /path`. */
		arrivals,
		/**
		 * Lets one held request through: the oldest, or the oldest that `match(request, index)` picks.
		 * Resolves once its answer has been passed back to the client (at once when none matched).
		 */
		release: (match) => {
			const at = match ? waiting.findIndex((entry, index) => match({ method: entry.method, url: entry.url, body: entry.body }, index)) : 0;
			if (at < 0 || at >= waiting.length) return Promise.resolve();
			const [next] = waiting.splice(at, 1);
			return next.send();
		},
		close: () =>
			new Promise((resolve) => {
				while (waiting.length) void waiting.shift().send();
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

module.exports = { startGate };
