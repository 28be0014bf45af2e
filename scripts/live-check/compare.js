'use strict';
/**
 * Compares one answer with a response model (models.js): required fields present, every value of
 * the model's JSON type, enum values among the model's values, fields the model does not know,
 * and times in the vendor's documented form. Findings name the field path and the types, never a
 * value, so the report can be shared.
 */

/** How each vendor writes times (reference documents): China time for Tencent, UTC for Huawei. */
const TIME_FORMS = {
	tencent: [/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, /^\d{4}-\d{2}-\d{2}$/, /^\d{4}-\d{2}$/],
	huawei: [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, /^\d{4}-\d{2}-\d{2}$/, /^\d{4}-\d{2}$/],
	dotdigital: [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?$/, /^\/Date\(-?\d+([+-]\d{4})?\)\/$/],
};
const TIME_DESCRIPTIONS = {
	tencent: 'YYYY-MM-DD HH:mm:ss, YYYY-MM-DD or YYYY-MM',
	huawei: 'YYYY-MM-DDTHH:mm:ssZ, YYYY-MM-DD or YYYY-MM',
	dotdigital: 'ISO-8601 or /Date(ms)/',
};
const TIME_NAME = /(time|date|month|cycle|expire)/i;
const LOOKS_LIKE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/;

function jsonType(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

/** A time in one of the vendor's forms that is also a real calendar date and clock time. */
function validTime(vendor, text) {
	if (!TIME_FORMS[vendor].some((form) => form.test(text))) return false;
	if (text.startsWith('/Date(')) return true;
	const [y, mo, d = '01', h = '00', mi = '00', s = '00'] = text.match(/\d+/g);
	const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
	return date.getUTCFullYear() === +y && date.getUTCMonth() === +mo - 1 && date.getUTCDate() === +d && date.getUTCHours() === +h && date.getUTCMinutes() === +mi;
}

function typeMatches(type, value) {
	const got = jsonType(value);
	switch (type.kind) {
		case 'any':
			return true;
		case 'integer':
			return got === 'integer';
		case 'number':
			return got === 'integer' || got === 'number';
		case 'date':
			return got === 'string';
		case 'enum':
			return type.base === 'integer' ? got === 'integer' : got === 'string';
		default:
			return got === type.kind;
	}
}

const describe = (type) => (type.kind === 'array' ? `array of ${describe(type.of)}` : type.kind === 'enum' ? `${type.base} (enum)` : type.kind);

/**
 * Findings for `value` against `type` at `path`: [{ kind, path, expected?, got? }].
 * kind: missing | type | enum | new | time.
 */
function compare(vendor, type, value, path = '', findings = []) {
	if (value === null || value === undefined) return findings;
	if (!typeMatches(type, value)) {
		findings.push({ kind: 'type', path, expected: describe(type), got: jsonType(value) });
		return findings;
	}
	if (type.kind === 'enum' && type.values.length && !type.values.map(String).includes(String(value))) findings.push({ kind: 'enum', path, expected: `one of ${type.values.length} model values` });
	if (type.kind === 'array') value.forEach((element) => compare(vendor, type.of, element, `${path}[]`, findings));
	if (type.kind === 'object') {
		const known = new Set();
		for (const [name, f] of Object.entries(type.fields)) {
			const names = [name, ...(f.aliases || [])];
			names.forEach((n) => known.add(n));
			const present = names.find((n) => value[n] !== undefined);
			const at = path ? `${path}.${name}` : name;
			if (present === undefined) {
				if (f.required) findings.push({ kind: 'missing', path: at, expected: describe(f.type) });
				continue;
			}
			if (value[present] === null && !f.required) continue;
			if (value[present] === null && f.nullable) continue;
			compare(vendor, f.type, value[present], path ? `${path}.${present}` : present, findings);
		}
		if (!type.open) for (const name of Object.keys(value)) if (!known.has(name)) findings.push({ kind: 'new', path: path ? `${path}.${name}` : name, got: jsonType(value[name]) });
	}
	if (typeof value === 'string' && value !== '' && (type.kind === 'date' || TIME_NAME.test(path.split('.').pop() || '') || LOOKS_LIKE_TIME.test(value)) && (type.kind === 'date' || /^\d{4}-\d{2}/.test(value) || value.startsWith('/Date('))) {
		if (!validTime(vendor, value)) findings.push({ kind: 'time', path, expected: TIME_DESCRIPTIONS[vendor] });
	}
	return findings;
}

/** One finding per kind and path, with how often it occurred (an array's elements repeat it). */
function summarize(findings) {
	const byKey = new Map();
	for (const f of findings) {
		const key = `${f.kind} ${f.path}`;
		const seen = byKey.get(key);
		if (seen) seen.count += 1;
		else byKey.set(key, { ...f, count: 1 });
	}
	return [...byKey.values()];
}

module.exports = { compare, summarize, validTime, jsonType };
