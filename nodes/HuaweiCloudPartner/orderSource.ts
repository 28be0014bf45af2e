import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { EventRecord, EventSource } from '../shared/trigger/events';
import { sortableUtc, windowStart } from '../shared/trigger/watermark';
import { ORDER_STATUS, ORDER_TYPE, orderOperations } from './resources/others';
import { huaweiSender } from './transport';
import { HUAWEI_CUSTOMER_ID_FORM, HUAWEI_OVERLAP_SECONDS } from './triggerSource';
import { readConsistently } from '../shared/trigger/consistentRead';

const PAGE_SIZE = 100;
/** ListCustomerOrders refuses a creation-time range longer than a year; longer spans are split. */
const MAX_RANGE_SECONDS = 365 * 86400;
const LIST = orderOperations.find((s) => s.operation === 'getMany')!;

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

/** Orders created in `[begin, end]`, page by page; a range read again if its count moved meanwhile. */
async function ordersCreated(context: IPollFunctions, begin: string, end: string, filter: OrderFilter): Promise<EventRecord[]> {
	const send = huaweiSender();
	const out: EventRecord[] = [];
	for (const [from, to] of yearRanges(begin, end)) {
		const orders = await readConsistently(async (_index, offset) => {
			const qs = { create_time_begin: from, create_time_end: to, order_by: 'createTime', ...serverFilter(filter), offset, limit: PAGE_SIZE };
			const answer = await send(context, LIST, { body: {}, qs, path: {} }, 0);
			return { records: (answer.order_infos as IDataObject[]) ?? [], total: Number(answer.total_count) };
		}, PAGE_SIZE);
		out.push(...orders.filter((o) => wanted(filter, o)).map(orderRecord));
	}
	return out;
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
	since: async (context, since, until) => await ordersCreated(context, since, until, filterOf(context)),
	baseline: async (context, now) => ({
		records: await ordersCreated(context, windowStart(now, HUAWEI_OVERLAP_SECONDS), now, filterOf(context)),
		at: now,
	}),
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
			description: 'Only orders in these statuses when first seen (an order is emitted once, when created, not again when its status changes); none chosen means every status',
		},
	],
};
