'use strict';
/**
 * Planted drift: the next matching answers of a provider come back with one field changed, as if
 * the vendor had changed its API (a field removed or renamed, or sent with another JSON type). The
 * live check's tests use it to prove that such a change is reported; nothing else does.
 *
 * A drift matches a provider and, if given, an action: Tencent's X-TC-Action, or the request path
 * (exactly, or its last segments, e.g. `GetAccounts`). `path` names the field in the JSON answer:
 * dot-separated keys, `[]` for every element of an array (`Response.Data[].Name`; `[].Name` when
 * the answer is the list itself).
 */
const CHANGES = new Set(['remove', 'rename', 'retype']);

function parsePath(path) {
	return path.split('.').map((part) => ({ key: part.replace(/\[\]$/, ''), each: part.endsWith('[]') }));
}

/** Applies `change` to every value at `steps` below `value` (mutates it). */
function changeAt(value, steps, spec) {
	if (value === null || typeof value !== 'object') return;
	const [step, ...rest] = steps;
	// `[]` at the start: the answer itself is the list.
	if (step.key === '' && step.each && Array.isArray(value)) {
		for (const child of value) changeAt(child, rest, spec);
		return;
	}
	if (!(step.key in value)) return;
	if (rest.length === 0 && !step.each) {
		if (spec.change === 'remove') delete value[step.key];
		else if (spec.change === 'rename') {
			value[spec.to] = value[step.key];
			delete value[step.key];
		} else value[step.key] = retyped(value[step.key]);
		return;
	}
	const below = step.each ? (Array.isArray(value[step.key]) ? value[step.key] : []) : [value[step.key]];
	for (const child of below) changeAt(child, rest, spec);
}

/** The same content as another JSON type: numbers and booleans as strings, strings and the rest as numbers. */
function retyped(value) {
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value === 'string') return Number.isNaN(Number(value)) ? value.length : Number(value);
	return 0;
}

function createDrift({ providers }) {
	let queue = [];

	function add(spec) {
		const fail = (message) => Object.assign(new Error(message), { status: 400 });
		if (!spec || typeof spec !== 'object') throw fail('drift spec must be a JSON object');
		const { provider, action = null, path, change, to, count = 1 } = spec;
		if (!providers.includes(provider)) throw fail(`provider must be one of ${providers.join(', ')}`);
		if (typeof path !== 'string' || path === '') throw fail('path must name a field, e.g. Response.Data[].Name');
		if (!CHANGES.has(change)) throw fail('change must be remove, rename or retype');
		if (change === 'rename' && (typeof to !== 'string' || to === '')) throw fail('rename needs `to`, the new field name');
		if (!Number.isInteger(count) || count < 1) throw fail('count must be an integer >= 1');
		const drift = { provider, action, path, change, to, remaining: count };
		queue.push(drift);
		return { ...drift };
	}

	/** Consumes one use of the first drift matching the request, or null. */
	function take(provider, tcAction, path) {
		const matches = (d) =>
			d.provider === provider && (d.action === null || d.action === tcAction || path === d.action || path.endsWith(`/${d.action}`));
		const index = queue.findIndex(matches);
		if (index < 0) return null;
		const drift = queue[index];
		drift.remaining -= 1;
		if (drift.remaining <= 0) queue.splice(index, 1);
		return drift;
	}

	/** Makes `res` send its JSON body with the drift applied (a body that is not JSON goes out as it is). */
	function apply(res, drift) {
		const writeHead = res.writeHead.bind(res);
		const end = res.end.bind(res);
		let head = null;
		res.writeHead = (status, headers = {}) => {
			head = { status, headers: { ...headers } };
			return res;
		};
		res.end = (chunk, ...rest) => {
			let text = chunk;
			try {
				const value = JSON.parse(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
				changeAt(value, parsePath(drift.path), drift);
				text = JSON.stringify(value);
			} catch {
				// not JSON: unchanged
			}
			if (head) {
				const headers = Object.fromEntries(Object.entries(head.headers).filter(([k]) => k.toLowerCase() !== 'content-length'));
				writeHead(head.status, { ...headers, 'Content-Length': Buffer.byteLength(text) });
			}
			return end(text, ...rest);
		};
	}

	return {
		add,
		take,
		apply,
		list: () => queue.map((d) => ({ ...d })),
		clear() {
			queue = [];
		},
	};
}

module.exports = { createDrift };
