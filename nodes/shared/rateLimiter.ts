import { sleep } from 'n8n-workflow';

/**
 * Keeps calls under a vendor's per-second limit: at most `perSecond` starts in any window of one
 * second (plus a small margin for network jitter), per key. Keys name the account and the action,
 * so items, nodes and executions in one process share the account's budget as the vendor does.
 */
export class SlidingWindowLimiter {
	private readonly starts = new Map<string, number[]>();

	constructor(
		private readonly windowMs = 1000,
		private readonly marginMs = 25,
		private readonly now: () => number = Date.now,
	) {}

	/** Milliseconds to wait before a call under `key` may start; 0 when it may start now. */
	delayFor(key: string, perSecond: number): number {
		const span = this.windowMs + this.marginMs;
		const current = this.now();
		const recent = (this.starts.get(key) ?? []).filter((at) => current - at < span);
		this.starts.set(key, recent);
		if (recent.length < perSecond) return 0;
		return recent[recent.length - perSecond] + span - current;
	}

	/** Records a start now. */
	record(key: string): void {
		const list = this.starts.get(key) ?? [];
		list.push(this.now());
		this.starts.set(key, list);
	}

	/** Waits until a call may start, then records it. */
	async acquire(key: string, perSecond: number, signal?: AbortSignal): Promise<void> {
		if (!(perSecond > 0)) return;
		for (;;) {
			const wait = this.delayFor(key, perSecond);
			if (wait <= 0) break;
			if (signal?.aborted) throw new Error('The execution was cancelled');
			await sleep(wait);
		}
		this.record(key);
	}
}

/** One limiter per process: the vendor counts calls per account, not per node. */
export const vendorRateLimiter = new SlidingWindowLimiter();
