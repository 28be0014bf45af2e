'use strict';
/**
 * A loopback proxy in front of the sandbox that holds requests until a test lets them through, so a
 * test can order events across concurrent calls without waiting on the clock: e.g. hold the IAM
 * logins of a token renewal until another call of the run has failed.
 */
const http = require('http');
const { readBody } = require('./http');

/**
 * @param {string} target base URL requests are forwarded to
 * @param {(req: import('http').IncomingMessage) => boolean} held which requests wait for `release`
 */
async function startGate(target, held) {
	const waiting = [];
	const arrivals = [];
	const forward = (req, body, res) => {
		const upstream = http.request(new URL(req.url, target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
			res.writeHead(answer.statusCode, answer.headers);
			answer.pipe(res);
		});
		upstream.on('error', () => res.destroy());
		upstream.end(body);
	};
	const server = http.createServer(async (req, res) => {
		const { body } = await readBody(req);
		arrivals.push(`${req.method} ${req.url}`);
		if (held(req)) waiting.push(() => forward(req, body, res));
		else forward(req, body, res);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	return {
		url: `http://127.0.0.1:${/** @type {import('net').AddressInfo} */ (server.address()).port}`,
		/** How many held requests wait now. */
		waiting: () => waiting.length,
		/** Every request that reached the gate, as `METHOD /path`. */
		arrivals,
		/** Lets the oldest held request through. */
		release: () => {
			const next = waiting.shift();
			if (next) next();
		},
		close: () =>
			new Promise((resolve) => {
				while (waiting.length) waiting.shift()();
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

module.exports = { startGate };
