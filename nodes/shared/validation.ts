import type { IDataObject } from 'n8n-workflow';

import { NESTED_VALUES, paramNameOf } from './fields';
import type { FieldSpec } from './types';

/** A field value that cannot be sent; the executor turns it into a NodeOperationError. */
export class FieldValidationError extends Error {
	constructor(
		readonly field: FieldSpec,
		readonly expected: string,
		readonly got: unknown,
	) {
		super(`"${field.displayName}" must be ${expected}; got ${describeValue(got)}`);
		this.name = 'FieldValidationError';
	}
}

export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') {
		if (value.trim() === '') return 'an empty value';
		const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
		// Control characters are shown escaped so a NUL byte or a line break is visible in the message.
		return JSON.stringify(shown);
	}
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (typeof value === 'object') return 'an object';
	return String(value);
}

/** True when the user left an optional field without a value. */
export function isBlank(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.every(isBlank);
	return false;
}

/** True when the text holds a C0 control character other than tab and line breaks, or DEL: never part of a real value. */
function hasControlCharacter(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
	}
	return false;
}

const WHOLE_NUMBER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function toInteger(field: FieldSpec, raw: unknown, expected: string): number {
	let value: number;
	if (typeof raw === 'number') value = raw;
	else if (typeof raw === 'string' && WHOLE_NUMBER.test(raw.trim())) value = Number(raw.trim());
	else throw new FieldValidationError(field, expected, raw);
	if (!Number.isSafeInteger(value)) throw new FieldValidationError(field, expected, raw);
	return value;
}

function checkRange(field: FieldSpec, value: number, raw: unknown, expected: string) {
	if (field.min !== undefined && value < field.min) throw new FieldValidationError(field, expected, raw);
	if (field.max !== undefined && value > field.max) throw new FieldValidationError(field, expected, raw);
}

function rangeWords(field: FieldSpec): string {
	if (field.min !== undefined && field.max !== undefined) return ` from ${field.min} to ${field.max}`;
	if (field.min !== undefined) return ` of at least ${field.min}`;
	if (field.max !== undefined) return ` of at most ${field.max}`;
	return '';
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Digits after the decimal point of a number as written (`19.99` -> 2, `1e-7` -> 7), read from its
 * text, never from binary floating point (where 19.99 * 100 is 1998.9999999999998).
 */
export function decimalPlaces(value: number | string): number {
	const text = typeof value === 'number' ? String(value) : value.trim();
	const match = /^[+-]?\d*(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
	if (!match) return Infinity;
	const fraction = (match[1] ?? '').replace(/0+$/, '').length;
	return Math.max(0, fraction - Number(match[2] ?? 0));
}

/** Years the vendors' dates can hold; `0025` is a typo, not the year 25 (nor 1925). */
const FIRST_YEAR = 1970;
const LAST_YEAR = 9999;

function validClock(hour: number, minute: number, second: number): boolean {
	return hour <= 23 && minute <= 59 && second <= 59;
}

/** Offset of `+hh:mm`, `-hhmm` or `Z` in minutes; undefined when impossible (`+99:99`). */
function offsetMinutes(zone: string | undefined): number | undefined {
	if (!zone || zone === 'Z') return 0;
	const digits = zone.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = Number(digits.slice(2));
	if (hours > 14 || minutes > 59) return undefined;
	return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Reads a date the user picked or typed. n8n's date picker gives an ISO string; people also type
 * `2025-01`, `2025-01-31` or `2025-01-31 08:00:00`. The calendar fields are taken as written, never
 * shifted through the machine's time zone, because the vendor reads them in its own zone.
 */
function calendarParts(raw: unknown): { y: number; m: number; d?: number; time?: string } | undefined {
	if (raw instanceof Date) raw = raw.toISOString();
	if (typeof raw === 'object' && raw !== null && typeof (raw as { toISO?: unknown }).toISO === 'function') {
		raw = (raw as { toISO: () => string }).toISO();
	}
	if (typeof raw !== 'string') return undefined;
	const text = raw.trim();
	const match = /^(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?)?$/.exec(
		text,
	);
	if (!match) return undefined;
	const y = Number(match[1]);
	const m = Number(match[2]);
	const d = match[3] === undefined ? undefined : Number(match[3]);
	if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12) return undefined;
	if (d !== undefined) {
		const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
		if (d < 1 || d > daysInMonth) return undefined;
	}
	if (match[4] !== undefined) {
		// An impossible time (25:61) or offset (+99:99) is a mistake to report, never to roll over.
		if (!validClock(Number(match[4]), Number(match[5]), Number(match[6] ?? 0))) return undefined;
		if (offsetMinutes(match[7]) === undefined) return undefined;
	}
	const time =
		match[4] === undefined ? undefined : `${pad(Number(match[4]))}:${match[5]}:${match[6] ?? '00'}`;
	return { y, m, d, time };
}

/**
 * A UTC instant `YYYY-MM-DDTHH:mm:ssZ` (no milliseconds), as Huawei requires. A time with an
 * offset is converted; a time without one is taken as UTC.
 */
function utcInstant(raw: unknown): string | undefined {
	if (raw instanceof Date) raw = raw.toISOString();
	if (typeof raw === 'object' && raw !== null && typeof (raw as { toISO?: unknown }).toISO === 'function') {
		raw = (raw as { toISO: () => string }).toISO();
	}
	if (typeof raw !== 'string') return undefined;
	const text = raw.trim();
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
	if (!match || !calendarParts(text.slice(0, 10))) return undefined;
	const [, y, mo, d, h = '00', mi = '00', sec = '00', zone] = match;
	const offset = offsetMinutes(zone);
	if (offset === undefined || !validClock(Number(h), Number(mi), Number(sec))) return undefined;
	const instant = new Date(0);
	// setUTCFullYear, because Date.UTC reads the years 0-99 as 1900-1999.
	instant.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
	instant.setUTCHours(Number(h), Number(mi) - offset, Number(sec), 0);
	if (!Number.isFinite(instant.getTime())) return undefined;
	return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parseJsonOrUndefined(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/**
 * The values of a list field: one per list entry (or per element of a list an expression
 * returned), and, only where `split` says the values cannot contain them, split at commas,
 * semicolons and spaces. Empty entries are dropped; null and objects are kept so they are reported.
 */
function listEntries(raw: unknown, split: boolean): unknown[] {
	const flat: unknown[] = [];
	const visit = (value: unknown, nested: boolean) => {
		if (Array.isArray(value)) value.forEach((entry) => visit(entry, true));
		else if (typeof value === 'string') {
			const text = value.trim();
			const parsed = text.startsWith('[') ? parseJsonOrUndefined(text) : undefined;
			if (Array.isArray(parsed)) {
				visit(parsed, true);
				return;
			}
			const parts = split ? text.split(/[\s,;]+/) : [text];
			parts.filter((part) => part !== '').forEach((part) => flat.push(part));
		} else if (value !== undefined && (value !== null || nested)) flat.push(value);
	};
	visit(raw, false);
	return flat;
}

function checkNoControlCharacters(field: FieldSpec, value: string, shown: unknown) {
	if (hasControlCharacter(value)) throw new FieldValidationError(field, 'text without control characters', shown);
}

/** One checked value of a string list; numbers become text, anything else that is not text is refused. */
/** One of a field's listed values, matched as written or as text. */
function optionOf(field: FieldSpec, raw: unknown): string | number | boolean {
	const allowed = (field.options ?? []).map((o) => o.value);
	const match = allowed.find((value) => value === raw || String(value) === String(raw).trim());
	if (match === undefined) throw new FieldValidationError(field, `one of ${allowed.map((v) => `"${v}"`).join(', ')}`, raw);
	return match;
}

function stringListEntry(field: FieldSpec, entry: unknown): string {
	const expected = field.patternHint ?? 'a list of text values';
	if (typeof entry === 'number' && Number.isFinite(entry)) entry = String(entry);
	if (typeof entry !== 'string') throw new FieldValidationError(field, expected, entry);
	const text = entry.trim();
	checkNoControlCharacters(field, text, entry);
	const maxLength = field.maxLength ?? 1024;
	if (text.length > maxLength) throw new FieldValidationError(field, `entries of at most ${maxLength} characters`, entry);
	const value = field.normalizeEntry ? field.normalizeEntry(text) : text;
	if (value === undefined || (field.pattern && !field.pattern.test(value))) throw new FieldValidationError(field, expected, entry);
	return value;
}

/**
 * Turns what the user entered for one field into the value the vendor expects, or throws a
 * FieldValidationError that says what form was expected.
 */
export function coerceField(field: FieldSpec, raw: unknown): unknown {
	switch (field.kind) {
		case 'string':
		case 'text':
		case 'password':
		case 'email': {
			if (typeof raw === 'number' || typeof raw === 'boolean') raw = String(raw);
			if (typeof raw !== 'string') throw new FieldValidationError(field, 'text', raw);
			// Passwords are sent exactly as typed; other text loses stray outer spaces.
			const value = field.kind === 'password' ? raw : raw.trim();
			checkNoControlCharacters(field, value, field.kind === 'password' ? '(hidden)' : raw);
			const lengthWords =
				field.minLength !== undefined && field.maxLength !== undefined
					? `${field.minLength} to ${field.maxLength} characters`
					: field.maxLength !== undefined
						? `at most ${field.maxLength} characters`
						: `at least ${field.minLength} characters`;
			if (field.minLength !== undefined && value.length < field.minLength)
				throw new FieldValidationError(field, lengthWords, field.kind === 'password' ? '(hidden)' : raw);
			if (field.maxLength !== undefined && value.length > field.maxLength)
				throw new FieldValidationError(field, lengthWords, field.kind === 'password' ? '(hidden)' : raw);
			if (field.kind === 'email' && !EMAIL.test(value))
				throw new FieldValidationError(field, 'an e-mail address such as name@example.com', raw);
			if (field.pattern && !field.pattern.test(value))
				throw new FieldValidationError(
					field,
					field.patternHint ?? `text matching ${field.pattern.source}`,
					field.kind === 'password' ? '(hidden)' : raw,
				);
			// A path segment of `.` or `..` would make the URL point somewhere else.
			if (field.in === 'path' && /^\.{1,2}$/.test(value)) throw new FieldValidationError(field, 'an ID, not a path', raw);
			return value;
		}
		case 'integer': {
			const expected = `a whole number${rangeWords(field)}`;
			const value = toInteger(field, raw, expected);
			checkRange(field, value, raw, expected);
			return field.sendAs === 'string' ? String(value) : value;
		}
		case 'number': {
			const expected = `a number${rangeWords(field)}`;
			let value: number;
			if (typeof raw === 'number') value = raw;
			else if (typeof raw === 'string' && DECIMAL.test(raw.trim())) value = Number(raw.trim());
			else throw new FieldValidationError(field, expected, raw);
			if (!Number.isFinite(value)) throw new FieldValidationError(field, expected, raw);
			checkRange(field, value, raw, expected);
			if (field.decimals !== undefined && decimalPlaces(typeof raw === 'string' ? raw : value) > field.decimals)
				throw new FieldValidationError(field, `a number with at most ${field.decimals} decimals`, raw);
			return value;
		}
		case 'boolean': {
			if (typeof raw === 'boolean') return raw;
			if (raw === 'true' || raw === 'false') return raw === 'true';
			throw new FieldValidationError(field, 'true or false', raw);
		}
		case 'options':
			return optionOf(field, raw);
		case 'multiOptions': {
			const values = listEntries(raw, true).map((entry) => optionOf(field, entry));
			return [...new Set(values)];
		}
		case 'accountId': {
			const expected = `an account ID made of digits${field.max !== undefined ? ` (at most ${field.max})` : ', e.g. 200000000000'}`;
			const value = toInteger(field, typeof raw === 'string' ? raw.trim() : raw, expected);
			if (value <= 0) throw new FieldValidationError(field, expected, raw);
			checkRange(field, value, raw, expected);
			return field.sendAs === 'string' ? String(value) : value;
		}
		case 'reference': {
			const value = typeof raw === 'number' ? String(raw) : raw;
			if (typeof value !== 'string' || value.trim() === '') throw new FieldValidationError(field, field.patternHint ?? 'an ID', raw);
			const text = value.trim();
			checkNoControlCharacters(field, text, raw);
			if (field.pattern && !field.pattern.test(text)) throw new FieldValidationError(field, field.patternHint ?? 'a valid ID', raw);
			return text;
		}
		case 'idList': {
			const expected = 'a list of account IDs made of digits, e.g. 200000000000, 200000000001';
			// Account ids are digits, so commas and spaces can only separate them.
			const entries = listEntries(raw, true);
			if (field.required && entries.length === 0) throw new FieldValidationError(field, expected, raw);
			const values = entries.map((entry) => {
				const value = toInteger(field, typeof entry === 'string' ? entry.trim() : entry, expected);
				if (value <= 0) throw new FieldValidationError(field, expected, entry);
				return field.sendAs === 'string' ? String(value) : value;
			});
			if (field.maxItems !== undefined && values.length > field.maxItems)
				throw new FieldValidationError(field, `at most ${field.maxItems} entries`, values);
			return values;
		}
		case 'stringList': {
			const entries = listEntries(raw, field.splitEntries === true).map((entry) => stringListEntry(field, entry));
			if (field.required && entries.length === 0)
				throw new FieldValidationError(field, 'at least one entry', raw);
			if (field.maxItems !== undefined && entries.length > field.maxItems)
				throw new FieldValidationError(field, `at most ${field.maxItems} entries`, entries);
			return entries;
		}
		case 'month': {
			const parts = calendarParts(raw);
			if (!parts) throw new FieldValidationError(field, 'a month such as 2025-01 (or a picked date)', raw);
			return `${parts.y}-${pad(parts.m)}`;
		}
		case 'date': {
			const parts = calendarParts(raw);
			if (!parts || parts.d === undefined)
				throw new FieldValidationError(field, 'a date such as 2025-06-30 (or a picked date)', raw);
			return `${parts.y}-${pad(parts.m)}-${pad(parts.d)}`;
		}
		case 'dateTime': {
			const parts = calendarParts(raw);
			if (!parts || parts.d === undefined)
				throw new FieldValidationError(field, 'a date and time such as 2025-06-30 00:00:00', raw);
			return `${parts.y}-${pad(parts.m)}-${pad(parts.d)} ${parts.time ?? '00:00:00'}`;
		}
		case 'utcDateTime': {
			const instant = utcInstant(raw);
			if (!instant) throw new FieldValidationError(field, 'a date and time such as 2025-01-31T08:00:00Z', raw);
			return instant;
		}
		case 'json': {
			const value = typeof raw === 'string' ? parseJsonOrUndefined(raw) : raw;
			if (typeof value !== 'object' || value === null || Array.isArray(value))
				throw new FieldValidationError(field, 'a JSON object', raw);
			return value;
		}
		case 'object':
		case 'objectList':
			return nestedValue(field, raw);
	}
}

/** The entries of a nested object or list as n8n's fixedCollection holds them: `{ values: {...} }` or `{ values: [...] }`. */
function nestedEntries(field: FieldSpec, raw: unknown): unknown[] {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new FieldValidationError(field, field.kind === 'objectList' ? 'a list of entries' : 'an object', raw);
	const inner = (raw as Record<string, unknown>)[NESTED_VALUES];
	return inner === undefined || inner === null ? [] : Array.isArray(inner) ? inner : [inner];
}

/** One entry of a nested object, each member checked as its own field (the message names the entry). */
function nestedEntry(field: FieldSpec, entry: unknown, where: string): IDataObject {
	if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new FieldValidationError(field, `${where} as an object`, entry);
	const given = entry as Record<string, unknown>;
	const value: IDataObject = {};
	for (const member of field.members ?? []) {
		const raw = given[paramNameOf(member)];
		if (isBlank(raw)) {
			if (member.required) throw new FieldValidationError(field, `${where} with "${member.displayName}"`, entry);
			continue;
		}
		const coerced = coerceField({ ...member, displayName: `${field.displayName} (${where}): ${member.displayName}` }, raw);
		if (coerced !== undefined) value[member.name] = coerced as IDataObject[keyof IDataObject];
	}
	return value;
}

/** A nested object or list of them as the vendor takes it; undefined when an optional one is left empty. */
function nestedValue(field: FieldSpec, raw: unknown): IDataObject | IDataObject[] | undefined {
	const entries = nestedEntries(field, raw);
	if (entries.length === 0) {
		if (field.required) throw new FieldValidationError(field, field.kind === 'objectList' ? 'at least one entry' : 'filled in', raw);
		return undefined;
	}
	if (field.kind === 'object') {
		if (entries.length > 1) throw new FieldValidationError(field, 'one object', raw);
		return nestedEntry(field, entries[0], 'an object');
	}
	if (field.maxItems !== undefined && entries.length > field.maxItems) throw new FieldValidationError(field, `at most ${field.maxItems} entries`, raw);
	return entries.map((entry, index) => nestedEntry(field, entry, `entry ${index + 1}`));
}

/**
 * Whether a path segment could step out of its place once a server decodes it, however it is
 * escaped or cased: `.`, `..`, `%2e%2e`, `.%2E`, `%252e%252e`, or a dot segment behind an
 * escaped slash or backslash (`..%2F`). URL parsers resolve these before the gateway routes the
 * call, so such a path reaches another API of the site.
 */
export function isDotSegment(segment: string): boolean {
	let decoded = segment;
	for (let round = 0; round < 4; round++) {
		let next: string;
		try {
			next = decodeURIComponent(decoded);
		} catch {
			break;
		}
		if (next === decoded) break;
		decoded = next;
	}
	return decoded.split(/[/\\]/).some((part) => part === '.' || part === '..');
}
