'use strict';
/**
 * Request validation against each API's field table (reference section 5). Every failure is
 * 400 CBC.0100 with a message naming the field, unless the field spec names another code.
 *
 * Order: unknown fields, then (query only) repeated or unconvertible values, then missing required
 * fields, then JSON types, then values. Optional fields that are `null` or `""` are treated as
 * absent ("a filter that is absent, null or empty is not applied", reference 3), except fields
 * marked `noEmpty` (E2's operation_type / budget_type reject an empty string).
 *
 * Field spec: { type: 'string'|'integer'|'number'|'boolean'|'array'|'object', required, items (element
 *   spec), fields (an object's own field specs, checked the same way), enum, min, max, exclusiveMin, maxDecimals, minLength, maxLength, pattern, patternText,
 *   noEmpty, minItems, maxItems, default, code, status, check(value, all) -> message|undefined }.
 */
const { cbc } = require('./errors');

const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const fmt = (v) => JSON.stringify(v);

const TYPE_WORDS = { string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean', array: 'an array', object: 'an object' };

function jsonTypeOf(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

function hasType(value, type) {
	switch (type) {
		case 'string':
			return typeof value === 'string';
		case 'integer':
			return typeof value === 'number' && Number.isSafeInteger(value);
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'array':
			return Array.isArray(value);
		case 'object':
			return value !== null && typeof value === 'object' && !Array.isArray(value);
		default:
			throw new Error(`schema bug: unknown type ${type}`);
	}
}

const fail = (spec, message) => {
	throw cbc(spec.status || 400, spec.code || 'CBC.0100', message);
};

/** Decimal places of a finite number as JSON would print it. */
function decimalsOf(x) {
	const text = String(x);
	if (/e-/i.test(text)) return Number(text.split(/e-/i)[1]) + ((text.split(/e/i)[0].split('.')[1] || '').length);
	const dot = text.indexOf('.');
	return dot < 0 ? 0 : text.length - dot - 1;
}

function rangeText(spec) {
	const lo = spec.exclusiveMin !== undefined ? `greater than ${spec.exclusiveMin}` : spec.min !== undefined ? `at least ${spec.min}` : null;
	const hi = spec.max !== undefined ? `at most ${spec.max}` : null;
	return [lo, hi].filter(Boolean).join(' and ');
}

/** Value checks of a field that already has the right JSON type. */
function checkValue(name, spec, value, all) {
	if (spec.type === 'string') {
		if (value === '' && (spec.required || spec.noEmpty)) fail(spec, `Invalid parameter \`${name}\`: must not be empty.`);
		if (spec.minLength !== undefined && value.length < spec.minLength) fail(spec, `Invalid parameter \`${name}\`: must be at least ${spec.minLength} characters long.`);
		if (spec.maxLength !== undefined && value.length > spec.maxLength) fail(spec, `Invalid parameter \`${name}\`: must be at most ${spec.maxLength} characters long.`);
		if (spec.pattern && !spec.pattern.test(value)) fail(spec, `Invalid parameter \`${name}\`: ${fmt(value)} does not match ${spec.patternText || spec.pattern}.`);
	}
	if (spec.enum && !spec.enum.includes(value)) fail(spec, `Invalid parameter \`${name}\`: ${fmt(value)} is not one of ${spec.enum.map(fmt).join(', ')}.`);
	if (spec.type === 'integer' || spec.type === 'number') {
		const below = (spec.min !== undefined && value < spec.min) || (spec.exclusiveMin !== undefined && value <= spec.exclusiveMin);
		if (below || (spec.max !== undefined && value > spec.max)) fail(spec, `Invalid parameter \`${name}\`: must be ${rangeText(spec)}, got ${value}.`);
		if (spec.maxDecimals !== undefined && decimalsOf(value) > spec.maxDecimals) fail(spec, `Invalid parameter \`${name}\`: at most ${spec.maxDecimals} decimal places are allowed, got ${value}.`);
	}
	if (spec.type === 'array') {
		const tooFew = spec.minItems !== undefined && value.length < spec.minItems;
		const tooMany = spec.maxItems !== undefined && value.length > spec.maxItems;
		if (tooFew || tooMany) fail(spec, `Invalid parameter \`${name}\`: must contain ${spec.minItems || 0} to ${spec.maxItems} entries, got ${value.length}.`);
		value.forEach((item, i) => checkValue(`${name}[${i}]`, { ...spec.items, required: true }, item, all));
	}
	// A nested object (an SDK struct): its members are validated like a body, named `parent.member`.
	if (spec.type === 'object' && spec.fields) validate(value, spec.fields, { location: 'body', path: name });
	if (spec.check) {
		const message = spec.check(value, all);
		if (message) fail(spec, message.startsWith('Invalid parameter') ? message : `Invalid parameter \`${name}\`: ${message}`);
	}
}

/** Converts one query-string value to the spec's type; throws CBC.0100 when it cannot. */
function fromQuery(name, spec, text) {
	switch (spec.type) {
		case 'string':
			return text;
		case 'integer':
			if (!/^-?\d{1,15}$/.test(text)) fail(spec, `Invalid parameter \`${name}\`: must be an integer, got ${fmt(text)}.`);
			return Number(text);
		case 'number':
			if (!/^-?\d{1,15}(\.\d+)?$/.test(text)) fail(spec, `Invalid parameter \`${name}\`: must be a number, got ${fmt(text)}.`);
			return Number(text);
		case 'boolean':
			if (text !== 'true' && text !== 'false') fail(spec, `Invalid parameter \`${name}\`: must be true or false, got ${fmt(text)}.`);
			return text === 'true';
		default:
			throw new Error(`schema bug: query parameter ${name} of type ${spec.type}`);
	}
}

/**
 * Validates a request and returns the normalized fields (absent/null/empty optional fields left
 * out, defaults filled in).
 * @param {object|Map<string,string[]>} input parsed JSON body, or query values by name
 * @param {Record<string, object>} fields
 * @param {{ location: 'body'|'query', path?: string }} options path: the enclosing field of a nested object
 */
function validate(input, fields, { location, path }) {
	const names = location === 'query' ? [...input.keys()] : Object.keys(input);
	const label = (name) => (path ? `${path}.${name}` : name);
	for (const name of names) {
		if (!has(fields, name)) fail({}, `Invalid parameter \`${label(name)}\`: unknown ${location === 'query' ? 'query parameter' : 'field'}.`);
	}
	/** @type {Record<string, any>} */
	const raw = {};
	if (location === 'query') {
		for (const [name, values] of input) {
			if (values.length > 1) fail(fields[name], `Invalid parameter \`${name}\`: must be given once.`);
			raw[name] = values[0] === '' ? '' : fromQuery(name, fields[name], values[0]);
		}
	} else {
		Object.assign(raw, input);
	}
	const out = {};
	for (const [name, spec] of Object.entries(fields)) {
		const given = has(raw, name) && raw[name] !== null;
		if (given && raw[name] === '' && spec.noEmpty) fail(spec, `Invalid parameter \`${label(name)}\`: must not be empty; omit it to apply no filter.`);
		if (!given || (raw[name] === '' && !spec.required)) {
			if (spec.required) fail(spec, `Invalid parameter \`${label(name)}\`: is required.`);
			if (spec.default !== undefined) out[name] = spec.default;
			continue;
		}
		if (!hasType(raw[name], spec.type)) fail(spec, `Invalid parameter \`${label(name)}\`: must be ${TYPE_WORDS[spec.type]}, got ${jsonTypeOf(raw[name])}.`);
		if (spec.type === 'array') {
			raw[name].forEach((item, i) => {
				if (!hasType(item, spec.items.type)) fail(spec, `Invalid parameter \`${label(name)}[${i}]\`: must be ${TYPE_WORDS[spec.items.type]}, got ${jsonTypeOf(item)}.`);
			});
		}
		out[name] = raw[name];
	}
	for (const [name, spec] of Object.entries(fields)) {
		if (has(out, name) && !(spec.default !== undefined && !has(raw, name))) checkValue(label(name), spec, out[name], out);
	}
	return out;
}

/** Query parameters as `Map<name, values[]>`, decoded with RFC 3986 rules ('+' is a plus sign). */
function parseQuery(search) {
	const map = new Map();
	if (!search) return map;
	for (const part of search.split('&')) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		const name = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
		const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
		if (!map.has(name)) map.set(name, []);
		map.get(name).push(value);
	}
	return map;
}

module.exports = { validate, parseQuery, decimalsOf };
