'use strict';
/**
 * The customer APIs a customer calls with its own AK/SK (customer callers only, no Action codes):
 * paying, cancelling and discounting its pending orders; renewing, auto-renewing, unsubscribing
 * and converting its yearly/monthly resources; its fee records, usage details, resource packages,
 * costs (/v4/costs), invoices (/v1.0/{domain_id}/...) and enterprise sub-accounts.
 *
 * Business refusals use the codes below. The reference we hold prints no error table for these
 * APIs, so they are the sandbox's own in Huawei's CBC.3xxxxxxx order-service range [UNCONFIRMED];
 * the node's messages do not depend on them, only on the HTTP status and Huawei's own text.
 */
const { CODES, CUSTOMER, spec, ok, noContent, pageOf, round2 } = require('./common');
const { cbc, invalidParam, accessDenied } = require('../errors');
const { parseUtc, DAY_SEC } = require('../time');
const { customerSelfOf } = require('../data/customerSelf');
const { orderIdOf } = require('../data/orders');
const { createRng } = require('../../prng');

const ORDER_NOT_FOUND = 'CBC.30000010';
const ORDER_NOT_PENDING = 'CBC.30000067';
const RESOURCE_NOT_FOUND = 'CBC.30050001';
const RESOURCE_REFUSED = 'CBC.30050004';

const selfOf = (ctx) => customerSelfOf(ctx.data, ctx.caller.customerId);

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const day = (extra = {}) => ({ type: 'string', check: (v) => (DAY.test(v) ? undefined : `must be a day YYYY-MM-DD, got ${JSON.stringify(v)}.`), ...extra });
const ids = (max) => ({ type: 'array', required: true, minItems: 1, maxItems: max, items: spec.str(64) });
const customerOnly = (entry) => ({ codes: CODES.NONE, callers: CUSTOMER, ...entry });

/** An order of the caller, or the refusal Huawei gives for someone else's or an unknown one. */
function ownOrder(ctx, orderId) {
	const order = ctx.data.orders.get(orderId);
	if (!order || order.customer_id !== ctx.caller.customerId) throw cbc(400, ORDER_NOT_FOUND, `The order ${orderId} does not exist.`);
	return order;
}

function pendingOrder(ctx, orderId) {
	const order = ownOrder(ctx, orderId);
	if (order.status !== 6) throw cbc(400, ORDER_NOT_PENDING, `The order ${orderId} is not pending payment (status ${order.status}).`);
	return order;
}

/** The discounts a pending order may use: the partner's granted discount, and a promotion on about half of them. */
function discountsOf(order) {
	const rng = createRng('hw-order-discounts', order.order_id);
	const list = [{ id: `DIS${rng.digits(10)}`, type: 3, ratio: rng.pick([0.9, 0.85, 0.8]) }];
	if (rng.chance(0.5)) list.push({ id: `PRO${rng.digits(10)}`, type: 0, ratio: 0.95 });
	return list.map((d) => ({
		discount_id: d.id,
		discount_value: String(d.ratio),
		discount_type: d.type,
		orders: [{ order_id: order.order_id, order_line_items: [{ order_line_item_ids: [`${order.order_id}-0001`], discount_mode: 0, discount_amount: round2(order.amount_after_discount * (1 - d.ratio)), discount_ratio: d.ratio }] }],
	}));
}

/** A new order of the caller (a renewal or an unsubscription), recorded with the others. */
function newOrder(ctx, { resource, orderType, status, amount }) {
	const rng = createRng(ctx.data.seed, 'hw-self-order', resource.resource_id, ctx.nowMs);
	const customer = ctx.data.store.get(ctx.caller.customerId);
	const order = {
		order_id: orderIdOf(rng, ctx.nowSec),
		customer_id: ctx.caller.customerId,
		serviceIndex: resource.serviceIndex,
		source_type: 1,
		status,
		order_type: orderType,
		measure_id: 1,
		createSec: ctx.nowSec,
		paymentSec: status === 5 ? ctx.nowSec : null,
		currency: 'USD',
		contract_id: null,
		ownerId: customer ? customer.ownerId : ctx.data.partner.id,
		userName: customer ? customer.account_name : 'sandbox-customer',
		agent_pay_info: { paying_agent_id: '', is_agent_pay: false },
		subOrders: null,
		official_amount: amount,
		amount_after_discount: amount,
		amount_info: { discounts: [], flexipurchase_coupon_amount: 0, coupon_amount: 0, stored_card_amount: 0 },
	};
	ctx.data.orders.add([order]);
	return order;
}

/** A main resource of the caller still subscribed, or the reason it cannot be changed. */
function changeable(self, resourceId) {
	const r = self.resources.find((x) => x.resource_id === resourceId);
	if (!r) return { error_code: RESOURCE_NOT_FOUND, error_msg: `The resource ${resourceId} does not exist.` };
	if (!r.is_main_resource) return { error_code: RESOURCE_REFUSED, error_msg: `The resource ${resourceId} is not a main resource; change its main resource ${r.main_resource_id}.` };
	if (r.unsubscribed) return { error_code: RESOURCE_REFUSED, error_msg: `The resource ${resourceId} has been unsubscribed.` };
	return { resource: r };
}

/** A resource and the ones attached to it (a server's disks). */
const withAttached = (self, r) => self.resources.filter((x) => x === r || x.main_resource_id === r.resource_id);

const extend = (self, r, periodType, periods) => {
	for (const x of withAttached(self, r)) x.expireSec += (periodType === 3 ? 365 * periods : 30 * periods) * DAY_SEC;
};

/**
 * Renewals and unsubscriptions: one order per resource that may be changed (`act` makes it), the
 * others listed in fail_resource_infos with the reason; HTTP 200 either way.
 * @param {object} ctx
 * @param {string[]} resourceIds
 * @param {(self: object, r: object) => { order_id: string }} act
 * @param {(r: object) => ({ error_code: string, error_msg: string } | undefined)} [refusalOf]
 */
function orderPerResource(ctx, resourceIds, act, refusalOf = () => undefined) {
	const self = selfOf(ctx);
	const order_ids = [];
	const fail_resource_infos = [];
	for (const id of resourceIds) {
		const found = changeable(self, id);
		const refusal = found.error_code ? found : refusalOf(found.resource);
		if (refusal) fail_resource_infos.push({ error_code: refusal.error_code, error_msg: refusal.error_msg, resource_id: id });
		else order_ids.push(act(self, found.resource).order_id);
	}
	return ok({ order_ids, fail_resource_infos });
}

function changeableOrThrow(ctx, resourceId) {
	const found = changeable(selfOf(ctx), resourceId);
	if (found.error_code) throw cbc(400, found.error_code, found.error_msg);
	return found.resource;
}

const PayOrders = customerOnly({
	method: 'POST',
	path: '/v3/orders/customer-orders/pay',
	write: true,
	params: {
		order_id: spec.str(64, { required: true }),
		use_coupon: spec.enumOf(['YES', 'NO'], { required: true }),
		use_discount: spec.enumOf(['YES', 'NO'], { required: true }),
		coupon_infos: { type: 'array', maxItems: 3, items: { type: 'object', fields: { id: spec.str(64, { required: true }), type: { type: 'integer', required: true, enum: [300, 301, 302, 303] } } } },
		discount_infos: { type: 'array', maxItems: 1, items: { type: 'object', fields: { id: spec.str(64, { required: true }), type: { type: 'integer', required: true, enum: [0, 1, 2, 3, 609] } } } },
	},
	/** Pays a pending order of the caller; a renewal order extends its resources once paid. */
	handler(ctx) {
		const b = ctx.body;
		for (const [flag, list] of [['use_coupon', 'coupon_infos'], ['use_discount', 'discount_infos']]) {
			const given = Array.isArray(b[list]) && b[list].length > 0;
			if (b[flag] === 'YES' && !given) throw invalidParam(`Invalid parameter \`${list}\`: is required when ${flag} is YES.`);
			if (b[flag] === 'NO' && b[list] !== undefined) throw invalidParam(`Invalid parameter \`${list}\`: must not be given when ${flag} is NO.`);
		}
		const order = pendingOrder(ctx, b.order_id);
		const coupons = ctx.data.accounts.couponsOf(ctx.caller.customerId, { isPartner: false });
		for (const c of b.coupon_infos || []) {
			const coupon = coupons.find((x) => x.coupon_id === c.id);
			if (!coupon || ![1, 2].includes(coupon.status)) throw invalidParam(`Invalid parameter \`coupon_infos\`: the coupon ${c.id} cannot be used for this order.`);
		}
		for (const d of b.discount_infos || []) {
			if (!discountsOf(order).some((x) => x.discount_id === d.id && x.discount_type === d.type)) throw invalidParam(`Invalid parameter \`discount_infos\`: the discount ${d.id} (type ${d.type}) is not available for this order.`);
		}
		const self = selfOf(ctx);
		order.status = 5;
		order.paymentSec = ctx.nowSec;
		const renewal = self.pendingRenewals.get(order.order_id);
		if (renewal) {
			extend(self, renewal.resource, renewal.periodType, renewal.periods);
			renewal.resource.renewedPeriods += renewal.periods;
			self.pendingRenewals.delete(order.order_id);
		}
		return noContent();
	},
});

const CancelCustomerOrder = customerOnly({
	method: 'PUT',
	path: '/v2/orders/customer-orders/cancel',
	write: true,
	params: { order_id: spec.str(64, { required: true }) },
	handler(ctx) {
		const order = pendingOrder(ctx, ctx.body.order_id);
		order.status = 4;
		selfOf(ctx).pendingRenewals.delete(order.order_id);
		return noContent();
	},
});

const ListOrderDiscounts = customerOnly({
	method: 'GET',
	path: '/v2/orders/customer-orders/order-discounts',
	params: { order_id: spec.str(64, { required: true }) },
	handler: (ctx) => ok({ discounts: discountsOf(pendingOrder(ctx, ctx.body.order_id)) }),
});

const RenewalResources = customerOnly({
	method: 'POST',
	path: '/v2/orders/subscriptions/resources/renew',
	write: true,
	params: {
		resource_ids: ids(10),
		period_type: { type: 'integer', required: true, enum: [2, 3] },
		period_num: { type: 'integer', required: true, min: 1, max: 11, check: (v, all) => (all.period_type === 3 && v > 3 ? `must be 1 to 3 for years, got ${v}.` : undefined) },
		is_auto_pay: { type: 'integer', enum: [0, 1], default: 0 },
	},
	/** One renewal order per resource: paid (and extended) at once with is_auto_pay 1, else pending payment. */
	handler(ctx) {
		const b = ctx.body;
		return orderPerResource(ctx, b.resource_ids, (self, r) => {
			const months = b.period_type === 3 ? 12 * b.period_num : b.period_num;
			const amount = round2(withAttached(self, r).reduce((sum, x) => sum + x.monthlyPrice, 0) * months);
			const order = newOrder(ctx, { resource: r, orderType: 2, status: b.is_auto_pay === 1 ? 5 : 6, amount });
			if (b.is_auto_pay === 1) {
				extend(self, r, b.period_type, b.period_num);
				r.renewedPeriods += b.period_num;
			} else self.pendingRenewals.set(order.order_id, { resource: r, periodType: b.period_type, periods: b.period_num });
			return order;
		});
	},
});

const AutoRenewalResources = customerOnly({
	method: 'POST',
	path: '/v2/orders/subscriptions/resources/autorenew/{resource_id}',
	write: true,
	params: { auto_renew_times: { type: 'integer', min: 0, max: 99 }, period_type: spec.enumOf(['MONTH', 'YEAR']) },
	handler(ctx) {
		const r = changeableOrThrow(ctx, ctx.pathParams.resource_id);
		for (const x of withAttached(selfOf(ctx), r)) {
			x.autoRenew = true;
			if (ctx.body.auto_renew_times !== undefined) x.autoRenewTimes = ctx.body.auto_renew_times;
			if (ctx.body.period_type !== undefined) x.autoRenewPeriod = ctx.body.period_type;
		}
		return noContent();
	},
});

const CancelAutoRenewalResources = customerOnly({
	method: 'DELETE',
	path: '/v2/orders/subscriptions/resources/autorenew/{resource_id}',
	write: true,
	params: {},
	handler(ctx) {
		const r = changeableOrThrow(ctx, ctx.pathParams.resource_id);
		for (const x of withAttached(selfOf(ctx), r)) x.autoRenew = false;
		return noContent();
	},
});

const SetResourcesRenewConfig = customerOnly({
	method: 'POST',
	path: '/v2/orders/subscriptions/resources/renew/config',
	write: true,
	params: {
		config_name: spec.enumOf(['DEDUCTION_DATE', 'EXPIRE_DATE'], { required: true }),
		config_value: spec.str(3, {
			required: true,
			check: (v, all) => {
				const allowed = all.config_name === 'DEDUCTION_DATE' ? ['2', '3', '4', '5', '6', '7'] : [...Array.from({ length: 28 }, (_, k) => String(k + 1)), '-1'];
				return allowed.includes(v) ? undefined : `must be one of ${allowed.join(', ')} for ${all.config_name}, got ${JSON.stringify(v)}.`;
			},
		}),
	},
	handler(ctx) {
		selfOf(ctx).renewConfig[ctx.body.config_name] = ctx.body.config_value;
		return noContent();
	},
});

const UpdatePeriodToOnDemand = customerOnly({
	method: 'POST',
	path: '/v2/orders/subscriptions/resources/to-on-demand',
	write: true,
	params: { operation: spec.enumOf(['SET_UP', 'CANCEL'], { required: true }), resource_ids: ids(100) },
	/** HTTP 200 either way; the resources it could not change come back in error_details. */
	handler(ctx) {
		const self = selfOf(ctx);
		const error_details = [];
		for (const id of ctx.body.resource_ids) {
			const found = changeable(self, id);
			if (found.error_code) error_details.push({ error_code: found.error_code, error_msg: found.error_msg, id });
			else for (const x of withAttached(self, found.resource)) x.toOnDemand = ctx.body.operation === 'SET_UP';
		}
		return ok({ error_details });
	},
});

const CancelResourcesSubscription = customerOnly({
	method: 'POST',
	path: '/v2/orders/subscriptions/resources/unsubscribe',
	write: true,
	params: {
		resource_ids: ids(10),
		unsubscribe_type: { type: 'integer', required: true, enum: [1, 2] },
		unsubscribe_reason_type: { type: 'integer', enum: [1, 2, 3, 4, 5] },
		unsubscribe_reason: spec.str(512),
	},
	/** One unsubscription order per resource; a resource already unsubscribed (or without renewed periods, for type 2) is refused. */
	handler(ctx) {
		const b = ctx.body;
		const nothingRenewed = (r) => (b.unsubscribe_type === 2 && r.renewedPeriods === 0 ? { error_code: RESOURCE_REFUSED, error_msg: `The resource ${r.resource_id} has no renewed periods to unsubscribe.` } : undefined);
		return orderPerResource(
			ctx,
			b.resource_ids,
			(self, r) => {
				const order = newOrder(ctx, { resource: r, orderType: 4, status: 5, amount: round2(-r.monthlyPrice * Math.max(1, r.renewedPeriods)) });
				for (const x of withAttached(self, r)) {
					if (b.unsubscribe_type === 1) x.unsubscribed = true;
					else x.expireSec -= (x.periodType === 3 ? 365 : 30) * x.renewedPeriods * DAY_SEC;
					x.renewedPeriods = 0;
				}
				return order;
			},
			nothingRenewed,
		);
	},
});

const CHARGE_MODES = ['1', '3', '10', '11'];
const BILL_TYPES = [1, 2, 3, 4, 5, 8, 9, 12, 14, 15, 16, 17, 18, 20, 23, 24, 100, 101, 102];

/** Filters shared by the two record lists, by the name each gives them. */
function recordFilter(b, names) {
	return (r) =>
		(b[names.service] === undefined || r.cloud_service_type === b[names.service]) &&
		(b.region === undefined || r.region === b.region) &&
		(b.charge_mode === undefined || r.charge_mode === String(b.charge_mode)) &&
		(b.bill_type === undefined || r.bill_type === b.bill_type) &&
		(b[names.resource] === undefined || r.resource_id === b[names.resource]) &&
		(b.resource_type === undefined || r.resource_type === b.resource_type) &&
		(b.enterprise_project_id === undefined || r.enterprise_project_id === b.enterprise_project_id) &&
		(b.trade_id === undefined || r.trade_id === b.trade_id) &&
		(b.include_zero_record !== false || r.amount !== 0);
}

function checkWhose(b) {
	if (b.method === 'sub_customer' && !b.sub_customer_id) throw invalidParam('Invalid parameter `sub_customer_id`: is required when method is sub_customer.');
}

/** Sums records that share a key into one (amounts added, the first record's other fields kept). */
function summed(records, keyOf) {
	const groups = new Map();
	for (const r of records) {
		const key = keyOf(r);
		const g = groups.get(key);
		if (!g) groups.set(key, { ...r });
		else for (const name of ['official_amount', 'discount_amount', 'amount', 'cash_amount', 'coupon_amount', 'usage']) g[name] = round2(g[name] + r[name]);
	}
	return [...groups.values()];
}

const ListCustomerselfResourceRecords = customerOnly({
	method: 'GET',
	path: '/v2/bills/customer-bills/res-fee-records',
	language: true,
	params: {
		cycle: spec.month({ required: true }),
		cloud_service_type: spec.str(64),
		region: spec.str(64),
		charge_mode: spec.enumOf(CHARGE_MODES),
		bill_type: { type: 'integer', enum: BILL_TYPES },
		offset: spec.offset(),
		limit: spec.limit(1000),
		resource_id: spec.str(64),
		enterprise_project_id: spec.str(64),
		include_zero_record: { type: 'boolean' },
		method: spec.enumOf(['oneself', 'sub_customer', 'all'], { default: 'all' }),
		sub_customer_id: spec.str(64),
		trade_id: spec.str(64),
		bill_date_begin: day(),
		bill_date_end: day(),
		statistic_type: { type: 'integer', enum: [1, 3], default: 3 },
	},
	handler(ctx) {
		const b = ctx.body;
		checkWhose(b);
		for (const bound of [b.bill_date_begin, b.bill_date_end]) {
			if (bound !== undefined && bound.slice(0, 7) !== b.cycle) throw invalidParam('Invalid parameter `bill_date_begin`: bill_date_begin and bill_date_end must be in the cycle month.');
		}
		const ranged = b.bill_date_begin !== undefined && b.bill_date_end !== undefined;
		let rows = b.method === 'sub_customer' ? [] : selfOf(ctx).feeRecords(b.cycle).filter(recordFilter(b, { service: 'cloud_service_type', resource: 'resource_id' }));
		if (ranged) rows = rows.filter((r) => r.bill_date >= b.bill_date_begin && r.bill_date <= b.bill_date_end);
		if (b.statistic_type === 1) rows = summed(rows, (r) => `${r.resource_id}|${r.bill_type}`).map((r) => ({ ...r, bill_date: b.cycle }));
		return ok({ fee_records: pageOf(rows, b.offset, b.limit), total_count: rows.length, currency: 'USD' });
	},
});

/** A fee record as a MonthlyBillRes (the details API's names). */
function monthlyView(r, cycle) {
	return {
		cycle,
		bill_date: r.bill_date,
		bill_type: r.bill_type,
		customer_id: r.customer_id,
		region: r.region,
		region_name: r.region_name,
		cloud_service_type: r.cloud_service_type,
		resource_Type_code: r.resource_type,
		cloud_service_type_name: r.cloud_service_type_name,
		resource_type_name: r.resource_type_name,
		res_instance_id: r.resource_id,
		resource_name: r.resource_name,
		resource_tag: '',
		sku_code: r.sku_code,
		enterprise_project_id: r.enterprise_project_id,
		enterprise_project_name: r.enterprise_project_name,
		charge_mode: Number(r.charge_mode),
		consume_amount: r.amount,
		cash_amount: r.cash_amount,
		credit_amount: 0,
		coupon_amount: r.coupon_amount,
		flexipurchase_coupon_amount: 0,
		stored_card_amount: 0,
		bonus_amount: 0,
		debt_amount: 0,
		adjustment_amount: 0,
		official_amount: r.official_amount,
		discount_amount: r.discount_amount,
		measure_id: 1,
		period_type: Number(r.period_type),
		trade_id: r.trade_id,
		id: r.id,
		product_spec_desc: r.product_spec_desc,
		payer_account_id: r.customer_id,
		account_name: r.account_name,
		consume_time: r.consume_time,
	};
}

const ListCustomerselfResourceRecordDetails = customerOnly({
	method: 'POST',
	path: '/v2/bills/customer-bills/res-records/query',
	params: {
		cycle: spec.month({ required: true, check: (v) => (v < '2019-01' ? 'records start in 2019-01.' : undefined) }),
		cloud_service_type: spec.str(64),
		resource_type: spec.str(64),
		region: spec.str(64),
		res_instance_id: spec.str(64),
		charge_mode: { type: 'integer', enum: [1, 3, 10, 11] },
		bill_type: { type: 'integer', enum: BILL_TYPES },
		enterprise_project_id: spec.str(64),
		include_zero_record: { type: 'boolean' },
		offset: spec.offset(),
		limit: spec.limit(1000),
		method: spec.enumOf(['oneself', 'sub_customer', 'all'], { default: 'all' }),
		sub_customer_id: spec.str(64),
		statistic_type: { type: 'integer', enum: [1, 2, 3], default: 1 },
		query_type: spec.enumOf(['BILLCYCLE', 'DAILY'], { default: 'BILLCYCLE' }),
		bill_cycle_begin: day(),
		bill_cycle_end: day(),
		payer_account_id: spec.str(64),
	},
	handler(ctx) {
		const b = ctx.body;
		checkWhose(b);
		if (b.query_type === 'DAILY') {
			if (b.statistic_type === 1) throw invalidParam('Invalid parameter `query_type`: DAILY needs statistic_type 2 or 3.');
			if (b.bill_cycle_begin === undefined || b.bill_cycle_end === undefined) throw invalidParam('Invalid parameter `bill_cycle_begin`: bill_cycle_begin and bill_cycle_end are required when query_type is DAILY.');
		}
		const own = b.payer_account_id === undefined || b.payer_account_id === ctx.caller.customerId;
		let rows = b.method === 'sub_customer' || !own ? [] : selfOf(ctx).feeRecords(b.cycle).filter(recordFilter(b, { service: 'cloud_service_type', resource: 'res_instance_id' }));
		if (b.query_type === 'DAILY') rows = rows.filter((r) => r.bill_date >= b.bill_cycle_begin && r.bill_date <= b.bill_cycle_end);
		if (b.statistic_type === 1) rows = summed(rows, (r) => `${r.resource_id}|${r.bill_type}`).map((r) => ({ ...r, bill_date: null }));
		if (b.statistic_type === 2) rows = summed(rows, (r) => `${r.resource_id}|${r.bill_type}|${r.bill_date}`);
		const records = rows.map((r) => monthlyView(r, b.cycle));
		return ok({ monthly_records: pageOf(records, b.offset, b.limit), total_count: records.length, currency: 'USD' });
	},
});

const ListFreeResourceInfos = customerOnly({
	method: 'POST',
	path: '/v3/payments/free-resources/query',
	language: true,
	params: {
		region_code: spec.str(64),
		order_id: spec.str(64),
		product_id: spec.str(64),
		product_name: spec.str(256),
		enterprise_project_id: spec.str(64),
		status: { type: 'integer', enum: [0, 1, 2, 3, 4] },
		offset: spec.offset(),
		limit: spec.limit(100),
		service_type_code_list: { type: 'array', maxItems: 100, items: spec.str(64) },
	},
	handler(ctx) {
		const b = ctx.body;
		const services = (b.service_type_code_list || []).map((code) => code.toLowerCase());
		const list = selfOf(ctx).packages.filter(
			(p) =>
				(b.region_code === undefined || p.region_code === b.region_code) &&
				(b.order_id === undefined || p.order_id === b.order_id) &&
				(b.product_id === undefined || p.product_id === b.product_id) &&
				(b.product_name === undefined || p.product_name.includes(b.product_name)) &&
				(b.enterprise_project_id === undefined || p.enterprise_project_id === b.enterprise_project_id) &&
				(b.status === undefined || p.status === b.status) &&
				(!services.length || services.includes(p.service_type_code)),
		);
		return ok({ free_resource_packages: pageOf(list, b.offset, b.limit).map(({ resourceTypeCode, effectiveSec, expireSec, ...p }) => p), total_count: list.length });
	},
});

const ListFreeResourceUsages = customerOnly({
	method: 'POST',
	path: '/v2/payments/free-resources/usages/details/query',
	language: true,
	params: { free_resource_ids: { type: 'array', required: true, minItems: 1, maxItems: 100, items: spec.str(64) } },
	/** Items of the caller's packages, in the order asked; unknown ids are left out. */
	handler(ctx) {
		const items = selfOf(ctx).packages.flatMap((p) =>
			p.free_resources.map((item) => ({
				free_resource_id: item.free_resource_id,
				free_resource_type_name: p.product_name,
				quota_reuse_cycle: p.quota_reuse_mode === 1 ? 1 : 0,
				quota_reuse_cycle_type: p.quota_reuse_mode === 1 ? 2 : 0,
				usage_type_name: item.usage_type_name,
				start_time: p.effective_time,
				end_time: p.expire_time,
				amount: Number(item.amount),
				original_amount: Number(item.original_amount),
				measure_id: item.measure_id,
			})),
		);
		return ok({ free_resources: ctx.body.free_resource_ids.map((id) => items.find((i) => i.free_resource_id === id)).filter(Boolean) });
	},
});

const ListFreeResourcesUsageRecords = customerOnly({
	method: 'GET',
	path: '/v2/bills/customer-bills/free-resources-usage-records',
	params: {
		free_resource_id: spec.str(64),
		product_id: spec.str(64),
		resource_type_code: spec.str(64),
		deduct_time_begin: day({ required: true }),
		deduct_time_end: day({
			required: true,
			check: (v, all) => {
				const days = (Date.parse(v) - Date.parse(all.deduct_time_begin)) / (DAY_SEC * 1000);
				return days < 0 ? 'must not be before deduct_time_begin.' : days > 90 ? 'must be at most 90 days after deduct_time_begin.' : undefined;
			},
		}),
		offset: spec.offset(),
		limit: spec.limit(100),
	},
	handler(ctx) {
		const b = ctx.body;
		const list = selfOf(ctx)
			.packageUsage(b.deduct_time_begin, b.deduct_time_end)
			.filter((r) => (b.free_resource_id === undefined || r.free_resource_id === b.free_resource_id) && (b.product_id === undefined || r.product_id === b.product_id) && (b.resource_type_code === undefined || r.resource_type_code === b.resource_type_code));
		return ok({ free_resource_records: pageOf(list, b.offset, b.limit), total_count: list.length });
	},
});

/** The dimensions ListCosts groups and filters by, read from a fee record. */
const DIMENSIONS = {
	CLOUD_SERVICE_TYPE: (r) => r.cloud_service_type,
	RESOURCE_TYPE: (r) => r.resource_type,
	REGION_CODE: (r) => r.region,
	ENTERPRISE_PROJECT_ID: (r) => r.enterprise_project_id,
	CHARGING_MODE: (r) => r.charge_mode,
	BILL_TYPE: (r) => String(r.bill_type),
	RESOURCE_ID: (r) => r.resource_id,
	ASSOCIATED_ACCOUNT: (r) => r.customer_id,
	PAYER_ACCOUNT_ID: (r) => r.customer_id,
	RES_SPEC_CODE: (r) => r.sku_code,
	USAGE_TYPE: (r) => r.usage_type,
	AZ_CODE: (r) => `${r.region}a`,
	BE_ID: () => '10',
};
const MONTH_OR_DAY = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

const ListCosts = customerOnly({
	method: 'POST',
	path: '/v4/costs/cost-analysed-bills/query',
	params: {
		time_condition: {
			type: 'object',
			required: true,
			fields: {
				time_measure_id: { type: 'integer', required: true, enum: [1, 2] },
				begin_time: spec.str(10, { required: true, pattern: MONTH_OR_DAY, patternText: 'YYYY-MM-DD or YYYY-MM' }),
				end_time: spec.str(10, { required: true, pattern: MONTH_OR_DAY, patternText: 'YYYY-MM-DD or YYYY-MM' }),
			},
			check: (t) => {
				const length = t.time_measure_id === 1 ? 10 : 7;
				if (t.begin_time.length !== length || t.end_time.length !== length) return `begin_time and end_time must be ${length === 10 ? 'YYYY-MM-DD when time_measure_id is 1' : 'YYYY-MM when time_measure_id is 2'}.`;
				return t.end_time < t.begin_time ? 'end_time must not be before begin_time.' : undefined;
			},
		},
		groupby: { type: 'array', required: true, minItems: 1, maxItems: 2, items: { type: 'object', fields: { type: spec.enumOf(['dimension', 'tag', 'cost_unit'], { required: true }), key: spec.str(64, { required: true }) } } },
		cost_type: spec.enumOf(['ORIGINAL_COST', 'AMORTIZED_COST'], { required: true }),
		amount_type: spec.enumOf(['PAYMENT_AMOUNT', 'NET_AMOUNT'], { required: true }),
		offset: spec.offset(),
		limit: spec.limit(1000),
		filters: {
			type: 'array',
			maxItems: 20,
			items: {
				type: 'object',
				fields: {
					operator: { type: 'integer', required: true, enum: [0, 1] },
					filter_factor: { type: 'object', required: true, fields: { key: spec.enumOf(Object.keys(DIMENSIONS), { required: true }), value: { type: 'array', required: true, minItems: 1, items: spec.str(128) } } },
				},
			},
		},
	},
	/** Costs from the caller's fee records of the months in range, per group and day or month. */
	handler(ctx) {
		const b = ctx.body;
		const t = b.time_condition;
		for (const g of b.groupby) {
			if (g.type === 'dimension' && !DIMENSIONS[g.key]) throw invalidParam(`Invalid parameter \`groupby\`: unknown dimension ${JSON.stringify(g.key)}.`);
		}
		const self = selfOf(ctx);
		const months = [];
		for (let m = t.begin_time.slice(0, 7); m <= t.end_time.slice(0, 7); m = nextMonth(m)) months.push(m);
		if (months.length > 12) throw invalidParam('Invalid parameter `time_condition`: the range may cover at most 12 months.');
		const perDay = t.time_measure_id === 1;
		const rows = months
			.flatMap((m) => self.feeRecords(m))
			.filter((r) => (perDay ? r.bill_date >= t.begin_time && r.bill_date <= t.end_time : true))
			.filter((r) => (b.filters || []).every((f) => f.filter_factor.value.includes(DIMENSIONS[f.filter_factor.key](r)) === (f.operator === 0)));
		const amountOf = (r) => (b.amount_type === 'NET_AMOUNT' ? r.cash_amount : r.amount);
		const groups = new Map();
		for (const r of rows) {
			const dimensions = b.groupby.map((g) => ({ key: g.key, value: g.type === 'dimension' ? DIMENSIONS[g.key](r) : '' }));
			const key = JSON.stringify(dimensions);
			if (!groups.has(key)) groups.set(key, { dimensions, costs: new Map() });
			const time = perDay ? r.bill_date : r.bill_date.slice(0, 7);
			const cost = groups.get(key).costs.get(time) || { amount: 0, official: 0 };
			cost.amount = round2(cost.amount + amountOf(r));
			cost.official = round2(cost.official + r.official_amount);
			groups.get(key).costs.set(time, cost);
		}
		const cost_data = [...groups.values()].map((g) => {
			const costs = [...g.costs.entries()].sort(([a], [c]) => (a < c ? -1 : 1)).map(([time, c]) => ({ time_dimension_value: time, time_measure_id: t.time_measure_id, amount: c.amount.toFixed(2), official_amount: c.official.toFixed(2) }));
			return {
				dimensions: g.dimensions,
				costs,
				amount_by_costs: costs.reduce((s, c) => s + Number(c.amount), 0).toFixed(2),
				official_amount_by_costs: costs.reduce((s, c) => s + Number(c.official_amount), 0).toFixed(2),
			};
		});
		cost_data.sort((a, c) => Number(c.amount_by_costs) - Number(a.amount_by_costs) || (JSON.stringify(a.dimensions) < JSON.stringify(c.dimensions) ? -1 : 1));
		return ok({ currency: 'USD', total_count: cost_data.length, cost_data: pageOf(cost_data, b.offset, b.limit) });
	},
});

function nextMonth(month) {
	const [y, m] = month.split('-').map(Number);
	return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const ListInvoices = customerOnly({
	method: 'GET',
	path: '/v1.0/{domain_id}/payments/intl-invoices',
	params: {
		start_time: spec.utcTime({ required: true }),
		end_time: spec.utcTime({ required: true }),
		offset: { ...spec.offset(), required: true },
		limit: { ...spec.limit(100), required: true },
	},
	/** Only the caller's own account may be named in the path. */
	handler(ctx) {
		if (ctx.pathParams.domain_id !== ctx.caller.customerId) throw accessDenied();
		const b = ctx.body;
		const begin = parseUtc(b.start_time);
		const end = parseUtc(b.end_time);
		const list = selfOf(ctx).invoices.filter((i) => i.applySec >= begin && i.applySec <= end);
		return ok({ count: list.length, invoices: pageOf(list, b.offset, b.limit).map(({ applySec, ...i }) => i) });
	},
});

const CreateEnterpriseProjectAuth = customerOnly({
	method: 'POST',
	path: '/v2/enterprises/enterprise-projects/authority',
	write: true,
	params: {},
	handler(ctx) {
		selfOf(ctx).projectsAuthorized = true;
		return noContent();
	},
});

const ListEnterpriseSubCustomers = customerOnly({
	method: 'GET',
	path: '/v2/enterprises/multi-accounts/sub-customers',
	params: {
		sub_customer_account_name: spec.fuzzy(64),
		sub_customer_display_name: spec.fuzzy(64),
		fuzzy_query: { type: 'integer', enum: [0, 1], default: 0 },
		offset: spec.offset(),
		limit: spec.limit(1000),
		org_id: spec.str(64),
	},
	handler(ctx) {
		const b = ctx.body;
		const matches = (value, wanted) => wanted === undefined || (b.fuzzy_query === 1 ? value.includes(wanted) : value === wanted);
		const list = selfOf(ctx).subAccounts.filter((s) => matches(s.name, b.sub_customer_account_name) && matches(s.display_name, b.sub_customer_display_name) && (b.org_id === undefined || s.org_id === b.org_id));
		return ok({ total_count: list.length, sub_customer_infos: pageOf(list, b.offset, b.limit) });
	},
});

module.exports = {
	PayOrders,
	CancelCustomerOrder,
	ListOrderDiscounts,
	RenewalResources,
	AutoRenewalResources,
	CancelAutoRenewalResources,
	SetResourcesRenewConfig,
	UpdatePeriodToOnDemand,
	CancelResourcesSubscription,
	ListCustomerselfResourceRecords,
	ListCustomerselfResourceRecordDetails,
	ListFreeResourceInfos,
	ListFreeResourceUsages,
	ListFreeResourcesUsageRecords,
	ListCosts,
	ListInvoices,
	CreateEnterpriseProjectAuth,
	ListEnterpriseSubCustomers,
};
