import { mapStrings } from '../shared/mapStrings';

const CHINA_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const FULL_CHINA_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * Tencent writes times in China Standard Time (UTC+8) without an offset. n8n's date functions read
 * such a string as the instance's own time zone, so every node gives users the same instant as an
 * ISO-8601 UTC string instead. A value already in that form is returned as it is.
 */
export function utcFromChinaTime(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (ISO_UTC.test(text)) return text;
	const match = CHINA_DATE_TIME.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
	const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s));
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A Tencent answer with every date-time (`YYYY-MM-DD HH:mm:ss`, China Standard Time) given as
 * ISO-8601 UTC. Dates without a time and months are calendar values, not instants: they stay.
 */
export function chinaTimesToUtc<T>(answer: T): T {
	return mapStrings(answer, (text) => (FULL_CHINA_DATE_TIME.test(text) ? utcFromChinaTime(text) : undefined));
}
