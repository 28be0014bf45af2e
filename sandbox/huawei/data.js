'use strict';
/**
 * The Huawei sandbox's in-memory data, seeded deterministically.
 *
 * Same seed + same customer count + same anchor = same data. The anchor is the instant "now" the
 * seeded history ends at; it defaults to the start of the current UTC day (sandbox clock), so
 * seeded records are always in the past and stable for a whole day, and it can be pinned
 * (`anchor: '2026-01-01T00:00:00Z'`) for fully reproducible runs.
 */
const { createCustomerStore } = require('./data/customers');
const { createResellers } = require('./data/resellers');
const { createBudgetRecords } = require('./data/budgets');
const { createOrders } = require('./data/orders');
const { createSubscriptions } = require('./data/subscriptions');
const { createBills } = require('./data/bills');
const { createAccounts } = require('./data/accounts');
const { createRegistration } = require('./data/registration');
const { PARTNER_DOMAIN, RESELLER_DOMAIN } = require('./keys');
const { DAY_SEC } = require('./time');

const DEFAULT_SEED = 20250115;
const DEFAULT_CUSTOMERS = 250;

const badRequest = (message) => Object.assign(new Error(message), { status: 400 });

/** Anchor (epoch seconds) from an option: ISO date/time string, epoch ms number, or the current UTC day. */
function resolveAnchor(anchor, nowMs) {
	if (anchor === undefined || anchor === null) return Math.floor(nowMs / 1000 / DAY_SEC) * DAY_SEC;
	const ms = typeof anchor === 'number' ? anchor : Date.parse(anchor);
	if (!Number.isFinite(ms)) throw badRequest('anchor must be an ISO date/time or epoch milliseconds');
	return Math.floor(ms / 1000);
}

/**
 * @param {{ seed?: number|string, customers?: number, anchor?: string|number, nowMs: number }} options
 */
function createHuaweiData({ seed = DEFAULT_SEED, customers = DEFAULT_CUSTOMERS, anchor, nowMs }) {
	if (typeof seed !== 'number' && typeof seed !== 'string') throw badRequest('seed must be a number or a string');
	const anchorSec = resolveAnchor(anchor, nowMs);
	const partner = { id: PARTNER_DOMAIN.id, name: PARTNER_DOMAIN.name, corpName: PARTNER_DOMAIN.corpName, distributor: true };
	const store = createCustomerStore({ seed, count: customers, anchorSec, partnerId: partner.id });
	const resellers = createResellers({ seed, anchorSec, store });
	/** Name and company of the partner a customer belongs to (the main partner or one of its resellers). */
	const ownerInfo = (ownerId) => {
		if (ownerId === partner.id) return { name: partner.name, corpName: partner.corpName };
		const r = resellers.get(ownerId);
		return r ? { name: r.account_name, corpName: r.name } : { name: RESELLER_DOMAIN.name, corpName: RESELLER_DOMAIN.corpName };
	};
	return {
		seed,
		anchorSec,
		options: { seed, customers, anchor: anchor ?? null },
		partner,
		store,
		resellers,
		ownerInfo,
		budgetRecords: createBudgetRecords({ seed }),
		orders: createOrders({ seed, anchorSec, store, partnerId: partner.id, resellers }),
		subscriptions: createSubscriptions({ seed, anchorSec, store }),
		bills: createBills({ seed, anchorSec }),
		accounts: createAccounts({ seed, anchorSec }),
		registration: createRegistration({ seed }),
	};
}

module.exports = { createHuaweiData, DEFAULT_SEED, DEFAULT_CUSTOMERS };
