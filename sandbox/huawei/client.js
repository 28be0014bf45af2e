'use strict';
/**
 * A minimal Huawei caller for the sandbox's own self-check, benchmarks and tests: it signs exactly
 * like the official Node SDK (the SDK's `AKSKSigner.sign`, with `content-type`, `X-Domain-Id` and
 * `X-Security-Token` headers as the SDK's GlobalCredentials adds them) and sends over loopback.
 * It can also log in to IAM and call with `X-Auth-Token`.
 *
 * It is deliberately NOT the package's transport: tests of the n8n node must go through the node.
 * Options let a check produce every kind of wrong request (stale date, wrong key, no X-Domain-Id,
 * tampered body, hand-made Authorization).
 */
const http = require('http');
const { sendRequest } = require('../httpClient');
/** The SDK's signer; typed loosely: the sandbox hands it plain `{ getAk, getSk }` credentials. */
const AKSKSigner = /** @type {any} */ (require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner').AKSKSigner);
const { partnerKey } = require('./keys');
const { formatSdkDate } = require('./time');

/** RFC 3986 query string, encoded with the signer's own encoder so URL and signature agree. */
function queryString(query) {
	return Object.keys(query)
		.filter((k) => query[k] !== undefined)
		.flatMap((k) => [].concat(query[k]).map((v) => `${AKSKSigner.urlEncode(k)}=${AKSKSigner.urlEncode(String(v))}`))
		.join('&');
}

/**
 * @param {string} baseUrl sandbox URL, e.g. http://127.0.0.1:8787
 * @param {{ agent?: http.Agent }} [options]
 */
function createHuaweiClient(baseUrl, { agent = new http.Agent({ keepAlive: true }) } = {}) {
	const target = new URL(baseUrl);

	function send(method, path, headers, text) {
		return sendRequest({ host: target.hostname, port: target.port, method, path, headers, agent }, text);
	}

	/**
	 * Calls one API. Returns { status, headers, text, json } (json null for empty or non-JSON bodies).
	 * @param {string} method
	 * @param {string} path e.g. /v2/partners/sub-customers/query
	 * @param {{ query?: object, body?: object|string, key?: object, token?: string, sdkDate?: string,
	 *   domainId?: string|null, securityToken?: string|null, signBody?: object, authorization?: string|null,
	 *   host?: string, contentType?: string, headers?: Record<string,string>, extraSigned?: Record<string,string> }} [o]
	 *   body: object (serialised once with JSON.stringify) or the exact body text; GET sends none
	 *   unless given. token: send X-Auth-Token instead of signing. domainId null: omit X-Domain-Id.
	 */
	function call(method, path, o = {}) {
		const key = o.key || partnerKey;
		const qs = queryString(o.query || {});
		const text = o.body === undefined ? '' : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
		const host = o.host || target.host;
		const contentType = o.contentType || 'application/json';
		/** @type {Record<string, string|number>} */
		const headers = { Host: host, 'Content-Type': contentType, ...(text ? { 'Content-Length': Buffer.byteLength(text) } : {}) };
		if (o.token !== undefined) {
			headers['X-Auth-Token'] = o.token;
		} else {
			const domainId = o.domainId === undefined ? key.domainId : o.domainId;
			const securityToken = o.securityToken === undefined ? key.securityToken : o.securityToken;
			// The header set the SDK signs: content-type, plus X-Domain-Id / X-Security-Token when present.
			const signed = { 'content-type': contentType, ...(o.extraSigned || {}) };
			if (domainId) signed['X-Domain-Id'] = domainId;
			if (securityToken) signed['X-Security-Token'] = securityToken;
			signed['X-Sdk-Date'] = o.sdkDate || formatSdkDate(Date.now());
			const data = o.signBody !== undefined ? o.signBody : text ? JSON.parse(text) : undefined;
			const queryParams = {};
			for (const [k, v] of Object.entries(o.query || {})) if (v !== undefined) queryParams[k] = Array.isArray(v) ? v.map(String) : String(v);
			const authorization =
				o.authorization !== undefined
					? o.authorization
					: AKSKSigner.sign({ method, endpoint: `http://${host}${path}`, headers: signed, queryParams, data }, { getAk: () => key.accessKeyId, getSk: () => key.secretAccessKey }).Authorization;
			Object.assign(headers, o.extraSigned || {}, { 'X-Sdk-Date': signed['X-Sdk-Date'] });
			if (domainId) headers['X-Domain-Id'] = domainId;
			if (securityToken) headers['X-Security-Token'] = securityToken;
			if (authorization !== null) headers.Authorization = authorization;
		}
		Object.assign(headers, o.headers || {});
		return send(method, qs ? `${path}?${qs}` : path, headers, text);
	}

	/**
	 * IAM password login; resolves to { status, token, json }.
	 * @param {{ domainName: string, userName: string, password: string }} user
	 * @param {{ scope?: object, nocatalog?: boolean }} [options]
	 */
	async function getToken({ domainName, userName, password }, { scope, nocatalog = true } = {}) {
		const body = {
			auth: {
				identity: { methods: ['password'], password: { user: { name: userName, password, domain: { name: domainName } } } },
				scope: scope || { domain: { name: domainName } },
			},
		};
		const text = JSON.stringify(body);
		const res = await send('POST', `/v3/auth/tokens${nocatalog ? '?nocatalog=true' : ''}`, { 'Content-Type': 'application/json;charset=utf8', 'Content-Length': Buffer.byteLength(text) }, text);
		return { ...res, token: res.headers['x-subject-token'] };
	}

	return { call, getToken, close: () => agent.destroy() };
}

module.exports = { createHuaweiClient, queryString };
