import type { OperationSpec } from '../../shared/types';
import { accountId, resellerRead } from './sharedFields';

export const reportOperations: OperationSpec[] = [
	resellerRead({
		resource: 'report',
		operation: 'get',
		name: 'Get',
		action: 'Get chargeable activity',
		description: 'Chargeable activity (channel, quantity, credits) of your accounts in a date range; one item per row',
		vendorAction: 'GetChargeableActivity',
		answer: { recordsPath: '*', clientSideLimit: true },
		fields: [
			{ name: 'StartDate', displayName: 'Start Date', kind: 'utcDateTime', required: true, paramName: 'startDate', description: 'From this date and time (sent as ISO-8601 UTC)' },
			{ name: 'EndDate', displayName: 'End Date', kind: 'utcDateTime', required: true, paramName: 'endDate', description: 'Until this date and time (sent as ISO-8601 UTC)' },
			accountId({ required: false, description: 'Only this account; all your accounts when left out' }),
		],
		request: { finalize: ({ body }) => (String(body.EndDate) <= String(body.StartDate) ? '"End Date" must be after "Start Date"' : undefined) },
	}),
];
