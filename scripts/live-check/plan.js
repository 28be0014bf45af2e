'use strict';
/**
 * What the live check calls: a read-only selection of each vendor's operations, run through the
 * nodes as a workflow would run them. Nothing here writes, costs money or sends mail or SMS: every
 * entry must be an operation whose spec says `write: false` (runner.js refuses anything else), and
 * the selection leaves out downloads, allowlisted and customer-key operations.
 *
 * List operations ask for one record more than a full page, so an account with enough records
 * shows the node's paging (two pages); `after` takes ids from an earlier check's output.
 */
const MORE_THAN_A_PAGE = (spec) => ({ returnAll: false, limit: (spec.paging ? spec.paging.maxPageSize : 100) + 1 });
const byId = (value) => ({ __rl: true, mode: 'id', value: String(value) });

/** First value of `field` in an earlier check's output items, or undefined. */
const firstOf = (outputs, key, field) => (outputs[key] || []).map((item) => item[field]).find((v) => v !== undefined && v !== null && v !== '');

const PLAN = {
	tencent: [
		{ resource: 'credit', operation: 'getPartnerCredit' },
		{ resource: 'customer', operation: 'getManyUins', parameters: MORE_THAN_A_PAGE },
		{
			resource: 'customer',
			operation: 'getDetails',
			after: (outputs) => {
				const uin = firstOf(outputs, 'customer getManyUins', 'CustomerUin');
				return uin === undefined ? undefined : { customerUins: [String(uin)] };
			},
		},
		{ resource: 'credit', operation: 'getManyCustomers', parameters: MORE_THAN_A_PAGE },
		{ resource: 'voucher', operation: 'getPool' },
		{ resource: 'voucher', operation: 'getMany', parameters: MORE_THAN_A_PAGE },
		{ resource: 'referenceData', operation: 'getCountryCodes' },
	],
	huawei: [
		{ resource: 'customer', operation: 'getMany', parameters: (spec) => ({ ...MORE_THAN_A_PAGE(spec), additionalFields: {} }) },
		{ resource: 'order', operation: 'getMany', parameters: (spec) => ({ ...MORE_THAN_A_PAGE(spec), additionalFields: {} }) },
		{ resource: 'partner', operation: 'getCoupons', parameters: (spec) => ({ ...MORE_THAN_A_PAGE(spec), additionalFields: {} }) },
		{ resource: 'partner', operation: 'getMeasureUnits' },
	],
	dotdigital: [
		{ resource: 'account', operation: 'getMany', parameters: (spec) => ({ ...MORE_THAN_A_PAGE(spec), additionalFields: {} }) },
		{
			resource: 'account',
			operation: 'get',
			after: (outputs) => {
				const id = firstOf(outputs, 'account getMany', 'AccountId');
				return id === undefined ? undefined : { accountId: byId(id) };
			},
		},
		{
			resource: 'user',
			operation: 'getMany',
			after: (outputs) => {
				const id = firstOf(outputs, 'account getMany', 'AccountId');
				return id === undefined ? undefined : { accountId: byId(id), returnAll: false, limit: 20 };
			},
		},
		{ resource: 'role', operation: 'getMany', parameters: () => ({ returnAll: false, limit: 50 }) },
	],
};

module.exports = { PLAN };
