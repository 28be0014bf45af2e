'use strict';
/**
 * The Tencent Cloud International Partners (intlpartnersmgt 2022-09-28) stand-in.
 *
 * Pipeline per request, in the real service's order: transport faults (drop / HTTP 5xx) ->
 * size limit -> authentication (auth.js) -> X-TC-Version -> action -> rate limit -> service faults
 * -> body must be a JSON object -> field validation -> caller role -> handler -> after-apply faults.
 * Every answer except transport faults is HTTP 200 with the `{"Response": ...}` envelope.
 */
const { authenticate } = require('./auth');
const { ACTIONS } = require('./actions');
const { validateFields } = require('./validate');
const { createRateLimiter } = require('../rateLimit');
const { createTencentData, DEFAULT_SEED, DEFAULT_CUSTOMERS } = require('./data');
const { createDownloads } = require('./data/downloads');
const { createTencentControl } = require('./control');
const { createPendingControl } = require('./pendingControl');
const { TencentError, errorEnvelope, successEnvelope, newRequestId, MESSAGES } = require('./errors');
const { headerNamesOf } = require('../requestLog');
const { createSeededData, providerState } = require('../seededData');
const { sendJson, sendText } = require('../http');

const VERSION = '2022-09-28';
const PROVIDER = 'tencent';
/** Request fields that are secrets: kept out of the request log. */
const REDACTED_FIELDS = new Set(['Password', 'ConfirmPassword']);

/** The parsed body for the request log, with secrets replaced; null when it is not JSON. */
function loggableBody(rawBody) {
	try {
		const parsed = JSON.parse(rawBody.toString('utf8'));
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
			for (const key of Object.keys(parsed)) if (REDACTED_FIELDS.has(key)) parsed[key] = '[redacted]';
		}
		return parsed;
	} catch {
		return null;
	}
}

/** Answers like a gateway would for an injected HTTP 5xx: small bodies, JSON or HTML. */
function sendGatewayError(res, kind) {
	const status = Number(kind.slice(4));
	if (status === 502 || status === 504) {
		const title = status === 502 ? '502 Bad Gateway' : '504 Gateway Time-out';
		return sendText(res, status, `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>stgw</center></body></html>`, 'text/html');
	}
	return sendJson(res, status, { code: status, message: status === 503 ? 'Service Unavailable' : 'Internal Server Error' });
}

/** Response envelope for a service-level injected fault (throttle, serviceBusy, internalError). */
function faultEnvelope(kind) {
	if (kind === 'throttle') return errorEnvelope('RequestLimitExceeded', MESSAGES.RequestLimitExceeded);
	if (kind === 'serviceBusy') return errorEnvelope('OperationDenied.ServiceBusy', MESSAGES['OperationDenied.ServiceBusy']);
	return errorEnvelope('InternalError', MESSAGES.InternalError);
}

/**
 * @param {{ clock: object, faults: object, requestLog: object, files: object, rateLimit: {enabled: boolean},
 *   baseUrl: () => string, sleep: (ms: number) => Promise<void> }} shared services of the sandbox
 * @param {{ seed?: any, customers?: number, anchor?: any }} [initial] initial seed options
 */
function createTencentProvider(shared, initial = {}) {
	const { clock, faults, requestLog } = shared;
	const limiter = createRateLimiter(clock, shared.rateLimit);
	const downloads = createDownloads({ files: shared.files, baseUrl: shared.baseUrl });
	const seeded = createSeededData({ build: createTencentData, clock, defaults: { seed: DEFAULT_SEED, customers: DEFAULT_CUSTOMERS }, initial });
	const getData = () => seeded.data;

	const control = createTencentControl({
		getData,
		clock,
		downloads,
		reseed: (changes) => {
			seeded.reseed(changes);
			downloads.clearPolls();
		},
	});
	// Pending applications live in their own module; their controls join the provider's.
	const pendingControl = createPendingControl({ getData, clock });
	Object.assign(control.functions, pendingControl.functions);
	control.routes.push(...pendingControl.routes);

	/** Requests this provider answers: POST / with an X-TC-Action header. */
	const matches = (req, path) => req.method === 'POST' && path === '/' && req.headers['x-tc-action'] !== undefined;

	async function handle(req, res, rawBody, { tooLarge = false } = {}) {
		const action = String(req.headers['x-tc-action']);
		const entry = requestLog.add({
			provider: PROVIDER,
			action,
			body: loggableBody(rawBody),
			headerNames: headerNamesOf(req),
			hasRegionHeader: req.headers['x-tc-region'] !== undefined,
			hasToken: req.headers['x-tc-token'] !== undefined,
			language: req.headers['x-tc-language'] ?? null,
			version: req.headers['x-tc-version'] ?? null,
			outcome: 'pending',
			at: clock.now(),
			// Sub-millisecond arrival time on the process clock, for benchmarks that compare gaps.
			arrivedMs: performance.now(),
			callerUin: null,
		});
		const traceHeaders = req.headers['x-tc-traceid'] ? { 'X-TC-TraceId': String(req.headers['x-tc-traceid']) } : {};
		const reply = (envelope) => {
			entry.outcome = envelope.Response.Error ? envelope.Response.Error.Code : 'ok';
			entry.requestId = envelope.Response.RequestId;
			sendJson(res, 200, envelope, traceHeaders);
		};
		const transport = (kind) => {
			entry.outcome = kind;
			if (kind === 'drop') req.socket.destroy();
			else sendGatewayError(res, kind);
		};

		const early = faults.take(PROVIDER, action, 'transport');
		if (early) return transport(early.kind);

		const requestId = newRequestId();
		let result;
		try {
			if (tooLarge) throw new TencentError('RequestSizeLimitExceeded', 'The request body exceeds the 10 MB limit.');
			const caller = authenticate(req, rawBody, clock.nowSec());
			entry.callerUin = caller.uin;
			const version = req.headers['x-tc-version'];
			if (version !== VERSION) {
				throw new TencentError('NoSuchVersion', version === undefined ? 'The X-TC-Version header is missing.' : `The API version \`${version}\` does not exist; use ${VERSION}.`);
			}
			const spec = ACTIONS.get(action);
			if (!spec) throw new TencentError('InvalidAction', `The action \`${action}\` does not exist for version ${VERSION}.`);
			if (!limiter.allow(caller.secretId, action, spec.rate)) throw new TencentError('RequestLimitExceeded', MESSAGES.RequestLimitExceeded);

			const serviceFault = faults.take(PROVIDER, action, 'service');
			if (serviceFault) {
				if (serviceFault.kind !== 'slow') return reply(faultEnvelope(serviceFault.kind));
				await shared.sleep(serviceFault.delayMs);
			}

			const contentType = String(req.headers['content-type'] || '');
			if (!/^application\/json\b/i.test(contentType)) throw new TencentError('InvalidParameter', `The Content-Type \`${contentType}\` is not supported; send application/json.`);
			let body;
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				throw new TencentError('InvalidParameter', 'The request body is not valid JSON.');
			}
			if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new TencentError('InvalidParameter', 'The request body must be a JSON object.');
			validateFields(body, spec.params);
			if (!spec.callers.includes(caller.role)) {
				throw new TencentError(
					'UnauthorizedOperation.UinNoAuth',
					caller.role === 'customer' ? `The action ${action} can only be called by a partner.` : `The action ${action} must be called with the end customer's own credentials.`,
				);
			}
			const nowMs = clock.now();
			result = spec.handler({
				action,
				body,
				caller,
				data: seeded.data,
				nowMs,
				nowSec: Math.floor(nowMs / 1000),
				language: req.headers['x-tc-language'],
				downloads,
			});
		} catch (error) {
			if (error instanceof TencentError) return reply(errorEnvelope(error.code, error.message, requestId));
			entry.detail = `sandbox bug: ${error && error.stack ? error.stack.split('\n').slice(0, 3).join(' | ') : String(error)}`;
			return reply(errorEnvelope('InternalError', MESSAGES.InternalError, requestId));
		}

		const late = faults.take(PROVIDER, action, 'afterApply');
		if (late && late.kind === 'inflateTotal') {
			if (result && typeof result.Total === 'number') result = { ...result, Total: result.Total * late.factor };
		} else if (late) {
			entry.appliedBeforeFault = true;
			if (late.kind === 'drop' || late.kind.startsWith('http')) return transport(late.kind);
			if (late.kind !== 'slow') return reply(faultEnvelope(late.kind));
			await shared.sleep(late.delayMs);
		}
		return reply(successEnvelope(result, requestId));
	}

	return {
		name: PROVIDER,
		matches,
		handle,
		/** Back to the default seed (or the given options); clears limiter windows and download polls. */
		reset(opts = {}) {
			seeded.reset(opts);
			limiter.reset();
			downloads.reset();
		},
		control,
		state: providerState(seeded, { downloads, limiter }),
	};
}

module.exports = { createTencentProvider, VERSION };
