'use strict';
/**
 * The vendors' flow control as one sliding window of 1000 ms per (caller, action): Tencent limits
 * each action to its documented rate (reference section 6), Huawei every API to 10 per second
 * (reference 4.3). Only accepted requests occupy the window, so a client that backs off after the
 * throttling answer gets through again once its older calls age out.
 */
const WINDOW_MS = 1000;

/**
 * @param {{ now(): number }} clock sandbox clock
 * @param {{ enabled: boolean }} settings shared switch (the control API turns limits off and on)
 * @param {{ limitPerSecond?: number }} [defaults] the limit of an action that names none
 */
function createRateLimiter(clock, settings, defaults = {}) {
	/** @type {Map<string, number[]>} accepted request times per key, oldest first */
	let windows = new Map();
	return {
		/**
		 * Records the request and returns true if it is within the limit.
		 * @param {string} caller key id or principal the vendor counts by
		 * @param {string} action action or API name
		 * @param {number} [limitPerSecond]
		 */
		allow(caller, action, limitPerSecond = defaults.limitPerSecond) {
			if (!settings.enabled) return true;
			const now = clock.now();
			const key = `${caller}\u0000${action}`;
			let times = windows.get(key);
			if (!times) windows.set(key, (times = []));
			// Entries from the "future" only exist after the sandbox clock was moved back: drop them too.
			while (times.length && (now - times[0] >= WINDOW_MS || times[0] > now)) times.shift();
			if (times.length >= Number(limitPerSecond)) return false;
			times.push(now);
			return true;
		},
		reset() {
			windows = new Map();
		},
	};
}

module.exports = { createRateLimiter, WINDOW_MS };
