/**
 * "New customer" bookkeeping: a watermark on the association (or creation) time plus the ids seen
 * in a short window before it. Nothing is missed or emitted twice when customers share a time,
 * arrive while a poll pages, or become visible late, and the state stays as small as the window.
 */

/** A customer as the watermark sees it: an id and a sortable time key (`YYYY-MM-DDTHH:mm:ssZ`). */
export interface Stamped {
	id: string;
	at: string;
}

export interface WatermarkState {
	/** Newest time seen so far. */
	at: string;
	/** `[id, at]` of every customer seen at or after `at` minus the overlap. */
	recent: Array<[string, string]>;
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
): { fresh: T[]; next: WatermarkState } {
	const lower = windowStart(state.at, overlapSeconds);
	const seen = new Set(state.recent.map(([id]) => id));
	const fresh: T[] = [];
	for (const record of records) {
		if (record.at < lower || seen.has(record.id)) continue;
		seen.add(record.id);
		fresh.push(record);
	}
	fresh.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
	return { fresh, next: advance(state, records, overlapSeconds) };
}

/** The state once these records are known: newest time, and the ids inside the window before it. */
export function advance(state: WatermarkState, records: Stamped[], overlapSeconds: number): WatermarkState {
	let at = state.at;
	for (const record of records) if (record.at > at) at = record.at;
	const lower = windowStart(at, overlapSeconds);
	const recent = new Map<string, string>();
	for (const [id, time] of state.recent) if (time >= lower) recent.set(id, time);
	for (const record of records) if (record.at >= lower) recent.set(record.id, record.at);
	return { at, recent: [...recent.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
}
