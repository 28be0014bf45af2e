import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { customerOperations } from '../resources/customer';
import { huaweiSender } from '../transport';

const PAGE_SIZE = 50;
const listCustomers = customerOperations.find((spec) => spec.operation === 'getMany')!;

/** Customer picker: searches account names (Huawei matches any part), 50 at a time. */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const body: IDataObject = { offset, limit: PAGE_SIZE };
	const text = (filter ?? '').trim();
	if (/^[0-9a-f]{32}$/i.test(text)) body.customer_id = text;
	else if (text) body.account_name = text.replace(/\s+/g, '');
	const answer = await huaweiSender()(this, listCustomers, { body, qs: {}, path: {} }, 0);
	const customers = (answer.customer_infos as IDataObject[] | undefined) ?? [];
	const total = Number(answer.count);
	const next = offset + customers.length;
	return {
		results: customers.map((c) => ({
			name: `${c.account_name ?? c.customer_id}${c.customer ? ` (${c.customer})` : ''}`,
			value: String(c.customer_id),
		})),
		paginationToken: customers.length === PAGE_SIZE && !(Number.isFinite(total) && next >= total) ? String(next) : undefined,
	};
}
