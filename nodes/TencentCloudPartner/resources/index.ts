import type { OperationSpec, ResourceSpec } from '../../shared/types';
import { billOperations } from './bill';
import { creditOperations } from './credit';
import { customerOperations } from './customer';
import { ownBillOperations } from './ownBill';
import { referenceDataOperations } from './referenceData';
import { subAgentOperations } from './subAgent';
import { voucherOperations } from './voucher';

export const tencentResources: ResourceSpec[] = [
	{ value: 'customer', name: 'Customer', description: 'Onboard, look up and manage your customers' },
	{ value: 'credit', name: 'Credit', description: "Your credit and your customers' credit limits" },
	{ value: 'voucher', name: 'Voucher', description: "Your voucher pool and your customers' vouchers" },
	{ value: 'bill', name: 'Bill', description: "Your customers' bills and your commission files" },
	{
		value: 'ownBill',
		name: "Bill (Customer's Own Key)",
		description: "An end customer's own bills: select a credential with that customer's key",
	},
	{ value: 'subAgent', name: 'Second-Level Reseller', description: 'Your second-level resellers and their customers' },
	{ value: 'referenceData', name: 'Reference Data', description: 'Country codes, industries and policy products' },
];

export const tencentOperations: OperationSpec[] = [
	...customerOperations,
	...creditOperations,
	...voucherOperations,
	...billOperations,
	...ownBillOperations,
	...subAgentOperations,
	...referenceDataOperations,
];

export function findTencentOperation(resource: string, operation: string): OperationSpec | undefined {
	return tencentOperations.find((spec) => spec.resource === resource && spec.operation === operation);
}
