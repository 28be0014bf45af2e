/**
 * "New customer" bookkeeping: a watermark on the association (or creation) time plus the
 * associations seen in a short window before it. Nothing is missed or emitted twice when customers
 * share a time, arrive while a poll pages, or become visible late, and the state stays as small as
 * the window. An association is a customer id with its association time: a customer removed and
 * associated again has a new time, so it is new again; the same association seen twice is not.
 */

/** A customer as the watermark sees it: an id and a sortable time key (`YYYY-MM-DDTHH:mm:ssZ`). */
export interface Stamped {
	id: string;
	at: string;
}

export interface WatermarkState {
	/** Newest time seen so far. */
	at: string;
	/** `[id, at]` of every association seen at or after `at` minus the overlap. */
	recent: Array<[string, string]>;
	/**
	 * Ids of the records listed without a usable time, for a source that lists every current record
	 * on each poll (a pending list): kept while they are listed, so each is emitted once.
	 */
	undated?: string[];
}

/** One association: the same customer associated again at another time is another one. */
const associationKey = (id: string, at: string) => `${id}\u0000${at}`;

/**
 * A vendor's time as the watermark's sortable UTC second (`2026-01-31T08:00:00Z`), or '' when it is
 * not a time: such a record is never taken for new, and never stored.
 */
export function sortableUtc(value: unknown): string {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.test(value.trim())) return '';
	const ms = Date.parse(value.trim());
	return Number.isFinite(ms) ? new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') : '';
}

/** `at` minus `overlapSeconds`, in the same sortable form. */
export function windowStart(at: string, overlapSeconds: number): string {
	if (!overlapSeconds) return at;
	const ms = Date.parse(at);
	if (!Number.isFinite(ms)) return at;
	return new Date(ms - overlapSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The customers not seen before, oldest first, and the state after emitting them. Records older
 * than the window are ignored (they were decided by earlier polls).
 */
export function takeNew<T extends Stamped>(
	records: T[],
	state: WatermarkState,
	overlapSeconds: number,
	ceiling?: string,
): { fresh: T[]; next: WatermarkState } {
	const lower = windowStart(state.at, overlapSeconds);
	const seen = new Set(state.recent.map(([id, at]) => associationKey(id, at)));
	const fresh: T[] = [];
	for (const record of records) {
		const key = associationKey(record.id, record.at);
		if (record.at === '' || record.at < lower || seen.has(key)) continue;
		seen.add(key);
		fresh.push(record);
	}
	fresh.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
	return { fresh, next: advance(state, records, overlapSeconds, ceiling) };
}

/**
 * The state once these records are known: newest time, and the associations inside the window
 * before it. The watermark never passes `ceiling` (a time shortly after now), so a vendor record
 * dated in the future cannot carry it to where no later customer would be new; such a record stays
 * in `recent` until the watermark catches up.
 */
export function advance(state: WatermarkState, records: Stamped[], overlapSeconds: number, ceiling?: string): WatermarkState {
	let at = state.at;
	for (const record of records) if (record.at > at) at = record.at;
	if (ceiling !== undefined && at > ceiling && state.at <= ceiling) at = ceiling;
	const lower = windowStart(at, overlapSeconds);
	const recent = new Map<string, [string, string]>();
	for (const [id, time] of state.recent) if (time >= lower) recent.set(associationKey(id, time), [id, time]);
	for (const record of records) if (record.at !== '' && record.at >= lower) recent.set(associationKey(record.id, record.at), [record.id, record.at]);
	return { at, recent: [...recent.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1)) };
}

/**
 * Records without a time from a source that lists all its current records on every poll: those not
 * known before are new, and the ids still listed are kept (an id that left the list is forgotten,
 * so the state stays as small as the list's undated part).
 */
export function takeUndated<T extends Stamped>(records: T[], known: string[] = []): { fresh: T[]; undated: string[] } {
	const before = new Set(known);
	const undated = new Set<string>();
	const fresh: T[] = [];
	for (const record of records) {
		if (record.at !== '' || undated.has(record.id)) continue;
		undated.add(record.id);
		if (!before.has(record.id)) fresh.push(record);
	}
	return { fresh, undated: [...undated].sort() };
}

/** `state` with its undated ids set (the key left out when there are none, so the state stays as it was). */
export function withUndated(state: WatermarkState, undated: string[]): WatermarkState {
	const next: WatermarkState = { at: state.at, recent: state.recent };
	if (undated.length) next.undated = undated;
	return next;
}
