'use strict';
/**
 * Yearly/monthly orders (reference 5.8, 5.9). A partner sees the orders of its customers (a
 * distributor those of one reseller's customers with `indirect_partner_id`); a customer sees its
 * own. Order lists speak English; order details take `X-Language` and default to Chinese.
 */
const { CODES, ANY, MAX_OFFSET, spec, ok, pageOf, scopeOf } = require('./common');
const { invalidParam } = require('../errors');
const { parseUtc, formatUtc, DAY_SEC } = require('../time');
const { SERVICES, localName } = require('../data/catalog');

const STATUSES = [1, 3, 4, 5, 6, 9];
const ORDER_TYPES = ['1', '2', '3', '4', '11', '13', '14', '15'];

/** True if `end` is more than one calendar year after `begin` (epoch seconds). */
function longerThanAYear(begin, end) {
	const limit = new Date(begin * 1000);
	limit.setUTCFullYear(limit.getUTCFullYear() + 1);
	return end * 1000 > limit.getTime();
}

/** Fields common to CustomerOrderV2 (list) and CustomerOrderV3 (details). */
function baseView(o, language) {
	const s = SERVICES[o.serviceIndex];
	const out = {
		order_id: o.order_id,
		customer_id: o.customer_id,
		service_type_code: s[0],
		service_type_name: localName(s, language, 2, 3),
		source_type: o.source_type,
		status: o.status,
		order_type: o.order_type,
		amount_after_discount: o.amount_after_discount,
		official_amount: o.official_amount,
		measure_id: o.measure_id,
		create_time: formatUtc(o.createSec),
	};
	if (o.paymentSec !== null && o.paymentSec !== undefined) out.payment_time = formatUtc(o.paymentSec);
	out.currency = o.currency;
	if (o.contract_id) out.contract_id = o.contract_id;
	out.amount_info = o.amount_info;
	return out;
}

function subOrderViews(o, language, detail) {
	return o.subOrders.map((sub) => {
		const view = baseView({ ...o, ...sub, subOrders: null, contract_id: null }, language);
		if (detail) {
			view.user_name = o.userName;
			if (o.status === 6) view.pending_payment_end_time = formatUtc(o.createSec + DAY_SEC);
		}
		return view;
	});
}

/** Orders the caller may see, before filters. */
function visibleOrders(ctx, indirectPartnerId) {
	const { caller } = ctx;
	if (caller.role === 'customer') {
		scopeOf(ctx, indirectPartnerId); // a customer naming a reseller gets CBC.99000037
		return ctx.data.orders.list.filter((o) => o.customer_id === caller.customerId);
	}
	const ownerId = scopeOf(ctx, indirectPartnerId);
	return ctx.data.orders.list.filter((o) => o.ownerId === ownerId);
}

const ListCustomerOrders = {
	method: 'GET',
	path: '/v2/orders/customer-orders',
	codes: CODES.ORDERS,
	callers: ANY,
	params: {
		order_id: spec.str(64),
		customer_id: spec.str(64),
		create_time_begin: spec.utcTime({ maxLength: 20 }),
		create_time_end: spec.utcTime({ maxLength: 20 }),
		service_type_code: spec.str(64),
		status: { type: 'integer', enum: STATUSES },
		order_type: spec.enumOf(ORDER_TYPES),
		limit: spec.limit(100),
		offset: spec.offset(MAX_OFFSET),
		order_by: spec.enumOf(['createTime', '-createTime']),
		payment_time_begin: spec.utcTime({ maxLength: 20 }),
		payment_time_end: spec.utcTime({ maxLength: 20 }),
		indirect_partner_id: spec.indirectPartner(),
		method: spec.enumOf(['oneself', 'sub_customer']),
	},
	/** Newest first unless order_by=createTime; a creation-time range over one year is CBC.0100. */
	handler(ctx) {
		const b = ctx.body;
		const t = (name) => (b[name] !== undefined ? parseUtc(b[name]) : undefined);
		const [cBegin, cEnd, pBegin, pEnd] = ['create_time_begin', 'create_time_end', 'payment_time_begin', 'payment_time_end'].map(t);
		if (cBegin !== undefined && cEnd !== undefined && longerThanAYear(cBegin, cEnd)) {
			throw invalidParam('Invalid parameter `create_time_end`: the range create_time_begin..create_time_end must not exceed one year.');
		}
		let list = visibleOrders(ctx, b.indirect_partner_id).filter(
			(o) =>
				(b.order_id === undefined || o.order_id.toUpperCase() === b.order_id.toUpperCase()) &&
				(b.customer_id === undefined || o.customer_id === b.customer_id) &&
				(b.service_type_code === undefined || SERVICES[o.serviceIndex][0] === b.service_type_code) &&
				(b.status === undefined || o.status === b.status) &&
				(b.order_type === undefined || String(o.order_type) === b.order_type) &&
				(cBegin === undefined || o.createSec >= cBegin) &&
				(cEnd === undefined || o.createSec <= cEnd) &&
				(pBegin === undefined || (o.paymentSec !== null && o.paymentSec >= pBegin)) &&
				(pEnd === undefined || (o.paymentSec !== null && o.paymentSec <= pEnd)),
		);
		if (ctx.caller.role === 'customer' && b.method === 'sub_customer') list = [];
		if (b.order_by !== 'createTime') list = list.slice().reverse();
		return ok({
			total_count: list.length,
			order_infos: pageOf(list, b.offset, b.limit).map((o) => {
				/** @type {Record<string, any>} */
				const view = { ...baseView(o, 'en_US'), enterprise_projects: [{ id: '0', name: 'default' }] };
				if (o.subOrders) view.sub_order_infos = subOrderViews(o, 'en_US', false);
				view.agent_pay_info = o.agent_pay_info;
				return view;
			}),
		});
	},
};

const ShowCustomerOrderDetails = {
	method: 'GET',
	path: '/v2/orders/customer-orders/details/{order_id}',
	codes: CODES.ORDERS,
	callers: ANY,
	language: true,
	params: {
		limit: spec.limit(100),
		offset: spec.offset(MAX_OFFSET),
		indirect_partner_id: spec.indirectPartner(),
	},
	handler(ctx) {
		const b = ctx.body;
		const id = ctx.pathParams.order_id;
		if (id.length > 64) throw invalidParam('Invalid parameter `order_id`: must be at most 64 characters long.');
		const order = visibleOrders(ctx, b.indirect_partner_id).find((o) => o.order_id.toUpperCase() === id.toUpperCase());
		if (!order) throw invalidParam(`Invalid parameter \`order_id\`: the order ${id} does not exist.`);
		const lines = ctx.data.orders.lineItems(order);
		/** @type {Record<string, any>} */
		const info = { ...baseView(order, ctx.language), user_name: order.userName };
		if (order.status === 6) info.pending_payment_end_time = formatUtc(order.createSec + DAY_SEC);
		if (order.subOrders) info.sub_order_infos = subOrderViews(order, ctx.language, true);
		return ok({
			total_count: lines.length,
			order_info: info,
			order_line_items: pageOf(lines, b.offset, b.limit).map((line) => {
				const { serviceIndex, ...rest } = line;
				const s = SERVICES[serviceIndex];
				return { ...rest, service_type_code: s[0], service_type_name: localName(s, ctx.language, 2, 3) };
			}),
		});
	},
};

module.exports = { ListCustomerOrders, ShowCustomerOrderDetails };
