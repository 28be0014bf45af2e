import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { readPickerPage } from '../../shared/paging';
import { operationSpec } from '../../shared/operationLookup';
import { dotdigitalOperations } from '../resources';
import { DOTDIGITAL_TIMEOUT_SECONDS, dotdigitalSender } from '../transport';

const PAGE_SIZE = 100;

/** Account picker, backed by the (inferred) GetAccounts method with a name filter. */
export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const spec = operationSpec(dotdigitalOperations, 'account', 'getMany');
	const body: IDataObject = {};
	if (filter?.trim()) body.Name = filter.trim();
	const send = dotdigitalSender(DOTDIGITAL_TIMEOUT_SECONDS, (s) => s.vendorAction);
	const page = await readPickerPage(spec, { body, qs: {}, path: {} }, paginationToken, PAGE_SIZE, async (request) => await send(this, spec, request, 0));
	return {
		results: page.records.map((a) => ({ name: `${a.AccountName ?? a.Name ?? a.AccountId} (${a.AccountId})`, value: String(a.AccountId) })),
		paginationToken: page.paginationToken,
	};
}
