import type { IDataObject } from 'n8n-workflow';

import { runInOrder, settleRun, valuesOf } from './concurrency';
import { cancelledError, stopReasonOf } from './stopping';
import { getPath, recordsAt, totalAt } from './records';
import type { BuiltRequest, CallScheduling, OperationSpec, PagingSpec } from './types';

/**
 * The one pager: every list read page by page (Get Many, the triggers' reads, the editor's
 * pickers, an order's line items) walks its pages here.
 */

export interface PagingPlan {
	/** Stop after this many records (Infinity for Return All). */
	limit: number;
	pageSize: number;
	/** First page (page-number style), first offset (offset style), or 0 (marker style: the first page). */
	startAt: number;
}

/** One page as the pager sees it: its records, and the total the vendor reported with it (if any). */
export interface Page<T> {
	records: T[];
	total?: number;
	/** Marker style: whether the answer named a next page. */
	more?: boolean;
}

/** Reads the page at `position` (a page number, an offset, or a marker-style page's index) of `size` records. */
export type PageReader<T> = (position: number, size: number) => Promise<Page<T>>;

/** How a list is read beyond its plan: each part is optional, and none changes where pages start. */
export interface PageReading<T> {
	/** How many pages may be asked for at once once the total is known, and the run's stop signal. */
	scheduling?: CallScheduling;
	/**
	 * The consistent read: if the total changed while paging (a record came or went), pages may
	 * have shifted under the read, so the list is read again, up to three passes in all; a list
	 * still moving after that is used as read (a trigger's watermark absorbs the overlap).
	 */
	consistent?: boolean;
	/** Stops after a page that reached far enough (a newest-first list read back to a time). */
	enough?: (records: T[]) => boolean;
	/** A poll's read deadline: the pager stops before a page once it has passed, and says where. */
	stop?: PageStop;
}

/**
 * When a read must stop early (a trigger's poll budget, see trigger/pollBudget.ts). At least two
 * pages are read first, so a read that starts by reading its last page again always gets further.
 */
export interface PageStop {
	/** Whether reading must stop now; asked before each page after the first two. */
	passed(): boolean;
	/**
	 * Set by the pager when it stopped: the position of the last page it read. Reading on from
	 * there reads that page again, which covers a list that moved by less than a page meanwhile.
	 */
	resumeAt?: number;
}

type PagingStyle = PagingSpec['style'];

const MAX_PAGES = 100000;
const CONSISTENT_READ_PASSES = 3;

/** The largest pages allowed, but no larger than needed for a small limit. */
export function choosePageSize(paging: PagingSpec, limit: number, requested?: number): number {
	const cap = Math.min(paging.maxPageSize, requested && requested > 0 ? requested : paging.maxPageSize);
	return Math.max(1, Math.min(cap, Number.isFinite(limit) ? limit : cap));
}

/** Where a list starts: page 1, or offset 0. */
export const firstPosition = (paging: PagingSpec): number => (paging.style === 'pageNumber' ? 1 : 0);

/**
 * Where the page after the one read at `position` starts, or undefined when that page was the
 * last: it came back short, or the total says nothing follows it.
 */
export function nextPosition(style: PagingStyle, position: number, pageSize: number, page: Page<unknown>): number | undefined {
	// A marker list says itself whether a page follows (its positions are page indexes).
	if (style === 'marker') return page.more ? position + 1 : undefined;
	if (page.records.length < pageSize) return undefined;
	if (style === 'pageNumber') return page.total !== undefined && position * pageSize >= page.total ? undefined : position + 1;
	const next = position + page.records.length;
	return page.total !== undefined && next >= page.total ? undefined : next;
}

/**
 * The positions still to read after the full page at `position`, when the vendor said how many
 * records there are: all of them can be asked for at once.
 */
function remainingPositions(style: PagingStyle, position: number, pageSize: number, total: number, stillWanted: number): number[] {
	const positions: number[] = [];
	let wanted = stillWanted;
	if (style === 'pageNumber') {
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
 * Reads the pages at `positions`, up to `scheduling.limit` at once, and returns them in order, up
 * to the first short or empty page: the total promised more, but the list ends there. No page
 * starts once one has come back short, so a total that overstates the list costs at most one
 * window of requests past its end, not every page it implies.
 */
async function readPagesAtOnce<T>(readPage: PageReader<T>, positions: number[], pageSize: number, scheduling: CallScheduling): Promise<Array<Page<T>>> {
	let end = positions.length;
	const run = await runInOrder(
		positions.length,
		scheduling.limit,
		async (index) => {
			const page = await readPage(positions[index], pageSize);
			if (page.records.length < pageSize) end = Math.min(end, index + 1);
			return page;
		},
		{ stopOnError: true, signal: scheduling.signal, complete: () => end < positions.length },
	);
	// Every page needed came back (a stop that came meanwhile held nothing back): the pages are complete.
	const cutShort = () => (scheduling.signal?.aborted ? stopReasonOf(scheduling.signal) : cancelledError());
	return valuesOf(settleRun(run, { upTo: end, cutShort }));
}

/** One pass over the list: its records up to the limit, and every total its pages reported. */
async function readPass<T>(style: PagingStyle, plan: PagingPlan, readPage: PageReader<T>, reading: PageReading<T>) {
	const records: T[] = [];
	const totals = new Set<number | undefined>();
	const scheduling = reading.scheduling ?? { limit: 1 };
	let position: number | undefined = plan.startAt;
	let pending: Array<Page<T>> = [];
	let lastRead = plan.startAt;
	for (let pages = 0; pages < MAX_PAGES && position !== undefined; pages++) {
		if (reading.stop && pages >= 2 && reading.stop.passed()) {
			reading.stop.resumeAt = lastRead;
			break;
		}
		const page = pending.shift() ?? (await readPage(position, plan.pageSize));
		lastRead = position;
		totals.add(page.total);
		records.push(...page.records);
		if (records.length >= plan.limit) return { records: records.slice(0, plan.limit), totals };
		if (reading.enough?.(page.records)) break;
		const next = nextPosition(style, position, plan.pageSize, page);
		if (next !== undefined && pending.length === 0 && page.total !== undefined && scheduling.limit > 1 && !reading.stop) {
			const positions = remainingPositions(style, position, plan.pageSize, page.total, plan.limit - records.length);
			if (positions.length > 1) pending = await readPagesAtOnce(readPage, positions, plan.pageSize, scheduling);
		}
		position = next;
	}
	return { records, totals };
}

/**
 * Reads pages until the limit is reached, a page comes back short, the total says there is nothing
 * more, or `enough` says the read went far enough. When a page tells the total and calls may run
 * at once, the remaining pages are read concurrently and joined in order, which gives the same
 * records as reading them one by one. In the consistent mode a list whose total moved is read again.
 */
export async function readPages<T>(style: PagingStyle, plan: PagingPlan, readPage: PageReader<T>, reading: PageReading<T> = {}): Promise<T[]> {
	let pass = await readPass(style, plan, readPage, reading);
	// A read stopped by its deadline is not read again: the poll that carries it on judges the list.
	const stopped = () => reading.stop?.resumeAt !== undefined;
	for (let passes = 1; reading.consistent && pass.totals.size > 1 && passes < CONSISTENT_READ_PASSES && !stopped(); passes++) {
		pass = await readPass(style, plan, readPage, reading);
	}
	return pass.records;
}

/** The paging fields of one page request; `marker` is the marker-style page's own marker (none for the first page). */
function pagingFields(paging: PagingSpec, position: number, size: number, marker: string | undefined): IDataObject {
	if (paging.style === 'pageNumber') return { [paging.pageField]: position, [paging.sizeField]: size };
	if (paging.style === 'offset') return { [paging.offsetField]: position, [paging.limitField]: size };
	if (position > 0 && marker === undefined) throw new Error(`page ${position + 1} of a marker list was asked for before the page that names it`);
	return { [paging.limitField]: size, ...(marker === undefined ? {} : { [paging.markerField]: marker }) };
}

/** A page request: the item's own request with the paging fields set. */
function pageRequest(paging: PagingSpec, request: BuiltRequest, position: number, size: number, marker?: string): BuiltRequest {
	const target = paging.style !== 'pageNumber' && paging.in === 'query' ? 'qs' : 'body';
	return { ...request, [target]: { ...request[target], ...pagingFields(paging, position, size, marker) } };
}

/**
 * The pages of a vendor list described by `paging`: the request with paging fields, its records
 * and total (or, marker style, whether a next page exists; its marker is kept for that page).
 */
function vendorPages(paging: PagingSpec, recordsPath: string, request: BuiltRequest, fetchPage: (request: BuiltRequest) => Promise<IDataObject>): PageReader<IDataObject> {
	const markers = new Map<number, string>();
	return async (position, size) => {
		const response = await fetchPage(pageRequest(paging, request, position, size, markers.get(position)));
		const records = recordsAt(response, recordsPath);
		if (paging.style !== 'marker') return { records, total: totalAt(response, paging.totalPath) };
		const next = getPath(response, paging.nextMarkerPath);
		const more = typeof next === 'string' && next !== '';
		if (more) markers.set(position + 1, next);
		return { records, more };
	};
}

/** The records of a vendor list described by `paging`, read with the one pager (see readPages). */
export async function collectPages(
	paging: PagingSpec,
	recordsPath: string,
	request: BuiltRequest,
	plan: PagingPlan,
	fetchPage: (request: BuiltRequest) => Promise<IDataObject>,
	reading: PageReading<IDataObject> = {},
): Promise<IDataObject[]> {
	return await readPages(paging.style, plan, vendorPages(paging, recordsPath, request, fetchPage), reading);
}

/** The paging and records path of a listed list action; an action without them is a mistake in the specs. */
function listOf(spec: OperationSpec): { paging: PagingSpec; recordsPath: string } {
	const recordsPath = spec.answer?.recordsPath;
	if (!spec.paging || !recordsPath) throw new Error(`${spec.vendorAction} is not a paged list`);
	return { paging: spec.paging, recordsPath };
}

/**
 * The records of an operation's list from its first page (or `startAt`): all of them (or the first `limit`), in
 * its largest pages unless `pageSize` says otherwise. How the nodes' own reads (the triggers', a
 * ledger lookup) read the vendors' lists.
 */
export async function readList(
	spec: OperationSpec,
	request: BuiltRequest,
	fetchPage: (request: BuiltRequest) => Promise<IDataObject>,
	reading: PageReading<IDataObject> & { limit?: number; pageSize?: number; startAt?: number } = {},
): Promise<IDataObject[]> {
	const { paging, recordsPath } = listOf(spec);
	const plan = { limit: reading.limit ?? Infinity, pageSize: reading.pageSize ?? paging.maxPageSize, startAt: reading.startAt ?? firstPosition(paging) };
	return await collectPages(paging, recordsPath, request, plan, fetchPage, reading);
}

/**
 * One page of an operation's list for an editor picker, which shows a page at a time: the page the
 * token names (none: the first), and the token of the next page (none when this was the last).
 */
export async function readPickerPage(
	spec: OperationSpec,
	request: BuiltRequest,
	paginationToken: string | undefined,
	pageSize: number,
	fetchPage: (request: BuiltRequest) => Promise<IDataObject>,
): Promise<{ records: IDataObject[]; paginationToken?: string }> {
	const { paging, recordsPath } = listOf(spec);
	const position = Number(paginationToken) || firstPosition(paging);
	const page = await vendorPages(paging, recordsPath, request, fetchPage)(position, pageSize);
	const next = nextPosition(paging.style, position, pageSize, page);
	return { records: page.records, paginationToken: next === undefined ? undefined : String(next) };
}
