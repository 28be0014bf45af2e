'use strict';
/**
 * The sandbox clock: real time plus an adjustable offset.
 *
 * Everything time-dependent (signature freshness, rate-limit windows, "now" for new records)
 * reads this clock, so a test can shift it to provoke AuthFailure.SignatureExpire without
 * faking the client's own clock.
 */
// Captured at load: a test that fakes the process clock (the host's, as the nodes read it) leaves
// the vendors' clock alone, so the two can differ as a partner's machine and a vendor's do.
const realNow = Date.now;

function createClock() {
	let offsetMs = 0;
	return {
		now: () => realNow() + offsetMs,
		nowSec: () => Math.floor((realNow() + offsetMs) / 1000),
		get offsetMs() {
			return offsetMs;
		},
		setOffset(ms) {
			offsetMs = ms;
		},
	};
}

module.exports = { createClock };
