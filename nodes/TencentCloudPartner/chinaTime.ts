import type { IDataObject } from 'n8n-workflow';

/**
 * The answer fields Tencent's SDK models declare as date-times (string members named `...Time` or
 * documented as a time), per action, as dotted paths from the answer; a list on the way applies the
 * rest of the path to each entry. Only these are converted: a name, remark or any other text that
 * happens to look like a time is the user's and passes through as written. A test checks this table
 * against the vendor model, so the two cannot drift apart.
 */
export const TENCENT_DATE_TIME_FIELDS: Readonly<Record<string, readonly string[]>> = {
	DescribeBillDetail: ['DetailSet.TransactionTime', 'DetailSet.UsageStartTime', 'DetailSet.UsageEndTime'],
	DescribeCustomerBillDetail: ['DetailSet.TransactionTime', 'DetailSet.UsageStartTime', 'DetailSet.UsageEndTime'],
	DescribeCustomerInfo: ['Data.BindTime', 'Data.CidRegisterTime', 'Data.UinRegisterTime', 'Data.AuthPassTime'],
	DescribeCustomerOwnVoucherList: ['Data.EffectiveTime', 'Data.ExpireTime'],
	DescribeCustomerOwnVoucherUsageDetails: ['Data.PayTime', 'Data.CompletionTime'],
	DescribeCustomerVoucherList: ['Data.EffectiveTime', 'Data.ExpireTime'],
	DescribeCustomerVoucherUsageDetails: ['Data.PayTime', 'Data.CompletionTime'],
	QueryCreditAllocationHistory: ['History.AllocatedTime'],
	QueryCustomersCredit: ['Data.AssociationTime', 'Data.RecentExpiry'],
	QueryInvitationInfo: ['InvitationInfo.CreateTime', 'InvitationInfo.UseTime', 'InvitationInfo.BindTime'],
	QueryPendingClientsV2: ['Data.ApplyTime'],
	QueryPendingSubAgentsV2: ['Data.ApplyTime'],
	QueryPolicyProductListByCode: ['ProductList.StartDate', 'ProductList.EndDate'],
	QuerySubAgentsDetailV2: ['Data.BindTime'],
	QueryT1IndirectCustomersDetail: ['Data.ClientBindTime'],
};

const CHINA_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
/** Years before this are placeholders (Go's zero time 0001-01-01, 1000-01-01), not instants. */
const FIRST_REAL_YEAR = 1900;

/**
 * Tencent writes times in China Standard Time (UTC+8) without an offset. n8n's date functions read
 * such a string as the instance's own time zone, so a date-time field is given as the same instant
 * in ISO-8601 UTC instead. Only a real calendar time is converted (month 01-12, a day the month has,
 * 00:00:00-23:59:59, from 1900 on): a zero date (`0000-00-00 00:00:00`), an impossible time (02-30,
 * 24:00, minute 61) or anything else gives undefined, and the caller keeps what Tencent wrote.
 */
export function utcFromChinaTime(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const match = CHINA_DATE_TIME.exec(value);
	if (!match) return undefined;
	const [y, mo, d, h, mi, s] = match.slice(1).map(Number);
	if (y < FIRST_REAL_YEAR) return undefined;
	const wallClock = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
	// Date.UTC rolls 02-30 over to March and 24:00 to the next day: only a time that reads back the same is real.
	const real =
		wallClock.getUTCFullYear() === y &&
		wallClock.getUTCMonth() === mo - 1 &&
		wallClock.getUTCDate() === d &&
		wallClock.getUTCHours() === h &&
		wallClock.getUTCMinutes() === mi &&
		wallClock.getUTCSeconds() === s;
	if (!real) return undefined;
	return new Date(wallClock.getTime() - 8 * 3600e3).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `value` with the field at `path` (and below lists on the way) converted where it is a real time. */
function convertAt(value: unknown, path: readonly string[]): unknown {
	if (Array.isArray(value)) return value.map((entry) => convertAt(entry, path));
	if (path.length === 0) return utcFromChinaTime(value) ?? value;
	if (value === null || typeof value !== 'object') return value;
	const [key, ...rest] = path;
	if (!(key in value)) return value;
	return { ...(value as IDataObject), [key]: convertAt((value as IDataObject)[key], rest) };
}

/**
 * A Tencent answer to `action` with its declared date-time fields given as ISO-8601 UTC. An action
 * the table does not list (a custom action) is returned as Tencent wrote it.
 */
export function chinaTimesToUtc<T>(action: string, answer: T): T {
	const paths = Object.prototype.hasOwnProperty.call(TENCENT_DATE_TIME_FIELDS, action) ? TENCENT_DATE_TIME_FIELDS[action] : [];
	let out: unknown = answer;
	for (const path of paths) out = convertAt(out, path.split('.'));
	return out as T;
}
