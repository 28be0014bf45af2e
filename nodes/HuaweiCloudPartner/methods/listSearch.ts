import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { readPickerPage } from '../../shared/paging';
import { operationSpec } from '../../shared/operationLookup';
import { huaweiOperations } from '../resources';
import { huaweiSender } from '../transport';

const PAGE_SIZE = 50;
const listCustomers = operationSpec(huaweiOperations, 'customer', 'getMany');
const listServiceTypes = operationSpec(huaweiOperations, 'product', 'getServiceTypes');

/** Customer picker: searches account names (Huawei matches any part), 50 at a time. */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const body: IDataObject = {};
	const text = (filter ?? '').trim();
	if (/^[0-9a-f]{32}$/i.test(text)) body.customer_id = text;
	else if (text) body.account_name = text.replace(/\s+/g, '');
	const send = huaweiSender();
	const page = await readPickerPage(listCustomers, { body, qs: {}, path: {} }, paginationToken, PAGE_SIZE, async (request) => await send(this, listCustomers, request, 0));
	return {
		results: page.records.map((c) => ({
			name: `${c.account_name ?? c.customer_id}${c.customer ? ` (${c.customer})` : ''}`,
			value: String(c.customer_id),
		})),
		paginationToken: page.paginationToken,
	};
}

/** Service type picker: searches the catalog's service names (Huawei matches any part), 50 at a time. */
export async function searchServiceTypes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	const qs: IDataObject = text ? { service_type_name: text.slice(0, 128) } : {};
	const send = huaweiSender();
	const page = await readPickerPage(listServiceTypes, { body: {}, qs, path: {} }, paginationToken, PAGE_SIZE, async (request) => await send(this, listServiceTypes, request, 0));
	return {
		results: page.records.map((s) => ({ name: `${s.service_type_name ?? s.service_type_code} (${s.service_type_code})`, value: String(s.service_type_code) })),
		paginationToken: page.paginationToken,
	};
}
