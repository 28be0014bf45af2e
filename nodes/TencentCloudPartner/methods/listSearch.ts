import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { readPickerPage } from '../../shared/paging';
import type { OperationSpec } from '../../shared/types';
import { operationSpec } from '../../shared/operationLookup';
import { tencentOperations } from '../resources';
import { tencentSender } from '../transport';

const PAGE_SIZE = 50;

/** The list actions behind the pickers: the listed operations themselves, so they are paced as those are. */
const lookups = {
	customers: operationSpec(tencentOperations, 'credit', 'getManyCustomers'),
	subAgents: operationSpec(tencentOperations, 'subAgent', 'getMany'),
	pendingSubAgents: operationSpec(tencentOperations, 'subAgent', 'getPendingApplications'),
	pendingClients: operationSpec(tencentOperations, 'customer', 'getPendingApplications'),
};

/** Decides which field a typed search text means: a UIN, an e-mail address, or a name. */
export function searchFieldFor(filter: string): 'ClientUin' | 'Email' | 'Name' {
	if (/^\d+$/.test(filter)) return 'ClientUin';
	if (filter.includes('@')) return 'Email';
	return 'Name';
}

/** The page of `spec`'s list the token names, sent like any Tencent call. */
async function page(context: ILoadOptionsFunctions, spec: OperationSpec, body: IDataObject, paginationToken?: string) {
	const send = tencentSender();
	return await readPickerPage(spec, { body, qs: {}, path: {} }, paginationToken, PAGE_SIZE, async (request) => await send(context, spec, request, 0));
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
	const { records, paginationToken: next } = await page(this, lookups.customers, body, paginationToken);
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
	const { records, paginationToken: next } = await page(this, lookups.subAgents, body, paginationToken);
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
	const { records, paginationToken: next } = await page(context, spec, {}, paginationToken);
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
