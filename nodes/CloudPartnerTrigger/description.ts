import type { INodeProperties } from 'n8n-workflow';

const lowCredit = { show: { event: ['lowCredit'] } };

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Provider',
		name: 'provider',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Tencent Cloud', value: 'tencent', description: 'International Partners (intlpartnersmgt)' },
			{ name: 'Huawei Cloud', value: 'huawei', description: 'Partner Center, Europe or International site' },
			{ name: 'Dotdigital CPaaS', value: 'dotdigital', description: 'Reseller Service (relies on inferred read methods)' },
		],
		default: 'tencent',
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Access Key (AK/SK)', value: 'accessKey' },
			{ name: 'IAM Token', value: 'iamToken' },
		],
		default: 'accessKey',
		displayOptions: { show: { provider: ['huawei'] } },
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'New Customer', value: 'newCustomer', description: 'A customer was associated with (or created under) you' },
			{
				name: 'Low Credit',
				value: 'lowCredit',
				description: "A customer's credit fell below a threshold (for Huawei: its budget)",
			},
		],
		default: 'newCustomer',
	},
	{
		displayName:
			'On the Huawei Europe and International sites reseller customers have no balance of their own: they spend against the budget you set, so "credit" here means the budget and what is left of it.',
		name: 'huaweiBudgetNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { provider: ['huawei'], event: ['lowCredit'] } },
	},
	{
		displayName: 'Threshold Type',
		name: 'thresholdType',
		type: 'options',
		options: [
			{ name: 'Amount', value: 'amount', description: 'Remaining credit below an amount (USD, or credits for dotdigital)' },
			{ name: 'Percentage', value: 'percentage', description: 'Remaining credit below a share of the credit or budget granted' },
		],
		default: 'amount',
		displayOptions: lowCredit,
	},
	{
		displayName: 'Threshold',
		name: 'threshold',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 100,
		description: 'Fire when the remaining credit drops below this amount, or this percentage',
		displayOptions: lowCredit,
	},
	{
		displayName: 'Re-Arm Margin',
		name: 'rearmMargin',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 10,
		description:
			'A customer that fired fires again only after its credit has recovered above the threshold plus this margin, so a balance hovering at the threshold does not fire every poll',
		displayOptions: lowCredit,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Account Credit Method (Dotdigital)',
				name: 'accountCreditMethod',
				type: 'string',
				default: 'GetAccountCredit',
				description: "Inferred dotdigital method that reads an account's credit; change it if your account names it differently",
			},
			{
				displayName: 'Emit Existing on First Activation',
				name: 'emitExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether the first poll after activation emits every existing customer (or every one already low); otherwise it only records where things stand',
			},
			{
				displayName: 'Include Customers Without Credit',
				name: 'includeWithoutCredit',
				type: 'boolean',
				default: false,
				description: 'Whether customers never given any credit or budget count as low (they cannot run low, so they are left out by default)',
			},
			{
				displayName: 'Include Raw Record',
				name: 'includeRaw',
				type: 'boolean',
				default: true,
				description: "Whether each item also carries the vendor's own record under raw",
			},
			{
				displayName: 'List Accounts Method (Dotdigital)',
				name: 'listAccountsMethod',
				type: 'string',
				default: 'GetAccounts',
				description: 'Inferred dotdigital method that lists accounts; change it if your account names it differently',
			},
			{
				displayName: 'Only These Customers',
				name: 'customerIds',
				type: 'string',
				default: '',
				placeholder: '200000000001, 200000000002',
				description:
					'Watch only these customer IDs (UINs, Huawei customer IDs or dotdigital account IDs), comma-separated. For Low Credit this also reads only their credit.',
			},
		],
	},
];
