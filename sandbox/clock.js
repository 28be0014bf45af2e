'use strict';
/**
 * The sandbox clock: real time plus an adjustable offset.
 *
 * Everything time-dependent (signature freshness, rate-limit windows, "now" for new records)
 * reads this clock, so a test can shift it to provoke AuthFailure.SignatureExpire without
 * faking the client's own clock.
 */
function createClock() {
	let offsetMs = 0;
	return {
		now: () => Date.now() + offsetMs,
		nowSec: () => Math.floor((Date.now() + offsetMs) / 1000),
		get offsetMs() {
			return offsetMs;
		},
		setOffset(ms) {
			offsetMs = ms;
		},
	};
}

module.exports = { createClock };
