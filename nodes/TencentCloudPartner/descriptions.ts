import type { FieldSpec } from '../shared/types';

/** Time zone note for Tencent's own date strings (reference 10.3). */
export const TENCENT_TIME_ZONE_NOTE =
	'Tencent reads dates in China Standard Time (UTC+08:00); the calendar value you pick is sent as is.';

/** A customer of the partner, picked from the customer list or typed as a UIN. */
export function customerUinField(name = 'ClientUin', overrides: Partial<FieldSpec> = {}): FieldSpec {
	return {
		name,
		displayName: 'Customer',
		kind: 'accountId',
		required: true,
		listSearch: 'searchCustomers',
		paramName: 'customerUin',
		description: 'The customer account (UIN): pick it from your customer list or enter the UIN.',
		...overrides,
	};
}

/** A second-level reseller (sub-agent) of a distributor. */
export function subAgentUinField(overrides: Partial<FieldSpec> = {}): FieldSpec {
	return {
		name: 'SubAgentUin',
		displayName: 'Second-Level Reseller',
		kind: 'accountId',
		required: true,
		listSearch: 'searchSubAgents',
		paramName: 'subAgentUin',
		description: 'The second-level reseller (UIN): pick it from your resellers or enter the UIN.',
		...overrides,
	};
}

export const COUNTRY_CODE_FIELD: FieldSpec = {
	name: 'CountryCode',
	displayName: 'Country Code',
	kind: 'string',
	required: true,
	placeholder: '852',
	pattern: /^(?!(?:7|380|86)$)\d{1,4}$/,
	patternHint: 'an international dialing code of digits only, e.g. 852 (7, 380 and 86 are not accepted)',
	description:
		'International dialing code without "+", as listed by Reference Data > Get Country Codes (Code). Tencent does not accept 7, 380 or 86.',
};

export const PHONE_NUMBER_FIELD: FieldSpec = {
	name: 'PhoneNum',
	displayName: 'Phone Number',
	kind: 'string',
	required: true,
	placeholder: '91234567',
	pattern: /^\d{1,32}$/,
	patternHint: '1 to 32 digits without the country code',
	description: 'Mobile number without the country code. At most 5 accounts can use one number.',
};

export const PAY_MODE_OPTIONS = [
	{ name: 'Prepaid (Monthly Subscription)', value: 'prePay' },
	{ name: 'Postpaid (Pay-as-You-Go)', value: 'postPay' },
];
