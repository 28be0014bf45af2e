'use strict';
/**
 * Calendar arithmetic both Tencent and Huawei need: the sandbox stores epoch seconds, and both
 * vendors name bill months `YYYY-MM` and print China Standard Time (UTC+8) somewhere. Each
 * vendor's time.js adds its own formats on top.
 */

const DAY_SEC = 86400;
const CST_OFFSET_SEC = 8 * 3600;
/** @param {number} n @param {number} [w] */
const pad = (n, w = 2) => String(n).padStart(w, '0');

/** True if text is a real `YYYY-MM` month (from 1970). @param {string} text */
function isMonth(text) {
	const m = /^(\d{4})-(\d{2})$/.exec(text);
	return Boolean(m) && +m[1] >= 1970 && +m[2] >= 1 && +m[2] <= 12;
}

/** Shifts a `YYYY-MM` month by `delta` months. @param {string} month @param {number} delta */
function addMonths(month, delta) {
	const [y, m] = month.split('-').map(Number);
	const index = y * 12 + (m - 1) + delta;
	return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Months from `a` to `b` (b - a), both `YYYY-MM`. @param {string} a @param {string} b */
function monthDiff(a, b) {
	const [ya, ma] = a.split('-').map(Number);
	const [yb, mb] = b.split('-').map(Number);
	return yb * 12 + mb - (ya * 12 + ma);
}

module.exports = { DAY_SEC, CST_OFFSET_SEC, pad, isMonth, addMonths, monthDiff };
