import type { OperationSpec } from '../../shared/types';
import { offsetPagingInQuery, query } from './sharedFields';

const resource = 'customerEnterprise';

export const customerEnterpriseOperations: OperationSpec[] = [
	{
		resource,
		operation: 'authorizeProjects',
		name: 'Authorize Enterprise Projects',
		action: 'Enable enterprise projects as an enterprise master account',
		description: "Enables enterprise project management for the customer's enterprise (master) account, so resources and costs can be grouped by project",
		vendorAction: 'CreateEnterpriseProjectAuth',
		request: { http: { method: 'POST', path: '/v2/enterprises/enterprise-projects/authority' } },
		write: true,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		writeRules: { verifyHint: "Check Enterprise > Project Management in the customer's console." },
		fields: [],
	},
	{
		resource,
		operation: 'getSubAccounts',
		name: 'Get Sub-Accounts',
		action: 'Get enterprise sub-accounts as an enterprise master account',
		description: "The enterprise sub-accounts of the customer's enterprise (master) account, with their organization unit and status",
		vendorAction: 'ListEnterpriseSubCustomers',
		request: { http: { method: 'GET', path: '/v2/enterprises/multi-accounts/sub-customers' } },
		write: false,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		answer: { recordsPath: 'sub_customer_infos' },
		paging: offsetPagingInQuery('total_count'),
		fields: [
			query({ name: 'sub_customer_account_name', displayName: 'Account Name', kind: 'string', maxLength: 64, pattern: /^\S+$/, patternHint: 'a name without spaces', description: 'Only this account name (or names containing it, with Partial Match)' }),
			query({ name: 'sub_customer_display_name', displayName: 'Display Name', kind: 'string', maxLength: 64, pattern: /^\S+$/, patternHint: 'a name without spaces', description: 'Only this display name (or names containing it, with Partial Match)' }),
			query({
				name: 'fuzzy_query',
				displayName: 'Partial Match',
				kind: 'options',
				options: [
					{ name: 'Exact', value: 0 },
					{ name: 'Partial', value: 1 },
				],
				default: 0,
				description: 'Whether the names match exactly or in part',
			}),
			query({ name: 'org_id', displayName: 'Organization Unit ID', kind: 'string', maxLength: 64, description: 'Only sub-accounts of this organization unit' }),
		],
	},
];
