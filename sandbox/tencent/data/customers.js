'use strict';
/**
 * The partner's direct customers, stored compactly so that 100 000 of them cost a few MB.
 *
 * Seeded customers are never stored as objects: customer i (UIN 200000000001 + i) is generated on
 * demand from (seed, i), and only its association time lives in a typed array. A customer is
 * "materialized" into a real object the first time it is changed (credit, remark, ForceQN), and
 * customers added later (control API, CreateAccount, approved applications) are stored as objects.
 *
 * Seeded association times are non-decreasing with the index, so the (time, UIN) order is just the
 * index order and no sort is ever needed; `order` keeps every live UIN in ascending (time, UIN) order
 * and new customers are inserted with a binary search.
 */
const { createRng } = require('../../prng');
const { associationTimes } = require('../../associationTimes');
const { formatDateTime, parseDateTime, DAY_SEC } = require('../time');
const N = require('./names');

const UIN_BASE = 200000000000;
const MAX_CUSTOMERS = 1000000;
const round2 = (x) => Math.round(x * 100) / 100;
const cents = (x) => Math.round(x * 100);

/** Masks an e-mail like the real QueryCustomersCredit does: `abcd*****@example.com`. */
function maskEmail(email) {
	const at = email.indexOf('@');
	if (at < 0) return email;
	const local = email.slice(0, at);
	return `${local.slice(0, Math.min(4, Math.max(1, local.length - 1)))}*****${email.slice(at)}`;
}

/** Masks a mobile number like `188****1234`. */
function maskMobile(mobile) {
	if (mobile.length <= 7) return mobile.replace(/\d(?=\d{2})/g, '*');
	return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

/** Association times of the seeded customers (see associationTimes). */
function generateTimes(seed, count, anchorSec) {
	return associationTimes(seed, 'association-times', count, anchorSec);
}

/** Credit of seeded customer i, from its own stream so totals can be summed without generating names. */
function seededCredit(seed, i) {
	const rng = createRng(seed, 'credit', i);
	if (rng.chance(0.15)) return { Credit: 0, RemainingCredit: 0 };
	const Credit = round2(rng.pick([100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000]) * (0.5 + rng.next()));
	const r = rng.next();
	let ratio;
	if (r < 0.05) ratio = 0;
	else if (r < 0.15) ratio = rng.next() * 0.1;
	else ratio = 0.1 + rng.next() * 0.9;
	return { Credit, RemainingCredit: round2(Credit * ratio) };
}

function generateCustomer(seed, i, associationSec) {
	const rng = createRng(seed, 'customer', i);
	const first = rng.pick(N.FIRST);
	const last = rng.pick(N.LAST);
	const identity = rng.next();
	const IdentifyType = identity < 0.2 ? 0 : identity < 0.6 ? 1 : 2;
	const company = IdentifyType === 2 || (IdentifyType === 0 && rng.chance(0.4));
	const Email = `${first}.${last}${i + 1}@${rng.pick(N.DOMAINS)}`;
	const companyName = `${rng.pick(N.COMPANY_WORDS)} ${rng.pick(N.COMPANY_KINDS)} ${rng.pick(N.COMPANY_SUFFIXES)}`;
	const person = `${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}`;
	const Name = rng.chance(0.08) ? Email : company ? companyName : person;
	const [CountryCode, Area, prefixes, length] = rng.pick(N.PHONE_PLANS);
	const prefix = rng.pick(prefixes);
	const Mobile = prefix + rng.digits(length - prefix.length);
	const AssociationTime = formatDateTime(associationSec);
	const registeredSec = associationSec - rng.int(0, 400) * DAY_SEC - rng.int(60, 80000);
	const verified = IdentifyType > 0;
	const authPassSec = registeredSec + rng.int(600, 5 * DAY_SEC);
	const credit = seededCredit(seed, i);
	return {
		ClientUin: UIN_BASE + 1 + i,
		Name,
		Email,
		Mobile,
		CountryCode,
		Area,
		Remark: rng.pick(N.REMARKS),
		Type: 'new',
		AccountType: company ? 'company' : 'personal',
		IdentifyType,
		Force: 0,
		Credit: credit.Credit,
		RemainingCredit: credit.RemainingCredit,
		AssociationTime,
		BindTime: AssociationTime,
		associationSec,
		RecentExpiry: AssociationTime,
		AccountStatus: rng.chance(0.03) ? '2' : '0',
		AuthStatus: verified ? '3' : rng.pick(['-1', '0', '1', '2']),
		AuthType: IdentifyType === 0 ? -1 : IdentifyType === 1 ? 0 : 1,
		UinRegisterTime: formatDateTime(registeredSec),
		CidRegisterTime: verified ? formatDateTime(registeredSec + 120) : '',
		AuthPassTime: verified ? formatDateTime(Math.min(authPassSec, associationSec)) : '',
		HasExpense: rng.chance(0.8) ? 1 : 0,
		PrepayFrozen: rng.chance(0.1) ? round2(rng.float(1, 300)) : 0,
		PostpayFrozen: rng.chance(0.1) ? round2(rng.float(1, 150)) : 0,
		source: 'seed',
		seedIndex: i,
	};
}

/**
 * @param {{ seed: number|string, count: number, anchorSec: number }} options
 */
function createCustomerDirectory({ seed, count, anchorSec }) {
	if (!Number.isInteger(count) || count < 0 || count > MAX_CUSTOMERS) throw new RangeError(`customers must be an integer 0..${MAX_CUSTOMERS}`);
	const times = generateTimes(seed, count, anchorSec);
	/** @type {Map<number, object>} materialized seeded customers and every added customer */
	const stored = new Map();
	/** @type {Set<number>} seeded UINs that were removed */
	const removed = new Set();
	/** every live UIN in ascending (association time, UIN) order */
	const order = new Array(count);
	for (let i = 0; i < count; i++) order[i] = UIN_BASE + 1 + i;
	let creditCents = 0;
	let remainingCents = 0;
	for (let i = 0; i < count; i++) {
		const c = seededCredit(seed, i);
		creditCents += cents(c.Credit);
		remainingCents += cents(c.RemainingCredit);
	}
	let highestUin = UIN_BASE + count;

	const seedIndexOf = (uin) => (Number.isInteger(uin) && uin > UIN_BASE && uin <= UIN_BASE + count ? uin - UIN_BASE - 1 : -1);

	/** The live customer object (stored or freshly generated); callers must not mutate it. */
	function peek(uin) {
		const s = stored.get(uin);
		if (s) return s;
		const i = seedIndexOf(uin);
		if (i < 0 || removed.has(uin)) return null;
		return generateCustomer(seed, i, times[i]);
	}

	function timeOf(uin) {
		const c = stored.get(uin);
		if (c) return c.associationSec;
		return times[seedIndexOf(uin)];
	}

	/** Position of the first entry not less than (sec, uin) in `order`. */
	function lowerBound(sec, uin) {
		let lo = 0;
		let hi = order.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			const t = timeOf(order[mid]);
			if (t < sec || (t === sec && order[mid] < uin)) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	return {
		UIN_BASE,
		seedCount: count,
		get size() {
			return order.length;
		},
		get creditCents() {
			return creditCents;
		},
		get remainingCents() {
			return remainingCents;
		},
		has: (uin) => peek(uin) !== null,
		/** A copy of the customer, or null. */
		get(uin) {
			const c = peek(uin);
			return c ? { ...c } : null;
		},
		/** Seed index of a seeded customer that is still live (drives its bills), else -1. */
		seedIndexOf(uin) {
			const i = seedIndexOf(uin);
			return i >= 0 && !removed.has(uin) ? i : -1;
		},
		/**
		 * Applies `changes` to a customer (materializing a seeded one first) and keeps the credit
		 * totals in step. Returns the updated copy, or null if there is no such customer.
		 */
		update(uin, changes) {
			const current = peek(uin);
			if (!current) return null;
			const next = { ...current, ...changes };
			creditCents += cents(next.Credit) - cents(current.Credit);
			remainingCents += cents(next.RemainingCredit) - cents(current.RemainingCredit);
			stored.set(uin, next);
			return { ...next };
		},
		/** Adds a fully formed customer object (must carry ClientUin and associationSec). */
		add(customer) {
			if (peek(customer.ClientUin)) throw Object.assign(new Error(`customer ${customer.ClientUin} already exists`), { status: 409 });
			const seededIndex = seedIndexOf(customer.ClientUin);
			if (seededIndex >= 0) removed.delete(customer.ClientUin);
			stored.set(customer.ClientUin, { ...customer, seedIndex: -1 });
			order.splice(lowerBound(customer.associationSec, customer.ClientUin), 0, customer.ClientUin);
			creditCents += cents(customer.Credit);
			remainingCents += cents(customer.RemainingCredit);
			highestUin = Math.max(highestUin, customer.ClientUin);
			return { ...customer };
		},
		remove(uin) {
			const current = peek(uin);
			if (!current) return false;
			const pos = lowerBound(current.associationSec, uin);
			if (order[pos] === uin) order.splice(pos, 1);
			stored.delete(uin);
			if (seedIndexOf(uin) >= 0) removed.add(uin);
			creditCents -= cents(current.Credit);
			remainingCents -= cents(current.RemainingCredit);
			return true;
		},
		/** A UIN no customer has had yet. */
		nextUin() {
			highestUin += 1;
			return highestUin;
		},
		/** UINs at positions [offset, offset+limit) in `desc` (newest first) or `asc` order. */
		page(direction, offset, limit) {
			const out = [];
			for (let k = offset; k < Math.min(order.length, offset + limit); k++) {
				out.push(direction === 'asc' ? order[k] : order[order.length - 1 - k]);
			}
			return out;
		},
		/** Calls fn(customer) for every customer in the given order until fn returns false. */
		scan(direction, fn) {
			for (let k = 0; k < order.length; k++) {
				const uin = direction === 'asc' ? order[k] : order[order.length - 1 - k];
				if (fn(peek(uin)) === false) return;
			}
		},
		/**
		 * Finds a live customer by e-mail (case-insensitive). Seeded e-mails end in the customer's
		 * index + 1 before the `@`, so lookups stay O(1) without an index of 100 000 addresses.
		 */
		findByEmail(email) {
			const wanted = email.toLowerCase();
			for (const c of stored.values()) if (c.Email.toLowerCase() === wanted) return { ...c };
			const m = /(\d+)@/.exec(wanted);
			if (m) {
				const c = peek(UIN_BASE + Number(m[1]));
				if (c && c.Email.toLowerCase() === wanted) return { ...c };
			}
			return null;
		},
	};
}

module.exports = { createCustomerDirectory, maskEmail, maskMobile, seededCredit, UIN_BASE, MAX_CUSTOMERS, round2, cents };

/**
 * A complete customer record for a customer added after seeding (control API, CreateAccount,
 * an approved application). Unset fields get neutral defaults: no credit, not verified,
 * associated "now" (UTC+8 formatting).
 * @param {object} fields any stored customer fields; must include ClientUin
 * @param {number} nowSec sandbox clock
 */
function buildCustomer(fields, nowSec) {
	const associationSec = fields.associationSec ?? (fields.AssociationTime ? parseDateTime(fields.AssociationTime) : null) ?? nowSec;
	const AssociationTime = formatDateTime(associationSec);
	const IdentifyType = fields.IdentifyType ?? 0;
	const Credit = fields.Credit ?? 0;
	const Email = fields.Email ?? `customer${fields.ClientUin}@example.com`;
	return {
		Name: Email,
		Email,
		Mobile: '',
		CountryCode: '',
		Area: '',
		Remark: '',
		Type: 'new',
		AccountType: 'personal',
		IdentifyType,
		Force: 0,
		Credit,
		RemainingCredit: Credit,
		RecentExpiry: AssociationTime,
		AccountStatus: '0',
		AuthStatus: IdentifyType > 0 ? '3' : '-1',
		AuthType: IdentifyType === 0 ? -1 : IdentifyType === 1 ? 0 : 1,
		UinRegisterTime: AssociationTime,
		CidRegisterTime: '',
		AuthPassTime: '',
		HasExpense: 0,
		PrepayFrozen: 0,
		PostpayFrozen: 0,
		source: 'control',
		...fields,
		AssociationTime,
		BindTime: fields.BindTime ?? AssociationTime,
		associationSec,
		seedIndex: -1,
	};
}

module.exports.buildCustomer = buildCustomer;
