import { cancellableSleep, untilSettledOrStopped } from './cancellableSleep';
import { stopReasonOf } from './stopping';

export interface AdaptiveLimiterSettings {
	/** The vendor's window: limits are "N per second". */
	windowMs: number;
	/**
	 * Extra time per window that absorbs jitter between our starts and the vendor's arrivals
	 * (network, TLS set-up, a busy machine signing several calls at once): 50 ms costs 5% of the
	 * limit and avoids throttling answers, which would cost more.
	 */
	marginMs: number;
	/** Share of the rate kept after a throttling answer (multiplicative decrease). */
	decreaseFactor: number;
	/**
	 * How fast the rate climbs back after a cut: the share of the ceiling won back per second
	 * right after it, growing by `recoveryGrowthPerSecond` each second without throttling.
	 */
	recoveryPerSecond: number;
	recoveryGrowthPerSecond: number;
	/** Lowest rate, as a share of the ceiling, so a busy account still makes progress. */
	floorShare: number;
}

const DEFAULT_LIMITER_SETTINGS: AdaptiveLimiterSettings = {
	windowMs: 1000,
	marginMs: 50,
	// A throttling answer means the account is over its limit now: cut, then climb back slowly, so
	// that processes sharing an account spend most of the time just under the limit (few calls
	// turned away) rather than swinging over it every second. Chosen with bench/shared-account.js
	// (three processes on one key, 150 and 600 ms away): see its figures in the changelog.
	decreaseFactor: 0.75,
	recoveryPerSecond: 0.02,
	recoveryGrowthPerSecond: 0.002,
	floorShare: 1 / 16,
};

/**
 * A slowed-down rate, rounded down to whole calls per window (a rate below one is kept: one call
 * every few windows).
 *
 * Why whole calls: every process paces on the same period, window + margin, so a process sending
 * q calls per period, evenly spaced, repeats the same pattern every period. Patterns that repeat on
 * one common period never put more calls in any window than the sum of their q, whatever their
 * phases: processes sharing an account whose whole-call rates add up to the limit are never turned
 * away. At 1.67 calls per second a process sends 1 call in some windows and 2 in others, and three
 * of them collide in the vendor's sliding window whenever their phases line up.
 */
export function wholeCallsPerWindow(rate: number): number {
	return rate >= 1 ? Math.floor(rate + 1e-9) : rate;
}

/** The time source and the wait the limiter uses; tests give it a clock they control. */
export interface LimiterClock {
	now: () => number;
	sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What the limiter knows about one account and action. */
interface PaceState {
	/** Earliest time the next call may start. */
	nextAt: number;
	/** Settles when the last caller in line has started (or left): callers start in arrival order. */
	line: Promise<void>;
	/** Callers in line or waiting for their start: an entry with any is never dropped. */
	waiting: number;
	/** The documented rate the last caller gave (0: none published). */
	documented: number;
	/** Starts in the last window, for learning what an action with no published limit accepts. */
	recentStarts: number[];
	/** Rate right after the last decrease, and when it happened; it climbs back from there. */
	rateAfterDecrease?: number;
	decreasedAt?: number;
	/**
	 * For an action with no published limit, the rate the vendor was seen to accept when it first
	 * throttled; the learned ceiling is dropped once the rate has climbed back to it.
	 */
	learnedCeiling?: number;
}

/** Real time, for the process-wide limiter. */
export const REAL_LIMITER_CLOCK: LimiterClock = { now: () => Date.now(), sleep: cancellableSleep };

/**
 * Keeps calls under a vendor's per-second limit, per key (account and action), and learns: a
 * throttling answer means someone else uses the same account (another n8n worker, another tool),
 * so the rate drops by `decreaseFactor` and climbs back linearly while no more throttling comes.
 * Processes that cannot talk to each other converge on a share of the limit this way, as TCP
 * senders share a link.
 *
 * Calls start evenly spaced, (window + margin) / rate apart, rather than in bursts of N: with
 * many calls in flight, a burst leaves the machine over tens of milliseconds (signing, n8n's
 * request set-up), so it reaches the vendor spread out and the next burst collides with its tail
 * in the vendor's sliding window. Spaced calls keep any N consecutive ones more than a window apart.
 *
 * Entries are dropped once idle (nothing waiting, the last start a window ago, no slowdown left to
 * remember), so memory follows the keys in use, not every key ever used. A dropped entry comes
 * back as a fresh one, which starts no faster than the dropped one could have gone on.
 */
export class AdaptiveRateLimiter {
	private readonly states = new Map<string, PaceState>();
	private readonly settings: AdaptiveLimiterSettings;
	private clock: LimiterClock;
	private lastSweepAt = -Infinity;

	constructor(settings: Partial<AdaptiveLimiterSettings> = {}, now: () => number = Date.now, sleep = cancellableSleep) {
		this.settings = { ...DEFAULT_LIMITER_SETTINGS, ...settings };
		this.clock = { now, sleep };
	}

	/** Paces on another clock from now on (tests run the process-wide limiter on a clock they control). */
	useClock(clock: LimiterClock): void {
		this.clock = clock;
		this.reset();
	}

	/** The time on the limiter's clock (a poll's read deadline is measured on it too). */
	now(): number {
		return this.clock.now();
	}

	/** Entries held now (for tests: memory follows the keys in use). */
	get size(): number {
		return this.states.size;
	}

	private stateOf(key: string, documented: number): PaceState {
		let state = this.states.get(key);
		if (!state) {
			state = { nextAt: 0, line: Promise.resolve(), waiting: 0, documented, recentStarts: [] };
			this.states.set(key, state);
		}
		state.documented = documented;
		return state;
	}

	/** The ceiling in force: the documented limit, or what was learned for an unlimited action. */
	private ceilingOf(state: PaceState, documented: number): number {
		return documented > 0 ? documented : state.learnedCeiling ?? 0;
	}

	/** Calls per second allowed now for `state`; 0 means no limit. Forgets a slowdown once recovered. */
	private rateIn(state: PaceState, documented: number): number {
		const ceiling = this.ceilingOf(state, documented);
		if (!(ceiling > 0)) return 0;
		if (state.rateAfterDecrease === undefined || state.decreasedAt === undefined) return ceiling;
		const seconds = Math.max(0, this.now() - state.decreasedAt) / 1000;
		const rate = this.recoveredRate(state.rateAfterDecrease, ceiling, seconds);
		if (rate < ceiling) return wholeCallsPerWindow(rate);
		// Fully recovered: forget the decrease, and for an unlimited action the learned ceiling too.
		state.rateAfterDecrease = undefined;
		state.decreasedAt = undefined;
		if (!(documented > 0)) {
			state.learnedCeiling = undefined;
			return 0;
		}
		return ceiling;
	}

	/**
	 * The rate `seconds` after a cut to `after`: it climbs slowly at first, since the account was
	 * just over its limit, and faster the longer no throttling answer comes, so an account that
	 * another process stopped using wins the limit back within seconds.
	 */
	private recoveredRate(after: number, ceiling: number, seconds: number): number {
		const { recoveryPerSecond, recoveryGrowthPerSecond } = this.settings;
		return after + ceiling * seconds * (recoveryPerSecond + recoveryGrowthPerSecond * seconds);
	}

	/** Calls per second allowed now under `key`; 0 means no limit. */
	rateOf(key: string, documented: number): number {
		return this.rateIn(this.stateOf(key, documented), documented);
	}

	/** Time between two starts at `rate`, so that any `rate` consecutive starts span more than a window. */
	private intervalAt(rate: number): number {
		return (this.settings.windowMs + this.settings.marginMs) / rate;
	}

	/** Milliseconds to wait before a call under `key` may start; 0 when it may start now. */
	delayFor(key: string, documented: number): number {
		const rate = this.rateOf(key, documented);
		if (!(rate > 0)) return 0;
		return Math.max(0, Math.ceil(this.stateOf(key, documented).nextAt - this.now()));
	}

	/**
	 * Records a start now and returns its time. The next slot follows the schedule rather than the
	 * actual start, so timers firing a little late do not slow the pace; after a pause the schedule
	 * starts again from now.
	 */
	record(key: string, documented: number): number {
		const at = this.now();
		const state = this.stateOf(key, documented);
		state.recentStarts = state.recentStarts.filter((time) => at - time < this.settings.windowMs && time <= at);
		state.recentStarts.push(at);
		const rate = this.rateIn(state, documented);
		if (rate > 0) {
			const interval = this.intervalAt(rate);
			const onSchedule = at - state.nextAt < interval ? state.nextAt : at;
			state.nextAt = onSchedule + interval;
		}
		return at;
	}

	/**
	 * Waits until a call may start, records it and returns when it started. Callers start in the
	 * order they asked, so items and pages reach the vendor in input order when nothing else delays
	 * them; a caller whose run is stopped leaves the line without holding up the ones behind it.
	 */
	async acquire(key: string, documented: number, signal?: AbortSignal): Promise<number> {
		this.dropIdleEntries();
		const state = this.stateOf(key, documented);
		const ahead = state.line;
		let leave: () => void = () => {};
		state.line = new Promise<void>((resolve) => (leave = resolve));
		state.waiting++;
		let myTurn = false;
		try {
			await untilSettledOrStopped(ahead, signal);
			myTurn = true;
			for (;;) {
				if (signal?.aborted) throw stopReasonOf(signal);
				const wait = this.delayFor(key, documented);
				if (wait <= 0) break;
				await this.clock.sleep(wait, signal);
			}
			return this.record(key, documented);
		} finally {
			state.waiting--;
			// Leaving early must not let the next caller overtake the ones still ahead.
			if (myTurn) leave();
			else void ahead.then(leave);
		}
	}

	/**
	 * The vendor throttled a call that started at `startedAt`. Calls that started before the last
	 * decrease were paced at the old rate; counting them again would cut the rate once per call in
	 * flight instead of once per event.
	 */
	throttled(key: string, documented: number, startedAt: number): void {
		// An entry dropped while its call was on the way comes back fresh: the answer still counts.
		const known = this.states.has(key);
		const state = this.stateOf(key, documented);
		if (known && state.decreasedAt !== undefined && startedAt < state.decreasedAt) return;
		const current = this.now();
		if (!(documented > 0) && state.learnedCeiling === undefined) {
			// No published limit: what got through in the last window is what the vendor accepts.
			state.learnedCeiling = Math.max(1, state.recentStarts.filter((at) => current - at < this.settings.windowMs).length);
		}
		const ceiling = this.ceilingOf(state, documented);
		const from = this.rateIn(state, documented) || ceiling;
		state.rateAfterDecrease = Math.max(ceiling * this.settings.floorShare, from * this.settings.decreaseFactor);
		state.decreasedAt = current;
		// The slowdown applies from the next start, not only after slots already promised.
		state.nextAt = Math.max(state.nextAt, current + this.intervalAt(state.rateAfterDecrease));
	}

	/**
	 * An entry is idle when dropping it changes nothing a fresh one would not do more carefully:
	 * nobody waits, the next slot has come, no start falls in the current window (so a fresh entry
	 * cannot add a call to a full window) and no slowdown learned from throttling is left.
	 */
	private isIdle(state: PaceState, now: number): boolean {
		if (state.waiting > 0 || state.nextAt > now) return false;
		if (state.recentStarts.some((at) => now - at < this.settings.windowMs)) return false;
		this.rateIn(state, state.documented); // forgets a slowdown it has recovered from
		return state.rateAfterDecrease === undefined && state.learnedCeiling === undefined;
	}

	/** Drops idle entries, at most once a window, so a sweep costs little however busy the limiter is. */
	private dropIdleEntries(): void {
		const now = this.now();
		if (now - this.lastSweepAt < this.settings.windowMs && now >= this.lastSweepAt) return;
		this.lastSweepAt = now;
		for (const [key, state] of this.states) if (this.isIdle(state, now)) this.states.delete(key);
	}
	/** Forgets everything (tests and benchmarks start from a clean slate). */
	reset(): void {
		this.states.clear();
		this.lastSweepAt = -Infinity;
	}
}

/** One limiter per process: the vendor counts calls per account, not per node or credential record. */
export const vendorRateLimiter = new AdaptiveRateLimiter();
