'use strict';
/**
 * The Huawei Cloud Partner Center (BSS "bssintl", /v2/...) and IAM (/v3/auth/...) stand-in.
 *
 * Pipeline per request, in the real gateway's order: transport faults (drop / HTTP 5xx) -> route
 * (404 APIG.0101) -> size limit -> authentication (token or AK/SK, auth.js) -> rate limit
 * (429 APIG.0308) -> service faults -> caller type and permission items (403 CBC.0151) ->
 * request format and field validation (400 CBC.0100) -> handler -> after-apply faults.
 * Every answer carries an `X-Request-Id` header.
 */
const http = require('http');
const { authenticate } = require('./auth');
const { APIS, matchRoute, ALL_CODES } = require('./apis');
const { validate, parseQuery } = require('./validate');
const { createRateLimiter } = require('../rateLimit');
const { createPermissions } = require('./permissions');
const { createTokenStore, createToken, listDomains } = require('./iam');
const { createHuaweiData, DEFAULT_SEED, DEFAULT_CUSTOMERS } = require('./data');
const { createHuaweiControl } = require('./control');
const { createOrderControl } = require('./orderControl');
const { createCustomerSelfControl } = require('./customerSelfControl');
const { KEY_TABLE, USER_TABLE } = require('./keys');
const { HuaweiError, newRequestId, errorBody, MESSAGES, apig, cbc, iam, invalidParam, accessDenied } = require('./errors');
const { headerNamesOf } = require('../requestLog');
const { createSeededData, providerState } = require('../seededData');
const { sendJson, sendText, writable } = require('../http');

const PROVIDER = 'huawei';
/** Flow control (reference 4.3): 10 requests per second per API per caller. */
const API_LIMIT_PER_SECOND = 10;

/**
 * A copy of a parsed body for the request log with every `password` value (at any depth) replaced.
 * IAM's `identity.password` is an object holding the user: its structure stays, its secret goes.
 */
function redact(value) {
	if (Array.isArray(value)) return value.map(redact);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k.toLowerCase() === 'password' && (v === null || typeof v !== 'object') ? '[redacted]' : redact(v)]));
	}
	return value;
}

/** The parsed body for the request log (null when empty or not JSON), secrets redacted. */
function loggableBody(rawBody) {
	if (!rawBody.length) return null;
	try {
		return redact(JSON.parse(rawBody.toString('utf8')));
	} catch {
		return null;
	}
}

/** Query parameters for the request log: one value, or an array for repeated names; null if malformed. */
function loggableQuery(search) {
	try {
		return Object.fromEntries([...parseQuery(search)].map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
	} catch {
		return null;
	}
}

/**
 * @param {{ clock: object, faults: object, requestLog: object, rateLimit: {enabled: boolean},
 *   baseUrl: () => string, sleep: (ms: number) => Promise<void> }} shared services of the sandbox
 * @param {{ seed?: any, customers?: number, anchor?: any }} [initial] initial seed options
 */
function createHuaweiProvider(shared, initial = {}) {
	const { clock, faults, requestLog } = shared;
	const limiter = createRateLimiter(clock, shared.rateLimit, { limitPerSecond: API_LIMIT_PER_SECOND });
	const tokens = createTokenStore();
	const permissions = createPermissions(ALL_CODES, { aks: [...KEY_TABLE.keys()], userNames: [...USER_TABLE.values()].map((u) => u.userName) });
	/** Test switches: hide new customers from N queries; answer CBC.99000050 to the next N creates. */
	const switches = { associationDelay: 0, associationTimeouts: 0 };
	const seeded = createSeededData({ build: createHuaweiData, clock, defaults: { seed: DEFAULT_SEED, customers: DEFAULT_CUSTOMERS }, initial });
	const getData = () => seeded.data;

	const control = createHuaweiControl({
		getData,
		clock,
		tokens,
		permissions,
		switches,
		reseed: seeded.reseed,
		resetProvider: (opts) => reset(opts),
	});
	// Adding orders lives in its own module; its controls join the provider's.
	const orderControl = createOrderControl({ getData, clock });
	Object.assign(control.functions, orderControl.functions);
	control.routes.push(...orderControl.routes);
	const customerSelfControl = createCustomerSelfControl({ getData });
	Object.assign(control.functions, customerSelfControl.functions);
	control.routes.push(...customerSelfControl.routes);

	/** Requests this provider answers: the BSS API (/v1.0/..., /v2/..., /v3/..., /v4/...) and IAM's auth calls (/v3/auth/...). */
	const matches = (req, path) => /^\/(v1\.0|v2|v3|v4)\//.test(path);

	async function handle(req, res, rawBody, { tooLarge = false } = {}) {
		const target = req.url || '/';
		const q = target.indexOf('?');
		const search = q < 0 ? '' : target.slice(q + 1);
		const path = new URL(target, 'http://sandbox.local').pathname;
		const match = matchRoute(req.method, path);
		const route = match && match.route ? match.route : null;
		const action = route ? route.name : 'Unknown';
		const requestId = newRequestId();
		const entry = requestLog.add({
			provider: PROVIDER,
			action,
			method: req.method,
			path,
			query: loggableQuery(search),
			body: loggableBody(rawBody),
			headerNames: headerNamesOf(req),
			outcome: 'pending',
			auth: null,
			callerDomainId: null,
			language: null,
			at: clock.now(),
			// Sub-millisecond arrival time on the process clock, for benchmarks that compare gaps.
			arrivedMs: performance.now(),
			requestId,
		});
		const send = (status, body, headers = {}) => {
			if (!writable(res)) return;
			const all = { 'X-Request-Id': requestId, ...headers };
			if (body === null) {
				res.writeHead(status, all);
				res.end();
			} else sendJson(res, status, body, all);
		};
		const fail = (error) => {
			entry.outcome = error.kind === 'iam' ? `IAM.${error.status}` : error.code;
			send(error.status, errorBody(error, requestId), error.headers);
		};
		const transport = (kind) => {
			entry.outcome = kind;
			if (kind === 'drop') return req.socket.destroy();
			const status = Number(kind.slice(4));
			if (status === 502 || status === 504) {
				return send(status, { error_code: 'APIG.0201', error_msg: status === 502 ? 'Backend unavailable.' : 'Backend timeout.', request_id: requestId });
			}
			// Other 5xx come from the load balancer in front of the gateway: an HTML page, not JSON.
			const title = `${status} ${http.STATUS_CODES[status] || 'Server Error'}`;
			if (writable(res)) sendText(res, status, `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`, 'text/html', { 'X-Request-Id': requestId });
		};

		const early = faults.take(PROVIDER, action, 'transport');
		if (early) return transport(early.kind);
		if (!match) return fail(apig(404, 'APIG.0101', 'The API does not exist or has not been published in the environment.'));
		if (match.methodMismatch) return fail(apig(404, 'APIG.0101', 'The API does not exist.'));
		if (match.pathParams === null) return fail(apig(400, 'APIG.0201', 'API request error.'));
		if (tooLarge) return fail(apig(413, 'APIG.0201', 'Request entity too large.'));

		let result;
		try {
			result = route.iam ? await iamCall(route, req, rawBody, search, entry) : await bssCall(route, match.pathParams, req, rawBody, search, entry);
			if (!result) return; // a slow fault outlived the sandbox
		} catch (error) {
			if (error instanceof HuaweiError) return fail(error);
			entry.detail = `sandbox bug: ${error && error.stack ? error.stack.split('\n').slice(0, 3).join(' | ') : String(error)}`;
			return fail(cbc(500, 'CBC.0999', MESSAGES.internalError));
		}

		const late = faults.take(PROVIDER, action, 'afterApply');
		if (late) {
			entry.appliedBeforeFault = true;
			if (late.kind === 'drop' || late.kind.startsWith('http')) return transport(late.kind);
			if (late.kind !== 'slow') return fail(serviceFaultError(late.kind, route.iam));
			await shared.sleep(late.delayMs);
		}
		entry.outcome = 'ok';
		return send(result.status, result.body, result.headers);
	}

	/** The error an injected service fault answers with. */
	function serviceFaultError(kind, isIam) {
		if (kind === 'throttle') return apig(429, 'APIG.0308', MESSAGES.throttled, { 'Retry-After': '1' });
		const message = kind === 'serviceBusy' ? MESSAGES.serviceBusy : MESSAGES.internalError;
		return isIam ? iam(500, message) : cbc(500, 'CBC.0999', message);
	}

	/** Consumes a service fault for the action: throws for throttle/busy/internal, waits for slow. */
	async function serviceFault(action, isIam) {
		const fault = faults.take(PROVIDER, action, 'service');
		if (!fault) return;
		if (fault.kind !== 'slow') throw serviceFaultError(fault.kind, isIam);
		await shared.sleep(fault.delayMs);
	}

	/** The parsed JSON object body of a POST; CBC.0100 (or IAM's 400) otherwise. */
	function jsonBody(req, rawBody, error) {
		const contentType = String(req.headers['content-type'] || '');
		if (!/^application\/json\b/i.test(contentType)) throw error(`The Content-Type ${JSON.stringify(contentType)} is not supported; send application/json.`);
		let body;
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			throw error('The request body is not valid JSON.');
		}
		if (body === null || typeof body !== 'object' || Array.isArray(body)) throw error('The request body must be a JSON object.');
		return body;
	}

	async function iamCall(route, req, rawBody, search, entry) {
		const nowMs = clock.now();
		if (route.name === 'KeystoneListAuthDomains') {
			const caller = authenticate(req, rawBody, { tokens, nowMs, requireDomainId: false });
			entry.auth = caller.auth;
			entry.callerDomainId = caller.domain.id;
			await serviceFault(route.name, true);
			return listDomains(caller);
		}
		await serviceFault(route.name, true);
		const query = parseQuery(search);
		const nocatalog = query.has('nocatalog') ? query.get('nocatalog')[0] : 'false';
		if (nocatalog !== 'true' && nocatalog !== 'false') throw iam(400, 'Invalid input: nocatalog must be true or false.');
		const body = jsonBody(req, rawBody, (message) => iam(400, message));
		const result = createToken(body, { tokens, nowMs: clock.now(), nocatalog: nocatalog === 'true', baseUrl: shared.baseUrl() });
		entry.callerDomainId = result.body.token.domain.id;
		return result;
	}

	async function bssCall(route, pathParams, req, rawBody, search, entry) {
		const caller = authenticate(req, rawBody, { tokens, nowMs: clock.now(), requireDomainId: true });
		entry.auth = caller.auth;
		entry.callerDomainId = caller.domain.id;
		if (!limiter.allow(caller.limiterKey, route.name)) throw apig(429, 'APIG.0308', MESSAGES.throttled);
		await serviceFault(route.name, false);
		if (route.callers !== 'any' && route.callers !== caller.role) throw accessDenied();
		if (permissions.isDenied(caller.principals, route.codes)) throw accessDenied();

		let query;
		try {
			query = parseQuery(search);
		} catch {
			throw invalidParam('Invalid parameter: the query string is not correctly percent-encoded.');
		}
		let fields;
		if (route.method === 'POST' || route.method === 'PUT') {
			if (query.size) throw invalidParam(`Invalid parameter \`${[...query.keys()][0]}\`: unknown query parameter.`);
			fields = validate(jsonBody(req, rawBody, invalidParam), route.params, { location: 'body' });
		} else {
			fields = validate(query, route.params, { location: 'query' });
		}
		const language = route.language ? (String(req.headers['x-language']).toLowerCase() === 'en_us' ? 'en_US' : 'zh_CN') : null;
		entry.language = language;
		const nowMs = clock.now();
		return route.handler({ body: fields, pathParams, caller, data: seeded.data, nowMs, nowSec: Math.floor(nowMs / 1000), language, switches });
	}

	/** Back to the default seed (or the given options); clears tokens, denials, switches and limiter windows. */
	function reset(opts = {}) {
		if (!opts || typeof opts !== 'object' || Array.isArray(opts)) throw Object.assign(new Error('huawei options must be a JSON object'), { status: 400 });
		for (const name of Object.keys(opts)) {
			if (!['customers', 'seed', 'anchor'].includes(name)) throw Object.assign(new Error(`unknown huawei option ${name}; use customers, seed, anchor`), { status: 400 });
		}
		seeded.reset(opts);
		limiter.reset();
		tokens.reset();
		permissions.reset();
		switches.associationDelay = 0;
		switches.associationTimeouts = 0;
	}

	return {
		name: PROVIDER,
		matches,
		handle,
		reset,
		control,
		state: providerState(seeded, { apis: APIS, tokens, permissions, switches, limiter }),
	};
}

module.exports = { createHuaweiProvider };
