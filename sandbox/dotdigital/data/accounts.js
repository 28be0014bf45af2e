'use strict';
/**
 * The account tree, stored compactly so that 100 000 seeded accounts cost a few hundred KB.
 *
 * Account 1000 is the reseller; seeded customer accounts are 10001.. (index i -> 10001 + i), each
 * under the reseller or under an earlier seeded account (grandchildren, at most 3 levels deep).
 * Only their parent, creation time and status live in typed arrays, drawn from one sequential
 * stream; every other member comes from the account's own PRNG stream on demand. An account is
 * "materialized" into an object the first time it changes. Accounts 500-503 belong to ANOTHER
 * reseller: they exist, so calls naming them get SecurityFaultContract rather than "not found".
 */
const { createRng } = require('../../prng');
const { DAY_MS } = require('../dates');
const N = require('./names');
const { RESELLER_ACCOUNT_ID } = require('../keys');

const FIRST_SEEDED_ID = 10001;
const MAX_ACCOUNTS = 1000000;
const FOREIGN_RESELLER_ID = 500;

/** Parent, creation time and status of `count` seeded accounts (creation time grows with the id). */
function generateStructure(seed, count, anchorMs) {
	const parent = new Int32Array(count);
	const depth = new Uint8Array(count);
	const createdSec = new Uint32Array(count);
	const suspended = new Uint8Array(count);
	const rng = createRng(seed, 'account-structure');
	// Fixed number of draws per account, so account i looks the same whatever the count.
	for (let i = 0; i < count; i++) {
		const nested = rng.next() < 0.25 && i >= 3;
		const j = Math.floor(rng.next() * i);
		suspended[i] = rng.next() < 0.08 ? 1 : 0;
		if (nested && depth[j] < 3) {
			parent[i] = FIRST_SEEDED_ID + j;
			depth[i] = depth[j] + 1;
		} else {
			parent[i] = RESELLER_ACCOUNT_ID;
			depth[i] = 1;
		}
	}
	// Creation times spread over the five years before the anchor, non-decreasing with the id.
	const anchorSec = Math.floor(anchorMs / 1000);
	const start = anchorSec - 5 * 365 * 86400 + rng.int(0, 86399);
	const span = anchorSec - rng.int(3600, 36000) - start;
	const steps = new Float64Array(count);
	for (let i = 1; i < count; i++) steps[i] = steps[i - 1] + 0.2 + 1.6 * rng.next();
	const total = steps[count - 1] || 1;
	for (let i = 0; i < count; i++) createdSec[i] = start + Math.floor((steps[i] / total) * span);
	return { parent, createdSec, suspended };
}

/** Role ids applied to seeded account i (none for about half of them). */
function seededAccountRoles(rng) {
	const r = rng.next();
	if (r < 0.5) return [];
	if (r < 0.8) return [2];
	return [2, 3];
}

/** The first draws of an account's stream: its name (kept first so nameOf() can stop there). */
const seededName = (rng) => `${rng.pick(N.COMPANY_WORDS)} ${rng.pick(N.COMPANY_KINDS)} ${rng.pick(N.COMPANY_SUFFIXES)}`;

function generateAccount(seed, i, structure) {
	const rng = createRng(seed, 'account', i);
	const name = seededName(rng);
	const locale = rng.pick(N.LOCALES);
	return {
		AccountId: FIRST_SEEDED_ID + i,
		AccountName: name,
		ParentAccountId: structure.parent[i],
		Status: structure.suspended[i] ? 'Suspended' : 'Active',
		createdMs: structure.createdSec[i] * 1000,
		CompanyName: rng.chance(0.7) ? name : null,
		CountryIsoCode: locale[0],
		TimeZone: locale[1],
		Notes: rng.pick(N.NOTES) || null,
		RoleIds: seededAccountRoles(rng),
		locale: N.LOCALES.indexOf(locale),
		source: 'seed',
	};
}

/** The accounts that exist whatever the seed: the reseller and another reseller's small tree. */
function fixedAccounts(anchorMs) {
	const at = (days) => anchorMs - days * DAY_MS + 37 * 60000;
	const base = { CompanyName: null, Notes: null, RoleIds: [], locale: 0, source: 'fixed', Status: 'Active', CountryIsoCode: 'GBR', TimeZone: 'GMT Standard Time' };
	return [
		{ ...base, AccountId: RESELLER_ACCOUNT_ID, AccountName: 'Sandbox Reseller Ltd', CompanyName: 'Sandbox Reseller Ltd', ParentAccountId: null, createdMs: at(6 * 365), RoleIds: [1] },
		{ ...base, AccountId: FOREIGN_RESELLER_ID, AccountName: 'Other Reseller plc', ParentAccountId: null, createdMs: at(4 * 365) },
		{ ...base, AccountId: 501, AccountName: 'Other Customer One Ltd', ParentAccountId: FOREIGN_RESELLER_ID, createdMs: at(3 * 365) },
		{ ...base, AccountId: 502, AccountName: 'Other Customer Two Ltd', ParentAccountId: FOREIGN_RESELLER_ID, createdMs: at(2 * 365) },
		{ ...base, AccountId: 503, AccountName: 'Other Customer Three Ltd', ParentAccountId: 501, createdMs: at(365) },
	];
}

/**
 * @param {{ seed: number|string, count: number, anchorMs: number }} options
 */
function createAccountStore({ seed, count, anchorMs }) {
	if (!Number.isInteger(count) || count < 0 || count > MAX_ACCOUNTS) throw new RangeError(`accounts must be an integer 0..${MAX_ACCOUNTS}`);
	const structure = generateStructure(seed, count, anchorMs);
	/** @type {Map<number, object>} materialized seeded accounts, fixed accounts and added accounts */
	const stored = new Map();
	/** seeded ids that were removed (kept even if the id is re-added, so seeded users/credit stay gone) */
	const removed = new Set();
	/** ascending ids of every non-seeded account (fixed, added, re-added) */
	let extraIds = [];
	let highestId = FIRST_SEEDED_ID + count - 1;

	const rawIndex = (id) => (Number.isInteger(id) && id >= FIRST_SEEDED_ID && id < FIRST_SEEDED_ID + count ? id - FIRST_SEEDED_ID : -1);
	/** Index of a seeded account that is still the original seeded one, else -1. */
	const seedIndexOf = (id) => {
		const i = rawIndex(id);
		return i >= 0 && !removed.has(id) ? i : -1;
	};

	/** The live account object (callers must not mutate it), or null. */
	function peek(id) {
		const s = stored.get(id);
		if (s) return s;
		const i = seedIndexOf(id);
		return i >= 0 ? { ...generateAccount(seed, i, structure), seedIndex: i } : null;
	}

	/** Parent id, null for a root, undefined when there is no such account (cheap for seeded ones). */
	function parentOf(id) {
		const s = stored.get(id);
		if (s) return s.ParentAccountId;
		const i = seedIndexOf(id);
		return i >= 0 ? structure.parent[i] : undefined;
	}

	/** True for the reseller's own account and every account below it. */
	function isManaged(id) {
		let current = id;
		for (let hops = 0; hops < 64; hops++) {
			if (current === RESELLER_ACCOUNT_ID) return true;
			const p = parentOf(current);
			if (p === undefined || p === null) return false;
			current = p;
		}
		return false;
	}

	function insertExtra(id) {
		let lo = 0;
		let hi = extraIds.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (extraIds[mid] < id) lo = mid + 1;
			else hi = mid;
		}
		if (extraIds[lo] !== id) extraIds.splice(lo, 0, id);
	}

	function add(account) {
		if (peek(account.AccountId)) throw Object.assign(new Error(`account ${account.AccountId} already exists`), { status: 409 });
		stored.set(account.AccountId, { ...account });
		insertExtra(account.AccountId);
		highestId = Math.max(highestId, account.AccountId);
		return { ...account };
	}

	for (const a of fixedAccounts(anchorMs)) add(a);

	return {
		RESELLER_ACCOUNT_ID,
		FIRST_SEEDED_ID,
		seedCount: count,
		structure,
		seedIndexOf,
		has: (id) => peek(id) !== null,
		/** A copy of the account, or null. */
		get(id) {
			const a = peek(id);
			return a ? { ...a, RoleIds: a.RoleIds.slice() } : null;
		},
		parentOf,
		isManaged,
		/** AccountName without building the whole account (GetAccounts' Name filter over 100 000 accounts). */
		nameOf(id) {
			const s = stored.get(id);
			if (s) return s.AccountName;
			const i = seedIndexOf(id);
			if (i < 0) return undefined;
			return seededName(createRng(seed, 'account', i));
		},
		/** Status straight from the typed array for untouched seeded accounts. */
		statusOf(id) {
			const s = stored.get(id);
			if (s) return s.Status;
			const i = seedIndexOf(id);
			if (i < 0) return undefined;
			return structure.suspended[i] ? 'Suspended' : 'Active';
		},
		add,
		/** Applies `changes` (materializing a seeded account first); returns the updated copy or null. */
		update(id, changes) {
			const current = peek(id);
			if (!current) return null;
			const next = { ...current, ...changes };
			stored.set(id, next);
			return { ...next, RoleIds: next.RoleIds.slice() };
		},
		/** Removes one account (not its children: see subtreeOf). */
		remove(id) {
			if (!peek(id)) return false;
			stored.delete(id);
			if (rawIndex(id) >= 0) removed.add(id);
			const k = extraIds.indexOf(id);
			if (k >= 0) extraIds.splice(k, 1);
			return true;
		},
		/** An id no account has had yet. */
		nextId() {
			highestId += 1;
			return highestId;
		},
		/**
		 * Calls fn(id) for every managed account below the reseller, ascending by id, until fn
		 * returns false. Seeded ids are walked from the typed arrays, so nothing is generated.
		 */
		forEachManaged(fn) {
			let e = 0;
			for (let i = 0; i <= count; i++) {
				const seededId = i < count ? FIRST_SEEDED_ID + i : Infinity;
				while (e < extraIds.length && extraIds[e] < seededId) {
					const id = extraIds[e++];
					if (id !== RESELLER_ACCOUNT_ID && isManaged(id) && fn(id) === false) return;
				}
				if (i < count && !removed.has(seededId) && fn(seededId) === false) return;
			}
		},
		/** Ids of the direct children of `parentId`, ascending. */
		childrenOf(parentId) {
			const out = [];
			for (let i = 0; i < count; i++) {
				const id = FIRST_SEEDED_ID + i;
				if (structure.parent[i] === parentId && !removed.has(id)) out.push(id);
			}
			for (const id of extraIds) if (stored.get(id).ParentAccountId === parentId) out.push(id);
			return out.sort((a, b) => a - b);
		},
		/**
		 * `id` and every account below it, parents before children. One pass over the seeded
		 * accounts is enough because a seeded account's parent always has a smaller index.
		 */
		subtreeOf(id) {
			if (!peek(id)) return [];
			const tree = new Set([id]);
			for (let i = 0; i < count; i++) {
				const child = FIRST_SEEDED_ID + i;
				if (!removed.has(child) && tree.has(structure.parent[i])) tree.add(child);
			}
			for (let grew = true; grew; ) {
				grew = false;
				for (const extra of extraIds) {
					if (!tree.has(extra) && tree.has(stored.get(extra).ParentAccountId)) {
						tree.add(extra);
						grew = true;
					}
				}
			}
			return [...tree];
		},
		/** Managed accounts below the reseller. */
		get managedCount() {
			let n = count - removed.size;
			for (const id of extraIds) if (id !== RESELLER_ACCOUNT_ID && isManaged(id)) n++;
			// removed seeded ids that were re-added are counted in extraIds already
			return n;
		},
	};
}

module.exports = { createAccountStore, FIRST_SEEDED_ID, MAX_ACCOUNTS, FOREIGN_RESELLER_ID };
