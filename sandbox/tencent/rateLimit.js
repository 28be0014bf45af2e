'use strict';
/**
 * Per-action rate limits (reference section 6, newest documented values), as a sliding window of
 * 1000 ms per (SecretId, action). Only accepted requests occupy the window, so a client that backs
 * off after RequestLimitExceeded gets through again once its older calls age out.
 */
const WINDOW_MS = 1000;

/**
 * @param {{ now(): number }} clock sandbox clock
 * @param {{ enabled: boolean }} settings shared switch (the control API turns limits off and on)
 */
function createRateLimiter(clock, settings) {
	/** @type {Map<string, number[]>} accepted request times per key, oldest first */
	let windows = new Map();
	return {
		/** Records the request and returns true if it is within the limit. */
		allow(secretId, action, limitPerSecond) {
			if (!settings.enabled) return true;
			const now = clock.now();
			const key = `${secretId}\u0000${action}`;
			let times = windows.get(key);
			if (!times) windows.set(key, (times = []));
			// Entries from the "future" only exist after the sandbox clock was moved back: drop them too.
			while (times.length && (now - times[0] >= WINDOW_MS || times[0] > now)) times.shift();
			if (times.length >= limitPerSecond) return false;
			times.push(now);
			return true;
		},
		reset() {
			windows = new Map();
		},
	};
}

module.exports = { createRateLimiter, WINDOW_MS };
