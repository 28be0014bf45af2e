import type { IDataObject } from 'n8n-workflow';

const DECIMAL = /^-?\d+(\.\d+)?$/;
/** Vendor field names that hold money or quantities sent as decimal strings. */
const AMOUNT_FIELD = /(Cost|Amount|Price|Deduction|Usage|Duration|Fee|Rate)$/;

/**
 * A spreadsheet-friendly copy of a record: decimal-string amounts become numbers and nested
 * objects and lists become flat `Parent_Child` keys. The exact strings are lost, which is why this
 * is an option and not the default.
 */
export function simplifyRecord(record: IDataObject, prefix = ''): IDataObject {
	const flat: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		const name = prefix ? `${prefix}_${key}` : key;
		if (Array.isArray(value)) {
			if (value.every((entry) => entry === null || typeof entry !== 'object')) {
				flat[name] = value.join(', ');
			} else {
				value.forEach((entry, index) => Object.assign(flat, simplifyRecord(entry as IDataObject, `${name}_${index}`)));
			}
		} else if (value !== null && typeof value === 'object') {
			Object.assign(flat, simplifyRecord(value as IDataObject, name));
		} else if (typeof value === 'string' && AMOUNT_FIELD.test(key) && DECIMAL.test(value.trim())) {
			flat[name] = Number(value);
		} else {
			flat[name] = value;
		}
	}
	return flat;
}
