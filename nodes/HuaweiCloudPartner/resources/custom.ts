import type { IDataObject } from 'n8n-workflow';

import { CUSTOM_API_CALL_NAME, CUSTOM_RESOURCE, customCallBodyField, customCallPacing, customCallSettingFields, queryParameters } from '../../shared/customCall';
import type { FieldSpec, HttpMethod, OperationSpec } from '../../shared/types';
import { FieldValidationError, isDotSegment } from '../../shared/validation';

/** Partner Center documents 10 requests per second per API, and no lower per-second limit. */
export const HUAWEI_LOWEST_RATE_PER_SECOND = 10;

const QUERY_FIELD: FieldSpec = {
	name: 'Query',
	displayName: 'Query Parameters (JSON)',
	kind: 'json',
	required: true,
	in: 'setting',
	paramName: 'queryParameters',
	description: 'Query parameters as a JSON object with Huawei\'s own names, e.g. {"limit": 10, "offset": 0}',
};

const BODY_FIELD = customCallBodyField("The JSON body for POST and PUT, with Huawei's own names; leave {} for GET and DELETE");

const WITH_BODY: HttpMethod[] = ['POST', 'PUT'];

/**
 * Any Partner Center API on the credential's site, including ones added after this release: the
 * method and path come from the item, and the call goes through the same signer (AK/SK) or IAM
 * token, pacing, retry rule and error advice as the listed APIs.
 */
export const customApiCallOperation: OperationSpec = {
	resource: CUSTOM_RESOURCE,
	operation: 'customApiCall',
	name: CUSTOM_API_CALL_NAME,
	action: 'Call any Partner Center API',
	description: "Calls any API path of the credential's site with query parameters and a JSON body, signed or sent with the IAM token: for APIs the node does not list yet",
	vendorAction: 'CustomApiCall',
	write: true,
	rateLimitPerSecond: HUAWEI_LOWEST_RATE_PER_SECOND,
	writeRules: { verifyHint: 'Check with the matching query API before calling it again.' },
	fields: [
		{
			name: 'Method',
			displayName: 'Method',
			kind: 'options',
			required: true,
			in: 'setting',
			paramName: 'httpMethod',
			options: [
				{ name: 'GET', value: 'GET' },
				{ name: 'POST', value: 'POST' },
				{ name: 'PUT', value: 'PUT' },
				{ name: 'DELETE', value: 'DELETE' },
			],
			default: 'GET',
			description: 'The HTTP method the API takes',
		},
		{
			name: 'Path',
			displayName: 'Path',
			kind: 'string',
			required: true,
			in: 'setting',
			paramName: 'path',
			maxLength: 512,
			// A path of the credential's own site: no host, no query string, no way out of it.
			pattern: /^\/v\d+(\/[A-Za-z0-9._~%-]+)+$/,
			patternHint: "a path on the credential's site such as /v2/orders/customer-orders (no host, no query string)",
			placeholder: '/v2/orders/customer-orders',
			description: "The API path, appended to the credential's site",
		},
		QUERY_FIELD,
		BODY_FIELD,
		...customCallSettingFields(HUAWEI_LOWEST_RATE_PER_SECOND, 'API'),
	],
	customCall: {
		bindItem: (request) => {
			const settings = request.settings ?? {};
			const method = String(settings.Method) as HttpMethod;
			const path = String(settings.Path);
			if (path.split('/').some(isDotSegment)) {
				throw new FieldValidationError(customApiCallOperation.fields[1], 'a path without . or .. segments, in any case or escape (%2e%2e, .%2E)', path);
			}
			const body = (settings.Body ?? {}) as IDataObject;
			if (!WITH_BODY.includes(method) && Object.keys(body).length > 0) {
				throw new FieldValidationError(BODY_FIELD, `empty ({}) for a ${method} request, which has no body`, JSON.stringify(body));
			}
			return {
				spec: {
					...customApiCallOperation,
					vendorAction: `${method} ${path}`,
					request: { ...customApiCallOperation.request, http: { method, path } },
					...customCallPacing(settings, HUAWEI_LOWEST_RATE_PER_SECOND),
					customCall: undefined,
				},
				request: { body, qs: queryParameters(QUERY_FIELD, settings.Query as IDataObject), path: {} },
			};
		},
	},
};
