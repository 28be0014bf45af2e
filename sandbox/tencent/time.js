'use strict';
/**
 * Time helpers. Tencent prints times as `YYYY-MM-DD HH:mm:ss` without an offset; the reference
 * (10.3) says to assume UTC+08:00, so the sandbox stores epoch seconds and formats in UTC+8.
 * Only the signature's credential date is UTC, and that is handled by the SDK's signer.
 */

const { DAY_SEC, CST_OFFSET_SEC, pad, isMonth, addMonths, monthDiff } = require('../calendar');

/** Calendar parts of an epoch second in UTC+8. */
function cstParts(sec) {
	const d = new Date((sec + CST_OFFSET_SEC) * 1000);
	return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), hh: d.getUTCHours(), mm: d.getUTCMinutes(), ss: d.getUTCSeconds() };
}

/** `YYYY-MM-DD HH:mm:ss` in UTC+8. */
function formatDateTime(sec) {
	const p = cstParts(sec);
	return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.hh)}:${pad(p.mm)}:${pad(p.ss)}`;
}

/** `YYYY-MM-DD` in UTC+8. */
function formatDate(sec) {
	return formatDateTime(sec).slice(0, 10);
}

/** `YYYY-MM` in UTC+8. */
function monthOf(sec) {
	return formatDateTime(sec).slice(0, 7);
}

/** Epoch seconds of a UTC+8 wall-clock time; null if the parts are not a real calendar time. */
function cstToSec(y, m, d, hh = 0, mm = 0, ss = 0) {
	const ms = Date.UTC(y, m - 1, d, hh, mm, ss);
	const check = new Date(ms);
	if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d || hh > 23 || mm > 59 || ss > 59) return null;
	return ms / 1000 - CST_OFFSET_SEC;
}

/** Strict `YYYY-MM-DD HH:mm:ss` (UTC+8) -> epoch seconds, or null. */
function parseDateTime(text) {
	const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
	return m ? cstToSec(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6]) : null;
}

/** Strict `YYYY-MM-DD` (UTC+8 midnight) -> epoch seconds, or null. */
function parseDate(text) {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	return m ? cstToSec(+m[1], +m[2], +m[3]) : null;
}

/** First second of a `YYYY-MM` month in UTC+8. */
function monthStartSec(month) {
	const [y, m] = month.split('-').map(Number);
	return cstToSec(y, m, 1);
}

/** Number of days in a `YYYY-MM` month. */
function daysInMonth(month) {
	const [y, m] = month.split('-').map(Number);
	return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

module.exports = {
	CST_OFFSET_SEC,
	DAY_SEC,
	formatDateTime,
	formatDate,
	monthOf,
	parseDateTime,
	parseDate,
	isMonth,
	addMonths,
	monthDiff,
	monthStartSec,
	daysInMonth,
	cstToSec,
};
