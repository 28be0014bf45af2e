'use strict';
/**
 * Yearly/monthly orders over the year before the anchor (reference 5.8, 5.9): about 2.4 per seeded
 * direct customer (at most 2000; the customer key's account always has the first eight) plus a
 * few for each reseller's customers. Orders are small records kept sorted by (create_time,
 * order_id); their line items are generated on demand from (seed, order_id) and always add up to
 * the order's amounts. About one order in ten is a combined transaction with sub-orders.
 */
const { createRng } = require('../../prng');
const { formatUtc, DAY_SEC } = require('../time');
const { SERVICES } = require('./catalog');

const MAX_DIRECT_ORDERS = 2000;
const round2 = (x) => Math.round(x * 100) / 100;
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function weighted(rng, table) {
	let r = rng.next();
	for (const [value, p] of table) {
		if (r < p) return value;
		r -= p;
	}
	return table[table.length - 1][0];
}

/** `CS` + yyMMddHHmm (UTC+8, as the real ids read) + five characters. */
function orderIdOf(rng, sec) {
	const t = new Date((sec + 8 * 3600) * 1000).toISOString();
	const stamp = t.slice(2, 4) + t.slice(5, 7) + t.slice(8, 10) + t.slice(11, 13) + t.slice(14, 16);
	let tail = '';
	for (let k = 0; k < 5; k++) tail += ALNUM[rng.int(0, ALNUM.length - 1)];
	return `CS${stamp}${tail}`;
}

/** Amount fields for one (sub-)order of a given list price. */
function amountsOf(rng, official, orderType) {
	const rate = rng.chance(0.6) ? rng.pick([0.05, 0.1, 0.15, 0.2, 0.3]) : 0;
	const discount = round2(official * rate);
	const after = round2(official - discount);
	const coupon = rng.chance(0.1) ? Math.min(after, rng.pick([5, 10, 20])) : 0;
	const amount_info = {
		discounts: discount ? [{ discount_type: rng.pick(['500', '600', '700', '900']), discount_amount: discount }] : [],
		flexipurchase_coupon_amount: 0,
		coupon_amount: coupon,
		stored_card_amount: 0,
	};
	if (orderType === 4) {
		amount_info.commission_amount = round2(after * 0.05);
		amount_info.consumed_amount = round2(after * rng.float(0.1, 0.6));
	}
	return { official_amount: official, amount_after_discount: after, amount_info };
}

function buildOrder(rng, { customer, ownerId, partnerId, anchorSec, agentPay }) {
	const createSec = anchorSec - rng.int(60, 364 * DAY_SEC);
	const status = weighted(rng, [[5, 0.7], [6, 0.08], [4, 0.08], [3, 0.06], [1, 0.04], [9, 0.04]]);
	const order_type = weighted(rng, [[1, 0.5], [2, 0.3], [3, 0.1], [4, 0.06], [11, 0.02], [13, 0.02]]);
	const source_type = weighted(rng, [[1, 0.55], [2, 0.3], [8, 0.1], [4, 0.05]]);
	const serviceIndex = rng.int(0, SERVICES.length - 1);
	const order = {
		order_id: orderIdOf(rng, createSec),
		customer_id: customer.customer_id,
		serviceIndex,
		source_type,
		status,
		order_type,
		measure_id: 1,
		createSec,
		paymentSec: status === 5 || status === 3 ? createSec + rng.int(5, 3600) : null,
		currency: 'USD',
		contract_id: rng.chance(0.05) ? `CT${rng.digits(10)}` : null,
		ownerId,
		userName: source_type === 1 ? customer.account_name : source_type === 8 ? 'operations system' : source_type === 2 ? 'n8n-operator' : 'operations staff',
		agent_pay_info: agentPay ? { paying_agent_id: partnerId, is_agent_pay: true } : { paying_agent_id: '', is_agent_pay: false },
		subOrders: null,
	};
	if (order_type === 1 && rng.chance(0.12)) {
		const n = rng.int(2, 3);
		order.subOrders = [];
		for (let k = 0; k < n; k++) {
			const official = round2(rng.pick([9.9, 19.9, 48, 96, 240]) * rng.float(0.8, 2.5));
			order.subOrders.push({ order_id: orderIdOf(rng, createSec), serviceIndex: rng.int(0, SERVICES.length - 1), ...amountsOf(rng, official, 1) });
		}
		order.official_amount = round2(order.subOrders.reduce((s, o) => s + o.official_amount, 0));
		order.amount_after_discount = round2(order.subOrders.reduce((s, o) => s + o.amount_after_discount, 0));
		order.amount_info = {
			discounts: order.subOrders.flatMap((o) => o.amount_info.discounts),
			flexipurchase_coupon_amount: 0,
			coupon_amount: round2(order.subOrders.reduce((s, o) => s + o.amount_info.coupon_amount, 0)),
			stored_card_amount: 0,
		};
	} else {
		const official = round2(rng.pick([12.5, 29.9, 58, 120, 240, 480, 960, 1999]) * rng.float(0.8, 3));
		Object.assign(order, amountsOf(rng, official, order_type));
	}
	return order;
}

/**
 * @param {{ seed: number|string, anchorSec: number, store: object, partnerId: string, resellers: object }} options
 */
function createOrders({ seed, anchorSec, store, partnerId, resellers }) {
	const orders = [];
	const directCount = Math.min(MAX_DIRECT_ORDERS, Math.round(store.seedCount * 2.4));
	for (let k = 0; k < directCount; k++) {
		const rng = createRng(seed, 'hw-order', k);
		const i = k < 8 ? 0 : rng.int(0, store.seedCount - 1);
		const customer = store.get(store.seededId(i));
		orders.push(buildOrder(rng, { customer, ownerId: partnerId, partnerId, anchorSec, agentPay: customer.association_type === '3' }));
	}
	for (const reseller of resellers.list) {
		const entries = store.listOf(reseller.indirect_partner_id);
		const rng = createRng(seed, 'hw-reseller-orders', reseller.indirect_partner_id);
		const count = entries.length ? rng.int(3, 8) : 0;
		for (let k = 0; k < count; k++) {
			const orng = createRng(seed, 'hw-reseller-order', reseller.indirect_partner_id, k);
			const customer = store.entryRecord(entries[orng.int(0, entries.length - 1)]);
			orders.push(buildOrder(orng, { customer, ownerId: reseller.indirect_partner_id, partnerId: reseller.indirect_partner_id, anchorSec, agentPay: customer.association_type === '3' }));
		}
	}
	orders.sort((a, b) => a.createSec - b.createSec || (a.order_id < b.order_id ? -1 : 1));
	const byId = new Map(orders.map((o) => [o.order_id.toUpperCase(), o]));

	/** Line items of an order (one per sub-order, else 1-3 splitting the order's amounts). */
	function lineItems(order) {
		const rng = createRng(seed, 'hw-order-lines', order.order_id);
		const parts = order.subOrders
			? order.subOrders.map((s) => ({ serviceIndex: s.serviceIndex, official_amount: s.official_amount, amount_after_discount: s.amount_after_discount, amount_info: s.amount_info }))
			: splitAmounts(rng, order);
		return parts.map((p, k) => {
			const service = SERVICES[p.serviceIndex];
			const periodType = order.order_type === 4 ? null : rng.pick([2, 2, 3]);
			const periodNum = periodType === null ? null : periodType === 2 ? rng.pick([1, 3, 6]) : 1;
			const effectiveSec = order.createSec + rng.int(60, 600);
			const expireSec = effectiveSec + (periodType === 3 ? 365 : (periodNum || 1) * 30) * DAY_SEC;
			const product = {
				product_id: `OFFI${rng.digits(12)}`,
				product_spec_desc: `${service[2]} | ${rng.pick(service[6])}`,
				category_code: `${service[0].replace('hws.service.type.', '')}.category`,
				product_owner_service: service[0],
				commercial_resource: service[1],
			};
			return {
				order_line_item_id: `${order.order_id}-${String(k + 1).padStart(4, '0')}`,
				order_id: order.order_id,
				serviceIndex: p.serviceIndex,
				...product,
				period_type: periodType === null ? 5 : periodType,
				period_num: periodNum,
				effective_time: formatUtc(effectiveSec),
				expire_time: formatUtc(expireSec),
				subscription_num: rng.pick([1, 1, 1, 2, 5]),
				amount_after_discount: p.amount_after_discount,
				official_amount: p.official_amount,
				amount_info: p.amount_info,
				currency: order.currency,
				base_product_info: product,
			};
		});
	}

	/** Adds orders (made by the control API) and keeps the list in (create_time, order_id) order. */
	function add(added) {
		for (const order of added) {
			orders.push(order);
			byId.set(order.order_id.toUpperCase(), order);
		}
		orders.sort((a, b) => a.createSec - b.createSec || (a.order_id < b.order_id ? -1 : 1));
	}

	return { list: orders, get: (id) => byId.get(String(id).toUpperCase()) || null, lineItems, add };
}

/** Splits an order's amounts into 1-3 line items whose sums equal the order's figures exactly. */
function splitAmounts(rng, order) {
	const n = rng.int(1, 3);
	const weights = Array.from({ length: n }, () => 1 + rng.next());
	const total = weights.reduce((s, w) => s + w, 0);
	const cents = (x) => Math.round(x * 100);
	const split = (amount) => {
		const parts = weights.map((w) => Math.floor((cents(amount) * w) / total));
		parts[n - 1] += cents(amount) - parts.reduce((s, p) => s + p, 0);
		return parts.map((p) => p / 100);
	};
	const official = split(order.official_amount);
	const after = split(order.amount_after_discount);
	const coupon = split(order.amount_info.coupon_amount);
	return weights.map((w, k) => ({
		serviceIndex: k === 0 ? order.serviceIndex : rng.int(0, SERVICES.length - 1),
		official_amount: official[k],
		amount_after_discount: after[k],
		amount_info: {
			discounts:
				official[k] > after[k]
					? [{ discount_type: order.amount_info.discounts.length ? order.amount_info.discounts[0].discount_type : '500', discount_amount: round2(official[k] - after[k]) }]
					: [],
			flexipurchase_coupon_amount: 0,
			coupon_amount: coupon[k],
			stored_card_amount: 0,
		},
	}));
}

module.exports = { createOrders, buildOrder, orderIdOf };
