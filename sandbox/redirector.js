'use strict';
/**
 * Two loopback servers for testing that credentials stay with their host: `redirector` answers
 * every request with a redirect (307 unless set otherwise) to the same path on `elsewhere`, on
 * another loopback origin, and `elsewhere` records everything it receives, which must be nothing.
 */
const http = require('http');
const { readBody } = require('./http');

async function recordingServer(host, answer) {
	const received = [];
	const server = http.createServer(async (req, res) => {
		const { body } = await readBody(req);
		received.push({ method: req.method, url: req.url, headers: req.headers, body: body.toString('utf8') });
		answer(req, res);
	});
	await new Promise((resolve) => server.listen(0, host, () => resolve(undefined)));
	const { port } = /** @type {import('net').AddressInfo} */ (server.address());
	return {
		url: `http://${host}:${port}`,
		received,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/** @returns {Promise<{ redirector: object, elsewhere: object, setStatus(status: number): void, clear(): void, close(): Promise<void> }>} */
async function startRedirectPair() {
	let status = 307;
	const elsewhere = await recordingServer('127.0.0.2', (_req, res) => {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{}');
	});
	const redirector = await recordingServer('127.0.0.1', (req, res) => {
		res.writeHead(status, { Location: `${elsewhere.url}${req.url}` });
		res.end();
	});
	return {
		redirector,
		elsewhere,
		setStatus: (value) => {
			status = value;
		},
		clear: () => {
			redirector.received.length = 0;
			elsewhere.received.length = 0;
		},
		close: async () => {
			await redirector.close();
			await elsewhere.close();
		},
	};
}

module.exports = { startRedirectPair };
