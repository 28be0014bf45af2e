import type { OperationSpec, ResourceSpec } from '../../shared/types';
import { creditOperations } from './credit';
import { customerOperations } from './customer';

export const tencentResources: ResourceSpec[] = [
	{ value: 'customer', name: 'Customer', description: 'Onboard, look up and manage your customers' },
	{ value: 'credit', name: 'Credit', description: 'Your credit and your customers\' credit limits' },
];

export const tencentOperations: OperationSpec[] = [...customerOperations, ...creditOperations];

export function findTencentOperation(resource: string, operation: string): OperationSpec | undefined {
	return tencentOperations.find((spec) => spec.resource === resource && spec.operation === operation);
}
