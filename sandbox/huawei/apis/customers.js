'use strict';
/**
 * Customer management (reference 5.4-5.6) and a customer's pay-per-use resources (E4).
 *
 * ListSubCustomers pages the owner's list in ascending (associated_on, customer_id) order. With
 * no filter other than the time range it never generates a record it does not return, so paging
 * through 100 000 customers stays cheap; text filters scan the (time-bounded) list.
 */
const { CODES, PARTNER, spec, ok, pageOf, scopeOf, scopedCustomer, customerView } = require('./common');
const { parseUtc } = require('../time');
const { SERVICES, localName } = require('../data/catalog');

const FREEZE_TYPES = ['ACCOUNT', 'ACCOUNT_AND_RESOURCE'];

const ListSubCustomers = {
	method: 'POST',
	path: '/v2/partners/sub-customers/query',
	codes: CODES.QUERY_CUSTOMERS,
	callers: PARTNER,
	params: {
		account_name: spec.fuzzy(64),
		customer: spec.fuzzy(64),
		offset: spec.offset(),
		limit: spec.limit(100),
		label: spec.fuzzy(64),
		association_type: spec.enumOf(['1', '3'], { maxLength: 2 }),
		associated_on_begin: spec.utcTime({ maxLength: 20 }),
		associated_on_end: spec.utcTime({ maxLength: 20 }),
		customer_id: spec.str(64),
		indirect_partner_id: spec.indirectPartner(),
	},
	handler(ctx) {
		const b = ctx.body;
		const { store } = ctx.data;
		const ownerId = scopeOf(ctx, b.indirect_partner_id);
		store.tickQuery();
		const begin = b.associated_on_begin !== undefined ? parseUtc(b.associated_on_begin) : undefined;
		const end = b.associated_on_end !== undefined ? parseUtc(b.associated_on_end) : undefined;
		if (begin !== undefined && end !== undefined && begin > end) return ok({ count: 0, customer_infos: [] });

		const textFilters = [];
		const nameNeedle = b.account_name !== undefined ? b.account_name.toLowerCase() : null;
		if (b.customer !== undefined) textFilters.push((c) => typeof c.customer === 'string' && c.customer.toLowerCase().includes(b.customer.toLowerCase()));
		if (b.label !== undefined) textFilters.push((c) => typeof c.label === 'string' && c.label.includes(b.label));
		if (store.mayHide) textFilters.push((c) => !store.isHidden(c));
		const nameMatches = (name) => nameNeedle === null || name.toLowerCase().includes(nameNeedle);
		const inRange = (c) => (begin === undefined || c.associatedSec >= begin) && (end === undefined || c.associatedSec <= end);

		if (b.customer_id !== undefined) {
			const c = store.get(b.customer_id);
			const match = c && c.ownerId === ownerId && inRange(c) && (b.association_type === undefined || c.association_type === b.association_type) && nameMatches(c.account_name) && textFilters.every((f) => f(c));
			return ok({ count: match ? 1 : 0, customer_infos: match && b.offset === 0 ? [customerView(c)] : [] });
		}

		const list = store.listOf(ownerId);
		const [lo, hi] = store.timeRange(list, begin, end);
		if (!textFilters.length && nameNeedle === null && b.association_type === undefined) {
			const page = [];
			for (let k = lo + b.offset; k < Math.min(hi, lo + b.offset + b.limit); k++) page.push(customerView(store.entryRecord(list[k])));
			return ok({ count: hi - lo, customer_infos: page });
		}
		let count = 0;
		const page = [];
		for (let k = lo; k < hi; k++) {
			const e = list[k];
			// Cheap tests first: association type and account name never need the whole record.
			if (b.association_type !== undefined && store.entryAssociation(e) !== b.association_type) continue;
			if (nameNeedle !== null && !nameMatches(store.entryAccountName(e))) continue;
			if (textFilters.length) {
				const c = store.entryRecord(e);
				if (!textFilters.every((f) => f(c))) continue;
			}
			if (count >= b.offset && page.length < b.limit) page.push(customerView(store.entryRecord(e)));
			count++;
		}
		return ok({ count, customer_infos: page });
	},
};

const customerIds = (max) => ({ type: 'array', required: true, minItems: 1, maxItems: max, items: { type: 'string', maxLength: 64 } });

/** One error_details entry of a partial failure. */
const detail = (id, code, msg) => ({ error_code: code, error_msg: msg, id });

/**
 * Freeze/unfreeze share their shape: each id is handled on its own; ids that fail are reported in
 * `error_details` (HTTP 200) and the others are applied. Full success answers 200 `{}`.
 */
function changeFreeze(ctx, apply) {
	const b = ctx.body;
	const ownerId = scopeOf(ctx, b.indirect_partner_id);
	const { store } = ctx.data;
	const errors = [];
	for (const id of [...new Set(b.customer_ids)]) {
		const c = store.get(id);
		if (!c || c.ownerId !== ownerId) errors.push(detail(id, 'CBC.5002', `The customer ${id} does not exist or is not associated with you.`));
		else if (c.association_type !== '3') errors.push(detail(id, 'CBC.0100', `The customer ${id} is not associated with you in the reseller model and cannot be frozen or unfrozen by a partner.`));
		else {
			const problem = apply(c);
			if (problem) errors.push(detail(id, problem.code, problem.msg));
		}
	}
	return ok(errors.length ? { error_details: errors } : {});
}

const FreezeSubCustomers = {
	method: 'POST',
	path: '/v2/partners/sub-customers/freeze',
	codes: CODES.FREEZE,
	callers: PARTNER,
	write: true,
	params: {
		customer_ids: customerIds(10),
		reason: spec.str(256, { required: true }),
		indirect_partner_id: spec.indirectPartner(),
		freeze_type: spec.enumOf(FREEZE_TYPES, { default: 'ACCOUNT' }),
	},
	/** An already frozen customer stays as it is (no error). */
	handler(ctx) {
		return changeFreeze(ctx, (c) => {
			if (c.is_frozen !== 1) ctx.data.store.update(c.customer_id, { is_frozen: 1, freezeType: ctx.body.freeze_type, frozenReason: ctx.body.reason });
			return null;
		});
	},
};

const UnfreezeSubCustomers = {
	method: 'POST',
	path: '/v2/partners/sub-customers/unfreeze',
	codes: CODES.FREEZE,
	callers: PARTNER,
	write: true,
	params: {
		customer_ids: customerIds(10),
		reason: spec.str(256, { required: true }),
		indirect_partner_id: spec.indirectPartner(),
		unfreeze_type: spec.enumOf(FREEZE_TYPES, { default: 'ACCOUNT' }),
	},
	/** The unfreeze type must equal the type used to freeze; a customer that is not frozen is left alone. */
	handler(ctx) {
		return changeFreeze(ctx, (c) => {
			if (c.is_frozen !== 1) return null;
			const frozenAs = c.freezeType || 'ACCOUNT';
			if (frozenAs !== ctx.body.unfreeze_type) {
				return { code: 'CBC.0100', msg: `The unfreeze type ${ctx.body.unfreeze_type} does not match the freeze type ${frozenAs} of customer ${c.customer_id}.` };
			}
			ctx.data.store.update(c.customer_id, { is_frozen: 0, freezeType: null, frozenReason: null });
			return null;
		});
	},
};

const ListCustomerOnDemandResources = {
	method: 'POST',
	path: '/v2/partners/sub-customers/on-demand-resources/query',
	codes: CODES.NONE,
	callers: PARTNER,
	language: true,
	params: {
		customer_id: spec.str(64, { required: true }),
		region_code: spec.str(64),
		service_type_code: spec.str(64),
		resource_ids: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 64 } },
		effective_time_begin: spec.utcTime({ maxLength: 20 }),
		effective_time_end: spec.utcTime({ maxLength: 20 }),
		offset: spec.offset(),
		limit: spec.limit(100),
		status: { type: 'integer', enum: [1, 2, 3, 4, 5, 6] },
		indirect_partner_id: spec.indirectPartner(),
	},
	handler(ctx) {
		const b = ctx.body;
		const c = scopedCustomer(ctx, b.customer_id, scopeOf(ctx, b.indirect_partner_id));
		const begin = b.effective_time_begin !== undefined ? parseUtc(b.effective_time_begin) : -Infinity;
		const end = b.effective_time_end !== undefined ? parseUtc(b.effective_time_end) : Infinity;
		const ids = b.resource_ids && b.resource_ids.length ? new Set(b.resource_ids) : null;
		const list = ctx.data.accounts.resourcesOf(c.customer_id).filter(
			(r) =>
				(b.region_code === undefined || r.region_code === b.region_code) &&
				(b.service_type_code === undefined || SERVICES[r.serviceIndex][0] === b.service_type_code) &&
				(!ids || ids.has(r.resource_id)) &&
				(b.status === undefined || r.status === b.status) &&
				r.effectiveSec >= begin &&
				r.effectiveSec <= end,
		);
		return ok({
			total_count: list.length,
			resources: pageOf(list, b.offset, b.limit).map((r) => {
				const s = SERVICES[r.serviceIndex];
				return {
					customer_id: r.customer_id,
					region_code: r.region_code,
					availability_zone_code: r.availability_zone_code,
					service_type_code: s[0],
					resource_type_code: s[1],
					service_type_name: localName(s, ctx.language, 2, 3),
					resource_type_name: localName(s, ctx.language, 4, 5),
					resource_id: r.resource_id,
					resource_name: r.resource_name,
					effective_time: r.effective_time,
					expire_time: r.expire_time,
					status: r.status,
					resource_spec_code: r.resource_spec_code,
					resource_info: r.resource_info,
					product_spec_desc: r.product_spec_desc,
				};
			}),
		});
	},
};

module.exports = { ListSubCustomers, FreezeSubCustomers, UnfreezeSubCustomers, ListCustomerOnDemandResources };
