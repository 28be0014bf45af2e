import type { IDataObject } from 'n8n-workflow';

/**
 * A copy of a vendor answer in which every string the converter recognises is replaced; other
 * values are kept. Used to give users one date format whatever each vendor sends.
 */
export function mapStrings<T>(value: T, convert: (text: string) => string | undefined): T {
	if (typeof value === 'string') return (convert(value) ?? value) as T;
	if (Array.isArray(value)) return value.map((entry) => mapStrings(entry, convert)) as T;
	if (value !== null && typeof value === 'object') {
		const copy: IDataObject = {};
		for (const [key, entry] of Object.entries(value as IDataObject)) copy[key] = mapStrings(entry, convert);
		return copy as T;
	}
	return value;
}
