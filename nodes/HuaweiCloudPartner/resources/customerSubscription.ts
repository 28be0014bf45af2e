import type { FieldSpec, OperationSpec } from '../../shared/types';

const resource = 'customerSubscription';

/** Resource ids are letters, digits, `.`, `_` and `-` (ECS ids are UUIDs), so commas and spaces only separate them. */
const RESOURCE_ID = /^[A-Za-z0-9._-]{1,64}$/;

function resourceIdsField(most: number, description: string): FieldSpec {
	return {
		name: 'resource_ids',
		displayName: 'Resource IDs',
		kind: 'stringList',
		required: true,
		paramName: 'resourceIds',
		pattern: RESOURCE_ID,
		patternHint: 'a resource ID (letters, digits, ., _ and -)',
		splitEntries: true,
		maxItems: most,
		description: `${description}; main resources only (is_main_resource), at most ${most}`,
	};
}

const RESOURCE_ID_IN_PATH: FieldSpec = {
	name: 'resource_id',
	displayName: 'Resource ID',
	kind: 'string',
	required: true,
	in: 'path',
	paramName: 'resourceId',
	pattern: RESOURCE_ID,
	patternHint: 'a resource ID (letters, digits, ., _ and -)',
	description: "The yearly/monthly resource (a server's disks follow the server)",
};

const CHECK_RESOURCES = "Check the resources' expiry and renewal settings in the customer's Billing Center, or their orders with Order > Get Many using the customer's credential";

export const customerSubscriptionOperations: OperationSpec[] = [
	{
		resource,
		operation: 'renew',
		name: 'Renew',
		action: 'Renew yearly/monthly resources as a customer',
		description: 'Renews yearly/monthly resources for a number of months or years: creates a renewal order per resource, paid at once with Pay Automatically, else pending payment (pay it with Customer Order > Pay)',
		vendorAction: 'RenewalResources',
		request: {
			http: { method: 'POST', path: '/v2/orders/subscriptions/resources/renew' },
			finalize: ({ body }) =>
				body.period_type === 3 && Number(body.period_num) > 3 ? '"Periods" may be at most 3 years' : body.period_type === 2 && Number(body.period_num) > 11 ? '"Periods" may be at most 11 months' : undefined,
		},
		write: true,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		writeRules: { verifyHint: `${CHECK_RESOURCES} (a renewal order of type Renewal) before renewing again.` },
		fields: [
			resourceIdsField(10, 'Resources to renew'),
			{
				name: 'period_type',
				displayName: 'Period Unit',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Month', value: 2 },
					{ name: 'Year', value: 3 },
				],
				default: 2,
				paramName: 'periodType',
				description: 'Renew by months or years',
			},
			{ name: 'period_num', displayName: 'Periods', kind: 'integer', required: true, min: 1, max: 11, default: 1, paramName: 'periodNum', description: 'How many months (1-11) or years (1-3)' },
			{
				name: 'is_auto_pay',
				displayName: 'Pay Automatically',
				kind: 'options',
				options: [
					{ name: 'No (Order Waits for Payment)', value: 0 },
					{ name: 'Yes', value: 1 },
				],
				default: 0,
				description: "Whether the renewal orders are paid at once from the customer's account",
			},
		],
	},
	{
		resource,
		operation: 'enableAutoRenew',
		name: 'Enable Auto-Renewal',
		action: 'Enable auto-renewal of a resource as a customer',
		description: 'Turns on auto-renewal of a yearly/monthly resource, or changes how many times it renews',
		vendorAction: 'AutoRenewalResources',
		request: { http: { method: 'POST', path: '/v2/orders/subscriptions/resources/autorenew/{resource_id}' } },
		write: true,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		answer: { echoRequestWhenEmpty: true },
		writeRules: { verifyHint: `${CHECK_RESOURCES}.` },
		fields: [
			RESOURCE_ID_IN_PATH,
			{ name: 'auto_renew_times', displayName: 'Times', kind: 'integer', min: 0, max: 99, description: 'How many times it renews (0 = no limit); required to change the times of a resource that already renews automatically' },
			{
				name: 'period_type',
				displayName: 'Period Unit',
				kind: 'options',
				options: [
					{ name: 'Month', value: 'MONTH' },
					{ name: 'Year', value: 'YEAR' },
				],
				default: 'MONTH',
				description: "Renew monthly or yearly; when left out, the period of the resource's last order",
			},
		],
	},
	{
		resource,
		operation: 'disableAutoRenew',
		name: 'Disable Auto-Renewal',
		action: 'Disable auto-renewal of a resource as a customer',
		description: 'Turns off auto-renewal of a yearly/monthly resource (and of the disks of a server)',
		vendorAction: 'CancelAutoRenewalResources',
		request: { http: { method: 'DELETE', path: '/v2/orders/subscriptions/resources/autorenew/{resource_id}' } },
		write: true,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		answer: { echoRequestWhenEmpty: true },
		writeRules: { verifyHint: `${CHECK_RESOURCES}.` },
		fields: [RESOURCE_ID_IN_PATH],
	},
	{
		resource,
		operation: 'setRenewalSettings',
		name: 'Set Renewal Settings',
		action: 'Set the renewal deduction day or common expiry day as a customer',
		description: "Sets how many days before expiry auto-renewal charges (2-7), or the day of the month renewed resources expire on (1-28, or -1 for the month's last day)",
		vendorAction: 'SetResourcesRenewConfig',
		request: {
			http: { method: 'POST', path: '/v2/orders/subscriptions/resources/renew/config' },
			finalize: ({ body }) => {
				const value = Number(body.config_value);
				const allowed = body.config_name === 'DEDUCTION_DATE' ? value >= 2 && value <= 7 : value === -1 || (value >= 1 && value <= 28);
				return /^-?\d+$/.test(String(body.config_value)) && allowed
					? undefined
					: body.config_name === 'DEDUCTION_DATE'
						? '"Value" must be 2 to 7 (days before expiry) for Deduction Day'
						: '"Value" must be 1 to 28, or -1 for the last day of the month, for Common Expiry Day';
			},
		},
		write: true,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		answer: { echoRequestWhenEmpty: true },
		writeRules: { verifyHint: "Check the renewal settings in the customer's Billing Center." },
		fields: [
			{
				name: 'config_name',
				displayName: 'Setting',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Deduction Day (Days Before Expiry)', value: 'DEDUCTION_DATE' },
					{ name: 'Common Expiry Day (Day of Month)', value: 'EXPIRE_DATE' },
				],
				default: 'DEDUCTION_DATE',
				paramName: 'configName',
				description: 'Which renewal setting to change',
			},
			{ name: 'config_value', displayName: 'Value', kind: 'string', required: true, maxLength: 3, placeholder: '3', paramName: 'configValue', description: 'Days before expiry (2-7), or day of the month (1-28, -1 = last day)' },
		],
	},
	{
		resource,
		operation: 'changeToPayPerUse',
		name: 'Change to Pay-per-Use at Expiry',
		action: 'Change resources to pay-per-use at expiry as a customer',
		description: 'Sets yearly/monthly resources (with their attached resources) to become pay-per-use when they expire, or cancels that. Resources Huawei refuses come back in error_details.',
		vendorAction: 'UpdatePeriodToOnDemand',
		request: { http: { method: 'POST', path: '/v2/orders/subscriptions/resources/to-on-demand' } },
		write: true,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		writeRules: { verifyHint: `${CHECK_RESOURCES}.` },
		fields: [
			{
				name: 'operation',
				displayName: 'Action',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Set Up', value: 'SET_UP' },
					{ name: 'Cancel', value: 'CANCEL' },
				],
				default: 'SET_UP',
				paramName: 'changeAction',
				description: 'Set up the change at expiry, or cancel it',
			},
			resourceIdsField(100, 'Resources to change'),
		],
	},
	{
		resource,
		operation: 'unsubscribe',
		name: 'Unsubscribe',
		action: 'Unsubscribe yearly/monthly resources as a customer',
		description: 'Unsubscribes yearly/monthly resources (or only their renewed periods) and refunds what is due; creates an unsubscription order per resource. Resources Huawei refuses come back in fail_resource_infos.',
		vendorAction: 'CancelResourcesSubscription',
		request: { http: { method: 'POST', path: '/v2/orders/subscriptions/resources/unsubscribe' } },
		write: true,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		writeRules: { verifyHint: `${CHECK_RESOURCES} (an unsubscription order) before unsubscribing again.` },
		fields: [
			resourceIdsField(10, 'Resources to unsubscribe'),
			{
				name: 'unsubscribe_type',
				displayName: 'Unsubscribe',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Resource and Renewed Periods', value: 1 },
					{ name: 'Renewed Periods Only', value: 2 },
				],
				default: 1,
				paramName: 'unsubscribeType',
				description: 'The resources themselves with their renewed periods, or only the renewed periods',
			},
			{
				name: 'unsubscribe_reason_type',
				displayName: 'Reason Type',
				kind: 'options',
				options: [
					{ name: 'Product Hard to Use', value: 1 },
					{ name: 'Features Do Not Meet Needs', value: 2 },
					{ name: 'Too Complex to Operate', value: 3 },
					{ name: 'Dissatisfied With Service', value: 4 },
					{ name: 'Other', value: 5 },
				],
				default: 5,
				description: 'Why the resources are unsubscribed',
			},
			{ name: 'unsubscribe_reason', displayName: 'Reason', kind: 'string', maxLength: 512, description: 'Why, in words' },
		],
	},
];
