'use strict';
/**
 * The dotdigital CPaaS Reseller Service stand-in: `POST /WebApi/ResellerServices/{Method}`.
 *
 * Pipeline per request: the singular `/WebApi/ResellerService/...` (the other published spelling)
 * is not an application at all, so IIS answers 404 HTML before anything else; then transport faults
 * (drop / HTTP 5xx) -> Basic authentication (401) -> method name (404, empty body) -> verb (405)
 * -> service faults -> body (empty or not a JSON object: the .NET null-`request` 400; a non-JSON
 * Content-Type: 415) -> members (400 ArgumentFaultContract) -> the method (400 Argument/Security
 * faults) -> after-apply faults. Results are JSON only for `Accept: application/json`, else XML.
 */
const { authenticate } = require('./auth');
const { METHODS, createMethodNames } = require('./methods');
const { readFields } = require('./validate');
const { createDotdigitalData, DEFAULT_SEED, DEFAULT_ACCOUNTS } = require('./data');
const { createDotdigitalControl } = require('./control');
const { ResellerFault, INTERNAL, NULL_REQUEST, argumentFault } = require('./errors');
const R = require('./respond');
const { headerNamesOf } = require('../requestLog');
const { createSeededData, providerState } = require('../seededData');

const PROVIDER = 'dotdigital';
/** Any path under either published base; everything else belongs to other providers. */
const BASE = /^\/webapi\/resellerservices?(\/|$)/i;
const SINGULAR = /^\/webapi\/resellerservice(\/|$)/i;
/** `/{base}/{Method}` under either spelling; group 1 is the base, group 2 the method name. */
const METHOD_PATH = /^\/webapi\/(resellerservices?)\/([^/]+)\/?$/i;

/** Copy of a parsed body with every member named like a password replaced, at any depth. */
function redact(value) {
	if (Array.isArray(value)) return value.map(redact);
	if (!value || typeof value !== 'object') return value;
	const out = {};
	for (const [k, v] of Object.entries(value)) out[k] = /password/i.test(k) ? '[redacted]' : redact(v);
	return out;
}

/** The request text without a UTF-8 byte-order mark (the .NET reader skips it too). */
const bodyText = (rawBody) => rawBody.toString('utf8').replace(/^\uFEFF/, '');

function loggableBody(rawBody) {
	try {
		return redact(JSON.parse(bodyText(rawBody)));
	} catch {
		return null;
	}
}

function safeDecode(segment) {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/**
 * @param {{ clock: object, faults: object, requestLog: object, sleep: (ms: number) => Promise<void> }} shared
 * @param {{ seed?: number|string, accounts?: number, anchor?: string|number }} [initial] initial seed options
 */
function createDotdigitalProvider(shared, initial = {}) {
	const { clock, faults, requestLog } = shared;
	const names = createMethodNames();
	const seeded = createSeededData({ build: createDotdigitalData, clock, defaults: { seed: DEFAULT_SEED, accounts: DEFAULT_ACCOUNTS }, initial });

	function reset(opts = {}) {
		seeded.reset(opts);
		names.reset();
	}

	const control = createDotdigitalControl({
		getData: () => seeded.data,
		clock,
		names,
		reseed: seeded.reseed,
		reset,
	});

	const matches = (req, path) => BASE.test(path);

	async function handle(req, res, rawBody, { tooLarge = false } = {}) {
		const path = new URL(req.url || '/', 'http://sandbox.local').pathname;
		const pathMatch = METHOD_PATH.exec(path);
		const methodName = pathMatch ? safeDecode(pathMatch[2]) : '';
		let format = R.negotiate(req.headers.accept);
		const entry = requestLog.add({
			provider: PROVIDER,
			action: methodName,
			path,
			httpMethod: req.method,
			body: loggableBody(rawBody),
			headerNames: headerNamesOf(req),
			hasAccept: format === 'json',
			outcome: 'pending',
			status: null,
			at: clock.now(),
		});
		/** Records how the request ended; `outcome` defaults to the HTTP status. */
		const done = (status, outcome = status) => {
			entry.status = status;
			entry.outcome = outcome;
		};

		if (SINGULAR.test(path)) {
			done(404);
			return R.sendIisNotFound(res);
		}
		if (!pathMatch) {
			done(404);
			return R.sendEmpty(res, 404);
		}
		const method = names.resolve(methodName);
		/** A queued fault for this request: by the name as called, else by the canonical method name. */
		const takeFault = (phase) => faults.take(PROVIDER, methodName, phase) || (method && method !== methodName ? faults.take(PROVIDER, method, phase) : null);

		/** Answers an injected fault the way the layer that produces it would. */
		function injected(kind, phase) {
			if (kind === 'drop') {
				done(0, kind);
				return req.socket.destroy();
			}
			if (kind === 'throttle') {
				done(429, kind);
				return R.sendEmpty(res, 429, { 'Retry-After': '1' });
			}
			if (kind === 'serviceBusy') {
				done(503, kind);
				return R.sendGatewayPage(res, 503);
			}
			if (kind === 'internalError') {
				done(500, kind);
				return R.sendFault(res, format, new ResellerFault(INTERNAL, 'An unexpected error occurred. Please try again later.', 500));
			}
			const status = Number(kind.slice(4));
			done(status, kind);
			// The service's own 125 s timeout (after the work ran) says so; a gateway's says nothing.
			if (status === 504) return phase === 'afterApply' ? R.sendMessage(res, format, 504, 'The operation has timed out') : R.sendEmpty(res, 504);
			if (status === 500) return R.sendMessage(res, format, 500, 'An error has occurred.');
			return R.sendGatewayPage(res, status);
		}

		const early = takeFault('transport');
		if (early && early.kind === 'stripAccept') format = 'xml';
		else if (early) return injected(early.kind, 'transport');

		if (!authenticate(req)) {
			done(401);
			return R.sendUnauthorized(res);
		}
		if (!method) {
			done(404);
			return R.sendEmpty(res, 404);
		}
		if (req.method !== 'POST') {
			done(405);
			if (req.method === 'HEAD') return R.sendEmpty(res, 405, { Allow: 'POST' });
			return R.sendMessage(res, format, 405, `The requested resource does not support http method '${req.method}'.`, { Allow: 'POST' });
		}

		const serviceFault = takeFault('service');
		if (serviceFault) {
			if (serviceFault.kind !== 'slow') return injected(serviceFault.kind, 'service');
			await shared.sleep(serviceFault.delayMs);
		}
		if (tooLarge) {
			done(413);
			return R.sendEmpty(res, 413);
		}

		const spec = METHODS.get(method);
		let result;
		try {
			const text = bodyText(rawBody);
			if (text.trim() === '') throw argumentFault(NULL_REQUEST);
			const contentType = String(req.headers['content-type'] || '');
			if (!/^(application|text)\/json\s*(;|$)/i.test(contentType)) {
				done(415);
				return R.sendMessage(res, format, 415, `The request entity's media type '${contentType.split(';')[0].trim() || 'application/octet-stream'}' is not supported for this resource.`);
			}
			let body;
			try {
				body = JSON.parse(text);
			} catch {
				throw argumentFault(NULL_REQUEST);
			}
			if (body === null || typeof body !== 'object' || Array.isArray(body)) throw argumentFault(NULL_REQUEST);
			const values = readFields(body, spec.fields);
			result = spec.handler({ body: values, data: seeded.data, nowMs: clock.now(), methodName });
		} catch (error) {
			if (error instanceof ResellerFault) {
				done(error.status, error.type);
				return R.sendFault(res, format, error);
			}
			entry.detail = `sandbox bug: ${error && error.stack ? error.stack.split('\n').slice(0, 3).join(' | ') : String(error)}`;
			done(500, 'sandboxError');
			return R.sendMessage(res, format, 500, 'An error has occurred.');
		}

		const late = takeFault('afterApply');
		if (late) {
			entry.appliedBeforeFault = true;
			if (late.kind !== 'slow') return injected(late.kind, 'afterApply');
			await shared.sleep(late.delayMs);
		}
		done(result.status, 'ok');
		if (result.status === 204) return R.sendEmpty(res, 204);
		return R.sendValue(res, format, result.status, result.value, result.xml);
	}

	return {
		name: PROVIDER,
		matches,
		handle,
		/** Back to the default seed (or the given options) and the default method names. */
		reset,
		control,
		state: providerState(seeded, { names }),
	};
}

module.exports = { createDotdigitalProvider };
