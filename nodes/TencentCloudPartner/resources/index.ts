import { findOperationSpec } from '../../shared/operationLookup';
import { withRerun } from '../../shared/rerun';
import type { OperationSpec, ResourceSpec } from '../../shared/types';
import { TENCENT_RERUN } from '../rerun';
import { billOperations } from './bill';
import { customCallResource, keepingListedWrites } from '../../shared/customCall';
import { creditOperations } from './credit';
import { customActionOperation } from './custom';
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
	customCallResource('Any action by name, signed and paced like the listed ones'),
];

const listedOperations: OperationSpec[] = withRerun([
	...customerOperations,
	...creditOperations,
	...voucherOperations,
	...billOperations,
	...ownBillOperations,
	...subAgentOperations,
	...referenceDataOperations,
], TENCENT_RERUN);

/** The listed write that sends `action`, if any (compared in any case, to err on the side of a write). */
function listedWrite(action: string): OperationSpec | undefined {
	return listedOperations.find((spec) => spec.write && spec.vendorAction.toLowerCase() === action.toLowerCase());
}

export const tencentOperations: OperationSpec[] = [
	...listedOperations,
	...withRerun([keepingListedWrites(customActionOperation, (bound) => listedWrite(bound.vendorAction))], TENCENT_RERUN),
];

export function findTencentOperation(resource: string, operation: string): OperationSpec | undefined {
	return findOperationSpec(tencentOperations, resource, operation);
}
