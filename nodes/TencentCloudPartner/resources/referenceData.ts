import type { OperationSpec } from '../../shared/types';

const resource = 'referenceData';

export const referenceDataOperations: OperationSpec[] = [
	{
		resource,
		operation: 'getCountryCodes',
		name: 'Get Country Codes',
		action: 'Get country codes',
		description: 'Countries and regions with dialing code (Code) and ISO codes (IOS2 for Area), for account creation',
		vendorAction: 'GetCountryCodes',
		write: false,
		rateLimitPerSecond: 5,
		answer: { recordsPath: 'Data', clientSideLimit: true },
		fields: [],
	},
	{
		resource,
		operation: 'getTradeConfigurations',
		name: 'Get Trade Configurations',
		action: 'Get industry list',
		description: 'Industries (layer 1, each with its layer-2 children) for account creation; one item per layer-1 industry',
		vendorAction: 'GetTradeConfigList',
		write: false,
		rateLimitPerSecond: 20,
		answer: { recordsPath: 'TradeList', clientSideLimit: true },
		fields: [],
	},
	{
		resource,
		operation: 'getPolicyProducts',
		name: 'Get Policy Products',
		action: 'Get products under a policy',
		description: "Lists the products, sub-products and components a partner policy covers, with its validity; '*' means any value",
		vendorAction: 'QueryPolicyProductListByCode',
		write: false,
		rateLimitPerSecond: 20,
		access: { needsAllowlist: true },
		answer: { recordsPath: 'ProductList' },
		paging: { style: 'pageNumber', pageField: 'Page', sizeField: 'PageSize', maxPageSize: 200, totalPath: 'Total' },
		fields: [
			{ name: 'PolicyCode', displayName: 'Policy Code', kind: 'string', required: true, placeholder: 'StandardPolicy2024', description: 'Policy code' },
			{ name: 'ProductCode', displayName: 'Product Code', kind: 'string', placeholder: 'p_cvm', description: 'Only this product code (as in bill data)' },
			{ name: 'ProductName', displayName: 'Product Name', kind: 'string', description: 'Only this product name (as in bill data)' },
			{ name: 'SubProductCode', displayName: 'Sub-Product Code', kind: 'string', placeholder: 'sp_cvm_oc3', description: 'Only this sub-product code' },
			{ name: 'SubProductName', displayName: 'Sub-Product Name', kind: 'string', description: 'Only this sub-product name' },
		],
	},
];
