import type { FieldSpec, PagingSpec } from '../../shared/types';

/** Field specs, with the options, notes and rules that go with them, that several resources share. */

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

/** The partner's platform identifier (xaccount_type) that customer registration and real-name authentication take. */
export const XACCOUNT_TYPE_FIELD: FieldSpec = {
	name: 'xaccount_type',
	displayName: 'Platform Identifier',
	kind: 'string',
	required: true,
	maxLength: 64,
	paramName: 'xaccountType',
	description: 'Your platform identifier assigned by Huawei, shown in Partner Center after API access is configured (xaccount_type)',
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

/** Offset paging of Huawei lists (at most 100 records a page), the total at `total`, the paging fields in the query or the body. */
const offsetPaging = (total: string, location: 'query' | 'body'): PagingSpec => ({
	style: 'offset',
	offsetField: 'offset',
	limitField: 'limit',
	maxPageSize: 100,
	totalPath: total,
	in: location,
});
export const offsetPagingInQuery = (total: string): PagingSpec => offsetPaging(total, 'query');
export const offsetPagingInBody = (total: string): PagingSpec => offsetPaging(total, 'body');
/** A field sent in the query string. */
export const query = (field: FieldSpec): FieldSpec => ({ ...field, in: 'query' });

export const BILL_CYCLE: FieldSpec = {
	name: 'bill_cycle',
	displayName: 'Bill Month',
	kind: 'month',
	required: true,
	paramName: 'billCycle',
	in: 'query',
	description: 'Bill month: pick any day of it, or type YYYY-MM. The bill of a month is ready on the 5th of the next (12:00 UTC+8).',
};
