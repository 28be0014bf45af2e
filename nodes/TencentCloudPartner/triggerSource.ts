import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { chunk } from '../shared/chunk';
import { readList } from '../shared/paging';
import type { CustomerRecord } from '../shared/trigger/customer';
import { customerEvent, NEW_CUSTOMER } from '../shared/trigger/customer';
import { numericIdForm } from '../shared/trigger/customerIds';
import type { EventSource, ListRead } from '../shared/trigger/events';
import { eachPart, pagesOf } from '../shared/trigger/events';
import type { CreditSource } from '../shared/trigger/source';
import { sortableUtc } from '../shared/trigger/watermark';
import { operationSpec } from '../shared/operationLookup';
import type { BuiltRequest, OperationSpec } from '../shared/types';
import { tencentOperations } from './resources';
import { tencentSender } from './transport';

const PAGE_SIZE = 100;
/**
 * A customer that shows up in the list after a poll already passed its association time is still
 * caught if it is at most this much older than the newest one seen. The list is newest first, so
 * reading this window again costs no extra request unless more than a page arrived in it. It must
 * be at least the watermark's future tolerance (see advance).
 */
export const TENCENT_OVERLAP_SECONDS = 15 * 60;

const LIST = operationSpec(tencentOperations, 'credit', 'getManyCustomers');
const DIRECT = operationSpec(tencentOperations, 'credit', 'getDirectCustomers');
const BY_UINS = operationSpec(tencentOperations, 'credit', 'getByUins');
const DETAILS = operationSpec(tencentOperations, 'customer', 'getDetails');

function fromListed(c: IDataObject): CustomerRecord {
	// The transport gave a real AssociationTime in UTC; anything else is no time (see sortableUtc).
	const associatedAt = sortableUtc(c.AssociationTime);
	return {
		id: String(c.ClientUin),
		at: associatedAt,
		name: (c.Name as string) || undefined,
		email: (c.Email as string) || undefined,
		credit: c.Credit as number,
		remainingCredit: c.RemainingCredit as number,
		currency: 'USD',
		associatedAt: associatedAt || undefined,
		raw: c,
	};
}

function fromCredit(c: IDataObject): CustomerRecord {
	return { id: String(c.Uin), at: '', credit: c.TotalCredit as number, remainingCredit: c.RemainingCredit as number, currency: 'USD', raw: c };
}

/** Sends `spec`'s requests for the trigger, paced and retried like any Tencent read. */
export const sending = (context: IPollFunctions, spec: OperationSpec) => async (request: BuiltRequest) => await tencentSender()(context, spec, request, 0);

async function call(context: IPollFunctions, spec: OperationSpec, body: IDataObject): Promise<IDataObject> {
	return await sending(context, spec)({ body, qs: {}, path: {} });
}

/** QueryCustomersCredit sorts by association time, newest first: read pages until one reaches past `since`. */
async function newestFirstSince(context: IPollFunctions, since: string, read?: ListRead): Promise<CustomerRecord[]> {
	const listed = await readList(LIST, { body: { Order: 'desc' }, qs: {}, path: {} }, sending(context, LIST), {
		...pagesOf(read),
		consistent: true,
		enough: (page) => since !== '' && page.some((r) => fromListed(r).at < since),
	});
	return listed.map(fromListed);
}

/** The newest `count` customers: the first page of the newest-first list. */
async function newestCustomers(context: IPollFunctions, count: number): Promise<CustomerRecord[]> {
	const answer = await call(context, LIST, { Page: 1, PageSize: count, Order: 'desc' });
	return ((answer.Data as IDataObject[] | null) ?? []).map(fromListed);
}

/** A Tencent customer is named by its UIN, in "Only These Customers" of every event. */
export const TENCENT_UIN_FORM = numericIdForm(Number.MAX_SAFE_INTEGER, 'a list of UINs made of digits, e.g. 200000000001, 200000000002');

export const tencentNewCustomer: EventSource = {
	event: 'newCustomer',
	option: NEW_CUSTOMER,
	overlapSeconds: TENCENT_OVERLAP_SECONDS,
	customerIdForm: TENCENT_UIN_FORM,
	since: async (context, since, read) => (await newestFirstSince(context, since, read)).map(customerEvent),
	// The newest page sets the watermark; older customers can never be newer than it.
	baseline: async (context) => ({ records: (await newestCustomers(context, PAGE_SIZE)).map(customerEvent), at: '' }),
	newest: async (context, count) => (await newestCustomers(context, count)).map(customerEvent),
};

export const tencentCredit: CreditSource = {
	customerIdForm: TENCENT_UIN_FORM,
	async creditReadings(context, onlyIds, read) {
		if (onlyIds.length === 0) {
			// One request answers for every direct customer: nothing to stop.
			const answer = await call(context, DIRECT, {});
			return { customers: ((answer.Data as IDataObject[]) ?? []).map(fromCredit), complete: true };
		}
		const customers: CustomerRecord[] = [];
		await eachPart(chunk(onlyIds.map(Number), 50), read, async (part) => {
			const answer = await call(context, BY_UINS, { UinList: part });
			customers.push(...((answer.Data as IDataObject[]) ?? []).map(fromCredit));
		});
		return { customers, complete: false };
	},
	async describe(context, customers) {
		const byId = new Map<string, IDataObject>();
		for (const part of chunk(customers.map((c) => Number(c.id)), 20)) {
			const answer = await call(context, DETAILS, { CustomerUin: part });
			for (const info of (answer.Data as IDataObject[]) ?? []) byId.set(String(info.CustomerUin), info);
		}
		return customers.map((c) => {
			const info = byId.get(c.id);
			return info
				? { ...c, name: c.name ?? ((info.Name as string) || undefined), email: c.email ?? ((info.Email as string) || undefined), associatedAt: c.associatedAt ?? (sortableUtc(info.BindTime) || undefined) }
				: c;
		});
	},
};
