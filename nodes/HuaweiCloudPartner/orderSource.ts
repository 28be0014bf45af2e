import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { EventRecord, EventSource, ListRead } from '../shared/trigger/events';
import { pagesOf } from '../shared/trigger/events';
import { sortableUtc, windowStart } from '../shared/trigger/watermark';
import { operationSpec } from '../shared/operationLookup';
import { huaweiOperations } from './resources';
import { ORDER_STATUS, ORDER_TYPE } from './resources/order';
import { HUAWEI_CUSTOMER_ID_FORM, HUAWEI_OVERLAP_SECONDS, sending } from './triggerSource';
import { readList } from '../shared/paging';
import { usable } from '../shared/trigger/storedState';
import { askVendorTime, vendorTimeOr } from '../shared/trigger/vendorClock';

/** ListCustomerOrders refuses a creation-time range longer than a year; longer spans are split. */
const MAX_RANGE_SECONDS = 365 * 86400;
const LIST = operationSpec(huaweiOperations, 'order', 'getMany');

const utc = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `[begin, end]` cut into ranges of at most a year, oldest first ('' begin: the last year). */
export function yearRanges(begin: string, end: string): Array<[string, string]> {
	const endMs = Date.parse(end);
	let from = begin ? Date.parse(begin) : endMs - MAX_RANGE_SECONDS * 1000;
	const ranges: Array<[string, string]> = [];
	while (from <= endMs) {
		const to = Math.min(from + MAX_RANGE_SECONDS * 1000, endMs);
		ranges.push([utc(from), utc(to)]);
		// Both ends are inclusive and times have whole seconds: the next range starts a second later.
		from = to + 1000;
	}
	return ranges;
}

interface OrderFilter {
	statuses: number[];
	types: string[];
}

function filterOf(context: IPollFunctions): OrderFilter {
	const statuses = (context.getNodeParameter('orderStatuses', []) as Array<number | string>).map(Number);
	const types = (context.getNodeParameter('orderTypes', []) as Array<number | string>).map(String);
	return { statuses, types };
}

/** One chosen value is filtered by Huawei; several are filtered here (the API takes one). */
function serverFilter({ statuses, types }: OrderFilter): IDataObject {
	return { ...(statuses.length === 1 ? { status: statuses[0] } : {}), ...(types.length === 1 ? { order_type: types[0] } : {}) };
}

function wanted({ statuses, types }: OrderFilter, order: IDataObject): boolean {
	return (statuses.length === 0 || statuses.includes(Number(order.status))) && (types.length === 0 || types.includes(String(order.order_type)));
}

function orderRecord(o: IDataObject): EventRecord {
	// Documented as yyyy-MM-ddTHH:mm:ssZ; anything else is read as the same second, or as no time.
	const at = sortableUtc(o.create_time);
	return {
		id: String(o.order_id),
		at,
		customerId: String(o.customer_id),
		fields: {
			orderId: String(o.order_id),
			customerId: String(o.customer_id),
			orderType: o.order_type ?? null,
			status: o.status ?? null,
			serviceType: o.service_type_code ?? null,
			amount: o.amount_after_discount ?? null,
			currency: o.currency ?? null,
			createdAt: at || null,
		},
		raw: o,
	};
}

/**
 * Orders created in `[begin, end]` (no end: up to whatever Huawei holds), page by page; a range read
 * again if its count moved meanwhile. This machine's clock only cuts a long span into years. With
 * `read`, each year's range is a part of the read: it starts in the part it names, and stops inside
 * a range when its deadline has passed (a range is never cut before its first pages).
 */
async function ordersCreated(context: IPollFunctions, begin: string, end: string, filter: OrderFilter, read?: ListRead): Promise<EventRecord[]> {
	const out: EventRecord[] = [];
	const ranges = end ? yearRanges(begin, end) : openRanges(begin);
	const first = read?.startAt?.part ?? 0;
	for (let part = first; part < ranges.length; part++) {
		const [from, to] = ranges[part];
		const qs = { create_time_begin: from, ...(to ? { create_time_end: to } : {}), order_by: 'createTime', ...serverFilter(filter) };
		const orders = await readList(LIST, { body: {}, qs, path: {} }, sending(context, LIST), { ...pagesOf(read, part), consistent: true });
		out.push(...orders.filter((o) => wanted(filter, o)).map(orderRecord));
		if (read?.resumeAt !== undefined) {
			read.stoppedInPart = part;
			break;
		}
	}
	return out;
}

/** Year ranges from `begin` ('' : a year ago) to now, the last one left open at its end. */
function openRanges(begin: string): Array<[string, string]> {
	const ranges = yearRanges(begin, utc(Date.now()));
	if (ranges.length === 0) return [[begin, '']];
	ranges[ranges.length - 1][1] = '';
	return ranges;
}

/** Every order of the chosen types, whatever its status: what the watermark sees. */
const anyStatus = (filter: OrderFilter): OrderFilter => ({ ...filter, statuses: [] });

/** Statuses after which an order changes no more. */
const FINAL_STATUSES = [4, 5];
/** How long after its creation an order is watched for a chosen status (unpaid orders lapse sooner). */
export const ORDER_WATCH_DAYS = 7;
/** At most this many orders are watched at once; beyond it the oldest are let go, with a warning. */
export const ORDER_WATCH_MAX = 200;

/** An order watched for a chosen status: its id, creation time and the chosen statuses already emitted. */
type WatchedOrder = [string, string, number[]];

function readWatched(context: IPollFunctions, stored: unknown): WatchedOrder[] {
	if (stored === undefined) return [];
	const list = (stored as IDataObject | null)?.watching;
	const valid =
		Array.isArray(list) &&
		list.every(
			(e) =>
				Array.isArray(e) &&
				e.length === 3 &&
				typeof e[0] === 'string' &&
				e[0] !== '' &&
				e[1] !== '' &&
				sortableUtc(e[1]) === e[1] &&
				Array.isArray(e[2]) &&
				(e[2] as unknown[]).every((n) => Number.isInteger(n)),
		);
	// The same rule as every stored state: logged, then started afresh rather than failing each poll.
	const read = valid ? { state: list as WatchedOrder[] } : { unreadable: 'it is not a list of [order id, creation time, statuses reached]' };
	return usable(context, 'New Customer Order follow-up', read) ?? [];
}

/**
 * "Order Statuses" means "when an order reaches one": an order is emitted the first time it is
 * seen in each chosen status, whenever that happens. New orders come from the watermark; an order
 * not yet in a chosen status (nor in a final one) is watched, and each poll reads the orders in the
 * chosen statuses created since the oldest watched one, so an order paid hours later is emitted
 * then. Orders already known at the first activation are watched too, but not emitted for the
 * status they already had.
 */
async function followOrderStatuses(context: IPollFunctions, found: EventRecord[], stored: unknown, baseline: boolean) {
	const filter = filterOf(context);
	if (filter.statuses.length === 0) return { emit: baseline ? [] : found, state: undefined };
	const watching = new Map(readWatched(context, stored).map((w) => [w[0], w]));
	const emit: EventRecord[] = [];
	const consider = (order: EventRecord, entry: WatchedOrder) => {
		const status = Number(order.fields.status);
		const reached = [...entry[2]];
		if (filter.statuses.includes(status) && !reached.includes(status)) {
			if (!baseline) emit.push(order);
			reached.push(status);
		}
		const done = FINAL_STATUSES.includes(status) || filter.statuses.every((chosen) => reached.includes(chosen));
		if (done) watching.delete(order.id);
		else watching.set(order.id, [order.id, entry[1], reached.sort((a, b) => a - b)]);
	};
	const earlier = [...watching.values()];
	for (const order of found) if (order.at) consider(order, watching.get(order.id) ?? [order.id, order.at, []]);
	const foundIds = new Set(found.map((o) => o.id));
	const toCheck = earlier.filter((w) => !foundIds.has(w[0]));
	if (toCheck.length) {
		const oldest = toCheck.reduce((min, w) => (w[1] < min ? w[1] : min), toCheck[0][1]);
		const checked = new Set(toCheck.map((w) => w[0]));
		for (const order of await ordersCreated(context, oldest, '', filter)) {
			const entry = watching.get(order.id);
			if (entry && checked.has(order.id)) consider(order, entry);
		}
	}
	const since = windowStart(vendorTimeOr(context), ORDER_WATCH_DAYS * 86400);
	const kept = [...watching.values()].filter((w) => w[1] >= since).sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0));
	if (kept.length > ORDER_WATCH_MAX) {
		const node = context.getNode();
		context.logger.warn(
			`${node.name}: ${kept.length} orders wait for a chosen status, more than ${ORDER_WATCH_MAX}; the oldest ${kept.length - ORDER_WATCH_MAX} are no longer watched`,
			{ node: node.name, nodeType: node.type, workflowId: context.getWorkflow().id },
		);
	}
	const watched = kept.slice(0, ORDER_WATCH_MAX).sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1));
	return { emit: emit.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1)), state: watched.length ? { watching: watched } : undefined };
}

/** How far back a manual test run looks for sample orders. */
const SAMPLE_DAYS = 90;

export const customerOrderSource: EventSource = {
	event: 'newCustomerOrder',
	option: {
		name: 'New Customer Order',
		value: 'newCustomerOrder',
		description: 'One of your customers placed a yearly/monthly order',
	},
	// Orders, like associations, may become visible a little after their creation time.
	overlapSeconds: HUAWEI_OVERLAP_SECONDS,
	// "Only These Customers" lists the customers whose orders are watched.
	customerIdForm: HUAWEI_CUSTOMER_ID_FORM,
	// The watermark sees orders in every status; followUp emits those in (or reaching) a chosen one.
	since: async (context, since, read) => await ordersCreated(context, since, '', anyStatus(filterOf(context)), read),
	baseline: async (context, read) => {
		// The watermark starts at Huawei's now (its Date header), never this machine's clock.
		const now = await askVendorTime(context, async () => await sending(context, LIST)({ body: {}, qs: { offset: 0, limit: 1 }, path: {} }));
		return { records: await ordersCreated(context, windowStart(now, HUAWEI_OVERLAP_SECONDS), '', anyStatus(filterOf(context)), read), at: now };
	},
	followUp: followOrderStatuses,
	newest: async (context, count) => {
		const now = Date.now();
		const recent = await ordersCreated(context, utc(now - SAMPLE_DAYS * 86400000), utc(now), filterOf(context));
		return recent.sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, count);
	},
	properties: [
		{
			displayName: 'Order Types',
			name: 'orderTypes',
			type: 'multiOptions',
			options: ORDER_TYPE,
			default: [],
			description: 'Only orders of these types; none chosen means every type',
		},
		{
			displayName: 'Order Statuses',
			name: 'orderStatuses',
			type: 'multiOptions',
			options: ORDER_STATUS,
			default: [],
			description:
				'Emit an order when it reaches one of these statuses (once per order and status, within 7 days of its creation); none chosen means every order once, when created',
		},
	],
};
