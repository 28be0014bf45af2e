import type { BuiltRequest, FieldSpec } from '../../shared/types';

/** Field specs, with the options, notes and rules that go with them, that several resources share. */

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
	placeholder: 'Select a country code',
	pattern: /^(?!(?:7|380|86)$)\d{1,4}$/,
	patternHint: 'an international dialing code of digits only, e.g. 852 (7, 380 and 86 are not accepted)',
	loadOptionsMethod: 'getCountryCodes',
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

/** Transaction types accepted by the bill filters (reference 9.1). */
export const ACTION_TYPE_OPTIONS = [
	['prepay_purchase', 'Purchase'],
	['prepay_renew', 'Renewal'],
	['prepay_modify', 'Upgrade/Downgrade'],
	['prepay_return', 'Monthly-Subscription Refund'],
	['postpay_deduct', 'Pay-as-You-Go'],
	['postpay_deduct_h', 'Hourly Settlement'],
	['postpay_deduct_d', 'Daily Settlement'],
	['postpay_deduct_m', 'Monthly Settlement'],
	['offline_deduct', 'Offline Project Deduction'],
	['online_deduct', 'Offline Product Deduction'],
	['recon_deduct', 'Adjustment - Deduction'],
	['recon_increase', 'Adjustment - Compensation'],
	['ripay_purchase', 'One-Off RI Fee'],
	['postpay_deduct_s', 'Spot'],
	['ri_hour_pay', 'Hourly RI Fee'],
	['prePurchase', 'New Monthly Subscription (prePurchase)'],
	['preRenew', 'Monthly Subscription Renewal (preRenew)'],
	['preUpgrade', 'Upgrade (preUpgrade)'],
	['preDowngrade', 'Downgrade (preDowngrade)'],
	['svp_hour_pay', 'Hourly Savings-Plan Fee'],
	['recon_guarantee', 'Minimum-Spend Deduction'],
	['pre_purchase', 'New Monthly Subscription (pre_purchase)'],
	['pre_renew', 'Monthly Subscription Renewal (pre_renew)'],
	['pre_upgrade', 'Upgrade (pre_upgrade)'],
	['pre_downgrade', 'Downgrade (pre_downgrade)'],
].map(([value, name]) => ({ name, value, description: value }));

export const PAY_MODE_FIELD: FieldSpec = {
	name: 'PayMode',
	displayName: 'Pay Mode',
	kind: 'options',
	options: PAY_MODE_OPTIONS,
	default: 'postPay',
	description: 'Only bills of this billing mode',
};

export const ACTION_TYPE_FIELD: FieldSpec = {
	name: 'ActionType',
	displayName: 'Transaction Type',
	kind: 'options',
	options: ACTION_TYPE_OPTIONS,
	default: 'postpay_deduct',
	description: 'Only bills of this transaction type (ActionType)',
};

export const IS_CONFIRMED_FIELD: FieldSpec = {
	name: 'IsConfirmed',
	displayName: 'Payment State',
	kind: 'options',
	options: [
		{ name: 'Any', value: '0' },
		{ name: 'Paid', value: '1' },
		{ name: 'Unpaid', value: '2' },
	],
	default: '0',
	description: 'Only paid or unpaid bills (IsConfirmed)',
};

/** A bill month, picked as a date or typed as YYYY-MM. */
export function monthField(name: string, overrides: Partial<FieldSpec> = {}): FieldSpec {
	return {
		name,
		displayName: 'Month',
		kind: 'month',
		required: true,
		paramName: name === 'Month' ? 'month' : 'billMonth',
		description: 'Bill month: pick any day of it, or type YYYY-MM.',
		timeZoneNote: TENCENT_TIME_ZONE_NOTE,
		...overrides,
	};
}

export const VOUCHER_STATUS_OPTIONS = [
	{ name: 'Issued', value: 'Issued' },
	{ name: 'Used', value: 'Used' },
	{ name: 'Expired', value: 'Expired' },
	{ name: 'Invalidated', value: 'Invalidated' },
];

export const PAYMENT_MODE_OPTIONS = [
	{ name: 'All Payment Modes', value: 'AllPayment' },
	{ name: 'Prepaid', value: 'Prepaid' },
	{ name: 'Postpaid', value: 'Postpaid' },
];

export const PRODUCT_SCOPE_OPTIONS = [
	{ name: 'All Products', value: 'AllProducts' },
	{ name: 'Specified Products', value: 'SpecifyProducts' },
	{ name: 'All but Blacklisted Products', value: 'SpecifyProductsBlacklist' },
];

/** Search fields come in pairs: a field to search in and the value to look for. */
/** Newest or oldest binding first, for the lists Tencent sorts by binding time. */
export function bindingOrderField(description: string): FieldSpec {
	return {
		name: 'Order',
		displayName: 'Order',
		kind: 'options',
		options: [
			{ name: 'Newest Binding First', value: 'desc' },
			{ name: 'Oldest Binding First', value: 'asc' },
		],
		default: 'desc',
		description,
	};
}

export function searchPairRule({ body }: BuiltRequest): string | undefined {
	return (body.Filter === undefined) !== (body.FilterType === undefined)
		? '"Search By" and "Search Value" go together: set both or neither'
		: undefined;
}

/** Approve or reject an application, with an optional reason. */
export const DECISION_FIELDS: FieldSpec[] = [
	{
		name: 'ApproveType',
		displayName: 'Decision',
		kind: 'options',
		required: true,
		options: [
			{ name: 'Approve', value: 'pass' },
			{ name: 'Reject', value: 'reject' },
		],
		default: 'pass',
		description: 'Approve (pass) or reject the application',
	},
	{ name: 'RejectReason', displayName: 'Reject Reason', kind: 'string', description: 'Reason shown to the applicant; only used when rejecting' },
];
