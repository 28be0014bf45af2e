import type { IDataObject } from 'n8n-workflow';

/**
 * A copy of a vendor answer in which every string the converter recognises is replaced; other
 * values are kept. The converter is told the name of the field the string stands in (for an entry
 * of a list, the list's name), so it can convert a vendor's own fields and leave user text alone.
 */
export function mapStrings<T>(value: T, convert: (text: string, field: string) => string | undefined, field = ''): T {
	if (typeof value === 'string') return (convert(value, field) ?? value) as T;
	if (Array.isArray(value)) return value.map((entry) => mapStrings(entry, convert, field)) as T;
	if (value !== null && typeof value === 'object') {
		const copy: IDataObject = {};
		for (const [key, entry] of Object.entries(value as IDataObject)) copy[key] = mapStrings(entry, convert, key);
		return copy as T;
	}
	return value;
}
