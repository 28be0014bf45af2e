'use strict';
/** Small HTTP helpers shared by every provider, so each handler only deals with its own protocol. */

/** Tencent's documented request-size ceiling for a JSON POST; applied to every provider. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Reads the whole request body as raw bytes. Signature checks need the exact bytes received,
 * so the body is never decoded or re-serialised here.
 * @returns {Promise<{ body: Buffer, tooLarge: boolean }>}
 */
function readBody(req, limit = MAX_BODY_BYTES) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > limit) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }));
		req.on('error', reject);
	});
}

/** True when the response can still be written (the socket may have been dropped on purpose). */
function writable(res) {
	return !res.writableEnded && !res.destroyed && !(res.socket && res.socket.destroyed);
}

function sendJson(res, status, value, headers = {}) {
	if (!writable(res)) return;
	const text = JSON.stringify(value);
	res.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

function sendText(res, status, text, contentType = 'text/plain; charset=utf-8', headers = {}) {
	if (!writable(res)) return;
	res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), ...headers });
	res.end(text);
}

/** The control API has no auth, so it only answers callers on this machine. */
function isLoopback(address) {
	if (!address) return false;
	return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

module.exports = { MAX_BODY_BYTES, readBody, sendJson, sendText, writable, isLoopback };
