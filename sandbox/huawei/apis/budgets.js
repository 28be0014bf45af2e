'use strict';
/**
 * Budgets of reseller-model customers (reference 5.10, 5.11, E1, E2). A budget is an absolute
 * figure; setting it records a SETTING entry in the adjustment history and can unfreeze the
 * customer in the same call. `used_amount` changes only through the control API (in real life it
 * lags consumption).
 */
const { CODES, PARTNER, spec, ok, noContent, scopeOf, scopedCustomer, resellerCustomer } = require('./common');

const BUDGET_TYPES = ['MONTHLY', 'PACKAGE'];

const budgetView = (c) => ({ budget_amount: c.budget.budget_amount, used_amount: c.budget.used_amount, measure_id: 1, currency: 'USD', budget_type: c.budget.budget_type });

const ShowSubCustomerBudget = {
	method: 'GET',
	path: '/v2/partners/sub-customers/budget',
	codes: CODES.SHOW_BUDGET,
	callers: PARTNER,
	params: {
		customer_id: spec.str(64, { required: true }),
		indirect_partner_id: spec.indirectPartner(),
	},
	handler(ctx) {
		const b = ctx.body;
		return ok(budgetView(resellerCustomer(ctx, b.customer_id, scopeOf(ctx, b.indirect_partner_id))));
	},
};

const UpdateSubCustomerBudget = {
	method: 'POST',
	path: '/v2/partners/sub-customers/budget',
	codes: CODES.SET_BUDGET,
	callers: PARTNER,
	write: true,
	params: {
		customer_id: spec.str(64, { required: true }),
		budget_amount: { type: 'number', required: true, exclusiveMin: 0, max: 2147483647, maxDecimals: 2 },
		cancel_partner_frozen: spec.enumOf(['0', '1'], { default: '0' }),
		indirect_partner_id: spec.indirectPartner(),
		budget_type: spec.enumOf(BUDGET_TYPES, { default: 'MONTHLY' }),
		frozen_operate_type: { type: 'integer', enum: [0, 1] },
	},
	/**
	 * Success is HTTP 204 with no body (the reference could not confirm 204 versus 200 `{}`; clients
	 * must accept both). frozen_operate_type left out keeps the current setting; a first budget
	 * without it gets 0 (manual freeze).
	 */
	handler(ctx) {
		const b = ctx.body;
		const ownerId = scopeOf(ctx, b.indirect_partner_id);
		const c = resellerCustomer(ctx, b.customer_id, ownerId);
		const budget = {
			...c.budget,
			budget_amount: b.budget_amount,
			budget_type: b.budget_type,
			frozen_operate_type: b.frozen_operate_type !== undefined ? b.frozen_operate_type : c.budget.frozen_operate_type ?? 0,
		};
		const changes = { budget };
		if (b.cancel_partner_frozen === '1') Object.assign(changes, { is_frozen: 0, freezeType: null, frozenReason: null });
		ctx.data.store.update(c.customer_id, changes);
		ctx.data.budgetRecords.append(c.customer_id, { budget_amount: b.budget_amount, budget_type: b.budget_type, operator: ctx.caller.operator, nowSec: ctx.nowSec, owner: ctx.data.ownerInfo(ownerId) });
		return noContent();
	},
};

const ListSubCustomerBudget = {
	method: 'POST',
	path: '/v2/partners/sub-customers/budget/query',
	codes: CODES.ACCOUNT_QUOTA,
	callers: PARTNER,
	params: {
		customer_ids: { type: 'array', required: true, minItems: 1, maxItems: 100, items: { type: 'string', maxLength: 64 } },
		indirect_partner_id: spec.indirectPartner(),
	},
	/** In request order; ids that are not reseller-model customers of the caller are silently left out. */
	handler(ctx) {
		const b = ctx.body;
		const ownerId = scopeOf(ctx, b.indirect_partner_id);
		const infos = [];
		for (const id of new Set(b.customer_ids)) {
			const c = ctx.data.store.get(id);
			if (!c || c.ownerId !== ownerId || c.association_type !== '3' || !c.budget) continue;
			infos.push({ customer_id: c.customer_id, budget_amount: c.budget.budget_amount, used_amount: c.budget.used_amount, budget_type: c.budget.budget_type });
		}
		return ok({ measure_id: 1, currency: 'USD', budget_infos: infos });
	},
};

const ListSubCustomerBudgetRecords = {
	method: 'GET',
	path: '/v2/partners/sub-customers/budget/records',
	codes: CODES.SET_BUDGET,
	callers: PARTNER,
	params: {
		customer_id: spec.str(64, { required: true, minLength: 1 }),
		indirect_partner_id: spec.str(64),
		operation_type: spec.enumOf(['SETTING', 'DELETE'], { maxLength: 10, noEmpty: true }),
		budget_type: spec.enumOf(BUDGET_TYPES, { noEmpty: true }),
		offset: spec.offset(2147483647),
		limit: spec.limit(100),
	},
	/** Newest first. */
	handler(ctx) {
		const b = ctx.body;
		const ownerId = scopeOf(ctx, b.indirect_partner_id);
		const c = scopedCustomer(ctx, b.customer_id, ownerId);
		const list = ctx.data.budgetRecords
			.list(c, ctx.data.ownerInfo(ownerId))
			.filter((r) => (b.operation_type === undefined || r.operation_type === b.operation_type) && (b.budget_type === undefined || r.budget_type === b.budget_type));
		return ok({
			total_count: list.length,
			measure_id: 1,
			currency: 'USD',
			record_list: list.slice(b.offset, b.offset + b.limit).map(({ operationSec, ...r }) => r),
		});
	},
};

module.exports = { ShowSubCustomerBudget, UpdateSubCustomerBudget, ListSubCustomerBudget, ListSubCustomerBudgetRecords };
