import type { FieldSpec, OperationSpec, PagingSpec } from '../../shared/types';
import { EN_US, offsetPagingInQuery, query } from './sharedFields';

const resource = 'product';

const CODE = /^[A-Za-z0-9._-]{1,64}$/;

/** A cloud service type, picked from Huawei's catalog or typed as its code. */
export const SERVICE_TYPE_CODE: FieldSpec = {
	name: 'service_type_code',
	displayName: 'Service Type',
	kind: 'reference',
	listSearch: 'searchServiceTypes',
	required: true,
	pattern: CODE,
	patternHint: 'a service type code such as hws.service.type.ebs',
	placeholder: 'hws.service.type.ebs',
	paramName: 'serviceTypeCode',
	description: 'The cloud service: pick it from the catalog or enter its code (e.g. hws.service.type.obs)',
};

const code = (name: string, displayName: string, placeholder: string, description: string, required = true): FieldSpec => ({
	name,
	displayName,
	kind: 'string',
	required,
	maxLength: 64,
	pattern: CODE,
	patternHint: `a code such as ${placeholder}`,
	placeholder,
	description,
});

/** What identifies a product in a price inquiry, as both the pay-per-use and the yearly/monthly inquiry take it. */
const productMembers: FieldSpec[] = [
	{ name: 'id', displayName: 'Line ID', kind: 'string', required: true, maxLength: 64, placeholder: '1', description: 'Your ID of this line, unique in the inquiry: the answer names each price by it' },
	code('cloud_service_type', 'Service Type Code', 'hws.service.type.ec2', 'Cloud service type code (Product > Get Service Types)'),
	code('resource_type', 'Resource Type Code', 'hws.resource.type.vm', 'Resource type code (Product > Get Resource Types)'),
	{ name: 'resource_spec', displayName: 'Resource Specification', kind: 'string', required: true, maxLength: 128, placeholder: 's6.large.2.linux', description: 'Specification code, e.g. s6.large.2.linux for a server (flavor + .linux or .win), SAS for a disk, 19_bgp for bandwidth' },
	code('region', 'Region', 'eu-west-101', 'Region code, e.g. eu-west-101'),
	{ name: 'available_zone', displayName: 'Availability Zone', kind: 'string', maxLength: 64, placeholder: 'eu-west-101a', description: 'Availability zone, where the price depends on it' },
	{ name: 'resource_size', displayName: 'Resource Size', kind: 'integer', min: 1, description: 'Size of a linear product (disk GB, bandwidth Mbit/s); required for those, empty for others' },
	{
		name: 'size_measure_id',
		displayName: 'Size Unit',
		kind: 'integer',
		min: 1,
		description: 'Unit of Resource Size: 15 = Mbit/s (bandwidth), 17 = GB (disk), 14 = count; required with Resource Size',
	},
];

const ON_DEMAND_PRODUCT: FieldSpec[] = [
	...productMembers,
	{ name: 'usage_factor', displayName: 'Usage Factor', kind: 'string', required: true, maxLength: 64, placeholder: 'Duration', description: 'What usage is billed by, e.g. Duration (servers, disks, IPs) or upflow (traffic): the code from Product > Get Usage Types' },
	{ name: 'usage_value', displayName: 'Usage Amount', kind: 'number', required: true, min: 0, decimals: 6, default: 1, description: 'How much usage to price, in Usage Unit (e.g. 1 for one hour)' },
	{ name: 'usage_measure_id', displayName: 'Usage Unit', kind: 'integer', required: true, min: 1, default: 4, description: 'Measurement unit of Usage Amount (4 = hour; Partner Account > Get Measurement Units lists them)' },
	{ name: 'subscription_num', displayName: 'Quantity', kind: 'integer', required: true, min: 1, default: 1, description: 'How many of this product' },
];

/** Huawei's period types (period_type) by name. */
const PERIOD_TYPES: Record<string, number> = { Day: 0, Month: 2, Year: 3, Hour: 4 };
const periodUnit = (units: string[], description: string): FieldSpec => ({
	name: 'period_type',
	displayName: 'Period Unit',
	kind: 'options',
	required: true,
	options: units.map((name) => ({ name, value: PERIOD_TYPES[name] })),
	default: PERIOD_TYPES.Month,
	paramName: 'periodType',
	description,
});

const PERIOD_PRODUCT: FieldSpec[] = [
	...productMembers,
	periodUnit(['Month', 'Year', 'Day', 'Hour'], 'Unit of the subscription period'),
	{ name: 'period_num', displayName: 'Periods', kind: 'integer', required: true, min: 1, default: 1, description: 'How many periods to subscribe for' },
	{ name: 'subscription_num', displayName: 'Quantity', kind: 'integer', required: true, min: 1, default: 1, description: 'How many of this product' },
	{
		name: 'fee_installment_mode',
		displayName: 'Installments',
		kind: 'options',
		options: [
			{ name: 'None', value: 'NA' },
			{ name: 'Half Paid Up Front', value: 'HALF_PAY' },
			{ name: 'Nothing Paid Up Front', value: 'ZERO_PAY' },
		],
		default: 'NA',
		description: 'Installment plan to price (servers only)',
	},
];

const PROJECT_ID: FieldSpec = {
	name: 'project_id',
	displayName: 'Project ID',
	kind: 'string',
	required: true,
	pattern: /^[0-9a-f]{32}$/,
	patternHint: 'a project ID of 32 lower-case hexadecimal characters',
	paramName: 'projectId',
	description: "Project ID of the region in the account whose prices are asked (My Credentials > Projects); an IAM user needs the account's authorization",
};

const products = (members: FieldSpec[]): FieldSpec => ({
	name: 'product_infos',
	displayName: 'Products',
	kind: 'objectList',
	required: true,
	paramName: 'productInfos',
	placeholder: 'Add Product',
	members,
	description: 'The products to price, one entry each; the answer gives a price per Line ID and the total',
});

/** Marker paging of the resource specification lists: the next page's marker at page_info.next_marker. */
const markerPaging = (maxPageSize: number): PagingSpec => ({ style: 'marker', markerField: 'marker', limitField: 'limit', maxPageSize, nextMarkerPath: 'page_info.next_marker', in: 'body' });

const specFilter = (keys: Array<{ name: string; value: string }>): FieldSpec => ({
	name: 'filters',
	displayName: 'Filter',
	kind: 'objectList',
	maxItems: 1,
	paramName: 'filters',
	placeholder: 'Add Filter',
	members: [
		{ name: 'key', displayName: 'Filter By', kind: 'options', required: true, options: keys, default: keys[0].value, description: 'What to filter on' },
		{ name: 'value', displayName: 'Value', kind: 'string', required: true, maxLength: 128, description: 'The exact value (no partial match), e.g. a specification code, or PERIOD / ON_DEMAND / ONE_TIME / ON_DEMAND_PKG for a billing mode' },
	],
	description: 'At most one filter',
});

/** The service, resource type and region a specification list is about; the region is always required. */
const specScope = (required: boolean): FieldSpec[] => [
	code('region_code', 'Region', 'eu-west-101', 'Region code, e.g. eu-west-101'),
	code('cloud_service_type', 'Service Type Code', 'hws.service.type.ec2', `${required ? 'Cloud' : 'Only this cloud'} service type code (Product > Get Service Types)`, required),
	code('resource_type', 'Resource Type Code', 'hws.resource.type.vm', `${required ? 'Resource' : 'Only this resource'} type code (Product > Get Resource Types)`, required),
];

/** A marker-paged specification list of the catalog, answering in English (its X-Language is lower case). */
function specList(list: Pick<OperationSpec, 'operation' | 'name' | 'action' | 'description' | 'vendorAction' | 'fields'> & { path: string; recordsPath: string; maxPageSize: number }): OperationSpec {
	const { path, recordsPath, maxPageSize, ...spec } = list;
	return catalogList({
		...spec,
		request: { http: { method: 'POST', path }, headers: { 'X-Language': 'en_us' } },
		answer: { recordsPath },
		paging: markerPaging(maxPageSize),
	});
}

/** A read of the product catalog or prices (every caller may read them). */
const catalogList = (spec: Omit<OperationSpec, 'resource' | 'write' | 'rateLimitPerSecond'>): OperationSpec => ({
	resource,
	write: false,
	rateLimitPerSecond: 10,
	...spec,
});

export const productOperations: OperationSpec[] = [
	catalogList({
		operation: 'getServiceTypes',
		name: 'Get Service Types',
		action: 'Get cloud service types',
		description: 'Lists the cloud service types of the catalog with their codes (hws.service.type.*)',
		vendorAction: 'ListServiceTypes',
		request: { http: { method: 'GET', path: '/v2/products/service-types' }, headers: EN_US },
		answer: { recordsPath: 'service_types' },
		paging: offsetPagingInQuery('total_count'),
		fields: [query({ name: 'service_type_name', displayName: 'Name Contains', kind: 'string', maxLength: 128, paramName: 'serviceTypeName', description: 'Only service types whose name contains this text' })],
	}),
	catalogList({
		operation: 'getResourceTypes',
		name: 'Get Resource Types',
		action: 'Get resource types',
		description: 'Lists the resource types of the catalog with their codes (hws.resource.type.*) and services',
		vendorAction: 'ListResourceTypes',
		request: { http: { method: 'GET', path: '/v2/products/resource-types' }, headers: EN_US },
		answer: { recordsPath: 'resource_types' },
		paging: offsetPagingInQuery('total_count'),
		fields: [],
	}),
	catalogList({
		operation: 'getServiceResources',
		name: 'Get Service Resources',
		action: 'Get the resource types of a service',
		description: 'Lists the resource types one cloud service is made of',
		vendorAction: 'ListServiceResources',
		request: { http: { method: 'GET', path: '/v2/products/service-resources' }, headers: EN_US },
		answer: { recordsPath: 'infos' },
		paging: offsetPagingInQuery('total_count'),
		fields: [query(SERVICE_TYPE_CODE)],
	}),
	catalogList({
		operation: 'getUsageTypes',
		name: 'Get Usage Types',
		action: 'Get usage types',
		description: 'Lists the usage types (billing factors such as Duration) resources are billed by, with their codes',
		vendorAction: 'ListUsageTypes',
		request: { http: { method: 'GET', path: '/v2/products/usage-types' }, headers: EN_US },
		answer: { recordsPath: 'usage_types' },
		paging: offsetPagingInQuery('total_count'),
		fields: [query(code('resource_type_code', 'Resource Type Code', 'hws.resource.type.vm', 'Only usage types of this resource type', false))],
	}),
	catalogList({
		operation: 'getConversions',
		name: 'Get Unit Conversions',
		action: 'Get measurement unit conversions',
		description: 'Lists how measurement units convert into each other (e.g. 1 GB = 1024 MB)',
		vendorAction: 'ListConversions',
		request: { http: { method: 'GET', path: '/v2/bases/conversions' }, headers: EN_US },
		answer: { recordsPath: 'conversions', clientSideLimit: true },
		fields: [
			query({
				name: 'measure_type',
				displayName: 'Measure Type',
				kind: 'options',
				options: [
					['Currency', 1], ['Duration', 2], ['Traffic', 3], ['Quantity', 4], ['Capacity', 7], ['Rows', 9], ['Period', 10], ['Frequency', 11], ['Count', 12],
					['Bandwidth', 16], ['Bandwidth (Base 1000)', 19], ['Performance Test Usage', 20], ['Cores × Duration', 27], ['Memory × Duration', 28], ['IOPS × Duration', 29],
					['Throughput × Duration', 30], ['Count per Duration', 31], ['Traffic (Base 1000)', 40], ['1K Tokens', 41], ['Quantity × Duration', 108],
				].map(([name, value]) => ({ name: name as string, value })),
				default: 1,
				paramName: 'measureType',
				description: 'Only units of this kind',
			}),
		],
	}),
	catalogList({
		operation: 'getOnDemandPrice',
		name: 'Get Pay-per-Use Price',
		action: 'Get pay-per-use prices of products',
		description: 'Prices pay-per-use products for a usage amount: list price, discounts and total, per product and in all',
		vendorAction: 'ListOnDemandResourceRatings',
		request: { http: { method: 'POST', path: '/v2/bills/ratings/on-demand-resources' } },
		fields: [
			PROJECT_ID,
			products(ON_DEMAND_PRODUCT),
			{
				name: 'inquiry_precision',
				displayName: 'Precision',
				kind: 'options',
				options: [
					{ name: 'Up to 6 Decimals', value: 0 },
					{ name: 'Up to 10 Decimals', value: 1 },
				],
				default: 0,
				paramName: 'inquiryPrecision',
				description: 'How many decimals the prices keep',
			},
		],
	}),
	catalogList({
		operation: 'getPeriodPrice',
		name: 'Get Yearly/Monthly Price',
		action: 'Get yearly/monthly prices of products',
		description: 'Prices yearly/monthly products for a period: list price, and each optional discount with its price',
		vendorAction: 'ListRateOnPeriodDetail',
		request: { http: { method: 'POST', path: '/v2/bills/ratings/period-resources/subscribe-rate' } },
		fields: [PROJECT_ID, products(PERIOD_PRODUCT)],
	}),
	catalogList({
		operation: 'getRenewalPrice',
		name: 'Get Renewal Price',
		action: 'Get renewal prices of resources',
		description: 'Prices renewing yearly/monthly resources (main resources, up to 10) for a period',
		vendorAction: 'ListRenewRateOnPeriod',
		request: {
			http: { method: 'POST', path: '/v2/bills/ratings/period-resources/renew-rate' },
			finalize: ({ body }) => (body.period_type === 3 && Number(body.period_num) > 3 ? '"Periods" may be at most 3 years' : undefined),
		},
		fields: [
			{ name: 'resource_ids', displayName: 'Resource IDs', kind: 'stringList', required: true, maxItems: 10, maxLength: 64, paramName: 'resourceIds', description: 'IDs of main resources (not attached disks or IPs), up to 10' },
			periodUnit(['Month', 'Year'], 'Unit of the renewal period'),
			{ name: 'period_num', displayName: 'Periods', kind: 'integer', required: true, min: 1, max: 11, default: 1, paramName: 'periodNum', description: 'How many periods to renew for: 1-11 months or 1-3 years' },
			{ name: 'include_relative_resources', displayName: 'Include Attached Resources', kind: 'boolean', paramName: 'includeRelativeResources', description: 'Whether to price the attached resources (disks, IPs) together with each main resource' },
		],
	}),
	specList({
		operation: 'getResourceSpecs',
		name: 'Get Resource Specifications',
		action: 'Get resource specifications',
		description: 'Lists the specifications of a resource type in a region for a billing mode',
		vendorAction: 'ListResourceSpecs',
		path: '/v2/products/resource-specs-query',
		recordsPath: 'cloud_service_basics',
		maxPageSize: 100,
		fields: [
			...specScope(true),
			{
				name: 'charge_mode',
				displayName: 'Billing Mode',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Yearly/Monthly', value: '1' },
					{ name: 'Pay-per-Use', value: '3' },
				],
				default: '1',
				paramName: 'chargeMode',
				description: 'Specifications sold in this billing mode',
			},
			specFilter([{ name: 'Specification Code', value: 'RESOURCE_SPEC' }]),
		],
	}),
	specList({
		operation: 'getResourceSpecPrices',
		name: 'Get Resource Specification Prices',
		action: 'Get resource specifications with list prices',
		description: 'Lists the specifications in a region with their attributes and list prices (each optional)',
		vendorAction: 'ListResourceSpecsPrice',
		path: '/v2/products/resource-specs-price/query',
		recordsPath: 'resource_spec_infos',
		maxPageSize: 50,
		fields: [
			...specScope(false),
			specFilter([
				{ name: 'Specification Code', value: 'RESOURCE_SPEC' },
				{ name: 'Billing Mode', value: 'CHARGING_MODE' },
			]),
			{ name: 'need_attributes', displayName: 'Include Attributes', kind: 'boolean', paramName: 'needAttributes', description: 'Whether to return the attributes of each specification (vCPUs, memory, size ranges)' },
			{ name: 'need_price', displayName: 'Include Prices', kind: 'boolean', paramName: 'needPrice', description: 'Whether to return the list prices of each specification' },
		],
	}),
];
