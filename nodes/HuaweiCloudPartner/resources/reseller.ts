import type { OperationSpec } from '../../shared/types';
import { INDIRECT_PARTNER_FIELD, offsetPagingInBody, utcTimeField } from './sharedFields';
import { PERMISSIONS } from './permissions';

export const resellerOperations: OperationSpec[] = [
	{
		resource: 'reseller',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many resellers',
		description: 'Lists your resellers (distributors only); use their ID as Reseller ID elsewhere',
		vendorAction: 'ListIndirectPartners',
		request: { http: { method: 'POST', path: '/v2/partners/indirect-partners/query' } },
		write: false,
		rateLimitPerSecond: 10,
		access: { permissions: [...PERMISSIONS.resellers.codes], permissionPath: PERMISSIONS.resellers.path },
		answer: { recordsPath: 'indirect_partners' },
		paging: offsetPagingInBody('count'),
		fields: [
			{ name: 'account_name', displayName: 'Account Name', kind: 'string', maxLength: 64, description: 'Reseller account name' },
			utcTimeField('associated_on_begin', 'Associated From', 'Only resellers associated at or after this time'),
			utcTimeField('associated_on_end', 'Associated To', 'Only resellers associated at or before this time'),
			{ ...INDIRECT_PARTNER_FIELD, description: 'Only this reseller' },
		],
	},
];
