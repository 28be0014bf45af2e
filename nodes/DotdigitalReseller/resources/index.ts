import { customCallResource } from '../../shared/customCall';
import { findOperationSpec } from '../../shared/operationLookup';
import { withRerun } from '../../shared/rerun';
import type { OperationSpec, ResourceSpec } from '../../shared/types';
import { DOTDIGITAL_RERUN } from '../rerun';
import { accountOperations } from './account';
import { userOperations } from './user';
import { roleOperations } from './role';
import { creditOperations } from './credit';
import { reportOperations } from './report';
import { inboundNumberOperations } from './inboundNumber';
import { customMethodOperation } from './custom';

export const dotdigitalResources: ResourceSpec[] = [
	{ value: 'account', name: 'Account', description: 'Customer (child) accounts under your reseller account' },
	{ value: 'user', name: 'User', description: 'Portal users of an account' },
	{ value: 'role', name: 'Role', description: 'Predefined roles of users and accounts' },
	{ value: 'credit', name: 'Credit', description: 'Credit allocations (credits expire after at most 12 months)' },
	{ value: 'report', name: 'Chargeable Activity Report', description: 'Chargeable activity of your accounts' },
	{ value: 'inboundNumber', name: 'Inbound Number', description: 'Dedicated numbers and shortcodes' },
	customCallResource('Any Reseller Service method the node does not list'),
];

export const dotdigitalOperations: OperationSpec[] = withRerun([
	...accountOperations,
	...userOperations,
	...roleOperations,
	...creditOperations,
	...reportOperations,
	...inboundNumberOperations,
	customMethodOperation,
], DOTDIGITAL_RERUN);

export function findDotdigitalOperation(resource: string, operation: string): OperationSpec | undefined {
	return findOperationSpec(dotdigitalOperations, resource, operation);
}
