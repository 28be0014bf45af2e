'use strict';
/**
 * Control operations for yearly/monthly orders (ListCustomerOrders): add any number of orders of a
 * customer, created now or spread over the days before a time, with a chosen status and type, so
 * trigger tests and benchmarks can grow the order list and add new orders at known times; and for
 * the yearly/monthly resources they buy (ListPayPerUseCustomerResources): add resources expiring at
 * a known time and renew one to a new expiry.
 */
const { createRng } = require('../prng');
const { buildOrder, orderIdOf } = require('./data/orders');
const { parseUtc } = require('./time');

const badRequest = (message) => Object.assign(new Error(message), { status: 400 });
const DAY_SEC = 86400;
const MAX_ADD = 200000;
const STATUSES = [1, 3, 4, 5, 6, 9];
const ORDER_TYPES = [1, 2, 3, 4, 11, 13, 14, 15];

function intOption(body, name, fallback, min, max) {
	const value = body[name] === undefined ? fallback : body[name];
	if (!Number.isInteger(value) || value < min || value > max) throw badRequest(`${name} must be an integer ${min}..${max}`);
	return value;
}

/**
 * @param {{ getData: () => object, clock: object }} deps
 */
function createOrderControl({ getData, clock }) {
	let added = 0;
	const functions = {
		/**
		 * Adds `count` orders (default 1) of `customer_id` (default the first seeded customer),
		 * created at `create_time` (UTC, default now) or spread evenly over `spreadDays` before it,
		 * with `status` and `order_type` when given (else generated). Returns the ids added (up to 20).
		 * @param {Record<string, any>} [body] the control call's body
		 */
		addOrders(body = {}) {
			if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body must be a JSON object');
			const { store, partner, orders, options } = getData();
			const count = intOption(body, 'count', 1, 1, MAX_ADD);
			const spreadDays = intOption(body, 'spreadDays', 0, 0, 3650);
			if (body.status !== undefined && !STATUSES.includes(body.status)) throw badRequest(`status must be one of ${STATUSES.join(', ')}`);
			if (body.order_type !== undefined && !ORDER_TYPES.includes(body.order_type)) throw badRequest(`order_type must be one of ${ORDER_TYPES.join(', ')}`);
			let lastSec = clock.nowSec();
			if (body.create_time !== undefined) {
				lastSec = typeof body.create_time === 'string' ? parseUtc(body.create_time) : null;
				if (lastSec === null || lastSec === undefined) throw badRequest('create_time must be YYYY-MM-DDThh:mm:ssZ');
			}
			const customer = store.get(body.customer_id ?? store.seededId(0));
			if (!customer) throw badRequest(`no customer ${body.customer_id}`);
			const step = spreadDays > 0 && count > 1 ? Math.floor((spreadDays * DAY_SEC) / (count - 1)) : 0;
			const made = [];
			for (let i = 0; i < count; i++) {
				const rng = createRng(options.seed, 'hw-control-order', added++);
				const order = buildOrder(rng, { customer, ownerId: partner.id, partnerId: partner.id, anchorSec: lastSec, agentPay: customer.association_type === '3' });
				order.createSec = lastSec - i * step;
				order.order_id = orderIdOf(rng, order.createSec);
				if (body.status !== undefined) order.status = body.status;
				if (body.order_type !== undefined) order.order_type = body.order_type;
				order.paymentSec = order.status === 5 || order.status === 3 ? order.createSec : null;
				made.push(order);
			}
			orders.add(made);
			return { orders: orders.list.length, added: made.slice(0, 20).map((o) => o.order_id) };
		},
		/**
		 * Moves order `order_id` to `status` now (sandbox clock), as when a customer pays an order
		 * long after creating it: completed or processing orders get their payment time then.
		 * @param {Record<string, any>} [body] the control call's body
		 */
		setOrderStatus(body = {}) {
			if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body must be a JSON object');
			if (!STATUSES.includes(body.status)) throw badRequest(`status must be one of ${STATUSES.join(', ')}`);
			const order = getData().orders.get(String(body.order_id ?? ""));
			if (!order) throw badRequest(`no order ${body.order_id}`);
			order.status = body.status;
			if ((order.status === 5 || order.status === 3) && (order.paymentSec === null || order.paymentSec === undefined)) order.paymentSec = clock.nowSec();
			return { order_id: order.order_id, status: order.status };
		},
	};
	/** Epoch seconds of a control body's UTC time field, or `fallback` when absent. */
	const timeOption = (body, name, fallback) => {
		if (body[name] === undefined) return fallback;
		const sec = typeof body[name] === 'string' ? parseUtc(body[name]) : null;
		if (sec === null || sec === undefined) throw badRequest(`${name} must be YYYY-MM-DDThh:mm:ssZ`);
		return sec;
	};
	Object.assign(functions, {
		/**
		 * Adds `count` yearly/monthly resources (default 1) of `customer_id` (default the first seeded
		 * customer) expiring at `expire_time` (UTC, default 30 days from now), each next one
		 * `stepSeconds` later, bought at `effective_time` (default now), with a period of `periodDays`
		 * (30, 90, 180 or 365; else generated).
		 * Returns the resource ids added (up to 20) and the customer's resource count.
		 * @param {Record<string, any>} [body] the control call's body
		 */
		addSubscriptions(body = {}) {
			if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body must be a JSON object');
			const { store, subscriptions } = getData();
			const count = intOption(body, 'count', 1, 1, MAX_ADD);
			const stepSec = intOption(body, 'stepSeconds', 0, 0, 3650 * DAY_SEC);
			if (body.periodDays !== undefined && ![30, 90, 180, 365].includes(body.periodDays)) throw badRequest('periodDays must be one of 30, 90, 180, 365');
			const expireSec = timeOption(body, 'expire_time', clock.nowSec() + 30 * DAY_SEC);
			const effectiveSec = timeOption(body, 'effective_time', clock.nowSec());
			if (effectiveSec >= expireSec) throw badRequest('effective_time must be before expire_time');
			const customer = store.get(body.customer_id ?? store.seededId(0));
			if (!customer) throw badRequest(`no customer ${body.customer_id}`);
			const made = subscriptions.add(customer.customer_id, { count, expireSec, nowSec: clock.nowSec(), effectiveSec, stepSec, periodDays: body.periodDays });
			return { customer_id: customer.customer_id, resources: subscriptions.of(customer.customer_id).length, added: made.slice(0, 20).map((r) => r.resource_id) };
		},
		/**
		 * Renews resource `resource_id` (and its attached resources) to expire at `expire_time`, as a
		 * paid renewal does; its update time becomes now (sandbox clock).
		 * @param {Record<string, any>} [body] the control call's body
		 */
		renewSubscription(body = {}) {
			if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body must be a JSON object');
			if (body.expire_time === undefined) throw badRequest('expire_time is required');
			const expireSec = timeOption(body, 'expire_time', 0);
			const renewed = getData().subscriptions.renew(String(body.resource_id ?? ''), expireSec, clock.nowSec());
			if (!renewed) throw badRequest(`no resource ${body.resource_id}`);
			return { resource_id: renewed.resource_id, expire_time: body.expire_time };
		},
	});
	const routes = [
		{ method: 'POST', path: '/_control/huawei/orders', run: (q, body) => functions.addOrders(body) },
		{ method: 'POST', path: '/_control/huawei/orders/status', run: (q, body) => functions.setOrderStatus(body) },
		{ method: 'POST', path: '/_control/huawei/subscriptions', run: (q, body) => functions.addSubscriptions(body) },
		{ method: 'POST', path: '/_control/huawei/subscriptions/renew', run: (q, body) => functions.renewSubscription(body) },
	];
	return { functions, routes };
}

module.exports = { createOrderControl };
