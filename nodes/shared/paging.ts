import type { IDataObject } from 'n8n-workflow';

import { runInOrder, settleRun, valuesOf } from './concurrency';
import { cancelledError, stopReasonOf } from './stopping';
import { recordsAt, totalAt } from './records';
import type { BuiltRequest, CallScheduling, PagingSpec } from './types';

export interface PagingPlan {
	/** Stop after this many records (Infinity for Return All). */
	limit: number;
	pageSize: number;
	/** First page (page-number style) or first offset (offset style). */
	startAt: number;
}

/** The largest pages allowed, but no larger than needed for a small limit. */
export function choosePageSize(paging: PagingSpec, limit: number, requested?: number): number {
	const cap = Math.min(paging.maxPageSize, requested && requested > 0 ? requested : paging.maxPageSize);
	return Math.max(1, Math.min(cap, Number.isFinite(limit) ? limit : cap));
}

/** A page request: the item's own request with the paging fields set. */
function pageRequest(paging: PagingSpec, request: BuiltRequest, position: number, size: number): BuiltRequest {
	const target = paging.style === 'offset' && paging.in === 'query' ? 'qs' : 'body';
	const fields: IDataObject =
		paging.style === 'pageNumber'
			? { [paging.pageField]: position, [paging.sizeField]: size }
			: { [paging.offsetField]: position, [paging.limitField]: size };
	return { ...request, [target]: { ...request[target], ...fields } };
}

const MAX_PAGES = 100000;

/**
 * The positions (page numbers or offsets) still to fetch after the page at `position` came back
 * full, when the vendor said how many records there are: all of them can be asked for at once.
 */
function remainingPositions(
	paging: PagingSpec,
	position: number,
	pageSize: number,
	total: number,
	stillWanted: number,
): number[] {
	const positions: number[] = [];
	let wanted = stillWanted;
	if (paging.style === 'pageNumber') {
		const lastPage = Math.ceil(total / pageSize);
		for (let page = position + 1; page <= lastPage && wanted > 0 && positions.length < MAX_PAGES; page++) {
			positions.push(page);
			wanted -= pageSize;
		}
	} else {
		for (let offset = position + pageSize; offset < total && wanted > 0 && positions.length < MAX_PAGES; offset += pageSize) {
			positions.push(offset);
			wanted -= pageSize;
		}
	}
	return positions;
}

/**
 * Fetches the pages at `positions`, up to `scheduling.limit` at once, and returns them in order,
 * up to the first short or empty page: the total promised more, but the list ends there. No page
 * starts once one has come back short, so a total that overstates the list costs at most one
 * window of requests past its end, not every page it implies.
 */
async function fetchPagesAtOnce(
	paging: PagingSpec,
	recordsPath: string,
	request: BuiltRequest,
	positions: number[],
	pageSize: number,
	fetchPage: (request: BuiltRequest) => Promise<IDataObject>,
	scheduling: CallScheduling,
): Promise<IDataObject[]> {
	let end = positions.length;
	const run = await runInOrder(
		positions.length,
		scheduling.limit,
		async (index) => {
			const page = await fetchPage(pageRequest(paging, request, positions[index], pageSize));
			if (recordsAt(page, recordsPath).length < pageSize) end = Math.min(end, index + 1);
			return page;
		},
		{ stopOnError: true, signal: scheduling.signal, complete: () => end < positions.length },
	);
	// Every page needed came back (a stop that came meanwhile held nothing back): the pages are complete.
	const cutShort = () => (scheduling.signal?.aborted ? stopReasonOf(scheduling.signal) : cancelledError());
	return valuesOf(settleRun(run, { upTo: end, cutShort }));
}

/**
 * Fetches pages until the limit is reached, a page comes back short, or the total says there is
 * nothing more. Works for both page-number and offset paging. When the first page tells the
 * total and calls may run at once, the remaining pages are fetched concurrently and joined in
 * order, which gives the same records as fetching them one by one.
 */
export async function collectPages(
	paging: PagingSpec,
	recordsPath: string,
	request: BuiltRequest,
	plan: PagingPlan,
	fetchPage: (request: BuiltRequest) => Promise<IDataObject>,
	scheduling: CallScheduling = { limit: 1 },
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	let position = plan.startAt;
	let pending: IDataObject[] = [];
	for (let pages = 0; pages < MAX_PAGES; pages++) {
		const response = pending.shift() ?? (await fetchPage(pageRequest(paging, request, position, plan.pageSize)));
		const records = recordsAt(response, recordsPath);
		collected.push(...records);
		if (collected.length >= plan.limit) return collected.slice(0, plan.limit);
		if (records.length < plan.pageSize) break;
		const total = totalAt(response, paging.totalPath);
		if (paging.style === 'pageNumber') {
			if (total !== undefined && position * plan.pageSize >= total) break;
			position += 1;
		} else {
			position += records.length;
			if (total !== undefined && position >= total) break;
		}
		if (pending.length === 0 && total !== undefined && scheduling.limit > 1) {
			const before = paging.style === 'pageNumber' ? position - 1 : position - plan.pageSize;
			const positions = remainingPositions(paging, before, plan.pageSize, total, plan.limit - collected.length);
			if (positions.length > 1) pending = await fetchPagesAtOnce(paging, recordsPath, request, positions, plan.pageSize, fetchPage, scheduling);
		}
	}
	return collected;
}
