import type { FieldSpec, OperationSpec } from '../../shared/types';
import { EN_US, offsetPagingInBody, offsetPagingInQuery, query } from './sharedFields';

const resource = 'customerResource';

const CYCLE: FieldSpec = {
	name: 'cycle',
	displayName: 'Bill Month',
	kind: 'month',
	required: true,
	timeZoneNote: 'Huawei reads the month in UTC+8.',
	description: 'Month of the records: pick any day of it, or type YYYY-MM',
};

const CHARGE_MODES = [
	{ name: 'Yearly/Monthly', value: 1 },
	{ name: 'Pay-per-Use', value: 3 },
	{ name: 'Reserved Instance', value: 10 },
	{ name: 'Savings Plan', value: 11 },
];

const BILL_TYPES = [
	[1, 'Expenditure - New Purchase'],
	[2, 'Expenditure - Renewal'],
	[3, 'Expenditure - Change'],
	[4, 'Refund - Unsubscription'],
	[5, 'Expenditure - Use'],
	[8, 'Expenditure - Auto-Renewal'],
	[9, 'Adjustment - Compensation'],
	[12, 'Expenditure - Hourly Billing'],
	[14, 'Expenditure - Support Plan Month-End'],
	[15, 'Expenditure - Tax'],
	[16, 'Adjustment - Deduction'],
	[17, 'Expenditure - Minimum Commitment Difference'],
	[18, 'Expenditure - Monthly Payment'],
	[20, 'Refund - Change'],
	[23, 'Expenditure - Savings Plan Deduction'],
	[24, 'Refund - Yearly/Monthly to Pay-per-Use'],
	[100, 'Refund - Unsubscription Tax'],
	[101, 'Adjustment - Compensation Tax'],
	[102, 'Adjustment - Deduction Tax'],
].map(([value, name]) => ({ name: String(name), value }));

const WHOSE: FieldSpec = {
	name: 'method',
	displayName: 'Whose Records',
	kind: 'options',
	options: [
		{ name: 'All', value: 'all' },
		{ name: 'Own Only', value: 'oneself' },
		{ name: 'One Enterprise Sub-Account', value: 'sub_customer' },
	],
	default: 'all',
	description: "The customer's own, an enterprise sub-account's, or all",
};

const SUB_CUSTOMER: FieldSpec = { name: 'sub_customer_id', displayName: 'Sub-Account ID', kind: 'string', maxLength: 64, description: 'Required when Whose Records is One Enterprise Sub-Account' };

const text = (name: string, displayName: string, description: string, placeholder?: string): FieldSpec => ({ name, displayName, kind: 'string', maxLength: 64, description, ...(placeholder ? { placeholder } : {}) });

/** Rules that span fields of the record lists: a sub-account needs its id, a day range lies in the month. */
function recordRules(fields: Record<string, unknown>, begin: string, end: string): string | undefined {
	if (fields.method === 'sub_customer' && !fields.sub_customer_id) return '"Sub-Account ID" is required when "Whose Records" is One Enterprise Sub-Account';
	if ((fields[begin] === undefined) !== (fields[end] === undefined)) return 'Give both ends of the day range, or neither';
	for (const day of [fields[begin], fields[end]]) {
		if (day !== undefined && String(day).slice(0, 7) !== fields.cycle) return 'The day range must lie in the Bill Month';
	}
	return undefined;
}

export const customerResourceOperations: OperationSpec[] = [
	{
		resource,
		operation: 'getFeeRecords',
		name: 'Get Fee Records',
		action: 'Get own resource fee records as a customer',
		description: "The customer's expenditure per resource and day (or per month) for a month, with the amounts paid by cash, credit and coupons",
		vendorAction: 'ListCustomerselfResourceRecords',
		request: { http: { method: 'GET', path: '/v2/bills/customer-bills/res-fee-records' }, headers: EN_US, finalize: ({ qs }) => recordRules(qs, 'bill_date_begin', 'bill_date_end') },
		write: false,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		answer: { recordsPath: 'fee_records' },
		paging: offsetPagingInQuery('total_count'),
		fields: [
			query(CYCLE),
			query(text('cloud_service_type', 'Service Type Code', 'Only this cloud service', 'hws.service.type.obs')),
			query(text('region', 'Region', 'Only this region code', 'ap-southeast-1')),
			query({ name: 'charge_mode', displayName: 'Billing Mode', kind: 'options', options: CHARGE_MODES.map((o) => ({ ...o, value: String(o.value) })), default: '1', description: 'Only records of this billing mode' }),
			query({ name: 'bill_type', displayName: 'Bill Type', kind: 'options', options: BILL_TYPES, default: 1, description: 'Only records of this kind' }),
			query(text('resource_id', 'Resource ID', 'Only this resource')),
			query(text('enterprise_project_id', 'Enterprise Project ID', 'Only this enterprise project (0 = default)')),
			query({ name: 'include_zero_record', displayName: 'Include Zero Amounts', kind: 'boolean', description: 'Whether records with nothing to pay are included' }),
			query(WHOSE),
			query(SUB_CUSTOMER),
			query(text('trade_id', 'Order or Transaction ID', 'Only records of this order (new purchase, renewal, change, unsubscription) or transaction')),
			query({ name: 'bill_date_begin', displayName: 'From Day', kind: 'date', description: 'First day (in the Bill Month); needs To Day' }),
			query({ name: 'bill_date_end', displayName: 'To Day', kind: 'date', description: 'Last day (in the Bill Month); needs From Day' }),
			query({
				name: 'statistic_type',
				displayName: 'Totals',
				kind: 'options',
				options: [
					{ name: 'Per Record (Detail)', value: 3 },
					{ name: 'Per Month', value: 1 },
				],
				default: 3,
				description: 'One item per record, or per resource and month',
			}),
		],
	},
	{
		resource,
		operation: 'getRecordDetails',
		name: 'Get Usage Details',
		action: 'Get own resource usage details as a customer',
		description: "The customer's resource details for a month (per month, day or record), with usage and amounts; from 2019-01 on",
		vendorAction: 'ListCustomerselfResourceRecordDetails',
		request: {
			http: { method: 'POST', path: '/v2/bills/customer-bills/res-records/query' },
			headers: { 'X-Language': 'en_us' },
			finalize: ({ body }) => {
				if (body.query_type === 'DAILY' && (body.bill_cycle_begin === undefined || body.bill_cycle_end === undefined)) return '"From Day" and "To Day" are required when "Period" is Daily';
				// Huawei totals per month unless told otherwise, and refuses that with a day range.
				if (body.query_type === 'DAILY' && (body.statistic_type ?? 1) === 1) return '"Period" Daily needs "Totals" Per Day or Per Record';
				return recordRules(body, 'bill_cycle_begin', 'bill_cycle_end');
			},
		},
		write: false,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		answer: { recordsPath: 'monthly_records' },
		paging: offsetPagingInBody('total_count'),
		fields: [
			CYCLE,
			text('cloud_service_type', 'Service Type Code', 'Only this cloud service', 'hws.service.type.ebs'),
			text('resource_type', 'Resource Type Code', 'Only this resource type', 'hws.resource.type.volume'),
			text('region', 'Region', 'Only this region code', 'ap-southeast-1'),
			text('res_instance_id', 'Resource ID', 'Only this resource'),
			{ name: 'charge_mode', displayName: 'Billing Mode', kind: 'options', options: CHARGE_MODES, default: 1, description: 'Only records of this billing mode' },
			{ name: 'bill_type', displayName: 'Bill Type', kind: 'options', options: BILL_TYPES, default: 1, description: 'Only records of this kind' },
			text('enterprise_project_id', 'Enterprise Project ID', 'Only this enterprise project (0 = default)'),
			{ name: 'include_zero_record', displayName: 'Include Zero Amounts', kind: 'boolean', description: 'Whether records with nothing to pay are included' },
			WHOSE,
			SUB_CUSTOMER,
			{
				name: 'statistic_type',
				displayName: 'Totals',
				kind: 'options',
				options: [
					{ name: 'Per Month', value: 1 },
					{ name: 'Per Day', value: 2 },
					{ name: 'Per Record (Detail)', value: 3 },
				],
				default: 1,
				description: 'One item per resource and month, day, or record',
			},
			{
				name: 'query_type',
				displayName: 'Period',
				kind: 'options',
				options: [
					{ name: 'Whole Month', value: 'BILLCYCLE' },
					{ name: 'Daily (Day Range)', value: 'DAILY' },
				],
				default: 'BILLCYCLE',
				description: 'The whole Bill Month, or a day range in it (needs Totals Per Day or Per Record)',
			},
			{ name: 'bill_cycle_begin', displayName: 'From Day', kind: 'date', description: 'First day, with Period Daily' },
			{ name: 'bill_cycle_end', displayName: 'To Day', kind: 'date', description: 'Last day, with Period Daily' },
			text('payer_account_id', 'Payer Account ID', 'Only records paid by this account (an enterprise master or a financially independent sub-account)'),
		],
	},
	{
		resource,
		operation: 'getPackages',
		name: 'Get Resource Packages',
		action: 'Get own resource packages as a customer',
		description: "The customer's resource packages (free quotas bought or granted) with the remaining amount of each item",
		vendorAction: 'ListFreeResourceInfos',
		request: { http: { method: 'POST', path: '/v3/payments/free-resources/query' }, headers: EN_US },
		write: false,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		answer: { recordsPath: 'free_resource_packages' },
		paging: offsetPagingInBody('total_count'),
		fields: [
			text('region_code', 'Region', 'Only packages of this region code', 'ap-southeast-1'),
			text('order_id', 'Order ID', 'Only the packages of this order'),
			text('product_id', 'Package ID', 'Only this package product'),
			text('product_name', 'Package Name', 'Only packages of this name'),
			text('enterprise_project_id', 'Enterprise Project ID', 'Only this enterprise project'),
			{
				name: 'status',
				displayName: 'Status',
				kind: 'options',
				options: [
					{ name: 'Not Yet Effective', value: 0 },
					{ name: 'Effective', value: 1 },
					{ name: 'Used Up', value: 2 },
					{ name: 'Expired', value: 3 },
					{ name: 'Unsubscribed', value: 4 },
				],
				default: 1,
				description: 'Only packages in this status',
			},
			{
				name: 'service_type_code_list',
				displayName: 'Service Type Codes',
				kind: 'stringList',
				pattern: /^[A-Za-z0-9._-]{1,64}$/,
				patternHint: 'a service type code such as hws.service.type.obs',
				splitEntries: true,
				description: 'Only packages of these cloud services',
			},
		],
	},
	{
		resource,
		operation: 'getPackageUsage',
		name: 'Get Package Usage',
		action: 'Get the usage of resource package items as a customer',
		description: 'The original and remaining amount of resource package items, one item each (item IDs come from Get Resource Packages)',
		vendorAction: 'ListFreeResourceUsages',
		request: { http: { method: 'POST', path: '/v2/payments/free-resources/usages/details/query' }, headers: EN_US },
		write: false,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		answer: { recordsPath: 'free_resources' },
		fields: [
			{
				name: 'free_resource_ids',
				displayName: 'Package Item IDs',
				kind: 'stringList',
				required: true,
				paramName: 'freeResourceIds',
				pattern: /^[A-Za-z0-9._-]{1,64}$/,
				patternHint: 'a package item ID (free_resource_id)',
				splitEntries: true,
				description: 'free_resource_id of each package item, from Get Resource Packages',
			},
		],
	},
	{
		resource,
		operation: 'getPackageUsageRecords',
		name: 'Get Package Usage Records',
		action: 'Get what resource packages deducted as a customer',
		description: 'Records of usage deducted from resource packages over a range of at most 90 days',
		vendorAction: 'ListFreeResourcesUsageRecords',
		request: {
			http: { method: 'GET', path: '/v2/bills/customer-bills/free-resources-usage-records' },
			finalize: ({ qs }) => {
				const days = (Date.parse(String(qs.deduct_time_end)) - Date.parse(String(qs.deduct_time_begin))) / 86400000;
				return days < 0 ? '"To Day" must not be before "From Day"' : days > 90 ? '"From Day" and "To Day" may be at most 90 days apart' : undefined;
			},
		},
		write: false,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		answer: { recordsPath: 'free_resource_records' },
		paging: offsetPagingInQuery('total_count'),
		fields: [
			query({ name: 'deduct_time_begin', displayName: 'From Day', kind: 'date', required: true, paramName: 'deductTimeBegin', timeZoneNote: 'Huawei reads the days in UTC+8.', description: 'First day of deductions' }),
			query({ name: 'deduct_time_end', displayName: 'To Day', kind: 'date', required: true, paramName: 'deductTimeEnd', timeZoneNote: 'Huawei reads the days in UTC+8.', description: 'Last day of deductions, at most 90 days after From Day' }),
			query(text('free_resource_id', 'Package Item ID', 'Only this package item (free_resource_id)')),
			query(text('product_id', 'Package ID', 'Only this package product')),
			query(text('resource_type_code', 'Resource Type Code', 'Only this resource type', 'hws.resource.type.obs')),
		],
	},
];
