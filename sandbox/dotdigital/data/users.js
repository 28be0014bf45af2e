'use strict';
/**
 * Portal users. Seeded account i has 1-3 users with ids USER_BASE + 4i + k (k = 0..2), generated on
 * demand from (seed, i, k): a user id alone tells which account it belongs to, so 100 000 accounts
 * need no user table at all. Seeded usernames end in `.<UserId>@example.com`, which keeps the
 * platform-wide "Username already exists" check O(1). Changed, added and fixed users are objects.
 *
 * Passwords are never stored, only a SHA-256 hex digest (`passwordSha256`) so a test can prove that
 * SetUserPassword/AddUserToAccount received the password it sent.
 */
const crypto = require('crypto');
const { createRng } = require('../../prng');
const { DAY_MS } = require('../dates');
const N = require('./names');
const { resellerUser, RESELLER_ACCOUNT_ID, RESELLER_API_USER_ID } = require('../keys');

const USER_BASE = 1000000;
const STRIDE = 4;

const sha256 = (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
const cap = (word) => word[0].toUpperCase() + word.slice(1);

/** Number of users of seeded account i. */
const seededUserCount = (seed, i) => 1 + createRng(seed, 'user-count', i).int(0, 2);

function generateUser(seed, i, k, account) {
	const rng = createRng(seed, 'user', i, k);
	const UserId = USER_BASE + i * STRIDE + k;
	const first = rng.pick(N.FIRST);
	const last = rng.pick(N.LAST);
	const [, , mobilePrefix, landlinePrefix, digits] = N.LOCALES[account.locale] || N.LOCALES[0];
	const Username = `${first}.${last}.${UserId}@example.com`;
	return {
		UserId,
		AccountId: account.AccountId,
		Username,
		Firstname: cap(first),
		LastName: cap(last),
		EmailAddress: Username,
		MobilePhoneNumber: mobilePrefix + rng.digits(digits),
		LandlinePhoneNumber: landlinePrefix + rng.digits(digits),
		Notes: k === 0 ? 'Primary contact' : null,
		Enabled: rng.chance(0.93),
		// The first user of every account administers it; the others get one or two working roles.
		RoleIds: k === 0 ? [1] : rng.chance(0.5) ? [2] : [2, rng.pick([3, 5, 6])],
		ChangePasswordAtNextLogon: false,
		passwordSha256: null,
		createdMs: account.createdMs + k * DAY_MS + rng.int(60, 7200) * 1000,
		source: 'seed',
	};
}

/** Users that exist whatever the seed: the reseller's API user and admin, and the other reseller's users. */
function fixedUsers(accounts) {
	const user = (UserId, AccountId, first, last, Username, extra = {}) => ({
		UserId, AccountId, Username, Firstname: first, LastName: last, EmailAddress: Username.includes('@') ? Username : `${Username}@example.com`,
		MobilePhoneNumber: '447700900001', LandlinePhoneNumber: '441632960001', Notes: null, Enabled: true, RoleIds: [1],
		ChangePasswordAtNextLogon: false, passwordSha256: null, createdMs: accounts.get(AccountId).createdMs + DAY_MS, source: 'fixed', ...extra,
	});
	return [
		user(RESELLER_API_USER_ID, RESELLER_ACCOUNT_ID, 'Reseller', 'API', resellerUser.username, { Notes: 'Partner/reseller API user', passwordSha256: sha256(resellerUser.password) }),
		user(101, RESELLER_ACCOUNT_ID, 'Rita', 'Admin', 'reseller.admin@example.com'),
		user(600, 500, 'Otto', 'Other', 'otto.other@example.net'),
		user(601, 501, 'Olga', 'Other', 'olga.other@example.net'),
		user(602, 502, 'Omar', 'Other', 'omar.other@example.net'),
		user(603, 503, 'Orla', 'Other', 'orla.other@example.net'),
	];
}

/**
 * @param {{ seed: number|string, accounts: object }} options accounts = the account store
 */
function createUserStore({ seed, accounts }) {
	const count = accounts.seedCount;
	/** @type {Map<number, object>} changed seeded users, added users and fixed users */
	const stored = new Map();
	/** seeded user ids that were removed */
	const removed = new Set();
	/** @type {Map<number, number[]>} account id -> ids of its non-seeded users */
	const byAccount = new Map();
	/** @type {Map<string, number>} lower-cased username -> id, for non-seeded users */
	const usernames = new Map();
	let nextUserId = USER_BASE + count * STRIDE + 1;

	/** { i, k } of a seeded user id whose account is still the seeded one, else null. */
	function seededRef(userId) {
		if (!Number.isInteger(userId) || userId < USER_BASE || userId >= USER_BASE + count * STRIDE) return null;
		const i = Math.floor((userId - USER_BASE) / STRIDE);
		const k = (userId - USER_BASE) % STRIDE;
		if (accounts.seedIndexOf(accounts.FIRST_SEEDED_ID + i) < 0 || k >= seededUserCount(seed, i)) return null;
		return { i, k };
	}

	function peek(userId) {
		const s = stored.get(userId);
		// A changed seeded user lives only as long as its original seeded account.
		if (s) return accounts.has(s.AccountId) && (s.source !== 'seed' || seededRef(userId)) ? s : null;
		if (removed.has(userId)) return null;
		const ref = seededRef(userId);
		return ref ? generateUser(seed, ref.i, ref.k, accounts.get(accounts.FIRST_SEEDED_ID + ref.i)) : null;
	}

	const copy = (u) => (u ? { ...u, RoleIds: u.RoleIds.slice() } : null);

	function insert(user) {
		stored.set(user.UserId, { ...user });
		if (user.source !== 'seed') {
			if (!byAccount.has(user.AccountId)) byAccount.set(user.AccountId, []);
			byAccount.get(user.AccountId).push(user.UserId);
			usernames.set(user.Username.toLowerCase(), user.UserId);
		}
	}

	for (const u of fixedUsers(accounts)) insert(u);

	return {
		USER_BASE,
		/** A copy of the user, or null (also null when its account is gone). */
		get: (userId) => copy(peek(userId)),
		/** The users of an account, ascending by id. */
		list(accountId) {
			const ids = [];
			const i = accounts.seedIndexOf(accountId);
			if (i >= 0) for (let k = 0; k < seededUserCount(seed, i); k++) ids.push(USER_BASE + i * STRIDE + k);
			for (const id of byAccount.get(accountId) || []) ids.push(id);
			return ids
				.sort((a, b) => a - b)
				.map(peek)
				.filter(Boolean)
				.map(copy);
		},
		/** The live user with this username (case-insensitive, platform-wide), or null. */
		findByUsername(username) {
			const wanted = username.toLowerCase();
			const id = usernames.get(wanted);
			if (id !== undefined && peek(id)) return copy(peek(id));
			const m = /\.(\d+)@example\.com$/.exec(wanted);
			if (m) {
				const u = peek(Number(m[1]));
				if (u && u.Username.toLowerCase() === wanted) return copy(u);
			}
			return null;
		},
		/** Adds a user to an account; `fields` are the request members plus passwordSha256. */
		add(accountId, fields, nowMs) {
			const user = {
				UserId: nextUserId++, AccountId: accountId, Notes: null, Enabled: true, RoleIds: [], ChangePasswordAtNextLogon: false,
				passwordSha256: null, createdMs: nowMs, source: 'api', ...fields,
			};
			insert(user);
			return copy(user);
		},
		/** Applies changes (materializing a seeded user); returns the updated copy or null. */
		update(userId, changes) {
			const current = peek(userId);
			if (!current) return null;
			stored.set(userId, { ...current, ...changes });
			return copy(stored.get(userId));
		},
		remove(userId) {
			const current = peek(userId);
			if (!current) return false;
			stored.delete(userId);
			if (seededRef(userId)) removed.add(userId);
			usernames.delete(current.Username.toLowerCase());
			const list = byAccount.get(current.AccountId);
			if (list && list.includes(userId)) list.splice(list.indexOf(userId), 1);
			return true;
		},
		/** Drops every non-seeded user of a removed account (seeded ones vanish with the account). */
		forgetAccount(accountId) {
			for (const id of byAccount.get(accountId) || []) {
				const u = stored.get(id);
				if (u) usernames.delete(u.Username.toLowerCase());
				stored.delete(id);
			}
			byAccount.delete(accountId);
		},
		sha256,
	};
}

module.exports = { createUserStore, USER_BASE, sha256 };
