/**
 * Tencent writes times in China Standard Time (UTC+8) without an offset. n8n's date functions read
 * such a string as the instance's own time zone, so every node gives users the same instant as an
 * ISO-8601 UTC string instead.
 */
export function utcFromChinaTime(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/.exec(value.trim());
	if (!match) return undefined;
	const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
	const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s));
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
