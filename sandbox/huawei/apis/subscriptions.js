'use strict';
/**
 * Yearly/monthly resources (ListPayPerUseCustomerResources, `POST /v2/orders/suscriptions/resources/query`,
 * Huawei's own spelling). A partner lists one customer's resources by naming it in `customer_id`
 * (another partner's customer or an unknown id is CBC.5002); without it the partner lists its own,
 * of which the sandbox partner has none. A customer with its own key lists its own resources, and
 * `customer_id` is not processed. Resources are listed by expiry (oldest first); the expiry range
 * is inclusive; `resource_ids` also matches the attached resources of the named ones unless
 * `only_main_resource` is 1. The API takes no X-Language: names are English, as in the order list.
 * No Action code is documented for this API.
 */
const { CODES, ANY, MAX_OFFSET, spec, ok, pageOf, scopedCustomer } = require('./common');
const { invalidParam } = require('../errors');
const { parseUtc } = require('../time');
const { SERVICES, localName } = require('../data/catalog');

const STATUSES = [2, 3, 4, 5];

/** Whose resources a call lists: the named customer of the partner, or the caller's own. */
function ownerOf(ctx, customerId) {
	if (ctx.caller.role === 'customer') return ctx.caller.customerId;
	if (customerId === undefined) return null;
	return scopedCustomer(ctx, customerId, ctx.caller.partnerId).customer_id;
}

const ListPayPerUseCustomerResources = {
	method: 'POST',
	path: '/v2/orders/suscriptions/resources/query',
	codes: CODES.NONE,
	callers: ANY,
	params: {
		resource_ids: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 64 } },
		order_id: spec.str(64),
		only_main_resource: { type: 'integer', enum: [0, 1], default: 0 },
		status_list: { type: 'array', maxItems: STATUSES.length, items: { type: 'integer', enum: STATUSES } },
		offset: spec.offset(MAX_OFFSET),
		limit: spec.limit(100),
		expire_time_begin: spec.utcTime({ maxLength: 20 }),
		expire_time_end: spec.utcTime({ maxLength: 20 }),
		// "This parameter may not be an empty string" (the SDK model's own words).
		service_type_code: spec.str(64, { noEmpty: true }),
		customer_id: spec.str(64),
	},
	handler(ctx) {
		const b = ctx.body;
		const begin = b.expire_time_begin !== undefined ? parseUtc(b.expire_time_begin) : -Infinity;
		const end = b.expire_time_end !== undefined ? parseUtc(b.expire_time_end) : Infinity;
		if (begin > end) throw invalidParam('Invalid parameter `expire_time_end`: must not be before expire_time_begin.');
		const owner = ownerOf(ctx, b.customer_id);
		const subscriptions = ctx.data.subscriptions;
		const all = owner === null ? [] : subscriptions.of(owner);
		const named = b.resource_ids && b.resource_ids.length ? new Set(b.resource_ids) : null;
		const statuses = b.status_list && b.status_list.length ? new Set(b.status_list) : null;
		const list = all.filter(
			(r) =>
				(!named || named.has(r.resource_id) || (b.only_main_resource === 0 && named.has(r.parent_resource_id))) &&
				(b.only_main_resource === 0 || r.is_main_resource === 1) &&
				(b.order_id === undefined || r.orderId.toUpperCase() === b.order_id.toUpperCase()) &&
				(b.service_type_code === undefined || SERVICES[r.serviceIndex][0] === b.service_type_code) &&
				(!statuses || statuses.has(subscriptions.statusAt(r, ctx.nowSec))) &&
				r.expireSec >= begin &&
				r.expireSec <= end,
		);
		return ok({ data: pageOf(list, b.offset, b.limit).map((r) => subscriptions.view(r, ctx.nowSec, localName, 'en_US')), total_count: list.length });
	},
};

module.exports = { ListPayPerUseCustomerResources };
