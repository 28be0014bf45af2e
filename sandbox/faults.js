'use strict';
/**
 * Injected faults, shared by every provider.
 *
 * A test queues "the next n matching requests fail like this"; each provider asks for a fault at
 * three points of its pipeline, and the first queued fault that fits is consumed:
 * - `transport`: before anything else (drop the socket, or answer an HTTP 5xx like a gateway would);
 * - `service`: after authentication succeeded, so counts are per valid request
 *   (throttle, serviceBusy, internalError, slow);
 * - `afterApply`: after the request was fully handled (a write is applied), for faults queued with
 *   `afterApply: true`; this is how tests prove that clients never retry ambiguous writes.
 */

const SERVICE_KINDS = new Set(['throttle', 'serviceBusy', 'internalError', 'slow']);
// `stripAccept` (dotdigital only): a proxy in between drops the Accept header, so the service
// answers in XML although the client asked for JSON.
const TRANSPORT_KINDS = new Set(['drop', 'stripAccept']);
const HTTP_KIND = /^http5\d\d$/;
// `inflateTotal` (Tencent): the answer is served, but its `Total` is `factor` times the truth, as a
// list whose count is stale or wrong would say; it always applies after the request was handled.
const ANSWER_KINDS = new Set(['inflateTotal']);

function isTransportKind(kind) {
	return TRANSPORT_KINDS.has(kind) || HTTP_KIND.test(kind);
}

function isKnownKind(kind) {
	return SERVICE_KINDS.has(kind) || ANSWER_KINDS.has(kind) || isTransportKind(kind);
}

/**
 * @param {{ providers: string[] }} options names of the providers faults can target
 */
function createFaults({ providers }) {
	/** @type {Array<{id:number, provider:string, action:string|null, kind:string, remaining:number, delayMs:number, afterApply:boolean, factor:number, skip:number}>} */
	let queue = [];
	let nextId = 1;

	/**
	 * Queues a fault. Throws an Error with `status` 400 on a bad spec (the control API turns it
	 * into a 400 answer).
	 */
	function add(spec) {
		const fail = (message) => Object.assign(new Error(message), { status: 400 });
		if (!spec || typeof spec !== 'object') throw fail('fault spec must be a JSON object');
		const { provider, action = null, kind, count = 1, delayMs, afterApply = false, skip = 0, factor = 20 } = spec;
		if (!providers.includes(provider)) throw fail(`provider must be one of ${providers.join(', ')}`);
		if (action !== null && (typeof action !== 'string' || action === '')) throw fail('action must be a non-empty string');
		if (!isKnownKind(kind)) throw fail('kind must be throttle, serviceBusy, internalError, slow, drop, stripAccept, inflateTotal or http5xx (e.g. http500, http502)');
		if (!Number.isInteger(factor) || factor < 1) throw fail('factor must be an integer >= 1');
		if (!Number.isInteger(count) || count < 1) throw fail('count must be an integer >= 1');
		if (delayMs !== undefined && (!Number.isInteger(delayMs) || delayMs < 0)) throw fail('delayMs must be an integer >= 0');
		if (typeof afterApply !== 'boolean') throw fail('afterApply must be a boolean');
		if (!Number.isInteger(skip) || skip < 0) throw fail('skip must be an integer >= 0');
		const fault = {
			id: nextId++,
			provider,
			action,
			kind,
			remaining: count,
			delayMs: delayMs === undefined ? (kind === 'slow' ? 1000 : 0) : delayMs,
			afterApply: afterApply || ANSWER_KINDS.has(kind),
			factor,
			// Matching requests let through before the fault applies, e.g. to fail the second call of a batch.
			skip,
		};
		queue.push(fault);
		return { ...fault };
	}

	function phaseOf(fault) {
		if (fault.afterApply) return 'afterApply';
		return isTransportKind(fault.kind) ? 'transport' : 'service';
	}

	/**
	 * Consumes one use of the first queued fault matching provider, action and phase.
	 * @param {'transport'|'service'|'afterApply'} phase
	 * @returns {{kind:string, delayMs:number, afterApply:boolean, factor:number}|null}
	 */
	function take(provider, action, phase) {
		const index = queue.findIndex(
			(f) => f.provider === provider && (f.action === null || f.action === action) && phaseOf(f) === phase,
		);
		if (index < 0) return null;
		const fault = queue[index];
		if (fault.skip > 0) {
			fault.skip -= 1;
			return null;
		}
		fault.remaining -= 1;
		if (fault.remaining <= 0) queue.splice(index, 1);
		return { kind: fault.kind, delayMs: fault.delayMs, afterApply: fault.afterApply, factor: fault.factor };
	}

	return {
		add,
		take,
		list: () => queue.map((f) => ({ ...f })),
		clear() {
			queue = [];
		},
	};
}

module.exports = { createFaults, isTransportKind };
