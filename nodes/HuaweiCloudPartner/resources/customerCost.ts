import type { FieldSpec, OperationSpec } from '../../shared/types';
import { offsetPagingInBody, offsetPagingInQuery, query, utcTimeField } from './sharedFields';

const resource = 'customerCost';

const DAY_OR_MONTH = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

const timeBound = (name: string, displayName: string, description: string): FieldSpec => ({
	name,
	displayName,
	kind: 'string',
	required: true,
	pattern: DAY_OR_MONTH,
	patternHint: 'a day YYYY-MM-DD or a month YYYY-MM',
	placeholder: '2026-01',
	description,
});

/** CLOUD_SERVICE_TYPE and the other dimensions Huawei groups and filters costs by. */
const DIMENSION_KEYS = 'CLOUD_SERVICE_TYPE, RESOURCE_TYPE, ASSOCIATED_ACCOUNT, REGION_CODE, AZ_CODE, ENTERPRISE_PROJECT_ID, RES_SPEC_CODE, CHARGING_MODE, BILL_TYPE, USAGE_TYPE, RESOURCE_ID, PAYER_ACCOUNT_ID, BE_ID';

export const customerCostOperations: OperationSpec[] = [
	{
		resource,
		operation: 'getCosts',
		name: 'Get Costs',
		action: 'Get own costs by dimension as a customer',
		description: "The customer's costs (Cost Center) per day or month, grouped by service, region, project, tag or other dimensions; one item per group",
		vendorAction: 'ListCosts',
		request: {
			http: { method: 'POST', path: '/v4/costs/cost-analysed-bills/query' },
			headers: { 'X-Language': 'en_us' },
			finalize: ({ body }) => {
				const time = (body.time_condition ?? {}) as Record<string, unknown>;
				const length = time.time_measure_id === 1 ? 10 : 7;
				if ([time.begin_time, time.end_time].some((bound) => String(bound).length !== length))
					return `"From" and "To" must be ${length === 10 ? 'days (YYYY-MM-DD) when Time Unit is Day' : 'months (YYYY-MM) when Time Unit is Month'}`;
				return String(time.end_time) < String(time.begin_time) ? '"To" must not be before "From"' : undefined;
			},
		},
		write: false,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		answer: { recordsPath: 'cost_data' },
		paging: offsetPagingInBody('total_count'),
		fields: [
			{
				name: 'time_condition',
				displayName: 'Period',
				kind: 'object',
				required: true,
				members: [
					{
						name: 'time_measure_id',
						displayName: 'Time Unit',
						kind: 'options',
						required: true,
						options: [
							{ name: 'Day', value: 1 },
							{ name: 'Month', value: 2 },
						],
						default: 2,
						description: 'Costs per day or per month',
					},
					timeBound('begin_time', 'From', 'First day (YYYY-MM-DD) or month (YYYY-MM), as Time Unit says'),
					timeBound('end_time', 'To', 'Last day (YYYY-MM-DD) or month (YYYY-MM), as Time Unit says'),
				],
				paramName: 'timeCondition',
				description: 'The days or months to show',
			},
			{
				name: 'groupby',
				displayName: 'Group By',
				kind: 'objectList',
				required: true,
				members: [
					{
						name: 'type',
						displayName: 'Type',
						kind: 'options',
						required: true,
						options: [
							{ name: 'Dimension', value: 'dimension' },
							{ name: 'Tag', value: 'tag' },
							{ name: 'Cost Unit', value: 'cost_unit' },
						],
						default: 'dimension',
						description: 'Group by a dimension, a cost tag or a cost unit',
					},
					{ name: 'key', displayName: 'Key', kind: 'string', required: true, maxLength: 64, placeholder: 'CLOUD_SERVICE_TYPE', description: `For a dimension one of ${DIMENSION_KEYS}; for a tag its key; for a cost unit its key` },
				],
				paramName: 'groupBy',
				description: 'One item per combination of these groups',
			},
			{
				name: 'cost_type',
				displayName: 'Cost Type',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Original Cost', value: 'ORIGINAL_COST' },
					{ name: 'Amortized Cost', value: 'AMORTIZED_COST' },
				],
				default: 'ORIGINAL_COST',
				paramName: 'costType',
				description: 'Costs as billed, or spread over the periods they cover',
			},
			{
				name: 'amount_type',
				displayName: 'Amount',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Payable (After Discounts)', value: 'PAYMENT_AMOUNT' },
					{ name: 'Net (Also After Coupons)', value: 'NET_AMOUNT' },
				],
				default: 'PAYMENT_AMOUNT',
				paramName: 'amountType',
				description: 'Which amount to show',
			},
			{
				name: 'filters',
				displayName: 'Filters',
				kind: 'objectList',
				members: [
					{
						name: 'operator',
						displayName: 'Operator',
						kind: 'options',
						required: true,
						options: [
							{ name: 'Only Include', value: 0 },
							{ name: 'Exclude', value: 1 },
						],
						default: 0,
						description: 'Keep only costs with these values, or leave them out',
					},
					{
						name: 'filter_factor',
						displayName: 'Condition',
						kind: 'object',
						required: true,
						members: [
							{ name: 'key', displayName: 'Dimension', kind: 'string', required: true, maxLength: 64, placeholder: 'REGION_CODE', description: `One of ${DIMENSION_KEYS}` },
							{ name: 'value', displayName: 'Values', kind: 'stringList', required: true, description: 'Values of that dimension, e.g. ap-southeast-1' },
						],
						description: 'Which dimension and values',
					},
				],
				description: 'Only (or all but) the costs with these dimension values',
			},
		],
	},
	{
		resource,
		operation: 'getInvoices',
		name: 'Get Invoices',
		action: 'Get own invoices as a customer',
		description: "The customer's invoice requests in a time range, with amounts, taxes and state",
		vendorAction: 'ListInvoices',
		request: { http: { method: 'GET', path: '/v1.0/{domain_id}/payments/intl-invoices' } },
		write: false,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		answer: { recordsPath: 'invoices' },
		paging: offsetPagingInQuery('count'),
		fields: [
			{
				name: 'domain_id',
				displayName: 'Customer Account ID',
				kind: 'string',
				required: true,
				in: 'path',
				paramName: 'domainId',
				pattern: /^[A-Za-z0-9]{32}$/,
				patternHint: 'an account ID of 32 letters and digits',
				description: "The customer's own account ID (domain ID), shown in the console under My Credentials",
			},
			query({ ...utcTimeField('start_time', 'Requested From', 'Invoices requested at or after this time'), required: true, paramName: 'startTime' }),
			query({ ...utcTimeField('end_time', 'Requested To', 'Invoices requested at or before this time'), required: true, paramName: 'endTime' }),
		],
	},
];
