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
import { customerCostOperations } from './customerCost';
import { customerEnterpriseOperations } from './customerEnterprise';
import { customerOrderOperations } from './customerOrder';
import { customerResourceOperations } from './customerResource';
import { customerSubscriptionOperations } from './customerSubscription';
import { orderOperations } from './order';
import { partnerOperations } from './partner';
import { productOperations } from './product';
import { realnameAuthOperations } from './realnameAuth';
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
	{ value: 'customerOrder', name: "Customer Order (Customer's Own Credentials)", description: "Pay or cancel an end customer's own pending orders" },
	{ value: 'customerSubscription', name: "Customer Subscription (Customer's Own Credentials)", description: "Renew, auto-renew or unsubscribe an end customer's own yearly/monthly resources" },
	{ value: 'customerResource', name: "Customer Resource Usage (Customer's Own Credentials)", description: "An end customer's own fee records, usage details and resource packages" },
	{ value: 'customerCost', name: "Customer Cost (Customer's Own Credentials)", description: "An end customer's own costs and invoices" },
	{ value: 'customerEnterprise', name: "Customer Enterprise (Customer's Own Credentials)", description: "An enterprise master account's projects and sub-accounts" },
	{ value: 'customerAccount', name: "Customer Account (Customer's Own Credentials)", description: "An end customer's own balances and spend" },
	{ value: 'realnameAuth', name: 'Real-Name Authentication', description: "Submit customers' identity documents and read Huawei's review" },
	{ value: 'product', name: 'Product and Price', description: 'The product catalog and price inquiries, for quotes' },
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
	...customerOrderOperations,
	...customerSubscriptionOperations,
	...customerResourceOperations,
	...customerCostOperations,
	...customerEnterpriseOperations,
	...customerAccountOperations,
	...realnameAuthOperations,
	...productOperations,
], HUAWEI_RERUN);

const listedWrites = listedOperations.filter((spec) => spec.write);

export const huaweiOperations: OperationSpec[] = [
	...listedOperations,
	...withRerun([keepingListedWrites(customApiCallOperation, (bound) => (bound.request?.http ? listedHuaweiApi(bound.request.http, listedWrites) : undefined))], HUAWEI_RERUN),
];

export function findHuaweiOperation(resource: string, operation: string): OperationSpec | undefined {
	return findOperationSpec(huaweiOperations, resource, operation);
}
