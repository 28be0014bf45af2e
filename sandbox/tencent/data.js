'use strict';
/**
 * The Tencent sandbox's in-memory data, seeded deterministically.
 *
 * Same seed + same customer count + same anchor = same data. The anchor is the instant "now" the
 * seeded history ends at; it defaults to the start of the current UTC day (sandbox clock), so
 * seeded customers are always in the past and data is stable for a whole day, and it can be
 * pinned (`anchor: '2026-11-01'`) for fully reproducible runs.
 */
const { createCustomerDirectory } = require('./data/customers');
const { createCreditBook } = require('./data/credit');
const { createResellers } = require('./data/resellers');
const { createOnboarding } = require('./data/onboarding');
const { createVouchers } = require('./data/vouchers');
const { createBills } = require('./data/bills');
const { PARTNER_UIN } = require('./keys');
const { DAY_SEC } = require('./time');

const DEFAULT_SEED = 20220928;
const DEFAULT_CUSTOMERS = 300;

/** Anchor (epoch seconds) from an option: ISO date/time string, epoch ms number, or the current UTC day. */
function resolveAnchor(anchor, nowMs) {
	if (anchor === undefined || anchor === null) return Math.floor(nowMs / 1000 / DAY_SEC) * DAY_SEC;
	const ms = typeof anchor === 'number' ? anchor : Date.parse(anchor);
	if (!Number.isFinite(ms)) throw Object.assign(new Error('anchor must be an ISO date/time or epoch milliseconds'), { status: 400 });
	return Math.floor(ms / 1000);
}

/**
 * @param {{ seed?: number|string, customers?: number, anchor?: string|number, nowMs: number }} options
 */
function createTencentData({ seed = DEFAULT_SEED, customers = DEFAULT_CUSTOMERS, anchor, nowMs }) {
	if (!Number.isInteger(customers) || customers < 0) throw Object.assign(new Error('customers must be an integer >= 0'), { status: 400 });
	if (typeof seed !== 'number' && typeof seed !== 'string') throw Object.assign(new Error('seed must be a number or a string'), { status: 400 });
	const anchorSec = resolveAnchor(anchor, nowMs);
	let directory;
	try {
		directory = createCustomerDirectory({ seed, count: customers, anchorSec });
	} catch (e) {
		throw Object.assign(e, { status: 400 });
	}
	const resellers = createResellers({ seed, anchorSec });
	const credit = createCreditBook({ seed, anchorSec, directory, subAgentCents: resellers.creditCents });
	return {
		seed,
		anchorSec,
		options: { seed, customers, anchor: anchor ?? null },
		partner: { uin: PARTNER_UIN, name: 'Sandbox Distributor Ltd', accountType: 2 },
		directory,
		resellers,
		credit,
		onboarding: createOnboarding({ seed, anchorSec, directory }),
		vouchers: createVouchers({ seed, anchorSec, directory, partnerUin: PARTNER_UIN }),
		bills: createBills({ seed, anchorSec, directory, partnerUin: PARTNER_UIN }),
	};
}

module.exports = { createTencentData, DEFAULT_SEED, DEFAULT_CUSTOMERS };
