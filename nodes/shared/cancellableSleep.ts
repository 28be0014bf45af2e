import { sleep } from 'n8n-workflow';

import { stopReasonOf } from './stopping';

/**
 * Waits for `promise`, or rejects as soon as `signal` aborts (the execution was cancelled or the
 * run stopped). Each waiter listens on a signal of its own that follows `signal`: many calls of one
 * run can wait at once, and Node warns when one signal has more than ten listeners.
 */
export async function untilSettledOrStopped(promise: Promise<void>, signal?: AbortSignal): Promise<void> {
	if (!signal) return await promise;
	if (signal.aborted) throw stopReasonOf(signal);
	const own = AbortSignal.any([signal]);
	let onAbort: () => void = () => {};
	const aborted = new Promise<never>((_, reject) => {
		onAbort = () => reject(stopReasonOf(signal));
		own.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([promise, aborted]);
	} finally {
		own.removeEventListener('abort', onAbort);
	}
}

/**
 * A wait that ends early, by rejecting, when the execution is cancelled or the run stopped. A wait
 * that ends early also clears its timer: a long wait (an hour between download checks) must not
 * keep a timer, and the process, alive after the run ended.
 */
export async function cancellableSleep(ms: number, signal?: AbortSignal): Promise<void> {
	const timer = new AbortController();
	try {
		await untilSettledOrStopped(sleep(ms, timer.signal).catch(() => undefined), signal);
	} finally {
		timer.abort();
	}
}
