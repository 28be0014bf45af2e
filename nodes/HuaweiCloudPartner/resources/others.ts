import type { FieldSpec, OperationSpec } from '../../shared/types';
import { customerIdField, customerIdsField, EN_US, INDIRECT_PARTNER_FIELD, utcTimeField } from './sharedFields';
import { PERMISSIONS } from './permissions';
import { orderDetailsExecute } from '../orderDetails';

const offsetBody = (records: string, total: string) => ({
	recordsPath: records,
	paging: { style: 'offset' as const, offsetField: 'offset', limitField: 'limit', maxPageSize: 100, totalPath: total, in: 'body' as const },
});
const offsetQuery = (records: string, total: string) => ({
	recordsPath: records,
	paging: { style: 'offset' as const, offsetField: 'offset', limitField: 'limit', maxPageSize: 100, totalPath: total, in: 'query' as const },
});
const query = (field: FieldSpec): FieldSpec => ({ ...field, in: 'query' });

/** Huawei order ids (e.g. `CS2105181503TZCMD`); anything else could change the request path. */
const ORDER_ID = /^[A-Za-z0-9_-]{1,64}$/;

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

const BILL_CYCLE: FieldSpec = {
	name: 'bill_cycle',
	displayName: 'Bill Month',
	kind: 'month',
	required: true,
	paramName: 'billCycle',
	in: 'query',
	description: 'Bill month: pick any day of it, or type YYYY-MM. The bill of a month is ready on the 5th of the next (12:00 UTC+8).',
};

export const resellerOperations: OperationSpec[] = [
	{
		resource: 'reseller',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many resellers',
		description: 'Lists your resellers (distributors only); use their ID as Reseller ID elsewhere',
		vendorAction: 'ListIndirectPartners',
		http: { method: 'POST', path: '/v2/partners/indirect-partners/query' },
		write: false,
		rateLimitPerSecond: 10,
		permissions: [...PERMISSIONS.resellers.codes],
		permissionPath: PERMISSIONS.resellers.path,
		...offsetBody('indirect_partners', 'count'),
		fields: [
			{ name: 'account_name', displayName: 'Account Name', kind: 'string', maxLength: 64, description: 'Reseller account name' },
			utcTimeField('associated_on_begin', 'Associated From', 'Only resellers associated at or after this time'),
			utcTimeField('associated_on_end', 'Associated To', 'Only resellers associated at or before this time'),
			{ ...INDIRECT_PARTNER_FIELD, description: 'Only this reseller' },
		],
	},
];

export const ORDER_STATUS = [
	['1', 'Pending Approval'],
	['3', 'Processing'],
	['4', 'Cancelled'],
	['5', 'Completed'],
	['6', 'Pending Payment'],
	['9', 'To Be Confirmed'],
].map(([value, name]) => ({ name, value: Number(value) }));

export const ORDER_TYPE = [
	['1', 'New Purchase'],
	['2', 'Renewal'],
	['3', 'Change'],
	['4', 'Unsubscription'],
	['11', 'Pay-per-Use to Yearly/Monthly'],
	['13', 'Trial'],
	['14', 'Trial to Commercial'],
	['15', 'Price Adjustment'],
].map(([value, name]) => ({ name, value }));

export const orderOperations: OperationSpec[] = [
	{
		resource: 'order',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many orders',
		description: "Lists yearly/monthly orders of your customers, with filters (a creation-time range may span at most one year)",
		vendorAction: 'ListCustomerOrders',
		http: { method: 'GET', path: '/v2/orders/customer-orders' },
		write: false,
		rateLimitPerSecond: 10,
		permissions: [...PERMISSIONS.orders.codes],
		permissionPath: PERMISSIONS.orders.path,
		...offsetQuery('order_infos', 'total_count'),
		fields: [
			query({ name: 'order_id', displayName: 'Order ID', kind: 'string', maxLength: 64, description: 'Only this order' }),
			query(customerIdField({ required: false, description: 'Only orders of this customer' })),
			query(utcTimeField('create_time_begin', 'Created From', 'Orders created at or after this time')),
			query(utcTimeField('create_time_end', 'Created To', 'Orders created at or before this time (at most one year after Created From)')),
			query({ name: 'service_type_code', displayName: 'Service Type Code', kind: 'string', maxLength: 64, placeholder: 'hws.service.type.ebs', description: 'Only orders of this cloud service type' }),
			query({ name: 'status', displayName: 'Status', kind: 'options', options: ORDER_STATUS, default: 5, description: 'Only orders in this status' }),
			query({ name: 'order_type', displayName: 'Order Type', kind: 'options', options: ORDER_TYPE, default: '1', description: 'Only orders of this type' }),
			query({
				name: 'order_by',
				displayName: 'Sort',
				kind: 'options',
				options: [
					{ name: 'Oldest First', value: 'createTime' },
					{ name: 'Newest First', value: '-createTime' },
				],
				default: '-createTime',
				description: 'Order by creation time',
			}),
			query(utcTimeField('payment_time_begin', 'Paid From', 'Orders paid at or after this time')),
			query(utcTimeField('payment_time_end', 'Paid To', 'Orders paid at or before this time')),
			query(INDIRECT_PARTNER_FIELD),
			query({
				name: 'method',
				displayName: 'Whose Orders',
				kind: 'options',
				options: [
					{ name: 'My Customers', value: 'oneself' },
					{ name: 'Enterprise Sub-Customers', value: 'sub_customer' },
				],
				default: 'oneself',
				description: 'Orders of your own customers, or of the sub-customers of enterprise customers (method).',
			}),
		],
		finalizeRequest: ({ qs }) => {
			const begin = Date.parse(String(qs.create_time_begin ?? ''));
			const end = Date.parse(String(qs.create_time_end ?? ''));
			return Number.isFinite(begin) && Number.isFinite(end) && end - begin > 366 * 86400000
				? '"Created From" and "Created To" may be at most one year apart'
				: undefined;
		},
	},
	{
		resource: 'order',
		operation: 'get',
		name: 'Get',
		action: 'Get an order with its line items',
		description: 'Returns one order with all its line items (fetched page by page)',
		vendorAction: 'ShowCustomerOrderDetails',
		http: { method: 'GET', path: '/v2/orders/customer-orders/details/{order_id}' },
		headers: EN_US,
		write: false,
		rateLimitPerSecond: 10,
		permissions: [...PERMISSIONS.orders.codes],
		permissionPath: PERMISSIONS.orders.path,
		fields: [
			{ name: 'order_id', displayName: 'Order ID', kind: 'string', required: true, maxLength: 64, paramName: 'orderId', in: 'path', pattern: ORDER_ID, patternHint: 'an order ID of letters, digits, _ and -, e.g. CS2105181503TZCMD', description: 'The order to show' },
			query(INDIRECT_PARTNER_FIELD),
		],
		execute: orderDetailsExecute,
	},
];

export const budgetOperations: OperationSpec[] = [
	{
		resource: 'budget',
		operation: 'get',
		name: 'Get',
		action: "Get a customer's budget",
		description: "Returns a reseller-model customer's budget, how much is used, and the remaining amount",
		vendorAction: 'ShowSubCustomerBudget',
		http: { method: 'GET', path: '/v2/partners/sub-customers/budget' },
		write: false,
		rateLimitPerSecond: 10,
		permissions: [...PERMISSIONS.getBudget.codes],
		permissionPath: PERMISSIONS.getBudget.path,
		fields: [query(customerIdField()), query(INDIRECT_PARTNER_FIELD)],
		enrich: (budget) => ({
			// Amounts are decimals with 2 places: subtract in cents so no float noise appears.
			remaining_amount: (Math.round(Number(budget.budget_amount) * 100) - Math.round(Number(budget.used_amount) * 100)) / 100,
		}),
	},
	{
		resource: 'budget',
		operation: 'set',
		name: 'Set',
		action: "Set a customer's budget",
		description: "Sets a reseller-model customer's budget to an amount (not a change), optionally unfreezing the account",
		vendorAction: 'UpdateSubCustomerBudget',
		http: { method: 'POST', path: '/v2/partners/sub-customers/budget' },
		write: true,
		rateLimitPerSecond: 10,
		permissions: [...PERMISSIONS.setBudget.codes],
		permissionPath: PERMISSIONS.setBudget.path,
		echoRequestWhenEmpty: true,
		verifyHint: 'Setting a budget is absolute, so running it again sets the same amount; check it with Budget > Get.',
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
		http: { method: 'POST', path: '/v2/partners/sub-customers/budget/query' },
		write: false,
		rateLimitPerSecond: 10,
		permissions: [...PERMISSIONS.quota.codes],
		permissionPath: PERMISSIONS.quota.path,
		recordsPath: 'budget_infos',
		batch: { field: 'customer_ids', maxPerCall: 100 },
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
		http: { method: 'GET', path: '/v2/partners/sub-customers/budget/records' },
		write: false,
		rateLimitPerSecond: 10,
		permissions: [...PERMISSIONS.setBudget.codes],
		permissionPath: PERMISSIONS.setBudget.path,
		...offsetQuery('record_list', 'total_count'),
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

export const billOperations: OperationSpec[] = [
	{
		resource: 'bill',
		operation: 'getMonthlySummary',
		name: 'Get Monthly Summary',
		action: 'Get your monthly bill summary',
		description: 'Your own postpaid bill for a month: amount due, expenditure, refunds, adjustments, tax',
		vendorAction: 'ListPostpaidBillSum',
		http: { method: 'GET', path: '/v2/bills/partner-bills/postpaid-bill-summary' },
		write: false,
		rateLimitPerSecond: 10,
		permissions: [...PERMISSIONS.bills.codes],
		permissionPath: PERMISSIONS.bills.path,
		fields: [BILL_CYCLE],
	},
];

export const partnerOperations: OperationSpec[] = [
	{
		resource: 'partner',
		operation: 'getConsumptionQuota',
		name: 'Get Consumption Quota',
		action: 'Get your consumption quota',
		description: 'Your credit line with Huawei Cloud; if it runs out, you and all your reseller customers cannot buy. Amounts are strings.',
		vendorAction: 'ShowPartnerConsumptionQuota',
		http: { method: 'GET', path: '/v2/partners/credit/consumption-quota' },
		write: false,
		rateLimitPerSecond: 10,
		permissions: [...PERMISSIONS.quota.codes],
		permissionPath: PERMISSIONS.quota.path,
		fields: [],
	},
	{
		resource: 'partner',
		operation: 'getCoupons',
		name: 'Get Coupons',
		action: 'Get your coupons',
		description: "Lists the calling account's own coupons",
		vendorAction: 'ListSubCustomerCoupons',
		http: { method: 'GET', path: '/v2/promotions/benefits/coupons' },
		write: false,
		rateLimitPerSecond: 10,
		...offsetQuery('user_coupons', 'count'),
		fields: [
			query({ name: 'coupon_id', displayName: 'Coupon ID', kind: 'string', description: 'Only this coupon' }),
			query({ name: 'order_id', displayName: 'Order ID', kind: 'string', description: 'Only coupons used by this order' }),
			query({ name: 'promotion_plan_id', displayName: 'Promotion Plan ID', kind: 'string', description: 'Only coupons of this promotion' }),
			query({
				name: 'status',
				displayName: 'Status',
				kind: 'options',
				options: [
					{ name: 'Not Activated', value: 1 },
					{ name: 'Available', value: 2 },
					{ name: 'Used', value: 3 },
					{ name: 'Expired', value: 4 },
					{ name: 'Reclaimed', value: 5 },
				],
				default: 2,
				description: 'Only coupons in this state (used, expired and reclaimed ones for the last 12 months)',
			}),
			query({ name: 'coupon_type', displayName: 'Coupon Type', kind: 'options', options: [{ name: 'Cash Coupon', value: 1 }], default: 1, description: 'Only cash coupons (other types are reserved)' }),
			query(utcTimeField('active_start_time', 'Active From', 'Coupons activated at or after this time')),
			query(utcTimeField('active_end_time', 'Active To', 'Coupons activated at or before this time')),
			query({ name: 'source_id', displayName: 'Issuer ID', kind: 'string', description: 'Only coupons issued by this partner ID' }),
		],
	},
	{
		resource: 'partner',
		operation: 'getCustomerResources',
		name: 'Get Customer Resources',
		action: "Get a customer's pay-per-use resources",
		description: "Lists a customer's pay-per-use resources (service, region, status, specification)",
		vendorAction: 'ListCustomerOnDemandResources',
		http: { method: 'POST', path: '/v2/partners/sub-customers/on-demand-resources/query' },
		headers: EN_US,
		write: false,
		rateLimitPerSecond: 10,
		...offsetBody('resources', 'total_count'),
		fields: [
			customerIdField(),
			{ name: 'region_code', displayName: 'Region Code', kind: 'string', placeholder: 'eu-west-101', description: 'Only resources in this region' },
			{ name: 'service_type_code', displayName: 'Service Type Code', kind: 'string', placeholder: 'hws.service.type.ec2', description: 'Only resources of this service' },
			{ name: 'resource_ids', displayName: 'Resource IDs', kind: 'stringList', maxItems: 50, description: 'Only these resources (up to 50)' },
			utcTimeField('effective_time_begin', 'Effective From', 'Resources effective at or after this time'),
			utcTimeField('effective_time_end', 'Effective To', 'Resources effective at or before this time'),
			{
				name: 'status',
				displayName: 'Status',
				kind: 'options',
				options: ['Normal', 'Grace Period', 'Frozen', 'Changing', 'Closing', 'Closed'].map((name, i) => ({ name, value: i + 1 })),
				default: 1,
				description: 'Only resources in this state',
			},
			INDIRECT_PARTNER_FIELD,
		],
	},
	{
		resource: 'partner',
		operation: 'getMeasureUnits',
		name: 'Get Measurement Units',
		action: 'Get measurement units',
		description: 'The units amounts and usage are measured in (measure_id 1 is the main currency unit)',
		vendorAction: 'ListMeasureUnits',
		http: { method: 'GET', path: '/v2/bases/measurements' },
		headers: EN_US,
		write: false,
		rateLimitPerSecond: 10,
		recordsPath: 'measure_units',
		clientSideLimit: true,
		fields: [],
	},
];

export const customerAccountOperations: OperationSpec[] = [
	{
		resource: 'customerAccount',
		operation: 'getBalances',
		name: 'Get Balances',
		action: 'Get own account balances as a customer',
		description: 'The calling customer\'s balances and arrears (referral-model customers; reseller customers use budgets)',
		vendorAction: 'ShowCustomerAccountBalances',
		http: { method: 'GET', path: '/v2/accounts/customer-accounts/balances' },
		write: false,
		rateLimitPerSecond: 10,
		needsCustomerKey: true,
		fields: [],
	},
	{
		resource: 'customerAccount',
		operation: 'getMonthlySpend',
		name: 'Get Monthly Spend',
		action: 'Get own monthly expenditure as a customer',
		description: "The calling customer's expenditure for a month, one item per service and resource type",
		vendorAction: 'ShowCustomerMonthlySum',
		http: { method: 'GET', path: '/v2/bills/customer-bills/monthly-sum' },
		write: false,
		rateLimitPerSecond: 10,
		needsCustomerKey: true,
		...offsetQuery('bill_sums', 'total_count'),
		fields: [
			{ ...BILL_CYCLE, description: 'Month (UTC+8): pick any day of it, or type YYYY-MM' },
			query({ name: 'service_type_code', displayName: 'Service Type Code', kind: 'string', description: 'Only this cloud service' }),
			query({ name: 'enterprise_project_id', displayName: 'Enterprise Project ID', kind: 'string', description: 'Only this enterprise project (0 = default, -1 = not grouped)' }),
			query({
				name: 'method',
				displayName: 'Whose Spend',
				kind: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Own Only', value: 'oneself' },
					{ name: 'One Sub-Customer', value: 'sub_customer' },
				],
				default: 'all',
				description: 'Own spend, a sub-customer\'s, or all',
			}),
			query({ name: 'sub_customer_id', displayName: 'Sub-Customer ID', kind: 'string', description: 'Required when Whose Spend is One Sub-Customer' }),
		],
	},
	{
		resource: 'customerAccount',
		operation: 'getExpenditureQuota',
		name: 'Get Expenditure Quota',
		action: 'Get own expenditure quota as a customer',
		description: "The calling customer's granted expenditure quota and how much is used",
		vendorAction: 'ShowCustomerExpenditureQuota',
		http: { method: 'GET', path: '/v2/accounts/customer-accounts/expenditure-quota' },
		write: false,
		rateLimitPerSecond: 10,
		needsCustomerKey: true,
		fields: [],
	},
];
