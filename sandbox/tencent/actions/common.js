'use strict';
/**
 * Building blocks shared by the action definitions: who may call, common field specs, paging,
 * month checks and customer lookups with the per-action "not your customer" error code.
 */
const { TencentError } = require('../errors');
const { isMonth, monthOf, parseDate, parseDateTime } = require('../time');

/** Caller sets: partner keys, end-customer keys, or both. */
const PARTNER = Object.freeze(['partner']);
const CUSTOMER = Object.freeze(['customer']);
const ANY = Object.freeze(['partner', 'customer']);

/** Where the reference documents no maximum page size, the sandbox allows up to this many. */
const UNDOCUMENTED_MAX_PAGE_SIZE = 1000;
/** Page size used when an optional PageSize is omitted (not documented; see README). */
const DEFAULT_PAGE_SIZE = 20;

const fail = (code, message) => {
	throw new TencentError(code, message);
};

/** Field spec helpers. */
const spec = {
	page: (extra = {}) => ({ type: 'integer', min: 1, ...extra }),
	pageSize: (max, extra = {}) => ({ type: 'integer', min: 1, max, ...extra }),
	uin: (extra = {}) => ({ type: 'integer', min: 1, ...extra }),
	uuin: (extra = {}) => ({ type: 'uinteger', min: 1, ...extra }),
	uinList: (min, max, extra = {}) => ({ type: 'array', items: { type: 'integer', min: 1 }, minItems: min, maxItems: max, ...extra }),
	/** `YYYY-MM` month; bad format gets `code`. */
	month: (code = 'InvalidParameterValue', extra = {}) => ({
		type: 'string',
		code,
		check: (v) => (isMonth(v) ? undefined : `The month \`${v}\` is invalid; expected YYYY-MM.`),
		...extra,
	}),
	/** `YYYY-MM-DD hh:mm:ss`. */
	dateTime: (extra = {}) => ({
		type: 'string',
		check: (v) => (parseDateTime(v) === null ? `The time \`${v}\` is invalid; expected YYYY-MM-DD hh:mm:ss.` : undefined),
		...extra,
	}),
	/** `YYYY-MM-DD`. */
	date: (extra = {}) => ({
		type: 'string',
		check: (v) => (parseDate(v) === null ? `The date \`${v}\` is invalid; expected YYYY-MM-DD.` : undefined),
		...extra,
	}),
	enumOf: (values, extra = {}) => ({ type: 'string', enum: values, ...extra }),
};

/** ActionType codes accepted by the bill filters (reference 9.1). */
const ACTION_TYPE_CODES = [
	'prepay_purchase', 'prepay_renew', 'prepay_modify', 'prepay_return', 'postpay_deduct', 'postpay_deduct_h', 'postpay_deduct_d',
	'postpay_deduct_m', 'offline_deduct', 'online_deduct', 'recon_deduct', 'recon_increase', 'ripay_purchase', 'postpay_deduct_s',
	'ri_hour_pay', 'prePurchase', 'preRenew', 'preUpgrade', 'preDowngrade', 'svp_hour_pay', 'recon_guarantee', 'pre_purchase',
	'pre_renew', 'pre_upgrade', 'pre_downgrade',
];

/** One page of `list` (Page is 1-based); an empty array past the end. */
function paginate(list, page, pageSize) {
	const start = (page - 1) * pageSize;
	return list.slice(start, start + pageSize);
}

/** The live customer `uin` of the caller, or the given error. */
function customerOr(ctx, uin, code, message) {
	const customer = ctx.data.directory.get(uin);
	if (!customer) fail(code, message || `The UIN ${uin} is not your customer.`);
	return customer;
}

/** The calling end customer's own record (customer keys only). */
function ownCustomer(ctx) {
	const customer = ctx.data.directory.get(ctx.caller.uin);
	if (!customer) fail('UnauthorizedOperation.UinNoAuth', 'The calling account is not bound to a partner as a sub-customer.');
	return customer;
}

/** Rejects months after the current one (UTC+8) with `code`. */
function notFutureMonth(ctx, month, code = 'InvalidParameterValue.InvalidMonth') {
	if (month > monthOf(ctx.nowSec)) fail(code, `The month ${month} is in the future.`);
}

/** Distributor-only actions (second-level reseller management). */
function requireDistributor(ctx) {
	if (ctx.caller.partnerRole !== 'Distributor') fail('UnauthorizedOperation.UinNoAuth', 'Only a distributor may call this action.');
}

const round2 = (x) => Math.round(x * 100) / 100;

module.exports = {
	PARTNER, CUSTOMER, ANY, UNDOCUMENTED_MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, ACTION_TYPE_CODES,
	spec, fail, paginate, customerOr, ownCustomer, notFutureMonth, requireDistributor, round2,
};
