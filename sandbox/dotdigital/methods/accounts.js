'use strict';
/**
 * Account methods (reference 5, all INFERRED): CreateAccount, GetAccounts, GetAccount, UpdateAccount.
 * Accounts form a tree under the reseller (1000); only that tree can be read or changed.
 */
const { field, canonical } = require('../validate');
const { alpha3 } = require('../data/countries');
const { RESELLER_ACCOUNT_ID } = require('../keys');
const { ok, managedAccount, accountSummary, accountDetails, countryField } = require('./common');

const STATUSES = ['Active', 'Suspended'];
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;

/** The editable members shared by CreateAccount and UpdateAccount. */
const editable = (accountNameRequired) => ({
	AccountName: field.name('AccountName', 100, accountNameRequired),
	CompanyName: field.text('CompanyName', 100),
	CountryIsoCode: countryField(),
	TimeZone: field.text('TimeZone', 100),
	Notes: field.text('Notes', 1000),
});

/** Stored form of the editable members present in a request. */
function changesFrom(v) {
	const changes = {};
	for (const name of ['AccountName', 'CompanyName', 'TimeZone', 'Notes']) if (v[name] !== undefined) changes[name] = v[name];
	if (v.CountryIsoCode !== undefined) changes.CountryIsoCode = alpha3(v.CountryIsoCode);
	return changes;
}

const CreateAccount = {
	write: true,
	fields: { AccountName: editable(true).AccountName, ParentAccountId: field.id(false), ...editable(true) },
	/** A new Active account under ParentAccountId (default: the reseller) with no users and no credit. */
	handler({ body, data, nowMs }) {
		const parentId = body.ParentAccountId ?? RESELLER_ACCOUNT_ID;
		managedAccount(data, parentId, 'ParentAccountId');
		const account = data.accounts.add({
			AccountId: data.accounts.nextId(),
			ParentAccountId: parentId,
			Status: 'Active',
			createdMs: nowMs,
			CompanyName: null,
			CountryIsoCode: null,
			TimeZone: null,
			Notes: null,
			RoleIds: [],
			locale: 0,
			source: 'api',
			...changesFrom(body),
		});
		return ok({ AccountId: account.AccountId }, 'CreateAccountResponse');
	},
};

const GetAccounts = {
	fields: {
		ParentAccountId: field.id(false),
		Name: { type: 'string' },
		Status: field.oneOf('Status', STATUSES),
		PageNumber: { type: 'int32', check: (v) => (v < 1 ? 'PageNumber must be 1 or more' : undefined) },
		PageSize: { type: 'int32', check: (v) => (v < 1 || v > MAX_PAGE_SIZE ? `PageSize must be between 1 and ${MAX_PAGE_SIZE}` : undefined) },
	},
	/**
	 * Without ParentAccountId: every account below the reseller (the whole tree, not the reseller
	 * itself); with it: that account's direct children. Name is a case-insensitive substring of
	 * AccountName. Ordered by AccountId; TotalCount counts every match; a page past the end is empty.
	 */
	handler({ body, data, nowMs }) {
		const pageSize = body.PageSize ?? DEFAULT_PAGE_SIZE;
		const offset = ((body.PageNumber ?? 1) - 1) * pageSize;
		const needle = (body.Name || '').toLowerCase();
		const status = body.Status === undefined ? null : canonical(STATUSES, body.Status);
		const filtered = needle !== '' || status !== null;
		const matches = (id) => {
			if (!filtered) return true;
			return (!needle || data.accounts.nameOf(id).toLowerCase().includes(needle)) && (!status || data.accounts.statusOf(id) === status);
		};
		const page = [];
		let total = 0;
		const visit = (id) => {
			if (!matches(id)) return;
			if (total >= offset && page.length < pageSize) page.push(id);
			total++;
		};
		if (body.ParentAccountId !== undefined) {
			managedAccount(data, body.ParentAccountId, 'ParentAccountId');
			data.accounts.childrenOf(body.ParentAccountId).forEach(visit);
		} else {
			data.accounts.forEachManaged(visit);
		}
		return ok({ Accounts: page.map((id) => accountSummary(data, data.accounts.get(id), nowMs)), TotalCount: total }, 'GetAccountsResponse');
	},
};

const GetAccount = {
	fields: { AccountId: field.id() },
	handler({ body, data, nowMs }) {
		return ok(accountDetails(data, managedAccount(data, body.AccountId), nowMs), 'AccountDetails');
	},
};

const UpdateAccount = {
	write: true,
	fields: { AccountId: field.id(), ...editable(false) },
	/** Changes the members given; the others keep their values. Returns the updated account. */
	handler({ body, data, nowMs }) {
		managedAccount(data, body.AccountId);
		const updated = data.accounts.update(body.AccountId, changesFrom(body));
		return ok(accountDetails(data, updated, nowMs), 'AccountDetails');
	},
};

module.exports = { CreateAccount, GetAccounts, GetAccount, UpdateAccount };
