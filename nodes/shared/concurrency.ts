import { cancelledError, isStopConsequence, stopReasonOf } from './stopping';
import type { OperationSpec } from './types';

/** How one task of a run ended: done, failed, or never started (stopped or cancelled first). */
export type Settled<T> =
	| { state: 'done'; value: T }
	| { state: 'failed'; error: unknown }
	| { state: 'notStarted' };

export interface OrderedRun<T> {
	/** One entry per task, in task order, whatever order they finished in. */
	settled: Array<Settled<T>>;
	/**
	 * The first task to fail in time with a failure of its own, if one did. Failures that only
	 * followed from a stop (held back, or stopped midway) never count here.
	 */
	firstFailure?: number;
	/**
	 * The run was cut short: tasks were left unstarted because the signal was aborted, or the only
	 * failures were consequences of a stop. A run in which every task started and ended on its own
	 * is not cancelled, even if the signal was aborted meanwhile.
	 */
	cancelled: boolean;
}

/**
 * Runs `task(0)` to `task(count - 1)` with at most `limit` running at once, starting them in
 * order. With `stopOnError`, no task starts after the first failure, and `onFailure` hears of it
 * at once (to hold back calls still waiting for their turn); a cancellation stops new starts too.
 * The running ones are always waited for, so the caller knows how each ended. Tasks that were
 * held back by the stop fail too, but the failure that caused it is the one reported. Once
 * `complete()` says the work is done (a list reached its end), no task starts either, and the
 * tasks left unstarted are not a cancellation.
 */
export async function runInOrder<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
	options: { stopOnError: boolean; signal?: AbortSignal; onFailure?: (error: unknown, index: number) => void; complete?: () => boolean },
): Promise<OrderedRun<T>> {
	const settled: Array<Settled<T>> = Array.from({ length: count }, () => ({ state: 'notStarted' as const }));
	const run: OrderedRun<T> = { settled, cancelled: false };
	let next = 0;
	let heldBack: number | undefined;
	const mayStart = () => {
		const stopped = options.stopOnError && (run.firstFailure !== undefined || heldBack !== undefined);
		return !options.signal?.aborted && !stopped && !options.complete?.() && next < count;
	};
	const worker = async () => {
		while (mayStart()) {
			const index = next++;
			try {
				settled[index] = { state: 'done', value: await task(index) };
			} catch (error) {
				settled[index] = { state: 'failed', error };
				if (isStopConsequence(error)) heldBack ??= index;
				else if (run.firstFailure === undefined) {
					run.firstFailure = index;
					if (options.stopOnError) options.onFailure?.(error, index);
				}
			}
		}
	};
	const workers = Math.max(1, Math.min(limit, count));
	await Promise.all(Array.from({ length: workers }, worker));
	// Aborted with every task started: each ended on its own, so the run is complete, not cut short.
	if (options.signal?.aborted && settled.some((entry) => entry.state === 'notStarted')) run.cancelled = true;
	// Only consequences of a stop failed (the failure was elsewhere): the run stopped, nothing failed here.
	if (run.firstFailure === undefined && heldBack !== undefined) run.cancelled = true;
	return run;
}

/** How a run's end is read (see settleRun). */
export interface RunEnding {
	/** The task whose failure the run reports; by default the first to fail in time. */
	failed?: number;
	/** The error to throw for that failure: the failure itself, told where everything stands. */
	reportFailure?: (error: unknown, index: number) => unknown;
	/** The error to throw when tasks were cut short (a stop or a cancellation) and none failed. */
	cutShort: () => unknown;
	/** Only the first `upTo` tasks count (a list found its end there). */
	upTo?: number;
	/** Failures of their own are kept as entries, not thrown (Continue On Fail). */
	keepFailures?: boolean;
}

/**
 * What a run of `runInOrder` comes to, the same way for items, split calls and pages: the failure
 * that stopped it is thrown (`reportFailure` says where everything stands); a run with any task
 * not done (held back, or cut short by a stop or a cancellation) throws `cutShort()`; otherwise the
 * entries are returned, in order: all done, or, under Continue On Fail, some failed on their own.
 */
export function settleRun<T>(run: OrderedRun<T>, ending: RunEnding): Array<Settled<T>> {
	const entries = run.settled.slice(0, ending.upTo ?? run.settled.length);
	const failed = ending.keepFailures ? undefined : (ending.failed ?? run.firstFailure);
	if (failed !== undefined && failed < entries.length) {
		const error = (entries[failed] as { error: unknown }).error;
		throw ending.reportFailure ? ending.reportFailure(error, failed) : error;
	}
	const kept = (entry: Settled<T>) => entry.state === 'done' || (ending.keepFailures === true && entry.state === 'failed' && !isStopConsequence(entry.error));
	const cutShort = !entries.every(kept);
	if (cutShort) throw ending.cutShort();
	return entries;
}

/** The values of a run whose tasks were all done (see settleRun). */
export function valuesOf<T>(entries: Array<Settled<T>>): T[] {
	return entries.map((entry) => (entry as { value: T }).value);
}

/**
 * The most calls one node run keeps open at once. n8n opens a new connection per request, so a
 * call takes several round trips; with one second's worth of the action's rate in flight, answers
 * taking up to a second still use the whole limit. Actions without a published limit get a
 * modest number, to be a polite client.
 */
export function defaultConcurrency(spec: Pick<OperationSpec, 'rateLimitPerSecond'>): number {
	const rate = spec.rateLimitPerSecond;
	if (!(rate > 0)) return UNLIMITED_ACTION_CONCURRENCY;
	return Math.min(MAX_CONCURRENCY, Math.max(1, Math.ceil(rate)));
}

export const UNLIMITED_ACTION_CONCURRENCY = 5;
/** Upper bound of the Max Concurrent Requests option. */
export const MAX_CONCURRENCY = 50;

/**
 * A counting semaphore for the calls of one node run: items, pages and split calls all take a
 * slot for each call, so together they never keep more than `size` requests open.
 */
export class RequestSlots {
	private active = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(readonly size: number) {}

	/** Runs `work` once a slot is free; if `signal` aborts while it waits, it never runs. */
	async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
		await this.take(signal);
		try {
			return await work();
		} finally {
			this.give();
		}
	}

	private async take(signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) throw stopReasonOf(signal);
		if (this.active < this.size) {
			this.active++;
			return;
		}
		// A signal of its own per waiter (see untilSettledOrStopped): many calls can wait on one signal.
		const own = signal ? AbortSignal.any([signal]) : undefined;
		await new Promise<void>((resolve, reject) => {
			const onAbort = () => {
				const at = this.waiting.indexOf(grant);
				if (at >= 0) this.waiting.splice(at, 1);
				reject(signal ? stopReasonOf(signal) : cancelledError());
			};
			const grant = () => {
				own?.removeEventListener('abort', onAbort);
				resolve();
			};
			own?.addEventListener('abort', onAbort, { once: true });
			this.waiting.push(grant);
		});
	}

	private give(): void {
		const grant = this.waiting.shift();
		// The slot passes straight to the next waiter, so `active` stays the same.
		if (grant) grant();
		else this.active--;
	}
}

/** "1, 2, 5-9": item numbers (counted from 1) as short ranges, for messages. */
export function itemRanges(indices: number[]): string {
	const numbers = [...indices].sort((a, b) => a - b).map((index) => index + 1);
	const ranges: string[] = [];
	for (let start = 0; start < numbers.length; ) {
		let end = start;
		while (end + 1 < numbers.length && numbers[end + 1] === numbers[end] + 1) end++;
		ranges.push(end > start ? `${numbers[start]}-${numbers[end]}` : String(numbers[start]));
		start = end + 1;
	}
	return ranges.join(', ');
}
