import type { IDataObject } from 'n8n-workflow';

import { CUSTOM_API_CALL_NAME, CUSTOM_RESOURCE, customCallBodyField } from '../../shared/customCall';
import type { OperationSpec } from '../../shared/types';

/**
 * Any Reseller Service method, including ones the node does not list: the method name comes from
 * the item, and the call goes through the same sender, timeout and error advice as the listed
 * methods. No rate is published, and an unlisted method may change anything, so it is a write.
 */
export const customMethodOperation: OperationSpec = {
	resource: CUSTOM_RESOURCE,
	operation: 'callMethod',
	name: CUSTOM_API_CALL_NAME,
	action: 'Call any Reseller Service method',
	description: 'POSTs a JSON body to any method name, for methods the node does not list. Treated as a write: never repeated after an unclear outcome.',
	vendorAction: 'CallMethod',
	write: true,
	rateLimitPerSecond: 0,
	fields: [
		{ name: 'method', displayName: 'Method Name', kind: 'string', required: true, paramName: 'methodName', in: 'setting', maxLength: 128, pattern: /^[A-Za-z][A-Za-z0-9_]*$/, patternHint: 'a method name such as GetAccounts', placeholder: 'GetAccounts', description: 'The method, as the last part of the URL' },
		customCallBodyField('The request object, sent as is (fields at the top level)'),
	],
	customCall: {
		bindItem: (request) => {
			const settings = request.settings ?? {};
			return {
				spec: { ...customMethodOperation, vendorAction: String(settings.method), customCall: undefined },
				request: { body: (settings.Body ?? {}) as IDataObject, qs: {}, path: {} },
			};
		},
	},
};
