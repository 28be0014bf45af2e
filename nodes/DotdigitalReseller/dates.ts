import { mapStrings } from '../shared/mapStrings';

/** WCF's `/Date(1516703911000+0000)/` (JSON may escape the slashes as `\/`). */
const WCF_DATE = /^\\?\/Date\((-?\d+)([+-]\d{4})?\)\\?\/$/;

/**
 * dotdigital publishes no response model, so a field is taken for the vendor's date only by its
 * name, in the service's PascalCase: `Date`, `CreatedDate`, `ExpiryDate`, `StartTime`, `CreatedOn`,
 * `UpdatedAt`. Names, remarks and every other field pass through as written, even when their text
 * looks like a WCF date.
 */
const DATE_FIELD = /^(Date|Time)$|[a-z](Date|Time|On|At)$/;

/** Whether `field` names a date the vendor writes (by the naming rule above). */
export function isDateField(field: string): boolean {
	return DATE_FIELD.test(field);
}

/** One date string as ISO-8601 UTC, whichever of the two published forms it came in. */
export function isoDate(value: string): string | undefined {
	const wcf = WCF_DATE.exec(value.trim());
	if (wcf) return new Date(Number(wcf[1])).toISOString();
	return undefined;
}

/**
 * A copy of an answer with every WCF date in a date field turned into ISO-8601; ISO dates are
 * left as they are, and so is any other field.
 */
export function normaliseDates<T>(value: T): T {
	return mapStrings(value, (text, field) => (isDateField(field) ? isoDate(text) : undefined));
}
