import type { OperationSpec } from '../../shared/types';
import { accountId, int32, resellerRead, resellerWrite } from './sharedFields';

export const creditOperations: OperationSpec[] = [
	resellerWrite({
		resource: 'credit',
		operation: 'add',
		name: 'Add',
		action: 'Add credit to an account',
		description:
			'Adds credits to an account; they expire after the given months (at most 12). The meaning of the three fields is published; their names and the method name are inferred.',
		vendorAction: 'AddCredit',
		writeRules: { verifyHint: 'Check Credit > Get for the account before adding again: a second call adds the credits twice.' },
		fields: [
			accountId(),
			int32('Credits', 'Credits', 'Number of credits to add: a positive whole number (credit cannot be removed this way)'),
			{ name: 'ExpiryMonths', displayName: 'Expiry (Months)', kind: 'integer', min: 1, max: 12, description: 'Months the credits stay available, 1 to 12; 12 when left out' },
		],
	}),
	resellerRead({
		resource: 'credit',
		operation: 'get',
		name: 'Get',
		action: "Get an account's credit",
		description: "Returns an account's credit balance and its allocations with expiry dates",
		vendorAction: 'GetAccountCredit',
		fields: [accountId()],
	}),
];
