'use strict';
/**
 * A minimal Reseller Service caller for the sandbox's own self-check, benchmarks and tests:
 * `POST {base}/{Method}` with Basic auth, `Accept: application/json` and a bare JSON body, as the
 * reference (10.2) says a client should. It is deliberately NOT the package's transport: tests of
 * the n8n node must go through the node. Options let a check send every kind of wrong request
 * (no Accept, wrong credentials, the singular base, another verb, a raw body, another Content-Type).
 */
const http = require('http');
const { sendRequest } = require('../httpClient');
const { resellerUser } = require('./keys');

const PLURAL_BASE = '/WebApi/ResellerServices';
const SINGULAR_BASE = '/WebApi/ResellerService';

const basic = (username, password) => `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;

/**
 * @param {string} baseUrl sandbox URL, e.g. http://127.0.0.1:8787
 * @param {{ agent?: http.Agent }} [options]
 */
function createDotdigitalClient(baseUrl, { agent = new http.Agent({ keepAlive: true }) } = {}) {
	const target = new URL(baseUrl);

	/**
	 * Calls one method. Returns { status, headers, text, json } (json is null for non-JSON bodies).
	 * @param {string} method method name as the last path segment
	 * @param {object|string|null} [body] object (serialised once), exact body text, or null for no body
	 * @param {{ base?: string, accept?: string|null, contentType?: string|null, authorization?: string|null,
	 *   username?: string, password?: string, httpMethod?: string, headers?: Record<string,string> }} [o]
	 */
	function call(method, body = {}, o = {}) {
		const text = body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body);
		const authorization = o.authorization !== undefined ? o.authorization : basic(o.username ?? resellerUser.username, o.password ?? resellerUser.password);
		const accept = o.accept !== undefined ? o.accept : 'application/json';
		const contentType = o.contentType !== undefined ? o.contentType : 'application/json';
		const headers = {
			'Content-Length': Buffer.byteLength(text),
			...(accept === null ? {} : { Accept: accept }),
			...(contentType === null ? {} : { 'Content-Type': contentType }),
			...(authorization === null ? {} : { Authorization: authorization }),
			...(o.headers || {}),
		};
		const path = `${o.base ?? PLURAL_BASE}/${method}`;
		return sendRequest({ host: target.hostname, port: target.port, method: o.httpMethod || 'POST', path, headers, agent }, text);
	}

	return { call, close: () => agent.destroy() };
}

module.exports = { createDotdigitalClient, basic, PLURAL_BASE, SINGULAR_BASE };
