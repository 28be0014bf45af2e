import type { IDataObject } from 'n8n-workflow';

import { TENCENT_PARTNER_VERSION } from '../../../credentials/TencentCloudPartnerApi.credentials';
import { CUSTOM_API_CALL_NAME, CUSTOM_RESOURCE, customCallBodyField, customCallPacing, customCallSettingFields } from '../../shared/customCall';
import type { OperationSpec } from '../../shared/types';

/** The lowest per-action limit Tencent documents for intlpartnersmgt (the bill summaries): 1/s. */
export const TENCENT_LOWEST_RATE_PER_SECOND = 1;

/**
 * Any intlpartnersmgt action, including ones added after this release: the action name and
 * version come from the item, and the call goes through the same signer, pacing, retry rule and
 * error advice as the listed actions.
 */
export const customActionOperation: OperationSpec = {
	resource: CUSTOM_RESOURCE,
	operation: 'customAction',
	name: CUSTOM_API_CALL_NAME,
	action: 'Call any Tencent Cloud action',
	description: 'Calls any action by name with a JSON body (Custom Action), signed by the credential: for actions the node does not list yet',
	vendorAction: 'CustomAction',
	write: true,
	rateLimitPerSecond: TENCENT_LOWEST_RATE_PER_SECOND,
	writeRules: { verifyHint: 'Check with the matching query action before calling it again.' },
	fields: [
		{
			name: 'Action',
			displayName: 'Action',
			kind: 'string',
			required: true,
			in: 'setting',
			paramName: 'actionName',
			maxLength: 64,
			pattern: /^[A-Z][A-Za-z0-9]+$/,
			patternHint: 'an action name such as QueryCustomersCredit',
			placeholder: 'QueryCustomersCredit',
			description: 'The action, as Tencent names it (sent as X-TC-Action)',
		},
		{
			name: 'Version',
			displayName: 'API Version',
			kind: 'string',
			required: true,
			in: 'setting',
			paramName: 'apiVersion',
			default: TENCENT_PARTNER_VERSION,
			pattern: /^\d{4}-\d{2}-\d{2}$/,
			patternHint: 'a version such as 2022-09-28',
			description: 'The API version of the action (sent as X-TC-Version)',
		},
		customCallBodyField("The action's parameters as a JSON object, with Tencent's own names, e.g. {\"Page\": 1, \"PageSize\": 100}"),
		...customCallSettingFields(TENCENT_LOWEST_RATE_PER_SECOND, 'action'),
	],
	customCall: {
		bindItem: (request) => {
			const settings = request.settings ?? {};
			return {
				spec: {
					...customActionOperation,
					vendorAction: String(settings.Action),
					request: { ...customActionOperation.request, apiVersion: String(settings.Version) },
					...customCallPacing(settings, TENCENT_LOWEST_RATE_PER_SECOND),
					customCall: undefined,
				},
				request: { body: (settings.Body ?? {}) as IDataObject, qs: {}, path: {} },
			};
		},
	},
};
