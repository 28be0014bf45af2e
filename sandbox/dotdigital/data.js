'use strict';
/**
 * The dotdigital sandbox's in-memory data, seeded deterministically.
 *
 * Same seed + same account count + same anchor = same data. The anchor is the instant the seeded
 * history ends at; by default the start of the current UTC day (sandbox clock), so seeded records
 * are in the past and stable for the whole day; pin it (`anchor: '2026-01-01'`) for byte-identical
 * runs. Seeding 100 000 accounts only fills three typed arrays; everything else is generated on use.
 */
const { createAccountStore } = require('./data/accounts');
const { createUserStore } = require('./data/users');
const { createCreditStore } = require('./data/credit');
const { createActivity } = require('./data/activity');
const { createNumberPool } = require('./data/numbers');
const { DAY_MS } = require('./dates');

const DEFAULT_SEED = 20180123;
const DEFAULT_ACCOUNTS = 40;

const badRequest = (message) => Object.assign(new Error(message), { status: 400 });

/** Anchor (epoch ms) from an option: ISO date/time string, epoch ms number, or the current UTC day. */
function resolveAnchor(anchor, nowMs) {
	if (anchor === undefined || anchor === null) return Math.floor(nowMs / DAY_MS) * DAY_MS;
	const ms = typeof anchor === 'number' ? anchor : Date.parse(anchor);
	if (!Number.isFinite(ms)) throw badRequest('anchor must be an ISO date/time or epoch milliseconds');
	return ms;
}

/**
 * @param {{ seed?: number|string, accounts?: number, anchor?: string|number, nowMs: number }} options
 */
function createDotdigitalData({ seed = DEFAULT_SEED, accounts: count = DEFAULT_ACCOUNTS, anchor, nowMs }) {
	if (typeof seed !== 'number' && typeof seed !== 'string') throw badRequest('seed must be a number or a string');
	const anchorMs = resolveAnchor(anchor, nowMs);
	let accounts;
	try {
		accounts = createAccountStore({ seed, count, anchorMs });
	} catch (e) {
		throw badRequest(e.message);
	}
	return {
		seed,
		anchorMs,
		options: { seed, accounts: count, anchor: anchor ?? null },
		accounts,
		users: createUserStore({ seed, accounts }),
		credit: createCreditStore({ seed, accounts, anchorMs }),
		activity: createActivity({ seed, accounts, anchorMs }),
		numbers: createNumberPool({ seed, accounts }),
	};
}

module.exports = { createDotdigitalData, DEFAULT_SEED, DEFAULT_ACCOUNTS };
