'use strict';
/**
 * Refund amounts of unsubscription and downgrade orders (bssintl ShowRefundOrderDetails). A
 * partner names the customer (required for a partner; a distributor adds `indirect_partner_id` for
 * a reseller's customer); a customer asks about its own orders. Each order gives the refunded
 * amount (negative), what was already consumed and any handling fee (positive), each with the
 * original order it comes from.
 */
const { ANY, spec, ok, scopeOf } = require('./common');
const { invalidParam } = require('../errors');
const { SERVICES, REGIONS } = require('../data/catalog');
const { createRng } = require('../../prng');

const round2 = (x) => Math.round(x * 100) / 100;
const REFUND_TYPES = [3, 4];

/** The order the caller may ask about, or CBC.0100 naming what is wrong. */
function refundOrder(ctx, b) {
	const { caller } = ctx;
	if (caller.role === 'partner' && b.customer_id === undefined) throw invalidParam('Invalid parameter `customer_id`: is required when a partner queries a customer\'s refund order.');
	const ownerId = caller.role === 'partner' ? scopeOf(ctx, b.indirect_partner_id) : null;
	const customerId = caller.role === 'partner' ? b.customer_id : caller.customerId;
	const order = ctx.data.orders.get(b.order_id);
	if (!order || order.customer_id !== customerId || (ownerId !== null && order.ownerId !== ownerId)) throw invalidParam(`Invalid parameter \`order_id\`: the order ${b.order_id} does not exist.`);
	if (!REFUND_TYPES.includes(order.order_type)) throw invalidParam(`Invalid parameter \`order_id\`: ${b.order_id} is not an unsubscription or downgrade order.`);
	return order;
}

/** The original order an amount comes from: the customer's earlier new purchase of the same service, or a stable stand-in id. */
function baseOrderId(ctx, order) {
	const earlier = ctx.data.orders.list.find((o) => o.customer_id === order.customer_id && o.serviceIndex === order.serviceIndex && o.order_type === 1 && o.createSec < order.createSec);
	return earlier ? earlier.order_id : `CS${order.order_id.slice(2, 12)}B${createRng(order.order_id, 'base').digits(4)}`;
}

const ShowRefundOrderDetails = {
	method: 'GET',
	path: '/v2/orders/customer-orders/refund-orders',
	codes: null,
	callers: ANY,
	params: { order_id: spec.str(64, { required: true }), customer_id: spec.str(64), indirect_partner_id: spec.indirectPartner() },
	handler(ctx) {
		const order = refundOrder(ctx, ctx.body);
		const s = SERVICES[order.serviceIndex];
		const rng = createRng(order.order_id, 'refund');
		const base = {
			measure_id: '1',
			customer_id: order.customer_id,
			resource_type_code: s[1],
			service_type_code: s[0],
			resource_type_name: s[4],
			service_type_name: s[2],
			region_code: REGIONS[rng.int(0, REGIONS.length - 1)][0],
			base_order_id: baseOrderId(ctx, order),
		};
		const paid = order.amount_after_discount;
		const consumed = order.amount_info.consumed_amount ?? round2(paid * 0.3);
		const fee = order.amount_info.commission_amount ?? 0;
		const amounts = [-round2(paid - consumed - fee), consumed, ...(fee ? [fee] : [])];
		const refund_infos = amounts.map((amount, i) => ({ id: `${order.order_id}-${i + 1}`, amount, ...base }));
		return ok({ total_count: refund_infos.length, refund_infos });
	},
};

module.exports = { ShowRefundOrderDetails };
