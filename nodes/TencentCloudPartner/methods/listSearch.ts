import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { OperationSpec } from '../../shared/types';
import { tencentSender } from '../transport';

const PAGE_SIZE = 50;

/** The list actions behind the pickers, paced like any other call. */
const lookups: Record<string, OperationSpec> = {
	customers: {
		resource: 'credit',
		operation: 'getManyCustomers',
		name: 'Search Customers',
		action: 'Search customers',
		description: 'Customer picker',
		vendorAction: 'QueryCustomersCredit',
		write: false,
		rateLimitPerSecond: 5,
		fields: [],
	},
	subAgents: {
		resource: 'subAgent',
		operation: 'getMany',
		name: 'Search Second-Level Resellers',
		action: 'Search second-level resellers',
		description: 'Reseller picker',
		vendorAction: 'QuerySubAgentsDetailV2',
		write: false,
		rateLimitPerSecond: 20,
		fields: [],
	},
	pendingSubAgents: {
		resource: 'subAgent',
		operation: 'getPendingApplications',
		name: 'Search Pending Reseller Applications',
		action: 'Search pending reseller applications',
		description: 'Applicant picker',
		vendorAction: 'QueryPendingSubAgentsV2',
		write: false,
		rateLimitPerSecond: 20,
		fields: [],
	},
	pendingClients: {
		resource: 'customer',
		operation: 'getPendingApplications',
		name: 'Search Pending Applications',
		action: 'Search pending applications',
		description: 'Applicant picker',
		vendorAction: 'QueryPendingClientsV2',
		write: false,
		rateLimitPerSecond: 5,
		fields: [],
	},
};

/** Decides which field a typed search text means: a UIN, an e-mail address, or a name. */
export function searchFieldFor(filter: string): 'ClientUin' | 'Email' | 'Name' {
	if (/^\d+$/.test(filter)) return 'ClientUin';
	if (filter.includes('@')) return 'Email';
	return 'Name';
}

async function page(
	context: ILoadOptionsFunctions,
	spec: OperationSpec,
	body: IDataObject,
	paginationToken?: string,
): Promise<{ records: IDataObject[]; next?: string }> {
	const pageNumber = Number(paginationToken ?? 1) || 1;
	const response = await tencentSender()(context, spec, { body: { ...body, Page: pageNumber, PageSize: PAGE_SIZE }, qs: {}, path: {} }, 0);
	const records = (Array.isArray(response.Data) ? response.Data : []) as IDataObject[];
	const total = Number(response.Total);
	const more = records.length === PAGE_SIZE && !(Number.isFinite(total) && pageNumber * PAGE_SIZE >= total);
	return { records, next: more ? String(pageNumber + 1) : undefined };
}

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	const body: IDataObject = { Order: 'desc' };
	if (text) {
		body.FilterType = searchFieldFor(text);
		body.Filter = text;
	}
	const { records, next } = await page(this, lookups.customers, body, paginationToken);
	return {
		results: records.map((c) => ({ name: `${c.Name || c.Email || c.ClientUin} (${c.ClientUin})`, value: String(c.ClientUin) })),
		paginationToken: next,
	};
}

export async function searchSubAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	const body: IDataObject = {};
	if (text) {
		body.FilterType = /^\d+$/.test(text) ? 'SubAgentUin' : text.includes('@') ? 'Email' : 'Name';
		body.Filter = text;
	}
	const { records, next } = await page(this, lookups.subAgents, body, paginationToken);
	return {
		results: records.map((r) => ({ name: `${r.Name || r.Email || r.SubAgentUin} (${r.SubAgentUin})`, value: String(r.SubAgentUin) })),
		paginationToken: next,
	};
}

/** Pending applications have no server-side search: the page is filtered here. */
async function searchApplications(
	context: ILoadOptionsFunctions,
	spec: OperationSpec,
	uinField: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim().toLowerCase();
	const { records, next } = await page(context, spec, {}, paginationToken);
	const matching = records.filter(
		(r) => !text || [r.Name, r.Email, r[uinField]].some((v) => String(v ?? '').toLowerCase().includes(text)),
	);
	return {
		results: matching.map((r) => ({ name: `${r.Name || r.Email || r[uinField]} (${r[uinField]})`, value: String(r[uinField]) })),
		paginationToken: next,
	};
}

export async function searchPendingClients(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchApplications(this, lookups.pendingClients, 'ClientUin', filter, paginationToken);
}

export async function searchPendingSubAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchApplications(this, lookups.pendingSubAgents, 'SubAgentUin', filter, paginationToken);
}
