import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldSpec } from './types';
import { coerceField, FieldValidationError } from './validation';

/**
 * Checks a setting that is not a vendor field (limit, page size, timeout) exactly like a field,
 * because expressions can give it any value: 2.5, 0, -1, "ten" or Infinity would otherwise be sent
 * or silently change how the node behaves.
 */
export function checkedSetting(context: IExecuteFunctions, itemIndex: number, setting: FieldSpec, raw: unknown): number {
	try {
		return coerceField(setting, raw) as number;
	} catch (error) {
		if (!(error instanceof FieldValidationError)) throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
		throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: ${error.message}`, {
			itemIndex,
			description: `${setting.description} Nothing was sent.`,
		});
	}
}
