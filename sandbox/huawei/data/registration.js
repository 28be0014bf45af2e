'use strict';
/**
 * Registration state (reference 5.1-5.3): e-mail verification codes and their send history,
 * the mobile number that already has the maximum number of accounts, and the counters behind
 * generated account names and customer ids.
 */
const { createRng } = require('../../prng');

/** Already has MAX_ACCOUNTS_PER_MOBILE accounts, so check-identity answers `used_by_user`. */
const FULL_MOBILE = '0049-15199999999';
const MAX_ACCOUNTS_PER_MOBILE = 5;
const SENDS_PER_HOUR = 15;
const SENDS_PER_DAY = 60;
const MAX_CODE_FAILURES = 3;

function createRegistration({ seed }) {
	/** @type {Map<string, {code: string, sentMs: number, expiresMs: number, failures: number, used: boolean}>} by e-mail, lower-cased */
	const codes = new Map();
	/** @type {Map<string, number[]>} send times per e-mail (ms), for the 15/hour and 60/day limits */
	const sends = new Map();
	let codeCounter = 0;
	let idCounter = 0;

	return {
		FULL_MOBILE,
		MAX_ACCOUNTS_PER_MOBILE,
		SENDS_PER_HOUR,
		SENDS_PER_DAY,
		MAX_CODE_FAILURES,
		codes,
		/** Send times of an e-mail within the last day (older ones dropped). */
		recentSends(email, nowMs) {
			const list = (sends.get(email) || []).filter((t) => nowMs - t < 24 * 3600 * 1000 && t <= nowMs);
			sends.set(email, list);
			return list;
		},
		recordSend(email, nowMs) {
			this.recentSends(email, nowMs).push(nowMs);
		},
		/** Deterministic 6-digit code for the next e-mail. */
		nextCode: (email) => createRng(seed, 'hw-verification-code', email, codeCounter++).digits(6),
		/** A fresh 32-hex account id for a created customer. */
		nextCustomerId: () => createRng(seed, 'hw-new-customer-id', idCounter++).hex(32),
		/** A generated 32-character login name (letter first), for creates without domain_name. */
		generatedName() {
			const rng = createRng(seed, 'hw-generated-name', idCounter);
			return 'hw' + rng.hex(30);
		},
	};
}

module.exports = { createRegistration, FULL_MOBILE };
