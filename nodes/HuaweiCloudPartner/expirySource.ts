import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readList } from '../shared/paging';
import { operationSpec } from '../shared/operationLookup';
import { watchedIds } from '../shared/trigger/customerIds';
import type { EventRecord, EventSource, ListRead } from '../shared/trigger/events';
import { eachPart } from '../shared/trigger/events';
import { askVendorTime } from '../shared/trigger/vendorClock';
import { sortableUtc, windowStart } from '../shared/trigger/watermark';
import { huaweiOperations } from './resources';
import { HUAWEI_CUSTOMER_ID_FORM, HUAWEI_OVERLAP_SECONDS, listAll, sending } from './triggerSource';

const RESOURCES = operationSpec(huaweiOperations, 'subscription', 'getMany');
const CUSTOMERS = operationSpec(huaweiOperations, 'customer', 'getMany');
const DAY_SECONDS = 86400;
/** Resources in use or frozen can still be renewed; closed and expired ones are no longer expiring. */
const EXPIRING_STATUSES = [2, 4];
export const DEFAULT_DAYS_BEFORE_EXPIRY = 30;
const MAX_DAYS_BEFORE_EXPIRY = 365;

/** "Days Before Expiry", checked: a whole number of days from 1 to 365. */
function daysOf(context: IPollFunctions): number {
	const days = Number(context.getNodeParameter('daysBeforeExpiry', DEFAULT_DAYS_BEFORE_EXPIRY));
	if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS_BEFORE_EXPIRY) {
		throw new NodeOperationError(context.getNode(), `"Days Before Expiry" must be a whole number from 1 to ${MAX_DAYS_BEFORE_EXPIRY}`);
	}
	return days;
}

/** `at` moved by `seconds` (either way), in the watermark's sortable form. */
const shifted = (at: string, seconds: number) => windowStart(at, -seconds);

/**
 * One resource with one expiry, as the watermark sees it: known by resource id and expiry (a
 * renewal is a new record), stamped with the moment it became due: `days` before its expiry, or
 * when it took effect if it was bought inside that window.
 */
function expiryRecord(resource: IDataObject, customerId: string, days: number, now: string): EventRecord {
	const expiresAt = sortableUtc(resource.expire_time);
	const effectiveAt = sortableUtc(resource.effective_time);
	const due = expiresAt ? windowStart(expiresAt, days * DAY_SECONDS) : '';
	const at = due && effectiveAt > due ? effectiveAt : due;
	const resourceId = String(resource.resource_id);
	return {
		id: `${resourceId}@${expiresAt || String(resource.expire_time)}`,
		at,
		customerId,
		fields: {
			customerId,
			resourceId,
			resourceName: resource.resource_name ?? null,
			serviceType: resource.service_type_code ?? null,
			serviceTypeName: resource.service_type_name ?? null,
			resourceType: resource.resource_type_code ?? null,
			region: resource.region_code ?? null,
			status: resource.status ?? null,
			mainResource: resource.is_main_resource === undefined ? null : resource.is_main_resource === 1,
			autoRenew: resource.expire_policy === undefined ? null : resource.expire_policy === 3,
			expiresAt: expiresAt || null,
			// Whole days left on Huawei's clock when the poll saw it.
			daysLeft: expiresAt ? Math.max(0, Math.ceil((Date.parse(expiresAt) - Date.parse(now)) / 86400000)) : null,
		},
		raw: resource,
	};
}

/** Customers listed per request while a poll sweeps them (Huawei's largest page). */
const CUSTOMER_PAGE = 100;

/** "Only These Customers", or none when every customer is watched. */
function onlyThese(context: IPollFunctions): string[] | undefined {
	const watched = watchedIds(context.getNodeParameter('options', {}) as IDataObject, HUAWEI_CUSTOMER_ID_FORM);
	return 'ids' in watched && watched.ids.length ? watched.ids : undefined;
}

/** The first `count` customers whose resources are read, for a manual test run. */
async function firstCustomers(context: IPollFunctions, count: number): Promise<string[]> {
	return onlyThese(context)?.slice(0, count) ?? (await listAll(context, {}, undefined, count)).map((c) => c.id);
}

/**
 * A customer's key in a resume point: the first 13 hexadecimal digits of its id (52 bits, a whole
 * number the stored state keeps exactly). Huawei's ids are 32 random-looking hexadecimal digits; an
 * id of another form is folded into a number of the same range.
 */
export function customerKey(id: string): number {
	const hex = /^[0-9a-f]{13}/i.exec(id);
	if (hex) return parseInt(hex[0], 16);
	let key = 0;
	for (const char of id) key = (key * 31 + char.charCodeAt(0)) % 0x7fffffffffff;
	return key;
}

/**
 * Visits the customers whose resources are read (Only These Customers, else every customer, a page
 * of Huawei's list at a time) from where `read` carries on, until its deadline. The resume point
 * names the last customer read, not a position, as the list gains and loses customers between polls
 * (and Only These Customers may be edited): `[offset, key]`, where it stood in the list and its key.
 * Carrying on reads the list again from a page before that offset, finds the customer within two
 * pages (fewer than a page of customers came or went before it) and goes on after it. A customer no
 * longer found (removed, or the list moved further) starts the sweep over from the first customer:
 * the sweep keeps what it emitted, so nothing is emitted twice. A customer that arrived meanwhile
 * before that place is read by the next sweep, which starts where this one began.
 */
async function eachCustomer(context: IPollFunctions, read: ListRead | undefined, visit: (customerId: string) => Promise<void>): Promise<void> {
	const only = onlyThese(context);
	const pageAt = async (offset: number) =>
		only
			? only.slice(offset, offset + CUSTOMER_PAGE)
			: (await listAll(context, {}, { passed: () => false, startAt: { part: 0, position: offset } }, CUSTOMER_PAGE)).map((c) => c.id);
	const resume = read?.startAt;
	let after = resume?.position;
	let offset = resume ? Math.max(0, resume.part - CUSTOMER_PAGE + 1) : 0;
	let searched = 0;
	let visited = 0;
	let last = resume ? [resume.part, resume.position] : undefined;
	const stop = () => {
		read!.stoppedInPart = last![0];
		read!.resumeAt = last![1];
	};
	for (;;) {
		// At least two customers are read per poll, so a sweep always gets further.
		if (read && visited >= 2 && read.passed()) return stop();
		const ids = await pageAt(offset);
		const end = ids.length < CUSTOMER_PAGE;
		let start = 0;
		if (after !== undefined) {
			const found = ids.findIndex((id) => customerKey(id) === after);
			if (found < 0 && ++searched < 2 && !end) {
				offset += ids.length;
				continue;
			}
			if (found < 0) {
				// Not where it stood: read every customer again, from the first.
				[after, offset, last] = [undefined, 0, undefined];
				continue;
			}
			[after, start] = [undefined, found + 1];
		}
		const page = ids.map((id, index) => ({ id, at: offset + index })).slice(start);
		const pageRead: ListRead | undefined = read && { passed: (share) => read.passed(share) };
		await eachPart(page, pageRead, async ({ id, at }) => {
			await visit(id);
			visited++;
			last = [at, customerKey(id)];
		});
		if (pageRead?.stoppedInPart !== undefined) return stop();
		if (end) return;
		offset += ids.length;
	}
}

/** Huawei's now (its Date header), asking with the cheapest read when no answer of this poll told it yet. */
const huaweiNow = async (context: IPollFunctions) =>
	await askVendorTime(context, async () => await sending(context, CUSTOMERS)({ body: { offset: 0, limit: 1 }, qs: {}, path: {} }));

/** One customer's renewable resources expiring in `[from, to]`, page by page (read again if the count moved). */
async function expiringOf(context: IPollFunctions, customerId: string, from: string, to: string, limit?: number): Promise<IDataObject[]> {
	const body = { customer_id: customerId, expire_time_begin: from, expire_time_end: to, status_list: EXPIRING_STATUSES };
	return await readList(RESOURCES, { body, qs: {}, path: {} }, sending(context, RESOURCES), { consistent: true, ...(limit ? { limit } : {}) });
}

/**
 * The resources already due on Huawei's clock (expiring within the chosen days) whose due moment is
 * at or after `since` ('' : every resource due now that has not expired), no later than `asOf` (by
 * default Huawei's now). A resource due at or after `since` expires at or after it too, so each
 * customer is asked for expiries from `since` to now plus the days: the range is bounded by
 * Huawei's now, never this machine's. With `read`, the customers are swept as eachCustomer says.
 */
async function dueSince(context: IPollFunctions, since: string, read?: ListRead, asOf?: string): Promise<EventRecord[]> {
	const days = daysOf(context);
	const records: EventRecord[] = [];
	let upTo = asOf;
	await eachCustomer(context, read, async (customerId) => {
		// Asked once the first list answer told Huawei's time, so it costs no request of its own.
		const now = (upTo ??= await huaweiNow(context));
		const from = since && since < now ? since : now;
		for (const resource of await expiringOf(context, customerId, from, shifted(now, days * DAY_SECONDS))) {
			const record = expiryRecord(resource, customerId, days, now);
			if (record.at !== '' && record.at <= now && (since === '' || record.at >= since)) records.push(record);
		}
	});
	return records;
}

/** How many customers a manual test run reads at most while looking for sample resources. */
const SAMPLE_CUSTOMERS = 20;

export const resourceExpiringSource: EventSource = {
	event: 'resourceExpiring',
	option: {
		name: 'Resource Expiring',
		value: 'resourceExpiring',
		description: "A customer's yearly/monthly resource expires within the chosen number of days",
	},
	// A resource may become visible (bought, renewed) a little after its own times say.
	overlapSeconds: HUAWEI_OVERLAP_SECONDS,
	customerIdForm: HUAWEI_CUSTOMER_ID_FORM,
	// A sweep's resume point names the last customer read (see eachCustomer).
	findsItsPlace: true,
	since: async (context, since, read) => await dueSince(context, since, read),
	baseline: async (context, read) => {
		// Resources already due at activation are where things stand: only those due from then on
		// fire. A baseline carried over several polls keeps the moment it began, so a resource that
		// came due meanwhile with a customer it had read already is still new.
		const now = read?.sweepBegan ?? (await huaweiNow(context));
		return { records: await dueSince(context, windowStart(now, HUAWEI_OVERLAP_SECONDS), read, now), at: now };
	},
	newest: async (context, count) => {
		// The resources that expire soonest within the chosen days, from the first customers that have any.
		const days = daysOf(context);
		const customers = await firstCustomers(context, SAMPLE_CUSTOMERS);
		const now = await huaweiNow(context);
		const found: EventRecord[] = [];
		for (const customerId of customers) {
			if (found.length >= count) break;
			const resources = await expiringOf(context, customerId, now, shifted(now, days * DAY_SECONDS), count);
			found.push(...resources.map((r) => expiryRecord(r, customerId, days, now)));
		}
		return found.sort((a, b) => (String(a.fields.expiresAt) < String(b.fields.expiresAt) ? -1 : 1)).slice(0, count);
	},
	properties: [
		{
			displayName: 'Days Before Expiry',
			name: 'daysBeforeExpiry',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_DAYS_BEFORE_EXPIRY, numberPrecision: 0 },
			default: DEFAULT_DAYS_BEFORE_EXPIRY,
			description:
				'Emit a resource when its expiry is this many days away (once per resource and expiry: a renewed resource fires again before its new expiry). Resources already this close at activation are not emitted unless Emit Existing on First Activation is on.',
		},
	],
};
