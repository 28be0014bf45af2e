/** Vendor time stamps relative to now, as the sandbox seeds them, and this machine's clock set apart from the vendors'. */

/** The real time (the sandbox's clock without an offset), whatever a test did to this process's clock. */
const realNow = Date.now;

/** ISO-8601 UTC without milliseconds (`YYYY-MM-DDTHH:mm:ssZ`), `offsetSeconds` from now. */
export const utcAt = (offsetSeconds = 0) => new Date(realNow() + offsetSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** China Standard Time `YYYY-MM-DD HH:mm:ss`, as Tencent writes it, `offsetSeconds` from now. */
export const chinaTimeAt = (offsetSeconds = 0) => new Date(realNow() + offsetSeconds * 1000 + 8 * 3600000).toISOString().replace('T', ' ').slice(0, 19);

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
