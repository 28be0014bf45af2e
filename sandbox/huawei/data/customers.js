'use strict';
/**
 * Customers of the main partner and of its resellers, stored compactly so 100 000 cost a few MB.
 *
 * Seeded direct customers are never stored as objects: customer i is generated on demand from
 * (seed, i), and only its association time (Uint32Array) and association type (Uint8Array) are
 * kept. Its 32-hex customer_id starts with an invertible scramble of i, so an id leads straight
 * back to its index without a 100 000-entry map. Seeded names, e-mails, mobiles and xaccount_ids
 * also carry the index, so uniqueness checks stay O(1). A customer is "materialized" into an object
 * the first time it changes (freeze, budget); resellers' customers and customers added later
 * (control API, CreateSubCustomer) are stored as objects with small lookup maps.
 *
 * Each owner (the partner, each reseller) has one list of entries in ascending (associated_on,
 * customer_id) order: numbers are seed indexes, strings are ids of stored customers. Seeded
 * association times are non-decreasing with the index and ties are sorted by id once, so the
 * list is built without sorting 100 000 records; later customers are inserted by binary search.
 */
const { createRng, hashParts } = require('../../prng');
const { associationTimes } = require('../../associationTimes');
const { formatUtc, DAY_SEC } = require('../time');
const { CUSTOMER_DOMAIN, XACCOUNT_TYPE } = require('../keys');
const N = require('./names');

const MAX_CUSTOMERS = 1000000;
const round2 = (x) => Math.round(x * 100) / 100;

// An odd multiplier is invertible modulo 2^32; its inverse comes from Newton's iteration.
const TAG_MULT = 0x9e3779b1;
const TAG_INV = (() => {
	let inv = TAG_MULT;
	for (let k = 0; k < 5; k++) inv = Math.imul(inv, 2 - Math.imul(TAG_MULT, inv));
	return inv >>> 0;
})();
const hex8 = (n) => (n >>> 0).toString(16).padStart(8, '0');

/** Masks a mobile like `151****0017` (the reference says list phone numbers may be masked). */
const maskMobile = (digits) => (digits.length <= 7 ? digits.replace(/\d(?=\d{2})/g, '*') : `${digits.slice(0, 3)}****${digits.slice(-4)}`);

/** Association times of the seeded customers (see associationTimes). */
function generateTimes(seed, count, anchorSec) {
	return associationTimes(seed, 'hw-association-times', count, anchorSec);
}

/** Association types: seeded customer #0 (the customer key's account) is referral, ~80 % of the rest reseller. */
function generateAssociationTypes(seed, count) {
	const types = new Uint8Array(count);
	const rng = createRng(seed, 'hw-association-types');
	for (let i = 0; i < count; i++) types[i] = i === 0 ? 1 : rng.chance(0.8) ? 3 : 1;
	return types;
}

/** A budget for a reseller-model customer: mostly monthly, some exhausted or nearly so. */
function generateBudget(rng) {
	const budget_type = rng.chance(0.8) ? 'MONTHLY' : 'PACKAGE';
	const budget_amount = round2(rng.pick([100, 200, 250, 500, 1000, 2000, 5000, 10000]) + rng.pick([0, 0, 0, 0.5, 49.99]));
	const r = rng.next();
	const ratio = r < 0.08 ? 1 + rng.next() * 0.2 : r < 0.2 ? 0.9 + rng.next() * 0.1 : rng.next() * 0.9;
	return { budget_amount, used_amount: round2(budget_amount * ratio), budget_type, frozen_operate_type: rng.chance(0.5) ? 1 : 0 };
}

/** Real-name and customer-type fields that belong together. */
function identityFields(rng, company) {
	const v = rng.next();
	const verified_status = v < 0.6 ? '2' : v < 0.8 ? '-1' : v < 0.88 ? '0' : v < 0.94 ? '1' : '3';
	return { verified_status, customer_type: verified_status === '-1' ? -1 : company ? 1 : 0 };
}

/**
 * Fields shared by seeded direct and reseller customers. `n` and `tag` make names, e-mails, mobiles
 * and xaccount_ids unique and (for direct customers) parseable back to the index.
 */
function generatePerson(rng, { n, tag, associatedSec, associationType, ownerId, digitsPad, anchorSec }) {
	// The first two draws make the account name; seededName() relies on that order.
	const first = rng.pick(N.FIRST);
	const last = rng.pick(N.LAST);
	const company = rng.chance(0.55);
	const { verified_status, customer_type } = identityFields(rng, company);
	const [country_code, , prefixes] = rng.pick(N.PHONE_PLANS);
	const digits = rng.pick(prefixes) + tag.replace(/\D/g, '') + String(n).padStart(digitsPad, '0');
	const frozen = associationType === 3 && rng.chance(0.12);
	const viaApi = rng.chance(0.7);
	const record = {
		customer_id: null,
		account_name: `${first}-${last}-${tag}${n}`,
		associated_on: formatUtc(associatedSec),
		associatedSec,
		association_type: String(associationType),
		verified_status,
		country_code,
		telephone: maskMobile(digits),
		mobile: `${country_code}-${digits}`,
		customer_type,
		is_frozen: frozen ? 1 : 0,
		freezeType: frozen ? (rng.chance(0.75) ? 'ACCOUNT' : 'ACCOUNT_AND_RESOURCE') : null,
		customer_level: rng.pick(['V0', 'V0', 'V1', 'V1', 'V2', 'V3', 'V4', 'V5']),
		ownerId,
		budget: null,
		source: 'seed',
	};
	if (verified_status !== '-1') {
		record.customer = company
			? `${rng.pick(N.COMPANY_WORDS)} ${rng.pick(N.COMPANY_KINDS)} ${rng.pick(N.COMPANY_SUFFIXES)}`
			: `${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}`;
	}
	if (rng.chance(0.3)) record.label = rng.pick(N.LABELS);
	if (rng.chance(0.4)) record.account_managers = [{ account_name: rng.pick(N.ACCOUNT_MANAGERS)[0] }];
	if (viaApi) {
		record.xaccount_id = `crm-${tag}${String(n).padStart(6, '0')}`;
		record.xaccount_type = XACCOUNT_TYPE;
	}
	if (rng.chance(0.8)) record.email = `${first}.${last}.${tag}${n}@${rng.pick(N.DOMAINS)}`;
	if (associationType === 3) {
		record.budget = generateBudget(rng);
		// Budget history (data/budgets.js) is generated from the seeded budget, even after it changes.
		record.seedBudget = record.budget;
		record.anchorSec = anchorSec;
	}
	return record;
}

/** The customer key's own account (seeded customer #0): fixed identity so tests can rely on it. */
function customerKeyAccount(record) {
	return {
		...record,
		customer_id: CUSTOMER_DOMAIN.id,
		account_name: CUSTOMER_DOMAIN.name,
		customer: 'Sandbox Customer SARL',
		association_type: '1',
		verified_status: '2',
		customer_type: 1,
		is_frozen: 0,
		freezeType: null,
		email: 'it@sandbox-customer.example',
		country_code: '0033',
		telephone: maskMobile('612345678'),
		mobile: '0033-612345678',
		budget: null,
		seedBudget: null,
	};
}

/**
 * @param {{ seed: number|string, count: number, anchorSec: number, partnerId: string }} options
 */
function createCustomerStore({ seed, count, anchorSec, partnerId }) {
	if (!Number.isInteger(count) || count < 0 || count > MAX_CUSTOMERS) throw Object.assign(new RangeError(`customers must be an integer 0..${MAX_CUSTOMERS}`), { status: 400 });
	const times = generateTimes(seed, count, anchorSec);
	const assoc = generateAssociationTypes(seed, count);
	const mask = hashParts(seed, 'hw-customer-id-mask');
	/** @type {Map<string, object>} materialized seeded customers and every stored customer, by id */
	const stored = new Map();
	/** @type {Set<number>} seed indexes that were removed */
	const removed = new Set();
	/** @type {Map<string, Array<number|string>>} owner id -> entries in (associated_on, customer_id) order */
	const lists = new Map();
	/** lookup maps for stored (non-seeded) customers */
	const byName = new Map();
	const byEmail = new Map();
	const byXaccount = new Map();
	/** @type {Map<string, Set<string>>} */
	const byMobile = new Map();
	let queryCounter = 0;
	/** the highest query count up to which some customer is still hidden (association delay) */
	let hiddenUntil = -1;

	function seededId(i) {
		if (i === 0) return CUSTOMER_DOMAIN.id;
		return hex8((Math.imul(i, TAG_MULT) ^ mask) >>> 0) + createRng(seed, 'hw-customer-id', i).hex(24);
	}

	/** Seed index of a live seeded customer id, else -1. */
	function indexOfId(id) {
		if (typeof id !== 'string') return -1;
		if (id === CUSTOMER_DOMAIN.id) return count > 0 && !removed.has(0) ? 0 : -1;
		if (!/^[0-9a-f]{32}$/.test(id)) return -1;
		const i = Math.imul((parseInt(id.slice(0, 8), 16) ^ mask) >>> 0, TAG_INV) >>> 0;
		if (i < 1 || i >= count || removed.has(i)) return -1;
		return seededId(i) === id ? i : -1;
	}

	function generate(i) {
		const rng = createRng(seed, 'hw-customer', i);
		const record = generatePerson(rng, { n: i + 1, tag: '', associatedSec: times[i], associationType: assoc[i], ownerId: partnerId, digitsPad: 7, anchorSec });
		record.customer_id = seededId(i);
		record.seedIndex = i;
		return i === 0 ? customerKeyAccount(record) : record;
	}

	/** The live record (stored or generated); callers must not mutate it. */
	function peek(id) {
		const s = stored.get(id);
		if (s) return s;
		const i = indexOfId(id);
		return i < 0 ? null : generate(i);
	}

	/** Account name of seed index i without generating the record (the name is the first two draws). */
	function seededName(i) {
		if (i === 0) return CUSTOMER_DOMAIN.name;
		const rng = createRng(seed, 'hw-customer', i);
		return `${rng.pick(N.FIRST)}-${rng.pick(N.LAST)}-${i + 1}`;
	}

	const entryId = (e) => (typeof e === 'number' ? seededId(e) : e);
	/** Account name of an entry (seeded names never change). */
	const entryAccountName = (e) => (typeof e === 'number' ? seededName(e) : stored.get(e).account_name);
	const entryTime = (e) => (typeof e === 'number' ? times[e] : stored.get(e).associatedSec);
	const entryRecord = (e) => (typeof e === 'number' ? stored.get(seededId(e)) || generate(e) : stored.get(e));
	/** Association type without generating the record (seeded types never change). */
	const entryAssociation = (e) => (typeof e === 'number' ? String(assoc[e]) : stored.get(e).association_type);

	/** Position of the first entry not less than (sec, id). */
	function lowerBound(list, sec, id) {
		let lo = 0;
		let hi = list.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			const t = entryTime(list[mid]);
			if (t < sec || (t === sec && id !== null && entryId(list[mid]) < id)) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** Position of the first entry whose time is greater than sec. */
	function upperBound(list, sec) {
		let lo = 0;
		let hi = list.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (entryTime(list[mid]) <= sec) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	// The partner's list: seed indexes in order, each tie group sorted by customer_id.
	const direct = new Array(count);
	for (let i = 0; i < count; i++) direct[i] = i;
	for (let i = 0; i < count; ) {
		let j = i + 1;
		while (j < count && times[j] === times[i]) j++;
		if (j - i > 1) {
			const group = direct.slice(i, j).map((e) => [seededId(e), e]);
			group.sort((a, b) => (a[0] < b[0] ? -1 : 1));
			for (let k = i; k < j; k++) direct[k] = group[k - i][1];
		}
		i = j;
	}
	lists.set(partnerId, direct);

	function index(record, on) {
		const put = (map, key) => (on ? map.set(key, record.customer_id) : map.get(key) === record.customer_id && map.delete(key));
		put(byName, record.account_name.toLowerCase());
		if (record.email) put(byEmail, record.email.toLowerCase());
		if (record.xaccount_id) put(byXaccount, record.xaccount_id);
		if (record.mobile) {
			if (!byMobile.has(record.mobile)) byMobile.set(record.mobile, new Set());
			const set = byMobile.get(record.mobile);
			if (on) set.add(record.customer_id);
			else set.delete(record.customer_id);
		}
	}

	/** A seeded customer whose field equals value (case-insensitive), found via the index in the value. */
	function findSeeded(field, value) {
		const wanted = value.toLowerCase();
		const candidates = [0];
		const patterns = { account_name: /-(\d+)$/, email: /\.(\d+)@/, xaccount_id: /^crm-(\d+)$/, mobile: /-\d*?(\d{7})$/ };
		const m = patterns[field].exec(wanted);
		if (m) candidates.push(Number(m[1]) - 1);
		for (const i of candidates) {
			if (i < 0 || i >= count || removed.has(i)) continue;
			const record = peek(seededId(i));
			if (record && typeof record[field] === 'string' && record[field].toLowerCase() === wanted) return record;
		}
		return null;
	}

	const isHidden = (record) => record.hiddenUntilQuery !== undefined && queryCounter <= record.hiddenUntilQuery;

	return {
		seedCount: count,
		seededId,
		get size() {
			let n = 0;
			for (const list of lists.values()) n += list.length;
			return n;
		},
		has: (id) => peek(id) !== null,
		/** A copy of the customer, or null. */
		get(id) {
			const c = peek(id);
			return c ? { ...c } : null;
		},
		/** Applies changes (materializing a seeded customer first); returns the updated copy or null. */
		update(id, changes) {
			const current = peek(id);
			if (!current) return null;
			const next = { ...current, ...changes };
			stored.set(id, next);
			return { ...next };
		},
		/** Adds a complete record (customer_id, associatedSec, ownerId required). */
		add(record) {
			if (peek(record.customer_id)) throw Object.assign(new Error(`customer ${record.customer_id} already exists`), { status: 409 });
			const copy = { ...record, seedIndex: -1 };
			stored.set(copy.customer_id, copy);
			index(copy, true);
			if (!lists.has(copy.ownerId)) lists.set(copy.ownerId, []);
			const list = lists.get(copy.ownerId);
			list.splice(lowerBound(list, copy.associatedSec, copy.customer_id), 0, copy.customer_id);
			if (copy.hiddenUntilQuery !== undefined) hiddenUntil = Math.max(hiddenUntil, copy.hiddenUntilQuery);
			return { ...copy };
		},
		remove(id) {
			const current = peek(id);
			if (!current) return false;
			const list = lists.get(current.ownerId);
			const i = indexOfId(id);
			const entry = i >= 0 ? i : id;
			for (let k = lowerBound(list, current.associatedSec, null); k < list.length && entryTime(list[k]) === current.associatedSec; k++) {
				if (list[k] === entry) {
					list.splice(k, 1);
					break;
				}
			}
			if (i >= 0) removed.add(i);
			else index(current, false);
			stored.delete(id);
			return true;
		},
		/** The ordered entries of one owner (read-only). */
		listOf: (ownerId) => lists.get(ownerId) || [],
		entryId,
		entryRecord,
		entryAssociation,
		entryAccountName,
		/** [lo, hi) of entries with beginSec <= associated_on <= endSec (either bound optional). */
		timeRange(list, beginSec, endSec) {
			const lo = beginSec === undefined ? 0 : lowerBound(list, beginSec, null);
			const hi = endSec === undefined ? list.length : upperBound(list, endSec);
			return [lo, Math.max(lo, hi)];
		},
		/** The live customer whose account_name / email / xaccount_id / mobile equals value, or null. */
		findBy(field, value) {
			const maps = { account_name: byName, email: byEmail, xaccount_id: byXaccount };
			if (field === 'mobile') {
				const ids = byMobile.get(value);
				if (ids && ids.size) return peek([...ids][0]);
			} else {
				const id = maps[field].get(field === 'xaccount_id' ? value : value.toLowerCase());
				if (id) return peek(id);
			}
			return findSeeded(field, value);
		},
		/** How many live customers use this mobile (`0049-151...`). */
		countMobile(mobile) {
			return (byMobile.get(mobile)?.size || 0) + (findSeeded('mobile', mobile) ? 1 : 0);
		},
		/** Counts one ListSubCustomers query (customers created with an association delay age by queries). */
		tickQuery() {
			queryCounter++;
		},
		get queryCounter() {
			return queryCounter;
		},
		isHidden,
		/** True while some customer is still hidden by an association delay. */
		get mayHide() {
			return queryCounter <= hiddenUntil;
		},
	};
}

module.exports = { createCustomerStore, generatePerson, generateBudget, maskMobile, MAX_CUSTOMERS, round2 };
