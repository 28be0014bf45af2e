/**
 * Reading the trigger's static data back. What a poll finds there may come from an older version,
 * a hand edit or an import; a state the trigger cannot read is reported as unreadable (with the
 * reason, for the log) so the poll starts a fresh baseline instead of failing, flooding or going
 * silent on every poll.
 */
import type { IPollFunctions } from 'n8n-workflow';

import type { WatermarkState } from './watermark';

/** What a poll found: a usable state, nothing at all (first activation), or something unusable. */
export type StoredState<T> = { state: T } | { state: undefined } | { unreadable: string };

/** How long a watermark may lie ahead of the vendor's clock (its services' clocks differ a little). */
export const FUTURE_TOLERANCE_SECONDS = 10 * 60;

const UTC_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
/** dotdigital's watermark: an account id padded to 12 digits, so that it sorts like a number. */
const ID_KEY = /^\d{12}$/;

function isUtcSecond(value: string): boolean {
	if (!UTC_SECOND.test(value)) return false;
	const ms = Date.parse(value);
	// Date.parse rolls 2026-02-30 over to March: only a time that prints back the same is real.
	return Number.isFinite(ms) && new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') === value;
}

/** A short, secret-free picture of a stored value for the log. */
function shape(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (typeof value === 'string') return value.length > 40 ? `text of ${value.length} characters` : JSON.stringify(value);
	if (typeof value === 'object') return 'an object';
	return `${typeof value} ${String(value)}`;
}

/** `now` plus the tolerance, in the watermark's sortable form. */
export function latestAcceptable(now: string): string {
	return new Date(Date.parse(now) + FUTURE_TOLERANCE_SECONDS * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The New Customer state: `{ at, recent: [[id, at], ...], undated?: [id, ...] }`. `at` is '' (nothing
 * seen yet) or, for a time source, a UTC second (no later than `now` plus the tolerance, when `now`,
 * the vendor's time, is given), or for an id source a padded id key; every `recent` entry is a pair
 * of an id and a key of the same form; `undated` lists ids of records that carry no time.
 */
export function readWatermarkState(raw: unknown, on: 'time' | 'id', now?: string): StoredState<WatermarkState> {
	if (raw === undefined) return { state: undefined };
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { unreadable: `the state is ${shape(raw)}, not an object` };
	const { at, recent } = raw as { at?: unknown; recent?: unknown };
	const validKey = on === 'time' ? isUtcSecond : (value: string) => ID_KEY.test(value);
	const form = on === 'time' ? 'a UTC time YYYY-MM-DDTHH:mm:ssZ' : 'a 12-digit id key';
	if (typeof at !== 'string' || (at !== '' && !validKey(at))) return { unreadable: `the watermark is ${shape(at)}, not ${form}` };
	if (on === 'time' && now !== undefined) {
		const future = watermarkInFuture(at, now);
		if (future) return { unreadable: future };
	}
	if (!Array.isArray(recent)) return { unreadable: `the recent customers are ${shape(recent)}, not a list` };
	for (const entry of recent as unknown[]) {
		const valid =
			Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && entry[0] !== '' && typeof entry[1] === 'string' && validKey(entry[1]);
		if (!valid) return { unreadable: `a recent customer entry is ${shape(entry)}, not a pair of an id and ${form}` };
	}
	const { undated } = raw as { undated?: unknown };
	if (undated !== undefined && !(Array.isArray(undated) && undated.every((id) => typeof id === 'string' && id !== ''))) {
		return { unreadable: `the records without a time are ${shape(undated)}, not a list of ids` };
	}
	const state: WatermarkState = { at, recent: (recent as Array<[string, string]>).map(([id, time]) => [id, time]) };
	if (undated !== undefined) state.undated = [...(undated as string[])];
	return { state };
}

/**
 * Why a stored watermark cannot be continued from, when it lies beyond `now` (the vendor's time)
 * plus the tolerance: it would silence the event until the vendor's clock caught up.
 */
export function watermarkInFuture(at: string, now: string): string | undefined {
	return at > latestAcceptable(now) ? `the watermark ${at} lies in the future (now ${now} on the vendor's clock)` : undefined;
}

/** The Low Credit state: `{ low: [id, ...] }`, the ids waiting to recover. */
export function readLowCreditState(raw: unknown): StoredState<{ low: string[] }> {
	if (raw === undefined) return { state: undefined };
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { unreadable: `the state is ${shape(raw)}, not an object` };
	const { low } = raw as { low?: unknown };
	if (!Array.isArray(low)) return { unreadable: `the low customers are ${shape(low)}, not a list` };
	const bad = (low as unknown[]).findIndex((id) => typeof id !== 'string' || id === '');
	if (bad >= 0) return { unreadable: `a low customer entry is ${shape(low[bad])}, not an id` };
	return { state: { low: [...(low as string[])] } };
}

/**
 * Where a poll stopped by its budget carries on (see pollWatermark in poll.ts): a sweep over a list
 * that takes several polls, recording a baseline or finding what is new since the stored watermark.
 */
export interface ResumePoint {
	sweep: 'baseline' | 'new';
	/** Where the next read starts: `[part, position]` (absent: from the list's start). */
	from?: [number, number];
	/** Ids of the last records read: reading on must meet one again, or the list moved too far. */
	boundary: string[];
	/**
	 * A baseline's watermark so far; for a new-records sweep, the highest the watermark may move
	 * when the sweep completes (`at`, where it started) and the records it emitted so far.
	 */
	watermark: WatermarkState;
}

const isPosition = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/** A resume point: `{ sweep, from?: [part, position], boundary: [id, ...], watermark }`, the watermark read as the event's. */
export function readResumePoint(raw: unknown, on: 'time' | 'id'): StoredState<ResumePoint> {
	if (raw === undefined) return { state: undefined };
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { unreadable: `it is ${shape(raw)}, not an object` };
	const { sweep, from, boundary, watermark } = raw as { sweep?: unknown; from?: unknown; boundary?: unknown; watermark?: unknown };
	if (sweep !== 'baseline' && sweep !== 'new') return { unreadable: `its sweep is ${shape(sweep)}, not "baseline" or "new"` };
	if (from !== undefined && !(Array.isArray(from) && from.length === 2 && from.every(isPosition))) {
		return { unreadable: `its position is ${shape(from)}, not a pair of whole numbers` };
	}
	if (!(Array.isArray(boundary) && boundary.every((id) => typeof id === 'string' && id !== ''))) {
		return { unreadable: `its last records are ${shape(boundary)}, not a list of ids` };
	}
	const read = readWatermarkState(watermark, on);
	if ('unreadable' in read) return read;
	if (read.state === undefined) return { unreadable: 'it has no watermark' };
	const point: ResumePoint = { sweep, boundary: [...(boundary as string[])], watermark: read.state };
	if (from !== undefined) point.from = [(from as number[])[0], (from as number[])[1]];
	return { state: point };
}

/** Where a Low Credit reading stopped by its budget carries on, and whether it is still the first (which emits nothing). */
export interface LowCreditResume {
	from: [number, number];
	baseline: boolean;
}

/** A Low Credit resume point: `{ from: [part, position], baseline: true | false }`. */
export function readLowCreditResume(raw: unknown): StoredState<LowCreditResume> {
	if (raw === undefined) return { state: undefined };
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { unreadable: `it is ${shape(raw)}, not an object` };
	const { from, baseline } = raw as { from?: unknown; baseline?: unknown };
	if (!(Array.isArray(from) && from.length === 2 && from.every(isPosition))) return { unreadable: `its position is ${shape(from)}, not a pair of whole numbers` };
	if (typeof baseline !== 'boolean') return { unreadable: `its baseline flag is ${shape(baseline)}, not true or false` };
	return { state: { from: [(from as number[])[0], (from as number[])[1]], baseline } };
}

/**
 * The state to continue from, or undefined for a fresh baseline, exactly as on first activation.
 * An unreadable state is logged as a warning (what was wrong, never a credential), with what the
 * poll does instead.
 */
export function usable<T>(context: IPollFunctions, event: string, read: StoredState<T>, instead = 'starting a fresh baseline'): T | undefined {
	if ('state' in read) return read.state;
	const node = context.getNode();
	context.logger.warn(`${node.name}: the stored ${event} state cannot be read (${read.unreadable}); ${instead}`, {
		node: node.name,
		nodeType: node.type,
		workflowId: context.getWorkflow().id,
	});
	return undefined;
}
