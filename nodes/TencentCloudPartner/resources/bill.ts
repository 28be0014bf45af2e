import type { FieldSpec, OperationSpec } from '../../shared/types';
import {
	ACTION_TYPE_FIELD,
	customerUinField,
	IS_CONFIRMED_FIELD,
	monthField,
	PAY_MODE_FIELD,
	TENCENT_TIME_ZONE_NOTE,
} from './sharedFields';
import { downloadProperties, downloadUrlExecute } from '../download';

const resource = 'bill';

const summaryOf = (
	operation: string,
	name: string,
	action: string,
	description: string,
	vendorAction: string,
): OperationSpec => ({
	resource,
	operation,
	name,
	action,
	description,
	vendorAction,
	write: false,
	rateLimitPerSecond: 1,
	answer: { recordsPath: 'SummaryOverview', simplifiable: true },
	fields: [monthField('BillMonth'), customerUinField('CustomerUin')],
});

export const DOWNLOAD_FILE_TYPE: FieldSpec = {
	name: 'FileType',
	displayName: 'File Type',
	kind: 'options',
	required: true,
	options: [
		{ name: 'Resource Bill (L2)', value: 'billResource' },
		{ name: 'Detail Bill (L3)', value: 'billDetail' },
		{ name: 'Resource Bills of All Customers (Zip)', value: 'billResourcePack' },
		{ name: 'Detail Bills of All Customers (Zip)', value: 'billDetailPack' },
	],
	default: 'billDetail',
	description: 'Which bill file. Detail bills exist from 2022-06, resource bills from 2023-11; packs only once the month is billed.',
};

export const billOperations: OperationSpec[] = [
	{
		resource,
		operation: 'getSummary',
		name: 'Get Customer Summary',
		action: "Get a customer's monthly bill total",
		description: "Total bill amount of one customer for one month, with optional filters",
		vendorAction: 'DescribeCustomerBillSummary',
		write: false,
		rateLimitPerSecond: 1,
		answer: { simplifiable: true },
		fields: [customerUinField('CustomerUin'), monthField('Month'), PAY_MODE_FIELD, ACTION_TYPE_FIELD, IS_CONFIRMED_FIELD],
	},
	{
		resource,
		operation: 'getDetails',
		name: 'Get Customer Details',
		action: "Get a customer's bill detail lines",
		description: 'Bill detail lines of one customer for one month; one item per line',
		vendorAction: 'DescribeCustomerBillDetail',
		write: false,
		rateLimitPerSecond: 5,
		answer: { recordsPath: 'DetailSet', simplifiable: true },
		paging: { style: 'pageNumber', pageField: 'Page', sizeField: 'PageSize', maxPageSize: 200, totalPath: 'Total' },
		fields: [customerUinField('CustomerUin'), monthField('Month'), PAY_MODE_FIELD, ACTION_TYPE_FIELD, IS_CONFIRMED_FIELD],
	},
	{
		resource,
		operation: 'getDayTotal',
		name: 'Get Customer Day Total',
		action: "Get a customer's spend on one day",
		description: 'Total spend of one customer on one day (from 2025-06-01)',
		vendorAction: 'DescribeCustomerBillDetailByDay',
		write: false,
		rateLimitPerSecond: 20,
		answer: { simplifiable: true },
		fields: [
			customerUinField('CustomerUin'),
			{
				name: 'Date',
				displayName: 'Date',
				kind: 'date',
				required: true,
				paramName: 'date',
				description: 'Day to query: pick it, or type YYYY-MM-DD. Days before 2025-06-01 cannot be queried.',
				timeZoneNote: TENCENT_TIME_ZONE_NOTE,
			},
		],
		request: {
			finalize: ({ body }) =>
				String(body.Date) < '2025-06-01' ? '"Date" must be 2025-06-01 or later: Tencent keeps day totals from then on' : undefined,
		},
	},
	summaryOf(
		'getSummaryByPayMode',
		'Get Summary by Pay Mode',
		"Get a customer's monthly bill by pay mode",
		"Monthly bill of one customer per billing mode, with a breakdown by transaction type; one item per mode",
		'DescribeBillSummaryByPayMode',
	),
	summaryOf(
		'getSummaryByProduct',
		'Get Summary by Product',
		"Get a customer's monthly bill by product",
		'Monthly bill of one customer per product; one item per product',
		'DescribeBillSummaryByProduct',
	),
	summaryOf(
		'getSummaryByRegion',
		'Get Summary by Region',
		"Get a customer's monthly bill by region",
		'Monthly bill of one customer per region; one item per region',
		'DescribeBillSummaryByRegion',
	),
	{
		resource,
		operation: 'getDownloadUrl',
		name: 'Get Bill File',
		action: 'Get a bill file download URL',
		description: "Gets a download URL for a customer's bill file, or a zip of all customers' files; can wait for it and download it",
		vendorAction: 'DescribeCustomerBillDownloadUrl',
		write: false,
		rateLimitPerSecond: 20,
		fields: [
			monthField('Month', { description: 'Bill month (from 2022-06): pick any day of it, or type YYYY-MM.' }),
			DOWNLOAD_FILE_TYPE,
			{
				name: 'CustomerUinType',
				displayName: 'Customer Type',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Direct Customer', value: 'Customer' },
					{ name: 'Second-Level Reseller', value: 'Reseller' },
					{ name: "Second-Level Reseller's Customer", value: 'ResellerCustomer' },
				],
				default: 'Customer',
				description: 'Whose bill it is (CustomerUinType)',
			},
			customerUinField('CustomerUin', {
				required: false,
				description: 'UIN whose bill to fetch; leave out for the zip packs',
			}),
			{
				name: 'FileLanguage',
				displayName: 'File Language',
				kind: 'options',
				options: [
					{ name: 'English', value: 'en' },
					{ name: 'Chinese (Simplified)', value: 'zh_cn' },
				],
				default: 'en',
				description: 'Language of the file',
			},
		],
		request: {
			finalize: ({ body }) => {
				const pack = String(body.FileType).endsWith('Pack');
				if (pack && body.CustomerUin !== undefined) return 'Leave "Customer" out for a zip pack of all customers';
				if (!pack && body.CustomerUin === undefined) return '"Customer" is required for a single customer\'s file';
				return undefined;
			},
		},
		ownLogic: { extraProperties: downloadProperties, execute: downloadUrlExecute },
	},
	{
		resource,
		operation: 'getRebateDownloadUrl',
		name: 'Get Commission File',
		action: 'Get a commission file download URL',
		description: 'Gets a download URL for your monthly commission (rebate) file; can wait for it and download it',
		vendorAction: 'DescribeRebateDownloadUrl',
		write: false,
		rateLimitPerSecond: 20,
		fields: [
			monthField('Month', { description: 'Commission month: pick any day of it, or type YYYY-MM.' }),
			{
				name: 'FileType',
				displayName: 'File Type',
				kind: 'options',
				required: true,
				options: [{ name: 'Commission Detail', value: 'CommissionDetail' }],
				default: 'CommissionDetail',
				description: 'Only commission detail files exist',
			},
		],
		ownLogic: { extraProperties: downloadProperties, execute: downloadUrlExecute },
	},
];
