import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { chunk } from '../shared/chunk';
import { readList } from '../shared/paging';
import type { CustomerRecord } from '../shared/trigger/customer';
import { customerEvent, NEW_CUSTOMER } from '../shared/trigger/customer';
import type { CustomerIdForm } from '../shared/trigger/customerIds';
import type { EventSource, ListRead } from '../shared/trigger/events';
import { eachPart, pagesOf } from '../shared/trigger/events';
import type { CreditSource } from '../shared/trigger/source';
import { sortableUtc, windowStart } from '../shared/trigger/watermark';
import { askVendorTime } from '../shared/trigger/vendorClock';
import type { BuiltRequest, OperationSpec } from '../shared/types';
import { operationSpec } from '../shared/operationLookup';
import { huaweiOperations } from './resources';
import { huaweiSender } from './transport';

const PAGE_SIZE = 100;
/** Association happens asynchronously after creation, so a window this long is read again. */
export const HUAWEI_OVERLAP_SECONDS = 15 * 60;

const LIST = operationSpec(huaweiOperations, 'customer', 'getMany');
const BUDGETS = operationSpec(huaweiOperations, 'budget', 'getMany');

function fromListed(c: IDataObject): CustomerRecord {
	// Documented as yyyy-MM-ddTHH:mm:ssZ; anything else is read as the same second, or as no time.
	const at = sortableUtc(c.associated_on);
	return {
		id: String(c.customer_id),
		at,
		name: (c.account_name as string) || (c.customer as string) || undefined,
		email: (c.email as string) || undefined,
		associatedAt: at || undefined,
		raw: c,
	};
}

/** Sends `spec`'s requests for the trigger, paced and retried like any Huawei read. */
export const sending = (context: IPollFunctions, spec: OperationSpec) => async (request: BuiltRequest) => await huaweiSender()(context, spec, request, 0);

async function call(context: IPollFunctions, spec: OperationSpec, body: IDataObject): Promise<IDataObject> {
	return await sending(context, spec)({ body, qs: {}, path: {} });
}

/**
 * Every customer matching the filter (or the first `limit` from where `read` starts), page by page;
 * read again if the count moved meanwhile.
 */
export async function listAll(context: IPollFunctions, filter: IDataObject, read?: ListRead, limit?: number): Promise<CustomerRecord[]> {
	const reading = { ...pagesOf(read), consistent: true, ...(limit ? { limit } : {}) };
	return (await readList(LIST, { body: filter, qs: {}, path: {} }, sending(context, LIST), reading)).map(fromListed);
}

/** A Huawei customer id, in "Only These Customers" of every event. */
export const HUAWEI_CUSTOMER_ID_FORM: CustomerIdForm = {
	// A customer id is the account's domain id: 32 hexadecimal characters, written in lower case.
	check: (text) => (/^[0-9a-f]{32}$/i.test(text) ? text.toLowerCase() : undefined),
	hint: 'a list of customer account IDs of 32 hexadecimal characters, e.g. 06ffbcd46880d3f30f62c001a49be460',
};

/**
 * Customers associated at or after `since` ('' for all). The API filters on association time
 * (inclusive); its order is not documented. No end is sent: this machine's clock may be behind
 * Huawei's, and would hide the newest customers.
 */
async function associatedSince(context: IPollFunctions, since: string, read?: ListRead): Promise<CustomerRecord[]> {
	return await listAll(context, since ? { associated_on_begin: since } : {}, read);
}

export const huaweiNewCustomer: EventSource = {
	event: 'newCustomer',
	option: NEW_CUSTOMER,
	overlapSeconds: HUAWEI_OVERLAP_SECONDS,
	customerIdForm: HUAWEI_CUSTOMER_ID_FORM,
	since: async (context, since, read) => (await associatedSince(context, since, read)).map(customerEvent),
	baseline: async (context, read) => {
		// The watermark starts at Huawei's now (its Date header), never this machine's clock;
		// customers that become visible late land inside the overlap window, so read it now too.
		const now = await askVendorTime(context, async () => await call(context, LIST, { offset: 0, limit: 1 }));
		return { records: (await associatedSince(context, windowStart(now, HUAWEI_OVERLAP_SECONDS), read)).map(customerEvent), at: now };
	},
	newest: async (context, count) => {
		const until = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
		const since = new Date(Date.now() - 90 * 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const answer = await call(context, LIST, { associated_on_begin: since, associated_on_end: until, offset: 0, limit: PAGE_SIZE });
		const recent = ((answer.customer_infos as IDataObject[]) ?? []).map(fromListed);
		return recent.sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, count).map(customerEvent);
	},
};

export const huaweiCredit: CreditSource = {
	customerIdForm: HUAWEI_CUSTOMER_ID_FORM,
	async creditReadings(context, onlyIds, read) {
		// On the Europe and International sites a reseller customer's "credit" is its budget.
		// Listing every customer takes at most half the poll's reading time, their budgets the rest;
		// a stop carries on at the first customer whose budget was not read (the list's offset).
		const from = read?.startAt?.position ?? 0;
		const listing: ListRead | undefined = read && { passed: () => read.passed(0.5), ...(read.startAt ? { startAt: read.startAt } : {}) };
		const budgets: ListRead | undefined = read && { passed: (share) => read.passed(share) };
		const listed = onlyIds.length ? [] : await listAll(context, { association_type: '3' }, listing);
		const ids = onlyIds.length ? onlyIds : listed.map((c) => c.id);
		const names = new Map(listed.map((c) => [c.id, c]));
		const customers: CustomerRecord[] = [];
		let checked = 0;
		await eachPart(chunk(ids, 100), onlyIds.length ? read : budgets, async (part) => {
			checked += part.length;
			const answer = await call(context, BUDGETS, { customer_ids: part });
			for (const budget of (answer.budget_infos as IDataObject[]) ?? []) {
				const id = String(budget.customer_id);
				const amount = Number(budget.budget_amount);
				const used = Number(budget.used_amount);
				const listedCustomer = names.get(id);
				customers.push({
					id,
					at: '',
					name: listedCustomer?.name,
					email: listedCustomer?.email,
					associatedAt: listedCustomer?.associatedAt,
					credit: amount,
					// Amounts have 2 decimals: subtract in cents so no float noise appears.
					remainingCredit: (Math.round(amount * 100) - Math.round(used * 100)) / 100,
					currency: (answer.currency as string) ?? 'USD',
					raw: { ...budget, ...(listedCustomer ? { customer: listedCustomer.raw } : {}) },
				});
			}
		});
		if (read && !onlyIds.length && (listing?.resumeAt !== undefined || budgets?.resumeAt !== undefined)) {
			read.stoppedInPart = 0;
			read.resumeAt = from + checked;
		}
		return { customers, complete: onlyIds.length === 0 };
	},
};
