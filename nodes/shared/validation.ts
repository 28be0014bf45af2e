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
		return `"${shown}"`;
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
	const match = /^(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?)?$/.exec(
		text,
	);
	if (!match) return undefined;
	const y = Number(match[1]);
	const m = Number(match[2]);
	const d = match[3] === undefined ? undefined : Number(match[3]);
	if (m < 1 || m > 12) return undefined;
	if (d !== undefined) {
		const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
		if (d < 1 || d > daysInMonth) return undefined;
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
	let offsetMinutes = 0;
	if (zone && zone !== 'Z') {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
	}
	const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec)) - offsetMinutes * 60000;
	if (!Number.isFinite(ms)) return undefined;
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parseJsonOrUndefined(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function splitList(raw: unknown): unknown[] {
	const flat: unknown[] = [];
	const visit = (value: unknown) => {
		if (Array.isArray(value)) value.forEach(visit);
		else if (typeof value === 'string') {
			const text = value.trim();
			const parsed = text.startsWith('[') ? parseJsonOrUndefined(text) : undefined;
			if (Array.isArray(parsed)) {
				visit(parsed);
				return;
			}
			text
				.split(/[\s,;]+/)
				.filter((part) => part !== '')
				.forEach((part) => flat.push(part));
		} else if (value !== undefined && value !== null) flat.push(value);
	};
	visit(raw);
	return flat;
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
			return value;
		}
		case 'boolean': {
			if (typeof raw === 'boolean') return raw;
			if (raw === 'true' || raw === 'false') return raw === 'true';
			throw new FieldValidationError(field, 'true or false', raw);
		}
		case 'options': {
			const allowed = (field.options ?? []).map((o) => o.value);
			const match = allowed.find((value) => value === raw || String(value) === String(raw).trim());
			if (match === undefined)
				throw new FieldValidationError(field, `one of ${allowed.map((v) => `"${v}"`).join(', ')}`, raw);
			return match;
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
			if (field.pattern && !field.pattern.test(text)) throw new FieldValidationError(field, field.patternHint ?? 'a valid ID', raw);
			return text;
		}
		case 'idList': {
			const expected = 'a list of account IDs made of digits, e.g. 200000000000, 200000000001';
			const entries = splitList(raw);
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
			const entries = splitList(raw).map((entry) => String(entry));
			if (field.required && entries.length === 0)
				throw new FieldValidationError(field, 'at least one entry', raw);
			if (field.maxItems !== undefined && entries.length > field.maxItems)
				throw new FieldValidationError(field, `at most ${field.maxItems} entries`, entries);
			if (field.pattern) {
				for (const entry of entries) {
					if (!field.pattern.test(entry))
						throw new FieldValidationError(field, field.patternHint ?? 'a valid entry', entry);
				}
			}
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
	}
}
