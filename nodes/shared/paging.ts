import type { IDataObject } from 'n8n-workflow';

import { recordsAt, totalAt } from './records';
import type { BuiltRequest, PagingSpec } from './types';

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
 * Fetches pages until the limit is reached, a page comes back short, or the total says there is
 * nothing more. Works for both page-number and offset paging.
 */
export async function collectPages(
	paging: PagingSpec,
	recordsPath: string,
	request: BuiltRequest,
	plan: PagingPlan,
	fetchPage: (request: BuiltRequest) => Promise<IDataObject>,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	let position = plan.startAt;
	for (let pages = 0; pages < MAX_PAGES; pages++) {
		const response = await fetchPage(pageRequest(paging, request, position, plan.pageSize));
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
	}
	return collected;
}

/** Splits ids into the fewest calls the per-call maximum allows. */
export function chunk<T>(values: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
	return chunks;
}
