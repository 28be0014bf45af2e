import { CUSTOM_API_CALL_NAME, CUSTOM_RESOURCE } from '../../shared/customCall';
import type { OperationSpec } from '../../shared/types';

export const customMethodOperations: OperationSpec[] = [
	{
		resource: CUSTOM_RESOURCE,
		operation: 'callMethod',
		name: CUSTOM_API_CALL_NAME,
		customCall: true,
		action: 'Call any Reseller Service method',
		description: 'POSTs a JSON body to any method name, for methods the node does not list. Treated as a write: never repeated after an unclear outcome.',
		vendorAction: 'CallMethod',
		write: true,
		rateLimitPerSecond: 0,
		fields: [
			{ name: 'method', displayName: 'Method Name', kind: 'string', required: true, paramName: 'methodName', in: 'path', maxLength: 128, pattern: /^[A-Za-z][A-Za-z0-9_]*$/, patternHint: 'a method name such as GetAccounts', placeholder: 'GetAccounts', description: 'The method, as the last part of the URL' },
			{ name: 'Body', displayName: 'Body (JSON)', kind: 'json', required: true, paramName: 'jsonBody', description: 'The request object, sent as is (fields at the top level)' },
		],
		execute: async (_context, _spec, send, request) => {
			const answer = await send({ body: (request.body.Body as never) ?? {}, qs: {}, path: request.path });
			return Array.isArray(answer) ? (answer as never) : [answer];
		},
	},
];
