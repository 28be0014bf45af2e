import { findOperationSpec } from '../../shared/operationLookup';
import { withRerun } from '../../shared/rerun';
import type { OperationSpec, ResourceSpec } from '../../shared/types';
import { HUAWEI_RERUN } from '../rerun';
import { customCallResource, keepingListedWrites } from '../../shared/customCall';
import { listedHuaweiApi } from '../apiKey';
import { customApiCallOperation } from './custom';
import { customerOperations } from './customer';
import { billOperations } from './bill';
import { budgetOperations } from './budget';
import { customerAccountOperations } from './customerAccount';
import { orderOperations } from './order';
import { partnerOperations } from './partner';
import { resellerOperations } from './reseller';
import { subscriptionOperations } from './subscription';

export const huaweiResources: ResourceSpec[] = [
	{ value: 'customer', name: 'Customer', description: 'Register, look up, freeze and unfreeze customers' },
	{ value: 'budget', name: 'Budget', description: "Reseller customers' budgets" },
	{ value: 'order', name: 'Order', description: "Customers' yearly/monthly orders" },
	{ value: 'subscription', name: 'Yearly/Monthly Resource', description: "Customers' yearly/monthly resources and their expiry" },
	{ value: 'reseller', name: 'Reseller', description: 'Your resellers (distributors only)' },
	{ value: 'bill', name: 'Bill', description: 'Your monthly partner bill' },
	{ value: 'partner', name: 'Partner Account', description: 'Your consumption quota, coupons, customer resources, units' },
	{ value: 'customerAccount', name: "Customer Account (Customer's Own Credentials)", description: "An end customer's own balances and spend" },
	customCallResource('Any API path, signed and paced like the listed ones'),
];

const listedOperations: OperationSpec[] = withRerun([
	...customerOperations,
	...budgetOperations,
	...orderOperations,
	...subscriptionOperations,
	...resellerOperations,
	...billOperations,
	...partnerOperations,
	...customerAccountOperations,
], HUAWEI_RERUN);

const listedWrites = listedOperations.filter((spec) => spec.write);

export const huaweiOperations: OperationSpec[] = [
	...listedOperations,
	...withRerun([keepingListedWrites(customApiCallOperation, (bound) => (bound.request?.http ? listedHuaweiApi(bound.request.http, listedWrites) : undefined))], HUAWEI_RERUN),
];

export function findHuaweiOperation(resource: string, operation: string): OperationSpec | undefined {
	return findOperationSpec(huaweiOperations, resource, operation);
}
