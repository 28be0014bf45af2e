import type { OperationSpec, ResourceSpec } from '../../shared/types';
import { customerOperations } from './customer';
import {
	billOperations,
	budgetOperations,
	customerAccountOperations,
	orderOperations,
	partnerOperations,
	resellerOperations,
} from './others';

export const huaweiResources: ResourceSpec[] = [
	{ value: 'customer', name: 'Customer', description: 'Register, look up, freeze and unfreeze customers' },
	{ value: 'budget', name: 'Budget', description: "Reseller customers' budgets" },
	{ value: 'order', name: 'Order', description: "Customers' yearly/monthly orders" },
	{ value: 'reseller', name: 'Reseller', description: 'Your resellers (distributors only)' },
	{ value: 'bill', name: 'Bill', description: 'Your monthly partner bill' },
	{ value: 'partner', name: 'Partner Account', description: 'Your consumption quota, coupons, customer resources, units' },
	{ value: 'customerAccount', name: "Customer Account (Customer's Own Credentials)", description: "An end customer's own balances and spend" },
];

export const huaweiOperations: OperationSpec[] = [
	...customerOperations,
	...budgetOperations,
	...orderOperations,
	...resellerOperations,
	...billOperations,
	...partnerOperations,
	...customerAccountOperations,
];

export function findHuaweiOperation(resource: string, operation: string): OperationSpec | undefined {
	return huaweiOperations.find((spec) => spec.resource === resource && spec.operation === operation);
}
