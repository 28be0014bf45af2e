'use strict';
/**
 * Time formats of the Huawei APIs (reference 3 and 6.4): request and response times are UTC
 * `YYYY-MM-DDThh:mm:ssZ` (exactly 20 characters, no milliseconds), `X-Sdk-Date` is
 * `YYYYMMDDTHHMMSSZ`, IAM's `expires_at` has six fractional digits, bill cycles are `YYYY-MM`
 * (the customer monthly summary's in UTC+8). The sandbox stores epoch seconds.
 */

const { DAY_SEC, CST_OFFSET_SEC, pad, isMonth, addMonths, monthDiff } = require('../calendar');

/** Epoch seconds of a UTC calendar time; null if the parts are not a real time. */
function utcToSec(y, m, d, hh = 0, mm = 0, ss = 0) {
	const ms = Date.UTC(y, m - 1, d, hh, mm, ss);
	const t = new Date(ms);
	if (y < 1970 || t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || hh > 23 || mm > 59 || ss > 59) return null;
	return ms / 1000;
}

/** `YYYY-MM-DDThh:mm:ssZ`. */
function formatUtc(sec) {
	return new Date(sec * 1000).toISOString().slice(0, 19) + 'Z';
}

/** Strict `YYYY-MM-DDThh:mm:ssZ` -> epoch seconds, or null. */
function parseUtc(text) {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(text);
	return m ? utcToSec(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6]) : null;
}

/** Strict `YYYYMMDDTHHMMSSZ` (X-Sdk-Date) -> epoch seconds, or null. */
function parseSdkDate(text) {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
	return m ? utcToSec(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6]) : null;
}

/** `YYYYMMDDTHHMMSSZ` of epoch milliseconds (what the SDK signer puts in X-Sdk-Date). */
function formatSdkDate(ms) {
	return new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
}

/** IAM's `expires_at` / `issued_at`: milliseconds padded to six digits, like `...08:30:00.123000Z`. */
function formatIamTime(ms) {
	return new Date(ms).toISOString().replace('Z', '000Z');
}

/** `YYYY-MM` of an epoch second, in UTC (offsetSec 0) or UTC+8 (CST_OFFSET_SEC). */
function monthOf(sec, offsetSec = 0) {
	return new Date((sec + offsetSec) * 1000).toISOString().slice(0, 7);
}

module.exports = { DAY_SEC, CST_OFFSET_SEC, formatUtc, parseUtc, parseSdkDate, formatSdkDate, formatIamTime, isMonth, monthOf, addMonths, monthDiff, utcToSec };
