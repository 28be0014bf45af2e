/** One page of a vendor list: its records and the total the vendor reported with it. */
export interface ListPage<T> {
	records: T[];
	total: number;
}

const CONSISTENT_READ_ATTEMPTS = 3;

/**
 * A whole vendor list (or its newest part), read page by page: `readPage(index, offset)` gets page
 * `index` (from 0), `offset` records in. Reading stops at a short page, at the total, or when
 * `enough` says the page reached far enough back. If the total changed while paging (a record came
 * or went), pages may have shifted, so the list is read again, up to three times; a list still
 * moving after that is used as read, and the watermark's de-duplication absorbs the overlap.
 */
export async function readConsistently<T>(
	readPage: (index: number, offset: number) => Promise<ListPage<T>>,
	pageSize: number,
	enough: (page: T[]) => boolean = () => false,
): Promise<T[]> {
	let records: T[] = [];
	for (let attempt = 0; attempt < CONSISTENT_READ_ATTEMPTS; attempt++) {
		records = [];
		const totals = new Set<number>();
		for (let index = 0; ; index++) {
			const page = await readPage(index, records.length);
			totals.add(page.total);
			records.push(...page.records);
			if (enough(page.records) || page.records.length < pageSize || records.length >= page.total) break;
		}
		if (totals.size <= 1) break;
	}
	return records;
}
