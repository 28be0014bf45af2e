/** Vendor time stamps relative to now, as the sandbox seeds them, a clock tests control for pacing, and this machine's clock set apart from the vendors'. */
import { sleep } from 'n8n-workflow';

import type { AdaptiveRateLimiter } from '../../nodes/shared/rateLimiter';
import { REAL_LIMITER_CLOCK, vendorRateLimiter } from '../../nodes/shared/rateLimiter';
import { stopReasonOf } from '../../nodes/shared/stopping';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createRateLimiter } = require('../../sandbox/rateLimit') as {
	createRateLimiter: (clock: { now(): number }, settings: { enabled: boolean }) => { allow(id: string, action: string, limit: number): boolean };
};

/** The real time (the sandbox's clock without an offset), whatever a test did to this process's clock. */
const realNow = Date.now;

/** ISO-8601 UTC without milliseconds (`YYYY-MM-DDTHH:mm:ssZ`), `offsetSeconds` from now. */
export const utcAt = (offsetSeconds = 0) => new Date(realNow() + offsetSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** China Standard Time `YYYY-MM-DD HH:mm:ss`, as Tencent writes it, `offsetSeconds` from now. */
export const chinaTimeAt = (offsetSeconds = 0) => new Date(realNow() + offsetSeconds * 1000 + 8 * 3600000).toISOString().replace('T', ' ').slice(0, 19);

/**
 * A clock the test controls, for pacing: `now()` moves only when the test calls `advance` or,
 * with `autoAdvance` (the default), when the code under test waits on `sleep` (the wait ends at
 * once, with the clock moved to its end). Without it, a wait ends only when the test advances the
 * clock past it (or the wait's signal aborts), so the test decides which call may start when.
 * Pacing decisions then depend on the schedule alone, never on how busy the machine is.
 */
export class ManualClock {
	private current: number;
	private waiting: Array<{ at: number; wake: () => void }> = [];

	constructor(
		start = 1_000_000,
		private readonly autoAdvance = true,
	) {
		this.current = start;
	}

	readonly now = (): number => this.current;

	/** How many waits are under way (they end only when the clock is advanced past them). */
	pending(): number {
		return this.waiting.length;
	}

	/** Advances to the end of the earliest wait under way, so exactly the next paced call may start. */
	advanceToNext(): void {
		if (this.waiting.length === 0) return;
		this.advance(Math.min(...this.waiting.map((waiter) => waiter.at)) - this.current);
	}

	advance(ms: number): void {
		this.current += ms;
		const due = this.waiting.filter((waiter) => waiter.at <= this.current);
		this.waiting = this.waiting.filter((waiter) => waiter.at > this.current);
		for (const waiter of due) waiter.wake();
	}

	readonly sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
		if (signal?.aborted) throw stopReasonOf(signal);
		const at = this.current + Math.max(0, ms);
		if (this.autoAdvance) {
			// Several calls may wait at once: the clock moves to the latest end, never by their sum.
			this.current = Math.max(this.current, at);
			// A macrotask, so other calls of the run get their turn as they would during a real wait.
			await sleep(0);
			return;
		}
		await new Promise<void>((resolve, reject) => {
			const onAbort = () => {
				this.waiting = this.waiting.filter((entry) => entry !== waiter);
				reject(stopReasonOf(signal!));
			};
			const waiter = {
				at,
				wake: () => {
					signal?.removeEventListener('abort', onAbort);
					resolve();
				},
			};
			this.waiting.push(waiter);
			signal?.addEventListener('abort', onAbort, { once: true });
		});
	};
}

/** A start the limiter granted: its key (account and action) and the time on the test's clock. */
export interface PacedStart {
	key: string;
	at: number;
}

/**
 * Runs the process-wide limiter on a ManualClock for one test and records every start it grants,
 * so the test can check the schedule against the vendor's sliding window instead of timing it.
 * `restore()` puts the real clock back.
 */
export function paceOnManualClock(
	limiter: AdaptiveRateLimiter,
	clock = new ManualClock(),
): { clock: ManualClock; starts: PacedStart[]; restore: () => void } {
	const starts: PacedStart[] = [];
	limiter.useClock({ now: clock.now, sleep: clock.sleep });
	const acquire = limiter.acquire;
	limiter.acquire = async (key, documented, signal) => {
		const at = await acquire.call(limiter, key, documented, signal);
		starts.push({ key, at });
		return at;
	};
	return {
		clock,
		starts,
		restore: () => {
			limiter.acquire = acquire;
			limiter.useClock(REAL_LIMITER_CLOCK);
		},
	};
}

/**
 * Runs `work` with the process-wide limiter on a ManualClock (a wait ends at once) and the
 * sandbox's real-time rate limit off, so a busy machine that bunches two calls together cannot get
 * one turned away and asked again: a test counting requests counts the calls the node made. The
 * test judges the pacing with `turnedAway(starts, limit)` instead.
 */
export async function onTestClock<T>(
	sandbox: { control: { setRateLimit(settings: { enabled: boolean }): unknown } },
	work: () => Promise<T>,
): Promise<{ value: T; starts: PacedStart[] }> {
	vendorRateLimiter.reset();
	const paced = paceOnManualClock(vendorRateLimiter);
	sandbox.control.setRateLimit({ enabled: false });
	try {
		return { value: await work(), starts: paced.starts };
	} finally {
		paced.restore();
		sandbox.control.setRateLimit({ enabled: true });
	}
}

/**
 * The starts (in order) the vendor would turn away: the sandbox's own sliding window (only
 * accepted calls occupy it), fed with the times of the test's clock.
 */
export function turnedAway(starts: PacedStart[], limitPerSecond: number): PacedStart[] {
	let now = 0;
	const window = createRateLimiter({ now: () => now }, { enabled: true });
	return starts.filter((start) => {
		now = start.at;
		return !window.allow(start.key, '', limitPerSecond);
	});
}

/** Every timer and clock source except Date, which alone is shifted. */
const NOT_FAKED = [
	'hrtime',
	'nextTick',
	'performance',
	'queueMicrotask',
	'setImmediate',
	'clearImmediate',
	'setInterval',
	'clearInterval',
	'setTimeout',
	'clearTimeout',
] as const;

/**
 * Sets this machine's clock (the one the nodes read: Date) `offsetSeconds` off the real time, while
 * the sandbox's vendors keep theirs (see sandbox/clock.js): a partner's machine ahead of or behind
 * the vendor. The shifted clock keeps running; timers are real. `restoreHostClock` corrects it.
 */
export function setHostClockOffset(offsetSeconds: number): void {
	jest.useFakeTimers({ now: realNow() + offsetSeconds * 1000, advanceTimers: true, doNotFake: [...NOT_FAKED] });
}

/** This machine's clock back to the real time. */
export function restoreHostClock(): void {
	jest.useRealTimers();
}
