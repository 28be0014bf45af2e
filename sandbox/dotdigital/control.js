'use strict';
/**
 * dotdigital control operations: reset/seed, add/remove accounts, set a credit balance, rename a
 * method, read raw state. Each is a plain function (sandbox.control.dotdigital.*, for in-process
 * tests) and an HTTP route under /_control/dotdigital/... or /_control/state/dotdigital/...
 */
const { MAX_ACCOUNTS } = require('./data/accounts');
const { ROLE_BY_ID, roleNames } = require('./data/roles');
const { alpha3 } = require('./data/countries');
const { isoDate, parseIsoDate } = require('./dates');
const { RESELLER_ACCOUNT_ID } = require('./keys');
const { INT32_MAX } = require('./validate');

const badRequest = (message) => Object.assign(new Error(message), { status: 400 });
const notFound = (message) => Object.assign(new Error(message), { status: 404 });

/** Members addAccount accepts, with their JSON types. */
const ACCOUNT_FIELDS = {
	AccountId: 'integer', AccountName: 'string', ParentAccountId: 'integer', Status: 'string', CreditBalance: 'integer', CreatedDate: 'string|integer',
	CompanyName: 'string', CountryIsoCode: 'string', TimeZone: 'string', Notes: 'string', RoleIds: 'array',
};

function checkType(name, type, value) {
	const ok = type.split('|').some((t) => (t === 'integer' ? Number.isSafeInteger(value) : t === 'array' ? Array.isArray(value) : typeof value === t));
	if (!ok) throw badRequest(`${name} must be ${type.replace('|', ' or ')}`);
}

/** An account id from a body member or a query string value. */
function idFrom(value, name = 'AccountId') {
	const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	if (!Number.isInteger(id) || id <= 0 || id > INT32_MAX) throw badRequest(`${name} must be a positive 32-bit integer`);
	return id;
}

const bodyObject = (body) => {
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body must be a JSON object');
	return body;
};

/**
 * @param {{ getData: () => object, clock: object, names: object, reseed: Function, reset: Function }} deps
 */
function createDotdigitalControl({ getData, clock, names, reseed, reset }) {
	const requireAccount = (id) => {
		const a = getData().accounts.get(id);
		if (!a) throw notFound(`no account ${id}`);
		return a;
	};

	/** A user as stored, with role names (the password is only ever kept as a SHA-256 digest). */
	const rawUser = (u) => ({ ...u, Roles: roleNames(u.RoleIds) });

	const functions = {
		/** Back to the start configuration of this provider only (data and method names), optionally re-seeded. */
		reset(body = {}) {
			const { accounts, seed, anchor } = bodyObject(body);
			if (accounts !== undefined && (!Number.isInteger(accounts) || accounts < 0 || accounts > MAX_ACCOUNTS)) throw badRequest(`accounts must be an integer 0..${MAX_ACCOUNTS}`);
			reset({ ...(accounts !== undefined ? { accounts } : {}), ...(seed !== undefined ? { seed } : {}), ...(anchor !== undefined ? { anchor } : {}) });
			return functions.getReseller();
		},
		/** Replaces the data with `accounts` generated customer accounts (method names are kept). */
		seed(body = {}) {
			const { accounts, seed, anchor } = bodyObject(body);
			if (!Number.isInteger(accounts) || accounts < 0 || accounts > MAX_ACCOUNTS) throw badRequest(`accounts must be an integer 0..${MAX_ACCOUNTS}`);
			reseed({ accounts, ...(seed !== undefined ? { seed } : {}), ...(anchor !== undefined ? { anchor } : {}) });
			return functions.getReseller();
		},
		/**
		 * Adds one account (defaults: next id, under the reseller, Active, created now, no credit).
		 * ParentAccountId may name any existing account, even another reseller's. Returns getAccount's view.
		 */
		addAccount(fields = {}) {
			bodyObject(fields);
			for (const [name, value] of Object.entries(fields)) {
				if (!ACCOUNT_FIELDS[name]) throw badRequest(`unknown account field ${name}; allowed: ${Object.keys(ACCOUNT_FIELDS).join(', ')}`);
				checkType(name, ACCOUNT_FIELDS[name], value);
			}
			const data = getData();
			const parentId = fields.ParentAccountId ?? RESELLER_ACCOUNT_ID;
			if (!data.accounts.has(parentId)) throw badRequest(`ParentAccountId ${parentId} does not exist`);
			if (fields.Status !== undefined && !['Active', 'Suspended'].includes(fields.Status)) throw badRequest('Status must be Active or Suspended');
			if (fields.CreditBalance !== undefined && (fields.CreditBalance < 0 || fields.CreditBalance > INT32_MAX)) throw badRequest('CreditBalance must be 0 or more');
			if (fields.CountryIsoCode !== undefined && !alpha3(fields.CountryIsoCode)) throw badRequest('CountryIsoCode must be an ISO 3166-1 alpha-3 code');
			if (fields.RoleIds !== undefined && !fields.RoleIds.every((id) => ROLE_BY_ID.has(id))) throw badRequest(`RoleIds must be role ids (${[...ROLE_BY_ID.keys()].join(', ')})`);
			let createdMs = clock.now();
			if (fields.CreatedDate !== undefined) {
				createdMs = typeof fields.CreatedDate === 'number' ? fields.CreatedDate : parseIsoDate(fields.CreatedDate);
				if (createdMs === null) throw badRequest('CreatedDate must be an ISO-8601 date/time or epoch milliseconds');
			}
			const id = fields.AccountId !== undefined ? idFrom(fields.AccountId) : data.accounts.nextId();
			if (data.accounts.has(id)) throw Object.assign(new Error(`account ${id} already exists`), { status: 409 });
			data.accounts.add({
				AccountId: id,
				AccountName: fields.AccountName ?? `Account ${id}`,
				ParentAccountId: parentId,
				Status: fields.Status ?? 'Active',
				createdMs,
				CompanyName: fields.CompanyName ?? null,
				CountryIsoCode: fields.CountryIsoCode ? alpha3(fields.CountryIsoCode) : null,
				TimeZone: fields.TimeZone ?? null,
				Notes: fields.Notes ?? null,
				RoleIds: fields.RoleIds ? [...new Set(fields.RoleIds)] : [],
				locale: 0,
				source: 'control',
			});
			data.credit.forget(id);
			data.users.forgetAccount(id);
			if (fields.CreditBalance) data.credit.set(id, fields.CreditBalance, clock.now());
			return functions.getAccount(id);
		},
		/** Removes an account and everything below it (users, credit, numbers go with them). */
		removeAccount(body) {
			const id = idFrom(body && typeof body === 'object' ? body.AccountId : body);
			const data = getData();
			if (id === RESELLER_ACCOUNT_ID) throw badRequest('the reseller account cannot be removed');
			requireAccount(id);
			const removed = data.accounts.subtreeOf(id);
			for (const gone of removed) {
				data.accounts.remove(gone);
				data.users.forgetAccount(gone);
				data.credit.forget(gone);
				data.numbers.forgetAccount(gone);
			}
			return { removed };
		},
		/** Makes an account's balance exactly CreditBalance (one fresh 12-month allocation; none for 0). */
		setCreditBalance(body = {}) {
			const id = idFrom(bodyObject(body).AccountId);
			requireAccount(id);
			if (!Number.isInteger(body.CreditBalance) || body.CreditBalance < 0 || body.CreditBalance > INT32_MAX) throw badRequest('CreditBalance must be an integer 0..2147483647');
			getData().credit.set(id, body.CreditBalance, clock.now());
			return functions.getAccount(id);
		},
		/** The stored account with its credit (all allocations, expired ones flagged), users, numbers and children. */
		getAccount(accountId) {
			const id = idFrom(accountId);
			const data = getData();
			const { locale, ...account } = requireAccount(id);
			const nowMs = clock.now();
			return {
				...account,
				Roles: roleNames(account.RoleIds),
				managed: data.accounts.isManaged(id),
				CreatedDate: isoDate(account.createdMs),
				CreditBalance: data.credit.balance(id, nowMs),
				Allocations: data.credit.allocations(id).map((a) => ({ ...a, AllocatedDate: isoDate(a.allocatedMs), ExpiryDate: isoDate(a.expiryMs), expired: a.expiryMs <= nowMs })),
				Users: data.users.list(id).map(rawUser),
				InboundNumbers: data.numbers.allocatedTo(id),
				ChildAccountIds: data.accounts.childrenOf(id),
			};
		},
		/** The stored users of an account (with ChangePasswordAtNextLogon and passwordSha256). */
		getUsers(accountId) {
			const id = idFrom(accountId);
			requireAccount(id);
			return getData().users.list(id).map(rawUser);
		},
		/** After this, `from` answers 404 and `to` serves the method (until reset). */
		renameMethod(body = {}) {
			const { from, to } = bodyObject(body);
			return names.rename(from, to);
		},
		/** Every name currently served and the method behind it. */
		getMethods: () => names.list(),
		/** Seed options and account counts. */
		getReseller() {
			const data = getData();
			const reseller = data.accounts.get(RESELLER_ACCOUNT_ID);
			return {
				AccountId: RESELLER_ACCOUNT_ID,
				AccountName: reseller.AccountName,
				ManagedAccounts: data.accounts.managedCount,
				SeededAccounts: data.accounts.seedCount,
				seed: data.seed,
				anchor: isoDate(data.anchorMs),
			};
		},
	};

	const routes = [
		{ method: 'POST', path: '/_control/dotdigital/reset', run: (q, body) => functions.reset(body) },
		{ method: 'POST', path: '/_control/dotdigital/seed', run: (q, body) => functions.seed(body) },
		{ method: 'POST', path: '/_control/dotdigital/accounts', run: (q, body) => functions.addAccount(body) },
		{ method: 'POST', path: '/_control/dotdigital/accounts/remove', run: (q, body) => functions.removeAccount(body) },
		{ method: 'POST', path: '/_control/dotdigital/credit', run: (q, body) => functions.setCreditBalance(body) },
		{ method: 'POST', path: '/_control/dotdigital/rename-method', run: (q, body) => functions.renameMethod(body) },
		{ method: 'GET', path: '/_control/dotdigital/methods', run: () => functions.getMethods() },
		{ method: 'GET', path: '/_control/state/dotdigital/account', run: (q) => functions.getAccount(q.get('AccountId')) },
		{ method: 'GET', path: '/_control/state/dotdigital/users', run: (q) => functions.getUsers(q.get('AccountId')) },
		{ method: 'GET', path: '/_control/state/dotdigital/reseller', run: () => functions.getReseller() },
	];

	return { functions, routes };
}

module.exports = { createDotdigitalControl };
