import type { INodeProperties } from 'n8n-workflow';

import { MAX_CONCURRENCY, UNLIMITED_ACTION_CONCURRENCY } from './concurrency';
import { CUSTOM_API_CALL_NAME } from './customCall';
import { customCallOf } from './operationLookup';
import { fieldProperty, numberTypeOptions } from './fields';
import { rerunSentence } from './rerun';
import type { FieldSpec, OperationSpec, PagingSpec, ResourceSpec } from './types';

export const ADDITIONAL_FIELDS = 'additionalFields';
export const REQUEST_OPTIONS = 'options';

const integerSetting = (name: string, displayName: string, min: number, max: number | undefined, description: string): FieldSpec => ({
	name,
	displayName,
	kind: 'integer',
	min,
	max,
	description,
});

/**
 * Limit, Page Size and Start Page (or Offset) of a list, as checked before sending: the editor
 * properties take their number options from the same specs.
 */
export function listSettings(paging?: PagingSpec): { limit: FieldSpec; pageSize?: FieldSpec; startAt?: FieldSpec } {
	const limit = integerSetting('limit', 'Limit', 1, undefined, 'The most records to return.');
	if (!paging) return { limit };
	const byPage = paging.style === 'pageNumber';
	const pageSize = integerSetting('pageSize', 'Page Size', 1, paging.maxPageSize, 'Records fetched per request.');
	// A marker list starts where the vendor's first answer does: there is no position to start at.
	if (paging.style === 'marker') return { limit, pageSize };
	return {
		limit,
		pageSize,
		startAt: integerSetting('startAt', byPage ? 'Start Page' : 'Start Offset', byPage ? 1 : 0, undefined, 'Where the list starts.'),
	};
}

/** Whether an operation lists records and so offers Return All / Limit. */
export function isListOperation(spec: OperationSpec): boolean {
	return spec.answer?.recordsPath !== undefined && (spec.paging !== undefined || spec.answer.clientSideLimit === true);
}

/** A custom call's fields show wherever it is picked: its operation value is unique to it. */
export function showFor(spec: OperationSpec) {
	if (spec.customCall) return { show: { operation: [spec.operation] } };
	return { show: { resource: [spec.resource], operation: [spec.operation] } };
}

/** The dropdown help: requirements first, so nobody misses them, then the vendor's action name. */
export function operationDescription(spec: OperationSpec): string {
	const notes: string[] = [];
	if (spec.access?.needsCustomerKey) notes.push("Needs the end customer's own API key, not the partner's.");
	if (spec.access?.needsAllowlist) notes.push('Needs allowlisting by your channel manager.');
	if (spec.request?.inferred) notes.push('Inferred, not published: the method name and fields follow the service\'s naming; override them under Options if your account differs.');
	const permissions = spec.access?.permissions ?? [];
	const permission = permissions.length
		? ` Needs the Partner Center Action code ${permissions.join(' or ')}.`
		: '';
	const rerun = spec.write && spec.writeRules?.rerun ? ` ${rerunSentence(spec.writeRules.rerun)}.` : '';
	return [...notes, `${spec.description} (${spec.vendorAction}).${permission}${rerun}`].join(' ');
}

/**
 * A resource's operations, ended by the node's custom call under n8n's own name, so every list
 * ends the way n8n would end it and n8n adds no second, unsigned entry. The copy carries no action
 * label: n8n's node panel then names it after its resource group ("Customer Custom API Call")
 * instead of repeating the custom call's own sentence under every resource.
 */
function withCustomCallLast(ofResource: OperationSpec[], custom: OperationSpec | undefined): OperationSpec[] {
	if (!custom || ofResource.includes(custom)) return ofResource;
	return [...ofResource, { ...custom, name: CUSTOM_API_CALL_NAME, action: '' }];
}

/**
 * The node's subtitle on the canvas: the chosen operation and resource by their display names
 * ("Get Many Customer Credits: Credit"), as n8n shows an operation's name, not its value.
 */
export function operationSubtitle(resources: ResourceSpec[], specs: OperationSpec[]): string {
	const custom = customCallOf(specs);
	const names: Record<string, string> = {};
	for (const resource of resources) {
		for (const spec of withCustomCallLast(specs.filter((s) => s.resource === resource.value), custom)) {
			names[`${resource.value}:${spec.operation}`] = spec.name === resource.name ? spec.name : `${spec.name}: ${resource.name}`;
		}
	}
	return `={{ (${JSON.stringify(names)})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;
}

/** Every editor property of a node, generated from its resources and operation specs. */
export function buildNodeProperties(resources: ResourceSpec[], specs: OperationSpec[]): INodeProperties[] {
	const firstResource = resources[0].value;
	const custom = customCallOf(specs);
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map((r) => ({ name: r.name, value: r.value, description: r.description })),
			default: firstResource,
		},
	];

	for (const resource of resources) {
		const ofResource = specs.filter((s) => s.resource === resource.value);
		const firstOperation = ofResource[0].operation;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: withCustomCallLast(ofResource, custom).map((s) => ({
				name: s.name,
				value: s.operation,
				...(s.action ? { action: s.action } : {}),
				description: operationDescription(s),
			})),
			default: firstOperation,
		});
	}

	for (const spec of specs) {
		const displayOptions = showFor(spec);
		for (const field of spec.fields.filter((f) => f.required)) {
			properties.push({ ...fieldProperty(field), displayOptions });
		}
		if (isListOperation(spec)) {
			properties.push(
				{
					displayName: 'Return All',
					name: 'returnAll',
					type: 'boolean',
					default: false,
					description: 'Whether to return all results or only up to a given limit',
					displayOptions,
				},
				{
					displayName: 'Limit',
					name: 'limit',
					type: 'number',
					// An object literal, as n8n's lint requires of Limit's typeOptions.
					typeOptions: { ...numberTypeOptions(listSettings().limit) },
					default: 50,
					description: 'Max number of results to return',
					displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
				},
			);
		}
		if (spec.answer?.simplifiable) {
			properties.push({
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: false,
				description:
					'Whether to return amounts as numbers and nested values as flat keys, for spreadsheets. Off keeps the exact decimal strings the vendor sends.',
				displayOptions,
			});
		}
		for (const extra of spec.ownLogic?.extraProperties ?? []) {
			properties.push({ ...extra, displayOptions });
		}
		const optional = spec.fields.filter((f) => !f.required).map(fieldProperty);
		if (spec.paging) {
			const paging = spec.paging;
			const maxPageSize = paging.maxPageSize;
			const byPage = paging.style === 'pageNumber';
			const firstPosition = byPage ? 1 : 0;
			const settings = listSettings(paging);
			optional.push({
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: numberTypeOptions(settings.pageSize!),
				default: maxPageSize,
				description: `Records fetched per request (${paging.style === 'pageNumber' ? paging.sizeField : paging.limitField}); the node pages until it has enough. At most ${maxPageSize}.`,
			});
			if (settings.startAt && paging.style !== 'marker') {
				optional.push({
					displayName: byPage ? 'Start Page' : 'Start Offset',
					name: 'startAt',
					type: 'number',
					typeOptions: numberTypeOptions(settings.startAt),
					default: firstPosition,
					description:
						paging.style === 'pageNumber'
							? `First page to fetch (${paging.pageField}, counted from 1)`
							: `Number of records to skip before the first one returned (${paging.offsetField})`,
				});
			}
		}
		if (optional.length > 0) {
			properties.push({
				displayName: 'Additional Fields',
				name: ADDITIONAL_FIELDS,
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				displayOptions,
				options: optional.sort((a, b) => a.displayName.localeCompare(b.displayName)),
			});
		}
	}
	return properties;
}

/**
 * How many requests a node run keeps in flight. n8n opens a new connection per request, so with a
 * vendor far away one request at a time uses a fraction of its rate limit; the limit itself is
 * always kept, whatever this says.
 */
export const maxConcurrentRequestsSetting: FieldSpec = integerSetting(
	'maxConcurrentRequests',
	'Max Concurrent Requests',
	0,
	MAX_CONCURRENCY,
	`Requests in flight at once, 1 to ${MAX_CONCURRENCY}, or 0 for one second's worth of the action's rate limit.`,
);

export const maxConcurrentRequestsOption: INodeProperties = {
	displayName: maxConcurrentRequestsSetting.displayName,
	name: maxConcurrentRequestsSetting.name,
	type: 'number',
	typeOptions: numberTypeOptions(maxConcurrentRequestsSetting),
	default: 0,
	description: `Most requests this node keeps in flight at once, across items and pages, never above the action's rate limit. 0 picks one second's worth of the limit (e.g. 5 for a 5/s action; ${UNLIMITED_ACTION_CONCURRENCY} where none is published); 1 sends one at a time.`,
};

/** Request options shared by every operation of a node. */
export function requestOptionsProperty(defaultTimeoutSeconds: number): INodeProperties {
	return {
		displayName: 'Options',
		name: REQUEST_OPTIONS,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: defaultTimeoutSeconds,
				description:
					'How long to wait for each answer. Reads that time out are retried; writes are not, because they may already have been applied.',
			},
			maxConcurrentRequestsOption,
		],
	};
}
