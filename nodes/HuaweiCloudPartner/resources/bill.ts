import type { OperationSpec } from '../../shared/types';
import { BILL_CYCLE } from './sharedFields';
import { PERMISSIONS } from './permissions';

export const billOperations: OperationSpec[] = [
	{
		resource: 'bill',
		operation: 'getMonthlySummary',
		name: 'Get Monthly Summary',
		action: 'Get your monthly bill summary',
		description: 'Your own postpaid bill for a month: amount due, expenditure, refunds, adjustments, tax',
		vendorAction: 'ListPostpaidBillSum',
		request: { http: { method: 'GET', path: '/v2/bills/partner-bills/postpaid-bill-summary' } },
		write: false,
		rateLimitPerSecond: 10,
		access: { permissions: [...PERMISSIONS.bills.codes], permissionPath: PERMISSIONS.bills.path },
		fields: [BILL_CYCLE],
	},
];
