import type { FieldSpec, OperationSpec } from '../../shared/types';
import {
	customerUinField,
	monthField,
	PAYMENT_MODE_OPTIONS,
	PRODUCT_SCOPE_OPTIONS,
	VOUCHER_STATUS_OPTIONS,
} from './sharedFields';

const resource = 'voucher';
const pages = { style: 'pageNumber' as const, pageField: 'Page', sizeField: 'PageSize', maxPageSize: 100 };

const VOUCHER_ID: FieldSpec = {
	name: 'VoucherId',
	displayName: 'Voucher ID',
	kind: 'integer',
	required: true,
	min: 1,
	description: 'Numeric voucher ID (as listed by Get Many)',
};

const listFilters: FieldSpec[] = [
	{ name: 'VoucherStatus', displayName: 'Voucher Status', kind: 'options', options: VOUCHER_STATUS_OPTIONS, default: 'Issued', description: 'Only vouchers in this state' },
	{ name: 'PaymentMode', displayName: 'Payment Mode', kind: 'options', options: PAYMENT_MODE_OPTIONS, default: 'AllPayment', description: 'Only vouchers for this payment mode' },
	{ name: 'ProductScope', displayName: 'Product Scope', kind: 'options', options: PRODUCT_SCOPE_OPTIONS, default: 'AllProducts', description: 'Only vouchers with this product scope' },
	{ ...VOUCHER_ID, required: false, description: 'Only this voucher (numeric ID)' },
];

const customerUins: FieldSpec = {
	name: 'ClientUins',
	displayName: 'Customer UINs',
	kind: 'idList',
	required: true,
	paramName: 'customerUins',
	description: 'UINs of the customers',
};

export const voucherOperations: OperationSpec[] = [
	{
		resource,
		operation: 'getPool',
		name: 'Get Voucher Pool',
		action: 'Get your voucher pool',
		description: 'Returns your voucher quota: total, remaining, vouchers issued, and your partner role',
		vendorAction: 'QueryVoucherPool',
		write: false,
		rateLimitPerSecond: 5,
		fields: [],
	},
	{
		resource,
		operation: 'getAmountsByUins',
		name: 'Get Amounts by UINs',
		action: 'Get voucher amounts of customers',
		description: 'Returns total and remaining voucher amounts per customer. Any number of UINs; the node asks 20 at a time.',
		vendorAction: 'QueryVoucherAmountByUin',
		write: false,
		rateLimitPerSecond: 5,
		answer: { recordsPath: 'Data' },
		request: { batch: { field: 'ClientUins', maxPerCall: 20 } },
		fields: [customerUins],
	},
	{
		resource,
		operation: 'getManyByUins',
		name: 'Get Many by UINs',
		action: 'Get vouchers of customers',
		description: 'Lists the vouchers of the given customers, one item per customer. Any number of UINs; the node asks 20 at a time.',
		vendorAction: 'QueryVoucherListByUin',
		write: false,
		rateLimitPerSecond: 5,
		answer: { recordsPath: 'Data' },
		request: { batch: { field: 'ClientUins', maxPerCall: 20 } },
		fields: [
			customerUins,
			{
				name: 'Status',
				displayName: 'Status',
				kind: 'options',
				options: [
					{ name: 'Unused', value: 'Unused' },
					{ name: 'Used', value: 'Used' },
					{ name: 'Expired', value: 'Expired' },
				],
				default: 'Unused',
				description: 'Only vouchers in this state; all when left out',
			},
		],
	},
	{
		resource,
		operation: 'getMany',
		name: 'Get Many',
		action: "Get many of your customers' vouchers",
		description: "Lists vouchers issued to your customers, with filters",
		vendorAction: 'DescribeCustomerVoucherList',
		write: false,
		rateLimitPerSecond: 20,
		answer: { recordsPath: 'Data' },
		paging: { ...pages, totalPath: 'TotalCount' },
		fields: [
			customerUinField('CustomerUin', { required: false, description: 'Only vouchers of this customer' }),
			{
				name: 'Usage',
				displayName: 'Usage',
				kind: 'options',
				options: [
					{ name: 'Product Trial', value: 'ProductTrial' },
					{ name: 'Customer Offer', value: 'CustomerOffer' },
				],
				default: 'CustomerOffer',
				description: 'Only vouchers issued for this purpose',
			},
			...listFilters,
		],
	},
	{
		resource,
		operation: 'getUsage',
		name: 'Get Usage',
		action: "Get a customer voucher's usage",
		description: "Lists the orders and bills that used a customer's voucher",
		vendorAction: 'DescribeCustomerVoucherUsageDetails',
		write: false,
		rateLimitPerSecond: 20,
		answer: { recordsPath: 'Data' },
		paging: { ...pages, totalPath: 'TotalRecordsCount' },
		fields: [
			customerUinField('CustomerUin'),
			VOUCHER_ID,
			monthField('Month', { required: false, description: 'Only usage in this month: pick any day of it, or type YYYY-MM.' }),
		],
	},
	{
		resource,
		operation: 'getOwnVouchers',
		name: 'Get Own Vouchers',
		action: 'Get own vouchers as an end customer',
		description: "Lists the calling customer's own vouchers",
		vendorAction: 'DescribeCustomerOwnVoucherList',
		write: false,
		rateLimitPerSecond: 20,
		access: { needsCustomerKey: true },
		answer: { recordsPath: 'Data' },
		paging: { ...pages, totalPath: 'TotalCount' },
		fields: listFilters,
	},
	{
		resource,
		operation: 'getOwnVoucherUsage',
		name: 'Get Own Voucher Usage',
		action: 'Get own voucher usage as an end customer',
		description: "Lists the usage records of one of the calling customer's vouchers",
		vendorAction: 'DescribeCustomerOwnVoucherUsageDetails',
		write: false,
		rateLimitPerSecond: 20,
		access: { needsCustomerKey: true },
		answer: { recordsPath: 'Data' },
		paging: { ...pages, totalPath: 'TotalRecordsCount' },
		fields: [
			VOUCHER_ID,
			monthField('Month', { required: false, description: 'Only usage in this month: pick any day of it, or type YYYY-MM.' }),
		],
	},
];
