'use strict';
/**
 * A minimal Tencent caller for the sandbox's own self-check, benchmarks and tests: it signs
 * exactly like the official Node SDK (the SDK's `Sign.sign3`, service `intlpartnersmgt`,
 * `SignedHeaders=content-type;host`) and sends the request over loopback.
 *
 * It is deliberately NOT the package's transport: tests of the n8n node must go through the node.
 * Options let a check produce every kind of wrong request (stale timestamp, wrong key, tampered body).
 */
const http = require('http');
const { sendRequest } = require('../httpClient');
const Sign = require('tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/sign.js');
const { partnerKey } = require('./keys');

const VERSION = '2022-09-28';

/**
 * @param {string} baseUrl sandbox URL, e.g. http://127.0.0.1:8787
 * @param {{ agent?: http.Agent }} [options]
 */
function createTencentClient(baseUrl, { agent = new http.Agent({ keepAlive: true }) } = {}) {
	const target = new URL(baseUrl);

	/**
	 * Calls one action. Returns { status, headers, text, json } (json is null for non-JSON bodies).
	 * @param {string} action
	 * @param {object|string} [body] object (serialised once) or the exact body text
	 * @param {{ key?: {secretId: string, secretKey: string, token?: string}, timestamp?: number,
	 *   sendToken?: boolean|string, signBody?: string, host?: string, contentType?: string,
	 *   version?: string|null, authorization?: string|null, headers?: Record<string,string> }} [o]
	 */
	function call(action, body = {}, o = {}) {
		/** @type {{secretId: string, secretKey: string, token?: string}} */
		const key = o.key || partnerKey;
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
		const host = o.host || target.host;
		const contentType = o.contentType || 'application/json';
		const authorization =
			o.authorization !== undefined
				? o.authorization
				: Sign.sign3({
						method: 'POST',
						url: `https://${new URL(`http://${host}`).hostname}/`,
						payload: Buffer.from(o.signBody !== undefined ? o.signBody : text),
						timestamp,
						service: 'intlpartnersmgt',
						secretId: key.secretId,
						secretKey: key.secretKey,
						headers: { 'Content-Type': contentType },
					});
		const headers = {
			Host: host,
			'Content-Type': contentType,
			'X-TC-Action': action,
			'X-TC-Timestamp': String(timestamp),
			'X-TC-Language': 'en-US',
			'Content-Length': Buffer.byteLength(text),
			...(o.version === null ? {} : { 'X-TC-Version': o.version || VERSION }),
			...(authorization === null ? {} : { Authorization: authorization }),
			...(o.sendToken === false ? {} : typeof o.sendToken === 'string' ? { 'X-TC-Token': o.sendToken } : key.token ? { 'X-TC-Token': key.token } : {}),
			...(o.headers || {}),
		};
		return sendRequest({ host: target.hostname, port: target.port, method: 'POST', path: '/', headers, agent }, text);
	}

	return { call, close: () => agent.destroy() };
}

module.exports = { createTencentClient };
