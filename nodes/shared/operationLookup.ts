import type { OperationSpec } from './types';

/**
 * The one way to find an operation spec: the node's dispatch (the operation the user picked) and
 * its own internal calls (triggers, pickers, dropdowns) all look a spec up by resource and
 * operation in the node's list, so an internal call is paced and retried exactly as the listed
 * operation is, and cannot drift from it.
 */

/** The custom call spec of a node, if it has one. */
export function customCallOf(specs: OperationSpec[]): OperationSpec | undefined {
	return specs.find((spec) => spec.customCall);
}

/**
 * The operation a node runs for a resource and operation. The custom call answers under every
 * resource, because each resource's operation list ends with it.
 */
export function findOperationSpec(specs: OperationSpec[], resource: string, operation: string): OperationSpec | undefined {
	const listed = specs.find((spec) => spec.resource === resource && spec.operation === operation);
	if (listed) return listed;
	const custom = customCallOf(specs);
	return custom && custom.operation === operation ? custom : undefined;
}

/**
 * The listed operation an internal call sends. A name that is not listed is a mistake in the
 * package, so it fails when the module loads rather than when a workflow runs.
 */
export function operationSpec(specs: OperationSpec[], resource: string, operation: string): OperationSpec {
	const spec = findOperationSpec(specs, resource, operation);
	if (!spec) throw new Error(`No operation "${operation}" of "${resource}" is listed`);
	return spec;
}
