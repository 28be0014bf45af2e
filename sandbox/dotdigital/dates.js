'use strict';
/**
 * Date handling. The reference (1.5) says responses may carry ISO-8601 strings or the old .NET
 * `"\/Date(1516703911000+0000)\/"` form and clients must parse both, so the sandbox emits both
 * (which record uses which is documented in the README) and accepts ISO-8601 only in requests.
 * Everything is UTC and stored as epoch milliseconds.
 */

const DAY_MS = 86400000;
const LEGACY_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;

/** `/Date(ms+0000)/` (JSON.stringify keeps the slashes; respond.js escapes them like .NET does). */
const legacyDate = (ms) => `/Date(${ms}+0000)/`;

/** `2024-01-31T10:15:00Z`, with milliseconds only when there are some. */
function isoDate(ms) {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Epoch ms of a date string in either response form (used by the XML writer), or null. */
function parseAnyDate(text) {
	const m = LEGACY_DATE.exec(text);
	if (m) return Number(m[1]);
	return parseIsoDate(text);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Strict ISO-8601 (`2024-01-31`, `2024-01-31T10:15`, `...:30`, `...:30.123`, with `Z` or an offset;
 * no designator = UTC) -> epoch ms, or null for anything else, including impossible dates.
 */
function parseIsoDate(text) {
	const m = ISO.exec(text);
	if (!m) return null;
	const [y, mo, d, hh = 0, mi = 0, ss = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => (v === undefined ? undefined : Number(v)));
	const ms = Date.UTC(y, mo - 1, d, hh, mi, ss) + (m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0);
	const check = new Date(Date.UTC(y, mo - 1, d));
	if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || hh > 23 || mi > 59 || ss > 59) return null;
	let offsetMin = 0;
	if (m[8] && m[8] !== 'Z') {
		const sign = m[8][0] === '-' ? -1 : 1;
		const digits = m[8].slice(1).replace(':', '');
		const oh = Number(digits.slice(0, 2));
		const om = Number(digits.slice(2));
		if (oh > 14 || om > 59) return null;
		offsetMin = sign * (oh * 60 + om);
	}
	return ms - offsetMin * 60000;
}

/** Adds calendar months in UTC, clamping the day (31 Jan + 1 month = 28/29 Feb). */
function addMonths(ms, months) {
	const d = new Date(ms);
	const y = d.getUTCFullYear();
	const m = d.getUTCMonth() + months;
	const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
	return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** Start of the UTC day containing ms. */
const dayStart = (ms) => Math.floor(ms / DAY_MS) * DAY_MS;

module.exports = { DAY_MS, legacyDate, isoDate, parseIsoDate, parseAnyDate, addMonths, dayStart, LEGACY_DATE };
