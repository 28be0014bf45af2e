import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkedSetting } from './checkedSetting';
import { maxConcurrentRequestsSetting } from './properties';

/** Name of the option that caps requests in flight; 0 or unset means derived from the rate limit. */
export const MAX_CONCURRENT_OPTION = maxConcurrentRequestsSetting.name;

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
	const checked = { ...options };
	if (options[MAX_CONCURRENT_OPTION] !== undefined) {
		checked[MAX_CONCURRENT_OPTION] = checkedSetting(context, itemIndex, maxConcurrentRequestsSetting, options[MAX_CONCURRENT_OPTION]);
	}
	if (options.timeout === undefined) return checked;
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
	return { ...checked, timeout };
}
