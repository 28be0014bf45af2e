'use strict';
/**
 * Request-field validation against each action's schema (reference section 7).
 *
 * The real service rejects undeclared fields, so the sandbox does too. Checks run in a fixed order
 * so answers are predictable: unknown fields (UnknownParameter), then missing required fields
 * (MissingParameter), then JSON types (InvalidParameter), then values (ranges, enums, formats:
 * InvalidParameterValue or the action-specific code named in the schema).
 *
 * Field spec: { type: 'string'|'integer'|'uinteger'|'float'|'boolean'|'array'|'object', required,
 *   items (array element spec), fields (object field specs), enum, min, max, minItems, maxItems,
 *   lengthCode, minLength, maxLength, pattern, patternText, allowEmpty, code, check(value, body) }.
 * `code` is the error code for value failures of that field (default InvalidParameterValue).
 */
const { TencentError } = require('./errors');

const TYPE_NAMES = { string: 'String', integer: 'Integer', uinteger: 'Integer (unsigned)', float: 'Float', boolean: 'Boolean', object: 'Object' };

function typeName(spec) {
	if (spec.type === 'array') return `Array of ${typeName(spec.items)}`;
	return TYPE_NAMES[spec.type];
}

/** JSON type of a received value, for messages. */
function jsonTypeOf(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'Array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Float';
	if (typeof value === 'string') return 'String';
	if (typeof value === 'boolean') return 'Boolean';
	return 'Object';
}

/** True if `value` has the JSON type the spec asks for (elements of arrays are checked too). */
function hasType(value, spec) {
	switch (spec.type) {
		case 'string':
			return typeof value === 'string';
		case 'integer':
			return typeof value === 'number' && Number.isInteger(value);
		case 'uinteger':
			return typeof value === 'number' && Number.isInteger(value) && value >= 0;
		case 'float':
			return typeof value === 'number' && Number.isFinite(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'array':
			return Array.isArray(value);
		case 'object':
			return value !== null && typeof value === 'object' && !Array.isArray(value);
		default:
			throw new Error(`schema bug: unknown type ${spec.type}`);
	}
}

const fmt = (v) => JSON.stringify(v);

function typeError(name, spec, value) {
	return new TencentError('InvalidParameter', `The parameter \`${name}\` must be of type ${typeName(spec)}, but got ${jsonTypeOf(value)}.`);
}

/** Checks type of one field (and of array elements); throws InvalidParameter. */
function checkType(name, spec, value) {
	if (!hasType(value, spec)) throw typeError(name, spec, value);
	if (spec.type === 'array') {
		value.forEach((item, i) => {
			if (!hasType(item, spec.items)) throw typeError(`${name}.${i}`, spec.items, item);
		});
	}
}

/** Checks the value of one field of the right type; throws the field's value error code. */
function checkValue(name, spec, value, body) {
	const code = spec.code || 'InvalidParameterValue';
	const fail = (message) => {
		throw new TencentError(code, message);
	};
	if (spec.type === 'integer' || spec.type === 'uinteger') {
		if (!Number.isSafeInteger(value)) fail(`The value of parameter \`${name}\` is out of range: ${value}.`);
	}
	if (spec.type === 'string') {
		if (value === '' && !spec.allowEmpty) fail(`The parameter \`${name}\` must not be empty.`);
		if (spec.minLength !== undefined && value.length < spec.minLength && !(value === '' && spec.allowEmpty)) {
			fail(`The parameter \`${name}\` must be at least ${spec.minLength} characters long.`);
		}
		if (spec.maxLength !== undefined && value.length > spec.maxLength) fail(`The parameter \`${name}\` must be at most ${spec.maxLength} characters long.`);
		if (spec.pattern && value !== '' && !spec.pattern.test(value)) {
			fail(`The value of parameter \`${name}\` is invalid: ${fmt(value)}; expected ${spec.patternText || spec.pattern}.`);
		}
	}
	if (spec.enum && !spec.enum.includes(value)) {
		fail(`The value of parameter \`${name}\` is invalid: ${fmt(value)}; valid values are ${spec.enum.map(fmt).join(', ')}.`);
	}
	if (spec.min !== undefined && value < spec.min) fail(rangeMessage(name, spec, value));
	if (spec.max !== undefined && value > spec.max) fail(rangeMessage(name, spec, value));
	if (spec.type === 'array') {
		const lengthCode = spec.lengthCode || code;
		const tooFew = spec.minItems !== undefined && value.length < spec.minItems;
		const tooMany = spec.maxItems !== undefined && value.length > spec.maxItems;
		if (tooFew || tooMany) {
			const bounds = spec.maxItems !== undefined ? `${spec.minItems || 0} to ${spec.maxItems}` : `at least ${spec.minItems}`;
			throw new TencentError(lengthCode, `The parameter \`${name}\` must contain ${bounds} entries, got ${value.length}.`);
		}
		value.forEach((item, i) => checkValue(`${name}.${i}`, spec.items, item, body));
	}
	if (spec.type === 'object') validateFields(value, spec.fields, name + '.');
	if (spec.check) {
		const message = spec.check(value, body);
		if (message) fail(message);
	}
}

function rangeMessage(name, spec, value) {
	if (spec.min !== undefined && spec.max !== undefined) return `The value of parameter \`${name}\` must be between ${spec.min} and ${spec.max}, got ${value}.`;
	if (spec.min !== undefined) return `The value of parameter \`${name}\` must be at least ${spec.min}, got ${value}.`;
	return `The value of parameter \`${name}\` must be at most ${spec.max}, got ${value}.`;
}

/**
 * Validates `body` against `fields` (an object of field specs). Throws TencentError.
 * @param {object} body parsed JSON object
 * @param {Record<string, object>} fields
 * @param {string} prefix name prefix for nested objects (e.g. `Filter.`)
 */
function validateFields(body, fields, prefix = '') {
	for (const name of Object.keys(body)) {
		if (!Object.prototype.hasOwnProperty.call(fields, name)) {
			throw new TencentError('UnknownParameter', `The parameter \`${prefix}${name}\` is not recognized.`);
		}
	}
	for (const [name, spec] of Object.entries(fields)) {
		if (spec.required && !Object.prototype.hasOwnProperty.call(body, name)) {
			throw new TencentError('MissingParameter', `The parameter \`${prefix}${name}\` is missing.`);
		}
	}
	for (const [name, spec] of Object.entries(fields)) {
		if (Object.prototype.hasOwnProperty.call(body, name)) checkType(prefix + name, spec, body[name]);
	}
	for (const [name, spec] of Object.entries(fields)) {
		if (Object.prototype.hasOwnProperty.call(body, name)) checkValue(prefix + name, spec, body[name], body);
	}
}

module.exports = { validateFields, typeName };
