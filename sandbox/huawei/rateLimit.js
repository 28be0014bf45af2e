'use strict';
/**
 * Flow control (reference 4.3): 10 requests per second per API per caller, as a sliding window of
 * 1000 ms per (caller, API). Only accepted requests occupy the window, so a client that backs off
 * after APIG.0308 gets through again once its older calls age out.
 */
const WINDOW_MS = 1000;
const LIMIT_PER_SECOND = 10;

/**
 * @param {{ now(): number }} clock sandbox clock
 * @param {{ enabled: boolean }} settings shared switch (the control API turns limits off and on)
 */
function createRateLimiter(clock, settings) {
	/** @type {Map<string, number[]>} accepted request times per key, oldest first */
	let windows = new Map();
	return {
		LIMIT_PER_SECOND,
		/** Records the request and returns true if it is within the limit. */
		allow(caller, api) {
			if (!settings.enabled) return true;
			const now = clock.now();
			const key = `${caller}\u0000${api}`;
			let times = windows.get(key);
			if (!times) windows.set(key, (times = []));
			// Entries from the "future" only exist after the sandbox clock was moved back: drop them too.
			while (times.length && (now - times[0] >= WINDOW_MS || times[0] > now)) times.shift();
			if (times.length >= LIMIT_PER_SECOND) return false;
			times.push(now);
			return true;
		},
		reset() {
			windows = new Map();
		},
	};
}

module.exports = { createRateLimiter, WINDOW_MS, LIMIT_PER_SECOND };
