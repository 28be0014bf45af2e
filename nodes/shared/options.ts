import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkedSetting } from './executor';

/** Longest wait for one answer a user may set; longer than any vendor's own limit (dotdigital 125 s). */
export const MAX_TIMEOUT_SECONDS = 3600;

/**
 * The item's Options with the timeout checked: an expression giving 0, text, a negative number or
 * Infinity must stop the item, not remove the timeout, hang, or time out at once.
 */
export function checkedRequestOptions(
	context: IExecuteFunctions,
	options: IDataObject,
	itemIndex: number,
): IDataObject {
	if (options.timeout === undefined) return options;
	const timeout = checkedSetting(
		context,
		itemIndex,
		{
			name: 'timeout',
			displayName: 'Timeout (Seconds)',
			kind: 'number',
			min: 1,
			max: MAX_TIMEOUT_SECONDS,
			description: 'How long to wait for each answer, in seconds.',
		},
		options.timeout,
	);
	return { ...options, timeout };
}
