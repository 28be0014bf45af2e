'use strict';
/**
 * Inbound numbers. The platform models them as a dedicated long number, a whole shortcode, or a
 * keyword on a shared shortcode, each with an ISO alpha-3 country (reference 9.3, from the
 * account-level CPaaS API). The reseller's pool holds numbers in GBR, USA and DEU; allocating moves
 * an entry from the pool to an account, releasing moves it back.
 *
 * Numbers are drawn from ranges reserved for fiction or testing where they exist (UK 07700 900xxx,
 * US 555-01xx); the pool is small (about 60 entries) and does not grow with the account count. The
 * first ten seeded accounts (when they exist) start with one number each.
 */
const { createRng } = require('../../prng');
const { DAY_MS } = require('../dates');

/**
 * [CountryIsoCode, dedicated-number generator, shortcode first digits, shortcode length, shared keyword shortcode]
 * @type {Array<[string, (rng: any) => string, string[], number, string]>}
 */
const PLANS = [
	['GBR', (rng) => `447700900${rng.digits(3)}`, ['6', '8'], 5, '88440'],
	['USA', (rng) => `1${rng.pick(['201', '312', '415', '646'])}55501${rng.digits(2)}`, ['2', '5'], 5, '72727'],
	['DEU', (rng) => `491521${rng.digits(7)}`, ['4', '7'], 5, '44844'],
];
const KEYWORDS = ['SALE', 'INFO', 'JOIN', 'WIN', 'PIZZA', 'DEALS', 'BOOK', 'CLUB'];

const keyOf = (number, keyword) => `${number}|${keyword || ''}`;

function generatePool(seed) {
	const entries = [];
	const seen = new Set();
	for (const [country, dedicated, scFirst, scLength, shared] of PLANS) {
		const rng = createRng(seed, 'numbers', country);
		const push = (Number, Keyword, NumberType) => {
			if (seen.has(keyOf(Number, Keyword))) return;
			seen.add(keyOf(Number, Keyword));
			entries.push({ Number, Keyword, CountryIsoCode: country, NumberType });
		};
		for (let n = 0; n < 10; n++) push(dedicated(rng), null, 'Dedicated');
		for (let n = 0; n < 3; n++) {
			const code = rng.pick(scFirst) + rng.digits(scLength - 1);
			if (code !== shared) push(code, null, 'Shortcode'); // a whole shortcode is never also the shared one
		}
		for (const keyword of rng.shuffle(KEYWORDS).slice(0, 6)) push(shared, keyword, 'Keyword');
	}
	return entries;
}

const order = (a, b) =>
	a.CountryIsoCode.localeCompare(b.CountryIsoCode) || a.NumberType.localeCompare(b.NumberType) || a.Number.localeCompare(b.Number) || (a.Keyword || '').localeCompare(b.Keyword || '');

/**
 * @param {{ seed: number|string, accounts: object }} options
 */
function createNumberPool({ seed, accounts }) {
	/** @type {Map<string, {Number: string, Keyword: string|null, CountryIsoCode: string, NumberType: string, AccountId: number|null, allocatedMs: number|null}>} */
	const entries = new Map();
	for (const e of generatePool(seed)) entries.set(keyOf(e.Number, e.Keyword), { ...e, AccountId: null, allocatedMs: null });
	// Seeded allocations: every sixth pool entry goes to one of the first ten seeded accounts.
	const all = [...entries.values()].sort(order);
	for (let i = 0; i < Math.min(10, accounts.seedCount); i++) {
		const e = all[(i * 6) % all.length];
		e.AccountId = accounts.FIRST_SEEDED_ID + i;
		e.allocatedMs = accounts.structure.createdSec[i] * 1000 + DAY_MS;
	}

	const view = (e) => ({ ...e });

	return {
		/** Entries nobody holds, ordered by country, type, number, keyword. */
		available: () => [...entries.values()].filter((e) => e.AccountId === null).sort(order).map(view),
		/** Entries held by an account. */
		allocatedTo: (accountId) => [...entries.values()].filter((e) => e.AccountId === accountId).sort(order).map(view),
		/** The entry for a number (+ keyword), or null. */
		find: (number, keyword) => {
			const e = entries.get(keyOf(number, keyword));
			return e ? view(e) : null;
		},
		/** Every entry with this number (a shared shortcode has one per keyword). */
		withNumber: (number) => [...entries.values()].filter((e) => e.Number === number).map(view),
		allocate(number, keyword, accountId, nowMs) {
			const e = entries.get(keyOf(number, keyword));
			e.AccountId = accountId;
			e.allocatedMs = nowMs;
			return view(e);
		},
		release(number, keyword) {
			const e = entries.get(keyOf(number, keyword));
			e.AccountId = null;
			e.allocatedMs = null;
		},
		/** Returns a removed account's numbers to the pool. */
		forgetAccount(accountId) {
			for (const e of entries.values()) {
				if (e.AccountId === accountId) {
					e.AccountId = null;
					e.allocatedMs = null;
				}
			}
		},
	};
}

module.exports = { createNumberPool };
