import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * Stand-ins for the few n8n-nodes-base nodes the examples use (n8n-nodes-base is not a dependency
 * of this package; the real ones run in the e2e). Each reads exactly the parameters the examples
 * set, with n8n-core resolving expressions and evaluating filter conditions as n8n does; anything
 * else throws, so an example that grows a new parameter fails here instead of passing untested.
 */

function description(name: string, properties: INodeProperties[], outputs = 1): INodeTypeDescription {
	return {
		displayName: name,
		name,
		group: ['transform'],
		version: [1, 1.1, 2, 2.2, 3.4, 4.2],
		description: `Stand-in for n8n's ${name} node`,
		defaults: { name },
		inputs: name === 'manualTrigger' ? [] : [NodeConnectionTypes.Main],
		outputs: Array.from({ length: outputs }, () => NodeConnectionTypes.Main),
		properties,
	};
}

const paired = (item: INodeExecutionData, index: number, json: IDataObject): INodeExecutionData => ({ json, pairedItem: { item: index } });

function assertOnly(context: IExecuteFunctions, allowed: string[]) {
	const unknown = Object.keys(context.getNode().parameters).filter((key) => !allowed.includes(key));
	if (unknown.length) throw new Error(`The harness stand-in for ${context.getNode().type} does not know the parameter(s) ${unknown.join(', ')}`);
}

const filterProperty: INodeProperties = { displayName: 'Conditions', name: 'conditions', type: 'filter', default: {} };

class ManualTrigger implements INodeType {
	description = description('manualTrigger', []);

	async execute(): Promise<INodeExecutionData[][]> {
		return [[{ json: {} }]];
	}
}

/** Set (Edit Fields) 3.4, manual mapping: typed assignments, optionally keeping the other fields. */
class SetNode implements INodeType {
	description = description('set', [
		{ displayName: 'Mode', name: 'mode', type: 'string', default: 'manual' },
		{ displayName: 'Include Other Fields', name: 'includeOtherFields', type: 'boolean', default: false },
		{ displayName: 'Assignments', name: 'assignments', type: 'assignmentCollection', default: {} },
		{ displayName: 'Options', name: 'options', type: 'json', default: {} },
	]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		assertOnly(this, ['mode', 'includeOtherFields', 'assignments', 'options']);
		if (this.getNodeParameter('mode', 0) !== 'manual') throw new Error('The harness Set stand-in knows only the manual mode');
		return [
			this.getInputData().map((item, i) => {
				const json: IDataObject = this.getNodeParameter('includeOtherFields', i) ? { ...item.json } : {};
				const { assignments } = this.getNodeParameter('assignments', i) as { assignments: Array<{ name: string; value: unknown; type: string }> };
				for (const { name, value, type } of assignments) {
					json[name] = (type === 'number' ? Number(value) : type === 'boolean' ? value === true || value === 'true' : type === 'string' ? String(value ?? '') : value) as IDataObject[string];
				}
				return paired(item, i, json);
			}),
		];
	}
}

/** If 2.2: items whose conditions hold go to "true" (output 0), the others to "false". */
class IfNode implements INodeType {
	description = description('if', [filterProperty, { displayName: 'Options', name: 'options', type: 'json', default: {} }], 2);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		assertOnly(this, ['conditions', 'options']);
		const out: INodeExecutionData[][] = [[], []];
		this.getInputData().forEach((item, i) => {
			const pass = this.getNodeParameter('conditions', i, false, { extractValue: true }) as boolean;
			out[pass ? 0 : 1].push(paired(item, i, item.json));
		});
		return out;
	}
}

/** Filter 2.2: keeps the items whose conditions hold. */
class FilterNode implements INodeType {
	description = description('filter', [filterProperty, { displayName: 'Options', name: 'options', type: 'json', default: {} }]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		assertOnly(this, ['conditions', 'options']);
		return [this.getInputData().flatMap((item, i) => (this.getNodeParameter('conditions', i, false, { extractValue: true }) ? [paired(item, i, item.json)] : []))];
	}
}

class SplitOut implements INodeType {
	description = description('splitOut', [
		{ displayName: 'Field', name: 'fieldToSplitOut', type: 'string', default: '' },
		{ displayName: 'Options', name: 'options', type: 'json', default: {} },
	]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		assertOnly(this, ['fieldToSplitOut', 'options']);
		return [
			this.getInputData().flatMap((item, i) => {
				const values = item.json[this.getNodeParameter('fieldToSplitOut', i) as string];
				return (Array.isArray(values) ? values : []).map((value) => paired(item, i, value as IDataObject));
			}),
		];
	}
}

class SortNode implements INodeType {
	description = description('sort', [
		{ displayName: 'Fields', name: 'sortFieldsUi', type: 'json', default: {} },
		{ displayName: 'Options', name: 'options', type: 'json', default: {} },
	]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		assertOnly(this, ['sortFieldsUi', 'options']);
		const { sortField } = this.getNodeParameter('sortFieldsUi', 0) as { sortField: Array<{ fieldName: string; order: string }> };
		const items = this.getInputData().map((item, i) => paired(item, i, item.json));
		return [
			items.sort((a, b) => {
				for (const { fieldName, order } of sortField) {
					const [x, y] = [a.json[fieldName] as string | number, b.json[fieldName] as string | number];
					if (x !== y) return (x < y ? -1 : 1) * (order === 'descending' ? -1 : 1);
				}
				return 0;
			}),
		];
	}
}

class LimitNode implements INodeType {
	description = description('limit', [{ displayName: 'Max Items', name: 'maxItems', type: 'number', default: 1 }]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		assertOnly(this, ['maxItems']);
		return [this.getInputData().slice(0, this.getNodeParameter('maxItems', 0) as number).map((item, i) => paired(item, i, item.json))];
	}
}

/**
 * Summarize 1.1, one item per split: the groups in order of first appearance, each with the
 * aggregations the examples use (count, min, concatenate) named as n8n names them (`count_field`,
 * `min_field`, `concatenated_field`) and the split field's value.
 */
class SummarizeNode implements INodeType {
	description = description('summarize', [
		{ displayName: 'Fields to Summarize', name: 'fieldsToSummarize', type: 'json', default: {} },
		{ displayName: 'Fields to Split By', name: 'fieldsToSplitBy', type: 'string', default: '' },
		{ displayName: 'Options', name: 'options', type: 'json', default: {} },
	]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		assertOnly(this, ['fieldsToSummarize', 'fieldsToSplitBy', 'options']);
		const split = this.getNodeParameter('fieldsToSplitBy', 0) as string;
		if (split.includes(',')) throw new Error('The harness Summarize stand-in splits by one field');
		const { values } = this.getNodeParameter('fieldsToSummarize', 0) as { values: Array<{ aggregation: string; field: string; separateBy?: string }> };
		const empty = (v: unknown) => v === undefined || v === null || v === '';
		const groups = new Map<unknown, number[]>();
		this.getInputData().forEach((item, i) => groups.set(item.json[split], [...(groups.get(item.json[split]) ?? []), i]));
		const items = this.getInputData();
		return [
			[...groups.entries()].map(([key, indexes]) => {
				const json: IDataObject = {};
				for (const { aggregation, field, separateBy } of values) {
					const present = indexes.map((i) => items[i].json[field]).filter((v) => !empty(v));
					if (aggregation === 'count') json[`count_${field}`] = present.length;
					else if (aggregation === 'min') json[`min_${field}`] = (present.reduce<unknown>((m, v) => (m === undefined || (v as string) < (m as string) ? v : m), undefined) ?? null) as IDataObject[string];
					else if (aggregation === 'concatenate') json[`concatenated_${field}`] = present.map((v) => (typeof v === 'object' ? JSON.stringify(v) : v)).join(separateBy ?? '');
					else throw new Error(`The harness Summarize stand-in does not know the aggregation ${aggregation}`);
				}
				json[split] = key as IDataObject[string];
				return { json, pairedItem: indexes.map((item) => ({ item })) };
			}),
		];
	}
}

/** The examples' HTTP Request reads the sandbox's control API; the harness never needs it. */
class HttpRequestNode implements INodeType {
	description = description('httpRequest', [
		{ displayName: 'URL', name: 'url', type: 'string', default: '' },
		{ displayName: 'Options', name: 'options', type: 'json', default: {} },
	]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		throw new Error(`The harness does not run HTTP Request nodes ("${this.getNode().name}")`);
	}
}

class StickyNote implements INodeType {
	description = description('stickyNote', [
		{ displayName: 'Content', name: 'content', type: 'string', default: '' },
		{ displayName: 'Width', name: 'width', type: 'number', default: 0 },
		{ displayName: 'Height', name: 'height', type: 'number', default: 0 },
	]);
}

export const BASE_NODES: Record<string, INodeType> = {
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	'n8n-nodes-base.set': new SetNode(),
	'n8n-nodes-base.if': new IfNode(),
	'n8n-nodes-base.filter': new FilterNode(),
	'n8n-nodes-base.splitOut': new SplitOut(),
	'n8n-nodes-base.sort': new SortNode(),
	'n8n-nodes-base.limit': new LimitNode(),
	'n8n-nodes-base.summarize': new SummarizeNode(),
	'n8n-nodes-base.httpRequest': new HttpRequestNode(),
	'n8n-nodes-base.stickyNote': new StickyNote(),
};
