import type { OperationSpec } from '../../shared/types';
import { bindingOrderField, customerUinField, searchPairRule, subAgentUinField } from './sharedFields';
import { allocateOnce, checkAllocation, idempotencyKeyField } from '../idempotency';

const resource = 'credit';

/** Also read by Allocate to Customer to look up an Idempotency Key. */
const allocationHistory: OperationSpec = {
	resource,
	operation: 'getAllocationHistory',
	name: 'Get Allocation History',
	action: 'Get credit allocation history',
	description: 'Lists every credit allocation made to one customer',
	vendorAction: 'QueryCreditAllocationHistory',
	write: false,
	rateLimitPerSecond: 5,
	answer: { recordsPath: 'History' },
	paging: { style: 'pageNumber', pageField: 'Page', sizeField: 'PageSize', maxPageSize: 100, totalPath: 'Total' },
	fields: [customerUinField()],
};

export const creditOperations: OperationSpec[] = [
	{
		resource,
		operation: 'getPartnerCredit',
		name: 'Get Partner Credit',
		action: 'Get your own credit',
		description: 'Returns your total, allocated and still allocatable credit in USD',
		vendorAction: 'QueryPartnerCredit',
		write: false,
		rateLimitPerSecond: 5,
		fields: [],
	},
	{
		resource,
		operation: 'getManyCustomers',
		name: 'Get Many Customer Credits',
		action: 'Get many customers with their credit',
		description:
			'Lists customers with profile data, allocated credit and remaining credit, newest binding first. E-mail addresses come back masked.',
		vendorAction: 'QueryCustomersCredit',
		write: false,
		rateLimitPerSecond: 5,
		answer: { recordsPath: 'Data' },
		paging: { style: 'pageNumber', pageField: 'Page', sizeField: 'PageSize', maxPageSize: 100, totalPath: 'Total' },
		fields: [
			{
				name: 'FilterType',
				displayName: 'Search By',
				kind: 'options',
				options: [
					{ name: 'Customer UIN', value: 'ClientUin', description: 'Exact UIN' },
					{ name: 'Name', value: 'Name' },
					{ name: 'Remark', value: 'Remark' },
					{ name: 'Email', value: 'Email' },
				],
				default: 'Name',
				description: 'Field to search in; set Search Value too',
			},
			{
				name: 'Filter',
				displayName: 'Search Value',
				kind: 'string',
				description: 'Value to search for in the Search By field',
			},
			bindingOrderField('Sort by the time the customer was bound to you (AssociationTime)'),
		],
		request: { finalize: searchPairRule },
	},
	{
		resource,
		operation: 'getDirectCustomers',
		name: 'Get Direct Customer Credits',
		action: 'Get credit of all direct customers',
		description: 'Returns total and remaining credit of every direct customer in one call',
		vendorAction: 'QueryDirectCustomersCredit',
		write: false,
		rateLimitPerSecond: 5,
		answer: { recordsPath: 'Data', clientSideLimit: true },
		fields: [],
	},
	{
		resource,
		operation: 'getByUins',
		name: 'Get Credit by UINs',
		action: 'Get credit of given customers',
		description: 'Returns total and remaining credit of the given customers. Any number of UINs; the node asks 50 at a time.',
		vendorAction: 'QueryCreditByUinList',
		write: false,
		rateLimitPerSecond: 5,
		answer: { recordsPath: 'Data' },
		request: { batch: { field: 'UinList', maxPerCall: 50 } },
		fields: [
			{
				name: 'UinList',
				displayName: 'Customer UINs',
				kind: 'idList',
				required: true,
				paramName: 'customerUins',
				description: 'UINs of the customers whose credit you want',
			},
		],
	},
	{
		resource,
		operation: 'allocateToCustomer',
		name: 'Allocate to Customer',
		action: 'Allocate credit to a customer',
		description:
			"Adds credit to a customer, or takes it back with a negative amount. The amount changes the customer's current credit; it does not set it.",
		vendorAction: 'AllocateCustomerCredit',
		write: true,
		rateLimitPerSecond: 5,
		writeRules: {
			verifyHint:
				'Check Credit > Get Allocation History for this customer before running it again: a second run would change the credit twice. With an Idempotency Key the node checks the history itself.',
		},
		fields: [
			customerUinField(),
			{
				name: 'AddedCredit',
				displayName: 'Added Credit',
				kind: 'number',
				required: true,
				description:
					'USD to add (positive) or take back (negative). Adding is limited by your remaining allocatable credit; credit cannot go below 0.',
			},
			{
				name: 'Remark',
				displayName: 'Remark',
				kind: 'string',
				description: 'Note stored with this allocation, shown in the allocation history',
			},
			idempotencyKeyField,
		],
		request: { finalize: checkAllocation },
		ownLogic: { execute: allocateOnce(allocationHistory) },
	},
	allocationHistory,
	{
		resource,
		operation: 'allocateToSubAgent',
		name: 'Allocate to Second-Level Reseller',
		action: "Allocate credit to a second-level reseller's pool",
		description: "Moves credit into a second-level reseller's credit pool (distributors only)",
		vendorAction: 'AllocateCreditPool',
		write: true,
		rateLimitPerSecond: 5,
		writeRules: {
			verifyHint:
				"Check the reseller's Credit and Remaining Credit (Second-Level Reseller > Get Many) before running it again.",
		},
		fields: [
			subAgentUinField(),
			{
				name: 'Credit',
				displayName: 'Credit',
				kind: 'number',
				required: true,
				min: 0,
				max: 1000000,
				description: 'USD to allocate, from 0 to 1,000,000',
			},
		],
	},
	{
		resource,
		operation: 'getOwnBillingQuota',
		name: 'Get Own Billing Quota',
		action: 'Get own credit as an end customer',
		description: "Returns the calling customer's own total and remaining credit, vouchers and frozen amounts",
		vendorAction: 'QueryCustomerBillingQuota',
		write: false,
		rateLimitPerSecond: 5,
		access: { needsCustomerKey: true },
		answer: { resultPath: 'Data' },
		// Tencent documents both as optional request tags its console sends; the SDK sends them too.
		fields: [
			{ name: 'EventId', displayName: 'Event ID', kind: 'integer', min: 0, description: 'Tags the request event, usually a random number (EventId). Leave it out normally.' },
			{ name: 'ComponentName', displayName: 'Component Name', kind: 'string', maxLength: 64, description: 'Source of the request, e.g. console (ComponentName). Leave it out normally.' },
		],
	},
];
