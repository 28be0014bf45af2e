'use strict';
/**
 * What the method handlers share: result wrappers, the "is this account/user mine?" checks that
 * produce ArgumentFaultContract (no such record) or SecurityFaultContract (someone else's), and the
 * response views of accounts, users and roles.
 */
const { argumentFault, securityFault } = require('../errors');
const { legacyDate, isoDate, parseIsoDate } = require('../dates');
const { alpha3 } = require('../data/countries');
const { ROLE_BY_ID, roleNames } = require('../data/roles');

/** A 200 result; `xmlType`/`xmlItem` name the contract for the XML rendering. */
const ok = (value, xmlType, xmlItem) => ({ status: 200, value, xml: { xmlType, xmlItem } });
/** A void method's answer. */
const noContent = () => ({ status: 204 });

/**
 * CreatedDate in the old .NET form for even AccountIds and ISO-8601 for odd ones, so every list
 * carries both and clients have to parse both (reference 1.5).
 */
const createdDate = (account) => (account.AccountId % 2 === 0 ? legacyDate(account.createdMs) : isoDate(account.createdMs));

/** The account, if it is the reseller's own or below it. */
function managedAccount(data, id, field = 'AccountId') {
	const account = data.accounts.get(id);
	if (!account) throw argumentFault(`${field} ${id} was not found`);
	if (!data.accounts.isManaged(id)) throw securityFault(`${field} ${id} is not managed by this reseller`);
	return account;
}

/** The user, if its account is managed by the reseller. */
function managedUser(data, userId) {
	const user = data.users.get(userId);
	if (!user) throw argumentFault(`UserId ${userId} was not found`);
	if (!data.accounts.isManaged(user.AccountId)) throw securityFault(`UserId ${userId} is not managed by this reseller`);
	return user;
}

/** The user, checked to belong to the given (managed) account. */
function userOfAccount(data, accountId, userId) {
	managedAccount(data, accountId);
	const user = managedUser(data, userId);
	if (user.AccountId !== accountId) throw argumentFault(`UserId ${userId} does not belong to AccountId ${accountId}`);
	return user;
}

function requireRole(roleId) {
	const role = ROLE_BY_ID.get(roleId);
	if (!role) throw argumentFault(`RoleId ${roleId} was not found`);
	return role;
}

/** GetAccounts item. */
function accountSummary(data, a, nowMs) {
	return {
		AccountId: a.AccountId,
		AccountName: a.AccountName,
		ParentAccountId: a.ParentAccountId,
		Status: a.Status,
		CreatedDate: createdDate(a),
		CreditBalance: data.credit.balance(a.AccountId, nowMs),
	};
}

/** GetAccount / UpdateAccount: the summary plus the editable members and the account's role names. */
function accountDetails(data, a, nowMs) {
	return {
		...accountSummary(data, a, nowMs),
		CompanyName: a.CompanyName,
		CountryIsoCode: a.CountryIsoCode,
		TimeZone: a.TimeZone,
		Notes: a.Notes,
		Roles: roleNames(a.RoleIds),
	};
}

function userView(u) {
	return {
		UserId: u.UserId,
		AccountId: u.AccountId,
		Username: u.Username,
		Firstname: u.Firstname,
		LastName: u.LastName,
		EmailAddress: u.EmailAddress,
		MobilePhoneNumber: u.MobilePhoneNumber,
		LandlinePhoneNumber: u.LandlinePhoneNumber,
		Notes: u.Notes,
		Enabled: u.Enabled,
		Roles: roleNames(u.RoleIds),
	};
}

/** Member spec: an ISO 3166-1 alpha-3 country code (any case). */
const countryField = () => ({ type: 'string', check: (v) => (alpha3(v) ? undefined : 'CountryIsoCode must be an ISO 3166-1 alpha-3 code, e.g. GBR') });

/** Member spec: an ISO-8601 date or date-time. */
const isoField = (name) => ({ type: 'string', required: true, check: (v) => (parseIsoDate(v) === null ? `${name} must be an ISO-8601 date, e.g. 2024-01-31T00:00:00Z` : undefined) });

module.exports = { ok, noContent, createdDate, managedAccount, managedUser, userOfAccount, requireRole, accountSummary, accountDetails, userView, countryField, isoField };
