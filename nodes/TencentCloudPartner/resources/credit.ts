import type { OperationSpec } from '../../shared/types';
import { customerUinField, subAgentUinField } from '../descriptions';

const resource = 'credit';

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
		recordsPath: 'Data',
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
			{
				name: 'Order',
				displayName: 'Order',
				kind: 'options',
				options: [
					{ name: 'Newest Binding First', value: 'desc' },
					{ name: 'Oldest Binding First', value: 'asc' },
				],
				default: 'desc',
				description: 'Sort by the time the customer was bound to you (AssociationTime)',
			},
		],
		finalizeRequest: ({ body }) =>
			(body.Filter === undefined) !== (body.FilterType === undefined)
				? '"Search By" and "Search Value" go together: set both or neither'
				: undefined,
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
		recordsPath: 'Data',
		clientSideLimit: true,
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
		recordsPath: 'Data',
		batch: { field: 'UinList', maxPerCall: 50 },
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
		verifyHint:
			'Check Credit > Get Allocation History for this customer before running it again: a second run would change the credit twice.',
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
		],
		finalizeRequest: ({ body }) => (body.AddedCredit === 0 ? '"Added Credit" must not be 0' : undefined),
	},
	{
		resource,
		operation: 'getAllocationHistory',
		name: 'Get Allocation History',
		action: 'Get credit allocation history',
		description: 'Lists every credit allocation made to one customer',
		vendorAction: 'QueryCreditAllocationHistory',
		write: false,
		rateLimitPerSecond: 5,
		recordsPath: 'History',
		paging: { style: 'pageNumber', pageField: 'Page', sizeField: 'PageSize', maxPageSize: 100, totalPath: 'Total' },
		fields: [customerUinField()],
	},
	{
		resource,
		operation: 'allocateToSubAgent',
		name: 'Allocate to Second-Level Reseller',
		action: "Allocate credit to a second-level reseller's pool",
		description: "Moves credit into a second-level reseller's credit pool (distributors only)",
		vendorAction: 'AllocateCreditPool',
		write: true,
		rateLimitPerSecond: 5,
		verifyHint:
			"Check the reseller's Credit and Remaining Credit (Second-Level Reseller > Get Many) before running it again.",
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
		needsCustomerKey: true,
		resultPath: 'Data',
		fields: [],
	},
];
