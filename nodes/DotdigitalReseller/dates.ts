import { mapStrings } from '../shared/mapStrings';

/** WCF's `/Date(1516703911000+0000)/` (JSON may escape the slashes as `\/`). */
const WCF_DATE = /^\\?\/Date\((-?\d+)([+-]\d{4})?\)\\?\/$/;

/** One date string as ISO-8601 UTC, whichever of the two published forms it came in. */
export function isoDate(value: string): string | undefined {
	const wcf = WCF_DATE.exec(value.trim());
	if (wcf) return new Date(Number(wcf[1])).toISOString();
	return undefined;
}

/** A copy of an answer with every WCF date turned into ISO-8601; ISO dates are left as they are. */
export function normaliseDates<T>(value: T): T {
	return mapStrings(value, isoDate);
}
