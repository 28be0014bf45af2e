'use strict';
/**
 * Bills and account figures (reference 5.12, E3, E5-E9): the partner's monthly bills and
 * consumption quota, the caller's own coupons, and the customer-only balance, monthly summary and
 * expenditure quota APIs, plus the measurement units anyone may read.
 */
const { CODES, PARTNER, CUSTOMER, ANY, spec, ok, pageOf, round2 } = require('./common');
const { invalidParam } = require('../errors');
const { monthOf, parseUtc, CST_OFFSET_SEC } = require('../time');
const { MEASURE_UNITS } = require('../data/catalog');
const { CUSTOMER_DOMAIN } = require('../keys');

const ListPostpaidBillSum = {
	method: 'GET',
	path: '/v2/bills/partner-bills/postpaid-bill-summary',
	codes: CODES.BILLS,
	callers: PARTNER,
	params: { bill_cycle: spec.month({ required: true }) },
	/** Bills exist for the 12 months before the anchor's month; other past months answer zeros, future months CBC.0100. */
	handler(ctx) {
		const month = ctx.body.bill_cycle;
		if (month > monthOf(ctx.nowSec, CST_OFFSET_SEC)) throw invalidParam(`Invalid parameter \`bill_cycle\`: ${month} is in the future.`);
		return ok(ctx.data.bills.partnerBill(ctx.caller.partnerId, month));
	},
};

const ShowPartnerConsumptionQuota = {
	method: 'GET',
	path: '/v2/partners/credit/consumption-quota',
	codes: CODES.ACCOUNT_QUOTA,
	callers: PARTNER,
	params: {},
	handler: (ctx) => ok(ctx.data.accounts.consumptionQuota(ctx.caller.partnerId)),
};

const ListSubCustomerCoupons = {
	method: 'GET',
	path: '/v2/promotions/benefits/coupons',
	codes: CODES.NONE,
	callers: ANY,
	params: {
		coupon_id: spec.str(64),
		order_id: spec.str(64),
		promotion_plan_id: spec.str(64),
		coupon_type: { type: 'integer', enum: [1, 2, 3, 4] },
		status: { type: 'integer', enum: [1, 2, 3, 4, 5] },
		active_start_time: spec.utcTime({ maxLength: 20 }),
		active_end_time: spec.utcTime({ maxLength: 20 }),
		offset: spec.offset(),
		limit: spec.limit(100),
		source_id: spec.str(64),
	},
	/** The caller's own coupons, oldest first; the active time range filters on active_time. */
	handler(ctx) {
		const b = ctx.body;
		const isPartner = ctx.caller.role === 'partner';
		const owner = isPartner ? ctx.caller.partnerId : ctx.caller.customerId;
		const begin = b.active_start_time !== undefined ? parseUtc(b.active_start_time) : -Infinity;
		const end = b.active_end_time !== undefined ? parseUtc(b.active_end_time) : Infinity;
		const list = ctx.data.accounts.couponsOf(owner, { isPartner }).filter((c) => {
			const active = parseUtc(c.active_time);
			return (
				(b.coupon_id === undefined || c.coupon_id === b.coupon_id) &&
				(b.order_id === undefined || c.order_id === b.order_id) &&
				(b.promotion_plan_id === undefined || c.promotion_plan_id === b.promotion_plan_id) &&
				(b.coupon_type === undefined || c.coupon_type === b.coupon_type) &&
				(b.status === undefined || c.status === b.status) &&
				(b.source_id === undefined || c.source_id === b.source_id) &&
				active >= begin &&
				active <= end
			);
		});
		return ok({ count: list.length, user_coupons: pageOf(list, b.offset, b.limit).map(({ createSec, ...c }) => c) });
	},
};

const ShowCustomerAccountBalances = {
	method: 'GET',
	path: '/v2/accounts/customer-accounts/balances',
	codes: CODES.NONE,
	callers: CUSTOMER,
	params: {},
	handler: (ctx) => ok(ctx.data.accounts.balances(ctx.caller.customerId)),
};

const TOTALS = ['consume_amount', 'debt_amount', 'coupon_amount', 'flexipurchase_coupon_amount', 'stored_value_card_amount', 'cash_amount', 'credit_amount', 'writeoff_amount'];

const ShowCustomerMonthlySum = {
	method: 'GET',
	path: '/v2/bills/customer-bills/monthly-sum',
	codes: CODES.NONE,
	callers: CUSTOMER,
	params: {
		bill_cycle: spec.month({ required: true }),
		service_type_code: spec.str(64),
		enterprise_project_id: spec.str(64),
		offset: spec.offset(),
		limit: spec.limit(100),
		method: spec.enumOf(['oneself', 'sub_customer', 'all'], { default: 'all' }),
		sub_customer_id: spec.str(64),
	},
	/** Totals are the exact sums over the filtered rows (all pages). The sandbox customer has no enterprise sub-accounts. */
	handler(ctx) {
		const b = ctx.body;
		if (b.method === 'sub_customer' && b.sub_customer_id === undefined) throw invalidParam('Invalid parameter `sub_customer_id`: is required when method is sub_customer.');
		const account = ctx.data.store.get(ctx.caller.customerId) || { customer_id: CUSTOMER_DOMAIN.id, account_name: CUSTOMER_DOMAIN.name };
		const rows = b.method === 'sub_customer'
			? []
			: ctx.data.bills.customerMonthRows(account, b.bill_cycle).filter(
					(r) => (b.service_type_code === undefined || r.service_type_code === b.service_type_code) && (b.enterprise_project_id === undefined || r.enterpriseProjectId === b.enterprise_project_id),
				);
		const totals = Object.fromEntries(TOTALS.map((name) => [name, round2(rows.reduce((s, r) => s + r[name], 0))]));
		return ok({
			total_count: rows.length,
			bill_sums: pageOf(rows, b.offset, b.limit).map(({ enterpriseProjectId, ...r }) => r),
			...totals,
			measure_id: 1,
			currency: 'USD',
		});
	},
};

const ShowCustomerExpenditureQuota = {
	method: 'GET',
	path: '/v2/accounts/customer-accounts/expenditure-quota',
	codes: CODES.NONE,
	callers: CUSTOMER,
	params: {},
	handler: (ctx) => ok(ctx.data.accounts.expenditureQuota(ctx.caller.customerId)),
};

const ListMeasureUnits = {
	method: 'GET',
	path: '/v2/bases/measurements',
	codes: CODES.NONE,
	callers: ANY,
	language: true,
	params: {},
	handler: (ctx) =>
		ok({
			measure_units: MEASURE_UNITS.map(([measure_id, en, zh, abbreviation, measure_type]) => ({ measure_id, measure_name: ctx.language === 'en_US' ? en : zh, abbreviation, measure_type })),
		}),
};

module.exports = { ListPostpaidBillSum, ShowPartnerConsumptionQuota, ListSubCustomerCoupons, ShowCustomerAccountBalances, ShowCustomerMonthlySum, ShowCustomerExpenditureQuota, ListMeasureUnits };
