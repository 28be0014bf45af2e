import type { OperationSpec } from '../../shared/types';
import { bindingOrderField, DECISION_FIELDS, searchPairRule, subAgentUinField } from './sharedFields';

const resource = 'subAgent';
const pages = { style: 'pageNumber' as const, pageField: 'Page', sizeField: 'PageSize', maxPageSize: 100, totalPath: 'Total' };

export const subAgentOperations: OperationSpec[] = [
	{
		resource,
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many second-level resellers',
		description: 'Lists your second-level resellers with customer counts and credit and voucher pools (distributors only)',
		vendorAction: 'QuerySubAgentsDetailV2',
		write: false,
		rateLimitPerSecond: 20,
		answer: { recordsPath: 'Data' },
		paging: pages,
		fields: [
			{
				name: 'FilterType',
				displayName: 'Search By',
				kind: 'options',
				options: [
					{ name: 'Name', value: 'Name', description: 'Partial match' },
					{ name: 'Reseller UIN', value: 'SubAgentUin', description: 'Exact match' },
					{ name: 'Remark', value: 'Remark', description: 'Partial match' },
					{ name: 'Mobile', value: 'Mobile', description: 'Partial match' },
					{ name: 'Email', value: 'Email', description: 'Exact match' },
					{ name: 'Customer UIN', value: 'ClientUin', description: 'Exact UIN of one of their customers' },
				],
				default: 'Name',
				description: 'Field to search in; set Search Value too',
			},
			{ name: 'Filter', displayName: 'Search Value', kind: 'string', description: 'Value to search for' },
			bindingOrderField('Sort by binding time. Tencent spells the values inconsistently in its documentation; desc is the default when left out.'),
		],
		request: { finalize: searchPairRule },
	},
	{
		resource,
		operation: 'getPendingApplications',
		name: 'Get Many Pending Applications',
		action: 'Get many pending reseller applications',
		description: 'Lists applications to become your second-level reseller that await review',
		vendorAction: 'QueryPendingSubAgentsV2',
		write: false,
		rateLimitPerSecond: 20,
		answer: { recordsPath: 'Data' },
		paging: pages,
		fields: [],
	},
	{
		resource,
		operation: 'reviewApplication',
		name: 'Review Application',
		action: 'Approve or reject a reseller application',
		description: 'Approves or rejects an application to become your second-level reseller (company accounts with completed verification only)',
		vendorAction: 'ApproveSubAgentApply',
		write: true,
		rateLimitPerSecond: 20,
		writeRules: { verifyHint: 'Check Get Many Pending Applications and Get Many before trying again.' },
		fields: [
			subAgentUinField({
				displayName: 'Applicant UIN',
				paramName: 'applicantUin',
				listSearch: 'searchPendingSubAgents',
				description: 'UIN of the applicant (from Get Many Pending Applications)',
			}),
			...DECISION_FIELDS,
		],
	},
	{
		resource,
		operation: 'getCustomers',
		name: 'Get Customers',
		action: "Get a second-level reseller's customers",
		description: "Lists the customers of one second-level reseller (your indirect customers). Binding times are UTC+08:00.",
		vendorAction: 'QueryT1IndirectCustomersDetail',
		write: false,
		rateLimitPerSecond: 20,
		answer: { recordsPath: 'Data' },
		paging: pages,
		fields: [subAgentUinField()],
	},
];
