import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { findDotdigitalOperation } from '../resources';
import { DOTDIGITAL_TIMEOUT_SECONDS, dotdigitalSender } from '../transport';

const PAGE_SIZE = 100;

/** Account picker, backed by the (inferred) GetAccounts method with a name filter. */
export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const spec = findDotdigitalOperation('account', 'getMany')!;
	const page = Number(paginationToken ?? 1) || 1;
	const body: IDataObject = { PageNumber: page, PageSize: PAGE_SIZE };
	if (filter?.trim()) body.Name = filter.trim();
	const answer = await dotdigitalSender(DOTDIGITAL_TIMEOUT_SECONDS, (s) => s.vendorAction)(this, spec, { body, qs: {}, path: {} }, 0);
	const accounts = (Array.isArray(answer) ? answer : (Object.values(answer).find(Array.isArray) ?? [])) as IDataObject[];
	const total = Number((answer as IDataObject).TotalCount);
	return {
		results: accounts.map((a) => ({ name: `${a.AccountName ?? a.Name ?? a.AccountId} (${a.AccountId})`, value: String(a.AccountId) })),
		paginationToken: accounts.length === PAGE_SIZE && !(Number.isFinite(total) && page * PAGE_SIZE >= total) ? String(page + 1) : undefined,
	};
}
