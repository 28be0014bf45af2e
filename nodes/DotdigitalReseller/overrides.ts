import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { maxConcurrentRequestsOption, showFor } from '../shared/properties';
import type { BuiltRequest, OperationSpec } from '../shared/types';

export interface MethodOverrides {
	methodName?: string;
	renameFields?: Record<string, string>;
	extraFields?: IDataObject;
}

/** The Options collection of one operation: timeout for all, overrides for inferred ones. */
export function optionsFor(spec: OperationSpec, timeoutSeconds: number): INodeProperties {
	const inferredMethod = spec.vendorAction;
	const inferred: INodeProperties[] = spec.request?.inferred
		? [
				{
					displayName: 'Method Name',
					name: 'methodName',
					type: 'string',
					default: inferredMethod,
					description: `Method to call instead of the inferred ${inferredMethod}, if your account shows it under another name`,
				},
				{
					displayName: 'Rename Fields (JSON)',
					name: 'renameFields',
					type: 'json',
					default: '{}',
					description: 'Send fields under other names, e.g. {"Credits": "Amount"}: keys are the node\'s field names, values the names your account expects',
				},
				{
					displayName: 'Extra Fields (JSON)',
					name: 'extraFields',
					type: 'json',
					default: '{}',
					description: 'More request fields, merged into the body as they are, e.g. {"Status": "Active"}',
				},
			]
		: [];
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor(spec),
		options: [
			...inferred,
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: timeoutSeconds,
				description: 'How long to wait for an answer; the service itself gives up after 125 seconds',
			},
			maxConcurrentRequestsOption,
		],
	};
}

function parseOrUndefined(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function jsonObject(value: unknown, what: string): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	const parsed = typeof value === 'string' ? parseOrUndefined(value) : value;
	if (parsed === undefined) throw new Error(`${what} is not valid JSON`);
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${what} must be a JSON object`);
	return parsed as IDataObject;
}

/** Reads the item's overrides; throws an Error (turned into a NodeOperationError) on bad JSON. */
export function readOverrides(options: IDataObject): MethodOverrides {
	const rename = jsonObject(options.renameFields, '"Rename Fields (JSON)"');
	for (const [from, to] of Object.entries(rename)) {
		if (typeof to !== 'string' || to.trim() === '') throw new Error(`"Rename Fields (JSON)": the new name for ${from} must be a non-empty text`);
	}
	const methodName = typeof options.methodName === 'string' ? options.methodName.trim() : undefined;
	if (methodName !== undefined && !/^[A-Za-z][A-Za-z0-9_]{0,127}$/.test(methodName)) throw new Error('"Method Name" must be a method name of at most 128 letters, digits and _, such as AddCredit');
	return {
		methodName: methodName || undefined,
		renameFields: rename as Record<string, string>,
		extraFields: jsonObject(options.extraFields, '"Extra Fields (JSON)"'),
	};
}

/** The request with fields renamed and extra fields merged in. */
export function applyOverrides(request: BuiltRequest, overrides: MethodOverrides): BuiltRequest {
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(request.body)) body[overrides.renameFields?.[name] ?? name] = value;
	return { ...request, body: { ...body, ...(overrides.extraFields ?? {}) } };
}
