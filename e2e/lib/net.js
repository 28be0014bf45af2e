'use strict';
// Loopback helpers: a free port, and small HTTP calls to n8n and the sandbox.
const http = require('http');
const net = require('net');

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/**
 * One HTTP request; resolves { status, body, headers } once, whatever happens: status 0 when
 * nothing answered, or when the answer broke off or stalled past `timeoutMs`.
 */
function httpRequest(url, { method = 'GET', body, headers = {}, timeoutMs = 5000 } = {}) {
	return new Promise((settle) => {
		let settled = false;
		const resolve = (value) => {
			if (!settled) {
				settled = true;
				settle(value);
			}
		};
		const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
		const req = http.request(
			url,
			{
				method,
				timeout: timeoutMs,
				headers: { ...(payload !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}), ...headers },
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (d) => (text += d));
				res.on('end', () => resolve({ status: res.statusCode, body: text, headers: res.headers }));
				res.on('error', () => resolve({ status: 0, body: text, headers: res.headers }));
				res.on('close', () => resolve(res.complete ? { status: res.statusCode, body: text, headers: res.headers } : { status: 0, body: text, headers: res.headers }));
			},
		);
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve({ status: 0, body: '', headers: {} }));
		if (payload !== undefined) req.write(payload);
		req.end();
	});
}

const httpGet = (url, timeoutMs = 2000) => httpRequest(url, { timeoutMs });

module.exports = { freePort, httpRequest, httpGet };
