'use strict';
/**
 * Credit allocations per account. Credits are whole numbers and every allocation expires after at
 * most 12 months (reference 8.1, CONFIRMED), so an account's balance is the sum of the `Remaining`
 * of its allocations that have not expired YET: it is computed from the sandbox clock on every read,
 * and moving the clock forward makes balances fall with no traffic, as the reference warns.
 *
 * Seeded account i has 0-3 allocations with ids ALLOCATION_BASE + 4i + k, generated on demand;
 * about a fifth of the accounts have one expiring within 20 days of the anchor. Accounts whose
 * credit changed keep a materialized list.
 */
const { createRng } = require('../../prng');
const { DAY_MS, addMonths } = require('../dates');

const ALLOCATION_BASE = 5000000;
const STRIDE = 4;
const SIZES = [500, 1000, 2500, 5000, 10000, 25000, 50000];

/** The seeded allocations of account i (created at createdMs), oldest first. */
function seededAllocations(seed, i, createdMs, anchorMs) {
	const rng = createRng(seed, 'credit', i);
	if (rng.chance(0.15)) return [];
	const n = rng.int(1, 3);
	const soon = rng.chance(0.2) ? rng.int(0, n - 1) : -1;
	const out = [];
	for (let k = 0; k < n; k++) {
		const months = rng.pick([12, 12, 12, 6, 3]);
		const credits = rng.pick(SIZES);
		let allocatedMs;
		if (k === soon) {
			allocatedMs = addMonths(anchorMs + rng.int(1, 20) * DAY_MS + rng.int(0, 86399) * 1000, -months);
		} else {
			allocatedMs = anchorMs - rng.int(1, months * 28 - 1) * DAY_MS - rng.int(0, 86399) * 1000;
		}
		if (allocatedMs < createdMs) allocatedMs = createdMs + 3600000;
		const r = rng.next();
		const ratio = r < 0.1 ? 0 : r < 0.25 ? rng.next() * 0.1 : 0.1 + rng.next() * 0.9;
		out.push({
			AllocationId: ALLOCATION_BASE + i * STRIDE + k,
			Credits: credits,
			Remaining: Math.floor(credits * ratio),
			allocatedMs,
			expiryMs: addMonths(allocatedMs, months),
		});
	}
	return out.sort((a, b) => a.allocatedMs - b.allocatedMs || a.AllocationId - b.AllocationId);
}

/**
 * @param {{ seed: number|string, accounts: object, anchorMs: number }} options
 */
function createCreditStore({ seed, accounts, anchorMs }) {
	/** @type {Map<number, object[]>} accounts whose allocations changed (or were added), oldest first */
	const stored = new Map();
	let nextAllocationId = ALLOCATION_BASE + accounts.seedCount * STRIDE + 1;

	function allocationsOf(accountId) {
		if (stored.has(accountId)) return stored.get(accountId);
		const i = accounts.seedIndexOf(accountId);
		if (i < 0) return [];
		return seededAllocations(seed, i, accounts.structure.createdSec[i] * 1000, anchorMs);
	}

	function materialize(accountId) {
		if (!stored.has(accountId)) stored.set(accountId, allocationsOf(accountId).map((a) => ({ ...a })));
		return stored.get(accountId);
	}

	const balanceOf = (list, nowMs) => list.reduce((sum, a) => (a.expiryMs > nowMs ? sum + a.Remaining : sum), 0);

	return {
		/** Every allocation of the account (expired ones too), oldest first, as copies. */
		allocations: (accountId) => allocationsOf(accountId).map((a) => ({ ...a })),
		/** Credits available now: Remaining of the allocations that have not expired. */
		balance: (accountId, nowMs) => balanceOf(allocationsOf(accountId), nowMs),
		/** A new allocation of `credits` expiring `months` calendar months from now. */
		add(accountId, credits, months, nowMs) {
			const allocation = { AllocationId: nextAllocationId++, Credits: credits, Remaining: credits, allocatedMs: nowMs, expiryMs: addMonths(nowMs, months) };
			materialize(accountId).push(allocation);
			return { ...allocation };
		},
		/**
		 * Makes the balance exactly `credits` (control API): the allocations are replaced by one
		 * allocation of that size made now, expiring in 12 months (none at all for 0).
		 */
		set(accountId, credits, nowMs) {
			stored.set(accountId, []);
			if (credits > 0) this.add(accountId, credits, 12, nowMs);
			return balanceOf(stored.get(accountId), nowMs);
		},
		forget(accountId) {
			stored.delete(accountId);
		},
	};
}

module.exports = { createCreditStore, ALLOCATION_BASE };
