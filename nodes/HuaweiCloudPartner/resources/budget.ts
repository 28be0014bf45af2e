import type { FieldSpec, OperationSpec } from '../../shared/types';
import { customerIdField, customerIdsField, INDIRECT_PARTNER_FIELD, offsetPagingInQuery, query } from './sharedFields';
import { PERMISSIONS } from './permissions';

const BUDGET_TYPE: FieldSpec = {
	name: 'budget_type',
	displayName: 'Budget Type',
	kind: 'options',
	options: [
		{ name: 'Monthly (Resets Each Month)', value: 'MONTHLY' },
		{ name: 'One-Off Package', value: 'PACKAGE' },
	],
	default: 'MONTHLY',
	description: 'Monthly budget or one-off budget',
};

export const budgetOperations: OperationSpec[] = [
	{
		resource: 'budget',
		operation: 'get',
		name: 'Get',
		action: "Get a customer's budget",
		description: "Returns a reseller-model customer's budget, how much is used, and the remaining amount",
		vendorAction: 'ShowSubCustomerBudget',
		request: { http: { method: 'GET', path: '/v2/partners/sub-customers/budget' } },
		write: false,
		rateLimitPerSecond: 10,
		access: { permissions: [...PERMISSIONS.getBudget.codes], permissionPath: PERMISSIONS.getBudget.path },
		fields: [query(customerIdField()), query(INDIRECT_PARTNER_FIELD)],
		answer: {
			enrich: (budget) => ({
				// Amounts are decimals with 2 places: subtract in cents so no float noise appears.
				remaining_amount: (Math.round(Number(budget.budget_amount) * 100) - Math.round(Number(budget.used_amount) * 100)) / 100,
			}),
		},
	},
	{
		resource: 'budget',
		operation: 'set',
		name: 'Set',
		action: "Set a customer's budget",
		description: "Sets a reseller-model customer's budget to an amount (not a change), optionally unfreezing the account",
		vendorAction: 'UpdateSubCustomerBudget',
		request: { http: { method: 'POST', path: '/v2/partners/sub-customers/budget' } },
		write: true,
		rateLimitPerSecond: 10,
		access: { permissions: [...PERMISSIONS.setBudget.codes], permissionPath: PERMISSIONS.setBudget.path },
		answer: { echoRequestWhenEmpty: true },
		writeRules: { verifyHint: 'Setting a budget is absolute, so running it again sets the same amount; check it with Budget > Get.' },
		fields: [
			customerIdField(),
			{
				name: 'budget_amount',
				displayName: 'Budget Amount',
				kind: 'number',
				required: true,
				min: 0.01,
				max: 2147483647,
				decimals: 2,
				description: 'Budget in the account currency (usually USD), up to 2 decimals; the amount, not a change',
			},
			{
				name: 'cancel_partner_frozen',
				displayName: 'Unfreeze Account',
				kind: 'options',
				options: [
					{ name: 'Leave As Is', value: '0' },
					{ name: 'Unfreeze', value: '1' },
				],
				default: '0',
				description: "Whether to unfreeze the customer's account in the same call (new reseller customers start frozen)",
			},
			BUDGET_TYPE,
			{
				name: 'frozen_operate_type',
				displayName: 'When Budget Runs Out',
				kind: 'options',
				options: [
					{ name: 'Freeze Manually', value: 0 },
					{ name: 'Freeze Automatically', value: 1 },
				],
				default: 1,
				description: 'What happens when the budget is used up; unchanged when left out',
			},
			INDIRECT_PARTNER_FIELD,
		],
	},
	{
		resource: 'budget',
		operation: 'getMany',
		name: 'Get Many',
		action: "Get many customers' budgets",
		description: "Returns budgets of many reseller-model customers; any number of IDs (the node asks 100 at a time). Others are silently left out.",
		vendorAction: 'ListSubCustomerBudget',
		request: { http: { method: 'POST', path: '/v2/partners/sub-customers/budget/query' }, batch: { field: 'customer_ids', maxPerCall: 100 } },
		write: false,
		rateLimitPerSecond: 10,
		access: { permissions: [...PERMISSIONS.quota.codes], permissionPath: PERMISSIONS.quota.path },
		answer: { recordsPath: 'budget_infos' },
		fields: [
			customerIdsField('Customer account IDs; any number (the node asks 100 at a time)'),
			INDIRECT_PARTNER_FIELD,
		],
	},
	{
		resource: 'budget',
		operation: 'getRecords',
		name: 'Get Records',
		action: "Get a customer's budget changes",
		description: 'Lists budget settings and removals of one customer',
		vendorAction: 'ListSubCustomerBudgetRecords',
		request: { http: { method: 'GET', path: '/v2/partners/sub-customers/budget/records' } },
		write: false,
		rateLimitPerSecond: 10,
		access: { permissions: [...PERMISSIONS.setBudget.codes], permissionPath: PERMISSIONS.setBudget.path },
		answer: { recordsPath: 'record_list' },
		paging: offsetPagingInQuery('total_count'),
		fields: [
			query(customerIdField()),
			query({
				name: 'operation_type',
				displayName: 'Change Type',
				kind: 'options',
				options: [
					{ name: 'Budget Set', value: 'SETTING' },
					{ name: 'Association Removed', value: 'DELETE' },
				],
				default: 'SETTING',
				description: 'Only changes of this kind',
			}),
			query(BUDGET_TYPE),
			query(INDIRECT_PARTNER_FIELD),
		],
	},
];
