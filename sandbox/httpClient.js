'use strict';
/**
 * The one request-and-read routine behind the sandbox's own callers (the provider clients and the
 * self-checks). The package's nodes never use it: they go through n8n's request helpers.
 */
const http = require('http');

/**
 * Sends one request and reads the whole answer.
 * @param {http.RequestOptions} options
 * @param {string} [bodyText] sent exactly as given
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, text: string, json: any }>}
 *   json is null when the body is empty or not JSON
 */
function sendRequest(options, bodyText) {
	return new Promise((resolve, reject) => {
		const req = http.request(options, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				resolve({ status: res.statusCode, headers: res.headers, text, json: parseJsonOrNull(text) });
			});
		});
		req.on('error', reject);
		req.end(bodyText);
	});
}

function parseJsonOrNull(text) {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

/** Request options for an absolute URL, so callers holding a URL and callers holding a host share one path. */
function optionsFor(url, method, headers = {}) {
	const target = new URL(url);
	return { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method, headers };
}

/** Plain HTTP to the sandbox's control API (`/_control/...`), with an optional JSON body. */
function controlRequest(baseUrl, method, path, body) {
	const text = body === undefined ? '' : JSON.stringify(body);
	const headers = { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) };
	return sendRequest(optionsFor(new URL(path, baseUrl), method, headers), text);
}

/** GET any sandbox URL (a download link, an unknown path) and read the answer. */
function getText(url) {
	return sendRequest(optionsFor(url, 'GET'));
}

module.exports = { sendRequest, controlRequest, getText };
