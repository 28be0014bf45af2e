import type { FieldSpec } from '../shared/types';

/** Permission codes and Partner Center menu paths, exactly as the seed table gives them. */
export const PERMISSIONS = {
	register: { codes: ['BPC_ITEM_SUBCUSTSERV_010118'], path: 'Customer Business > Customer Management > Customer List > Register APIs (newly added)' },
	queryCustomers: { codes: ['BPC_ITEM_SUBCUSTSERV_010100', 'BPC_ITEM_SUBCUSTSERV_010500'], path: 'Customer List – View Customer List, or Reseller Customers – View Customers' },
	freeze: { codes: ['BPC_ITEM_SUBCUSTSERV_010501', 'BPC_ITEM_SUBCUSTSERV_010115'], path: 'Reseller Customers – Freeze/Unfreeze Accounts, or Customer List – Freeze/Unfreeze Accounts' },
	resellers: { codes: ['BPC_ITEM_SALES_020100'], path: 'Sales Management > My Resellers > Query Resellers' },
	orders: { codes: ['BPC_ITEM_SUBCUSTSERV_060100', 'BPC_ITEM_SUBCUSTSERV_060200'], path: 'Customer Business > customer orders' },
	getBudget: { codes: ['BPC_ITEM_SUBCUSTSERV_010111', 'BPC_ITEM_SUBCUSTSERV_010503', 'BPC_ITEM_SUBCUSTSERV_010107'], path: 'Customer List – Adjust Credit Limit, or Reseller Customers – Set Monthly Budgets' },
	setBudget: { codes: ['BPC_ITEM_SUBCUSTSERV_010111', 'BPC_ITEM_SUBCUSTSERV_010503'], path: 'Customer List – Adjust Credit Limit, or Reseller Customers – Set Monthly Budgets' },
	bills: { codes: ['BPC_ITEM_FINANCE_090100'], path: 'Financial Information > Partner Bills > View Partner Bill' },
	quota: { codes: ['BPC_ITEM_ACCOUNT_010500'], path: 'Partner Information > Basic Information > Consumption Quota – View Quota' },
} as const;

export const HUAWEI_UTC_NOTE = 'Huawei reads times in UTC: a picked time is converted to UTC and sent as YYYY-MM-DDThh:mm:ssZ.';

/** A customer of the partner, picked from the customer list or typed as its account ID. */
export function customerIdField(overrides: Partial<FieldSpec> = {}): FieldSpec {
	return {
		name: 'customer_id',
		displayName: 'Customer',
		kind: 'reference',
		listSearch: 'searchCustomers',
		required: true,
		paramName: 'customerId',
		maxLength: 64,
		pattern: /^[A-Za-z0-9_-]{1,64}$/,
		patternHint: 'a customer account ID (letters and digits, up to 64 characters)',
		description: 'The customer account ID (domain ID, 32 hexadecimal characters): pick it from your customer list or enter it.',
		...overrides,
	};
}

export const INDIRECT_PARTNER_FIELD: FieldSpec = {
	name: 'indirect_partner_id',
	displayName: 'Reseller ID',
	kind: 'string',
	maxLength: 64,
	paramName: 'indirectPartnerId',
	description: "Distributors only: act on a customer of this reseller (indirect_partner_id, from Reseller > Get Many)",
};

export function utcTimeField(name: string, displayName: string, description: string): FieldSpec {
	return { name, displayName, kind: 'utcDateTime', description, timeZoneNote: HUAWEI_UTC_NOTE };
}

export const EN_US = { 'X-Language': 'en_US' };

/** Any number of customer IDs; operations that take them in batches split them. */
export function customerIdsField(description: string): FieldSpec {
	return {
		name: 'customer_ids',
		displayName: 'Customer IDs',
		kind: 'stringList',
		required: true,
		paramName: 'customerIds',
		pattern: /^[A-Za-z0-9_-]{1,64}$/,
		patternHint: 'a customer account ID',
		// Account ids are letters, digits, _ and -, so commas and spaces can only separate them.
		splitEntries: true,
		description,
	};
}
