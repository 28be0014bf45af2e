'use strict';
/**
 * Request-member checks, the way a .NET service behind a JSON serializer behaves:
 * - member names are case-sensitive (DataContractJsonSerializer), so `FirstName` is not `Firstname`;
 * - unknown members are ignored (they never reach the contract), so they are never an error;
 * - `null` is the same as absent (the contract's nullable member stays null);
 * - a known member with the wrong JSON type is a 400 naming the member;
 * - the first failure wins, in the schema's member order, so answers are predictable.
 * Every failure is an ArgumentFaultContract.
 *
 * Field spec: { type: 'int32' | 'string' | 'boolean', required?, check?(value, values) -> message | undefined }.
 */
const { argumentFault } = require('./errors');

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

const TYPE_CHECKS = {
	int32: (v) => typeof v === 'number' && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX,
	string: (v) => typeof v === 'string',
	boolean: (v) => typeof v === 'boolean',
};
const TYPE_MESSAGES = { int32: 'must be a 32-bit integer', string: 'must be a string', boolean: 'must be true or false' };

/**
 * The known members of `body` that are set, checked against `schema`.
 * @param {object} body the parsed JSON object
 * @param {Record<string, {type: string, required?: boolean, check?: Function}>} schema
 * @returns {object} member -> value, only for members present and not null
 */
function readFields(body, schema) {
	const values = {};
	for (const [name, spec] of Object.entries(schema)) {
		const value = Object.prototype.hasOwnProperty.call(body, name) ? body[name] : undefined;
		if (value === undefined || value === null) {
			if (spec.required) throw argumentFault(`${name} is required`);
			continue;
		}
		if (!TYPE_CHECKS[spec.type](value)) throw argumentFault(`${name} ${TYPE_MESSAGES[spec.type]}`);
		if (spec.check) {
			const message = spec.check(value, values);
			if (message) throw argumentFault(message);
		}
		values[name] = value;
	}
	return values;
}

/** Reusable member specs. */
const field = {
	id: (required = true) => ({ type: 'int32', required }),
	/** Free text of at most `max` characters (Notes, TimeZone...). */
	text: (name, max, required = false) => ({ type: 'string', required, check: (v) => (v.length > max ? `${name} must be at most ${max} characters` : undefined) }),
	/** Text that must have 1..max characters once trimmed. */
	name: (name, max, required = true) => ({
		type: 'string',
		required,
		check: (v) => (v.trim().length < 1 || v.length > max ? `${name} must be between 1 and ${max} characters` : undefined),
	}),
	/** E.164 as the brief puts it: digits only, optional leading +, 8-15 digits, no leading 0. */
	phone: (name, required = true) => ({ type: 'string', required, check: (v) => (/^\+?[1-9]\d{7,14}$/.test(v) ? undefined : `${name} must be in E.164 format`) }),
	email: (name, required = true) => ({
		type: 'string',
		required,
		check: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) && v.length <= 254 ? undefined : `${name} must be a valid e-mail address`),
	}),
	/** One of `values`, compared case-insensitively (like a .NET string-to-enum converter). */
	oneOf: (name, values) => ({
		type: 'string',
		check: (v) => (values.some((x) => x.toLowerCase() === v.toLowerCase()) ? undefined : `${name} must be ${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`),
	}),
	boolean: () => ({ type: 'boolean' }),
};

/** The canonical spelling of an enum value accepted case-insensitively by field.oneOf. */
const canonical = (values, v) => values.find((x) => x.toLowerCase() === String(v).toLowerCase());

module.exports = { readFields, field, canonical, INT32_MAX };
