import type { IDataObject } from 'n8n-workflow';

import type { FieldSpec, OperationSpec, ResourceSpec } from './types';
import { FieldValidationError } from './validation';

/**
 * n8n appends an entry with this name to the end of every `resource` and `operation` list of a
 * node whose credential has an `authenticate` (all of ours: TC3, AK/SK and HTTP Basic), unless the
 * list already ends with an entry of that name. n8n's entry only points to the HTTP Request node,
 * which cannot sign, pace or explain vendor errors, so each node ends its lists with its own
 * signed custom call under the same name, and n8n adds nothing.
 */
export const CUSTOM_API_CALL_NAME = 'Custom API Call';

/** The value n8n gives its own entry; a workflow carrying it was made where n8n had added it. */
export const N8N_CUSTOM_API_CALL_KEY = '__CUSTOM_API_CALL__';

/** The resource that holds a node's custom call, last in the resource list. */
export const CUSTOM_RESOURCE = 'custom';

/** The resource entry of a node's custom call, last in its resource list, in the vendor's words. */
export function customCallResource(description: string): ResourceSpec {
	return { value: CUSTOM_RESOURCE, name: CUSTOM_API_CALL_NAME, description };
}

/** The JSON body a custom call sends, with the vendor's own names (`description` says what goes in it). */
export function customCallBodyField(description: string): FieldSpec {
	return { name: 'Body', displayName: 'Body (JSON)', kind: 'json', required: true, in: 'setting', paramName: 'jsonBody', description };
}

/** Pacing and retry settings every custom call offers, with the vendor's lowest documented limit. */
export function customCallSettingFields(lowestRatePerSecond: number, vendorWords: string): FieldSpec[] {
	return [
		{
			name: 'RateLimit',
			displayName: 'Requests per Second',
			kind: 'integer',
			in: 'setting',
			paramName: 'rateLimitPerSecond',
			min: 1,
			max: 100,
			default: lowestRatePerSecond,
			description: `Most calls per second to this ${vendorWords}, shared with every node using the same credential; the default is the lowest limit the vendor documents`,
		},
		{
			name: 'Read',
			displayName: 'Retry as Read',
			kind: 'boolean',
			in: 'setting',
			paramName: 'retryAsRead',
			default: false,
			description: `Whether the call only reads: reads are retried after 5xx answers and timeouts; otherwise it is treated as a write and never repeated after an unclear outcome. An ${vendorWords} the node lists as a write stays a write whatever this says.`,
		},
	];
}

/** The pacing and retry rule a custom call's settings ask for. */
export function customCallPacing(settings: IDataObject, lowestRatePerSecond: number): Pick<OperationSpec, 'write' | 'rateLimitPerSecond'> {
	const rate = Number(settings.RateLimit ?? lowestRatePerSecond);
	return { write: settings.Read !== true, rateLimitPerSecond: rate >= 1 ? rate : lowestRatePerSecond };
}

/**
 * A node's custom call whose calls to an action or path the node lists as a write (`listedOf`
 * finds it) keep that write's rule: "Retry as Read" must not make a credit allocation repeatable
 * after an answer that leaves its outcome unknown. The verify hint, which every error of unknown
 * outcome carries, says so, and gives the listed write's own way to check.
 */
export function keepingListedWrites(custom: OperationSpec, listedOf: (bound: OperationSpec) => OperationSpec | undefined): OperationSpec {
	if (!custom.customCall) return custom;
	const { bindItem } = custom.customCall;
	return {
		...custom,
		customCall: {
			bindItem: (request) => {
				const bound = bindItem(request);
				const listed = listedOf(bound.spec);
				if (!listed?.write) return bound;
				const setting = request.settings?.Read === true ? 'Retry as Read does not apply to it' : 'it is never repeated after an unclear outcome';
				const rule = `${bound.spec.vendorAction} is a write the node lists ("${listed.action}"), so ${setting}.`;
				return { ...bound, spec: { ...bound.spec, write: true, writeRules: { ...bound.spec.writeRules, verifyHint: [listed.writeRules?.verifyHint, rule].filter(Boolean).join(' ') } } };
			},
		},
	};
}

/** Query parameters typed as JSON: only text, numbers and booleans can go in a URL. */
export function queryParameters(field: FieldSpec, value: IDataObject | undefined): IDataObject {
	const qs: IDataObject = {};
	for (const [name, entry] of Object.entries(value ?? {})) {
		if (!['string', 'number', 'boolean'].includes(typeof entry)) {
			throw new FieldValidationError(field, `a JSON object of texts, numbers or booleans (${name} is not)`, entry);
		}
		qs[name] = entry;
	}
	return qs;
}
