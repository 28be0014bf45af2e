import type { OperationSpec } from '../../shared/types';
import { customerIdField, customerIdsField, INDIRECT_PARTNER_FIELD, utcTimeField, XACCOUNT_TYPE_FIELD } from './sharedFields';
import { PERMISSIONS } from './permissions';
import { freezeExecute } from '../freeze';

const resource = 'customer';
const NAME_RULE = /^(?!op_|shadow_)(?!\d+$)[a-zA-Z-][a-zA-Z0-9_-]{4,31}$/;

const freezeSpec = (freeze: boolean): OperationSpec => ({
	resource,
	operation: freeze ? 'freeze' : 'unfreeze',
	name: freeze ? 'Freeze' : 'Unfreeze',
	action: freeze ? 'Freeze customer accounts' : 'Unfreeze customer accounts',
	description: freeze
		? 'Freezes reseller-model customers: no purchases, renewals or changes (and with resources, resources stop). One item per customer.'
		: 'Unfreezes reseller-model customers; use the same type as when they were frozen. One item per customer.',
	vendorAction: freeze ? 'FreezeSubCustomers' : 'UnfreezeSubCustomers',
	request: {
		http: { method: 'POST', path: freeze ? '/v2/partners/sub-customers/freeze' : '/v2/partners/sub-customers/unfreeze' },
		batch: { field: 'customer_ids', maxPerCall: 10 },
	},
	write: true,
	rateLimitPerSecond: 10,
	access: { permissions: [...PERMISSIONS.freeze.codes], permissionPath: PERMISSIONS.freeze.path },
	writeRules: { verifyHint: 'Check the customers\' Frozen state with Customer > Get Many before running it again.' },
	fields: [
		customerIdsField('Customer account IDs; any number (the node sends 10 per call)'),
		{ name: 'reason', displayName: 'Reason', kind: 'string', required: true, maxLength: 256, description: `Why the accounts are ${freeze ? 'frozen' : 'unfrozen'} (up to 256 characters)` },
		{
			name: freeze ? 'freeze_type' : 'unfreeze_type',
			displayName: freeze ? 'Freeze Type' : 'Unfreeze Type',
			kind: 'options',
			options: [
				{ name: 'Account Only', value: 'ACCOUNT' },
				{ name: 'Account and Resources', value: 'ACCOUNT_AND_RESOURCE' },
			],
			default: 'ACCOUNT',
			description: freeze ? 'Freeze only the account, or its resources too' : 'Must match the type used when freezing',
		},
		INDIRECT_PARTNER_FIELD,
	],
	ownLogic: { execute: freezeExecute },
});

export const customerOperations: OperationSpec[] = [
	{
		resource,
		operation: 'checkIdentity',
		name: 'Check Identity',
		action: 'Check whether a name, e-mail or mobile is free',
		description: 'Checks whether an account name, e-mail address or mobile number can still register a customer',
		vendorAction: 'CheckUserIdentity',
		request: {
			http: { method: 'POST', path: '/v2/partners/sub-customers/users/check-identity' },
			finalize: ({ body }) => {
				const value = String(body.search_value);
				if (body.search_type === 'mobile' && !/^\d{4}-\d+$/.test(value)) return '"Value" must be a mobile number like 0049-15112345678 (country code with 00, a dash, the number)';
				if (body.search_type === 'email' && !value.includes('@')) return '"Value" must be a complete e-mail address';
				if (body.search_type === 'name' && !NAME_RULE.test(value))
					return '"Value" must be an account name of 5-32 letters, digits, _ or -, starting with a letter or -, not all digits, not starting with op_ or shadow_';
				return undefined;
			},
		},
		write: false,
		rateLimitPerSecond: 10,
		access: { permissions: [...PERMISSIONS.register.codes], permissionPath: PERMISSIONS.register.path },
		fields: [
			{
				name: 'search_type',
				displayName: 'Check',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Email', value: 'email' },
					{ name: 'Mobile', value: 'mobile' },
					{ name: 'Account Name', value: 'name' },
				],
				default: 'email',
				paramName: 'searchType',
				description: 'What to check',
			},
			{
				name: 'search_value',
				displayName: 'Value',
				kind: 'string',
				required: true,
				maxLength: 64,
				paramName: 'searchValue',
				description: 'E-mail address; mobile as 00XX-XXXXXXXX (country code with 00, a dash, the number); or account name (5-32 characters)',
			},
		],
	},
	{
		resource,
		operation: 'sendVerificationCode',
		name: 'Send Verification Code',
		action: 'Send a verification code by e-mail',
		description: 'E-mails a registration code to the customer, needed when Create is given an e-mail address (15 an hour, 60 a day)',
		vendorAction: 'SendVerificationMessageCode',
		request: { http: { method: 'POST', path: '/v2/bases/verificationcode/send' }, fixedBody: { receiver_type: 2 } },
		write: true,
		rateLimitPerSecond: 10,
		access: { permissions: [...PERMISSIONS.register.codes], permissionPath: PERMISSIONS.register.path },
		answer: { echoRequestWhenEmpty: true },
		writeRules: { verifyHint: 'Ask the customer whether the e-mail arrived before sending another.' },
		fields: [
			{ name: 'email', displayName: 'Email', kind: 'email', required: true, maxLength: 64, placeholder: 'name@email.com', description: 'Address the code goes to' },
			{ name: 'timeout', displayName: 'Valid For (Minutes)', kind: 'integer', min: 1, max: 60, description: 'How long the code stays valid; 10 minutes when left out' },
			{
				name: 'lang',
				displayName: 'Language',
				kind: 'options',
				options: [
					{ name: 'English', value: 'en-us' },
					{ name: 'Chinese', value: 'zh-cn' },
				],
				default: 'en-us',
				description: 'Language of the e-mail',
			},
		],
	},
	{
		resource,
		operation: 'create',
		name: 'Create',
		action: 'Create a customer',
		description:
			'Creates a Huawei Cloud account for a customer and associates it with you (reseller model). New reseller customers start frozen: set a budget with Unfreeze Account next.',
		vendorAction: 'CreateSubCustomer',
		request: {
			http: { method: 'POST', path: '/v2/partners/sub-customers' },
			finalize: ({ body }) =>
				body.email !== undefined && body.verification_code === undefined ? '"Verification Code" is required with "Email": send one first' : undefined,
		},
		write: true,
		rateLimitPerSecond: 10,
		access: { permissions: [...PERMISSIONS.register.codes], permissionPath: PERMISSIONS.register.path },
		writeRules: { verifyHint: 'Look the customer up with Customer > Get Many (Sales Platform User ID) before creating it again.' },
		fields: [
			{
				name: 'domain_area',
				displayName: 'Country or Region',
				kind: 'string',
				required: true,
				pattern: /^[A-Z]{2}$/,
				patternHint: 'a two-letter ISO country code in capitals, e.g. DE',
				paramName: 'domainArea',
				placeholder: 'DE',
				description: "Customer's country or region, ISO 3166 alpha-2 (domain_area)",
			},
			{
				name: 'xaccount_id',
				displayName: 'Sales Platform User ID',
				kind: 'string',
				required: true,
				maxLength: 64,
				paramName: 'xaccountId',
				description: "The customer's unique ID on your own platform (xaccount_id); it must never have been used",
			},
			XACCOUNT_TYPE_FIELD,
			{
				name: 'domain_name',
				displayName: 'Account Name',
				kind: 'string',
				pattern: NAME_RULE,
				patternHint: '5-32 letters, digits, _ or -, starting with a letter or -, not all digits, not starting with op_ or shadow_',
				description: 'Login name of the new account; Huawei generates one when left out',
			},
			{ name: 'email', displayName: 'Email', kind: 'email', maxLength: 64, placeholder: 'name@email.com', description: "Customer's e-mail; needs Verification Code" },
			{ name: 'verification_code', displayName: 'Verification Code', kind: 'string', pattern: /^\w{4,10}$/, patternHint: 'the code from the e-mail', description: 'Code from Send Verification Code; required with Email' },
			{
				name: 'password',
				displayName: 'Password',
				kind: 'password',
				minLength: 8,
				pattern: /^(?:(?=.*[a-z])(?=.*[A-Z])|(?=.*[a-z])(?=.*\d)|(?=.*[a-z])(?=.*[^\w\s])|(?=.*[A-Z])(?=.*\d)|(?=.*[A-Z])(?=.*[^\w\s])|(?=.*\d)(?=.*[^\w\s])).{8,}$/,
				patternHint: 'at least 8 characters mixing two of: upper case, lower case, digits, special characters',
				description: 'Login password; without it the customer signs in only through your SSO',
			},
			{
				name: 'is_close_market_ms',
				displayName: 'Marketing Messages',
				kind: 'options',
				options: [
					{ name: 'Send', value: 'false', description: 'Huawei may send this customer marketing messages' },
					{ name: 'Do Not Send', value: 'true', description: 'Huawei sends this customer no marketing messages' },
				],
				default: 'false',
				description: 'Whether Huawei may send this customer marketing messages (is_close_market_ms)',
			},
			INDIRECT_PARTNER_FIELD,
			{
				name: 'include_association_result',
				displayName: 'Wait for Association',
				kind: 'boolean',
				description: 'Whether to wait for and report the association with you',
			},
		],
	},
	{
		resource,
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many customers',
		description: 'Lists your customers with their association time, model, frozen and verification state',
		vendorAction: 'ListSubCustomers',
		request: { http: { method: 'POST', path: '/v2/partners/sub-customers/query' } },
		write: false,
		rateLimitPerSecond: 10,
		access: { permissions: [...PERMISSIONS.queryCustomers.codes], permissionPath: PERMISSIONS.queryCustomers.path },
		answer: { recordsPath: 'customer_infos' },
		paging: { style: 'offset', offsetField: 'offset', limitField: 'limit', maxPageSize: 100, totalPath: 'count', in: 'body' },
		fields: [
			{ name: 'account_name', displayName: 'Account Name', kind: 'string', maxLength: 64, description: 'Part of the login name' },
			{ name: 'customer', displayName: 'Real Name', kind: 'string', maxLength: 64, description: 'Part of the verified company or person name' },
			{ name: 'label', displayName: 'Label', kind: 'string', maxLength: 64, description: 'Part of the customer tag (case-sensitive)' },
			{
				name: 'association_type',
				displayName: 'Association Model',
				kind: 'options',
				options: [
					{ name: 'Reseller', value: '3' },
					{ name: 'Referral', value: '1' },
				],
				default: '3',
				description: 'Only customers of this model',
			},
			utcTimeField('associated_on_begin', 'Associated From', 'Only customers associated at or after this time'),
			utcTimeField('associated_on_end', 'Associated To', 'Only customers associated at or before this time'),
			customerIdField({ required: false, description: 'Only this customer (exact account ID)' }),
			INDIRECT_PARTNER_FIELD,
		],
	},
	freezeSpec(true),
	freezeSpec(false),
];
