import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { asSentence } from './sentences';
import type { FieldSpec } from './types';

/** n8n parameter name for a vendor field: its own name in camelCase unless the spec says otherwise. */
export function paramNameOf(field: FieldSpec): string {
	if (field.paramName) return field.paramName;
	// `ClientUin` -> `clientUin`, `budget_amount` -> `budgetAmount`: n8n's camelCase either way.
	const camel = field.name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
	return camel.charAt(0).toLowerCase() + camel.slice(1);
}

function helpText(field: FieldSpec): string {
	const parts = [field.description];
	if (field.timeZoneNote) parts.push(field.timeZoneNote);
	return asSentence(parts.filter(Boolean).map(asSentence).join(' '));
}

/**
 * What the editor is told about a number that is checked as `field` before sending: whole numbers
 * for an integer (so the editor never accepts 20.5 that the run then refuses), and its range.
 */
export function numberTypeOptions(field: FieldSpec): { numberPrecision: number; minValue?: number; maxValue?: number } {
	return {
		numberPrecision: field.kind === 'integer' ? 0 : (field.decimals ?? 2),
		...(field.min !== undefined ? { minValue: field.min } : {}),
		...(field.max !== undefined ? { maxValue: field.max } : {}),
	};
}

/** The editor property for one vendor field. */
export function fieldProperty(field: FieldSpec): INodeProperties {
	const base = {
		displayName: field.displayName,
		name: paramNameOf(field),
		description: helpText(field),
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
		...(field.required ? { required: true } : {}),
	};
	switch (field.kind) {
		case 'string':
		case 'email':
			if (field.loadOptionsMethod) {
				return {
					...base,
					type: 'options',
					typeOptions: {
						loadOptionsMethod: field.loadOptionsMethod,
						...(field.loadOptionsDependsOn ? { loadOptionsDependsOn: field.loadOptionsDependsOn } : {}),
					},
					default: (field.default as string) ?? '',
					description: `${helpText(field)} Choose from the list, or specify a value using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
				};
			}
			return { ...base, type: 'string', default: (field.default as string) ?? '' };
		case 'text':
			return { ...base, type: 'string', typeOptions: { rows: 3 }, default: (field.default as string) ?? '' };
		case 'password':
			return { ...base, type: 'string', typeOptions: { password: true }, default: '' };
		case 'integer':
			return { ...base, type: 'number', typeOptions: numberTypeOptions(field), default: (field.default as number) ?? field.min ?? 0 };
		case 'number':
			return { ...base, type: 'number', typeOptions: numberTypeOptions(field), default: (field.default as number) ?? 0 };
		case 'boolean':
			return { ...base, type: 'boolean', default: (field.default as boolean) ?? false };
		case 'options':
			return {
				...base,
				type: 'options',
				options: field.options as INodePropertyOptions[],
				default: field.default ?? (field.options?.[0]?.value as string),
			};
		case 'multiOptions':
			return { ...base, type: 'multiOptions', options: field.options as INodePropertyOptions[], default: [] };
		case 'accountId':
		case 'reference':
			return {
				...base,
				type: 'resourceLocator',
				default: { mode: field.listSearch ? 'list' : 'id', value: '' },
				modes: [
					...(field.listSearch
						? [
								{
									displayName: 'From List',
									name: 'list',
									type: 'list' as const,
									typeOptions: { searchListMethod: field.listSearch, searchable: true },
								},
							]
						: []),
					{
						displayName: 'By ID',
						name: 'id',
						type: 'string' as const,
						placeholder: field.placeholder ?? '200000000000',
						validation: [
							{
								type: 'regex' as const,
								properties:
									field.kind === 'reference'
										? { regex: `^\\s*${(field.pattern?.source ?? '.+').replace(/^\^|\$$/g, '')}\\s*$`, errorMessage: `Enter ${field.patternHint ?? 'a valid ID'}` }
										: { regex: '^\\s*\\d{1,19}\\s*$', errorMessage: 'An account ID is made of digits only' },
							},
						],
					},
				],
			};
		case 'idList':
		case 'stringList':
			return {
				...base,
				type: 'string',
				typeOptions: {
					multipleValues: true,
					multipleValueButtonText: field.kind === 'idList' ? 'Add ID' : `Add ${field.displayName}`,
				},
				default: [],
				description:
					field.kind === 'idList' || field.splitEntries
						? `${helpText(field)} Each entry may hold several values separated by commas or spaces, or an expression that returns a list.`
						: `${helpText(field)} One value per entry (values may contain spaces and commas), or an expression that returns a list.`,
			};
		case 'month':
		case 'date':
		case 'dateTime':
		case 'utcDateTime':
			return { ...base, type: 'dateTime', default: '' };
		case 'json':
			return { ...base, type: 'json', default: '{}' };
		case 'object':
		case 'objectList':
			return {
				...base,
				type: 'fixedCollection',
				placeholder: field.placeholder ?? `Add ${field.displayName}`,
				typeOptions: { multipleValues: field.kind === 'objectList' },
				default: {},
				options: [{ displayName: field.displayName, name: NESTED_VALUES, values: (field.members ?? []).map(memberProperty) }],
			};
	}
}

/** The option name under which n8n's fixedCollection holds an object's (or each list entry's) members. */
export const NESTED_VALUES = 'values';

/**
 * A member of a nested object in the editor. An optional number starts empty rather than at 0, so
 * an entry the user adds sends only the members filled in (0 would be a value the vendor reads).
 */
function memberProperty(member: FieldSpec): INodeProperties {
	const property = fieldProperty(member);
	return !member.required && property.type === 'number' ? { ...property, default: '' } : property;
}
