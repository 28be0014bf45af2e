'use strict';
/**
 * User methods. AddUserToAccount is the one CONFIRMED method (reference 6.1): its member names are
 * exactly the documented ones, including `Firstname` with a lower-case n. GetUsers, UpdateUser,
 * RemoveUserFromAccount and SetUserPassword are INFERRED.
 */
const { field } = require('../validate');
const { argumentFault, securityFault } = require('../errors');
const { RESELLER_API_USER_ID } = require('../keys');
const { ok, noContent, managedAccount, managedUser, userOfAccount, userView } = require('./common');

/**
 * "Must be longer than 8 characters" is CONFIRMED; "complex" is read as: at least one upper-case
 * letter, one lower-case letter, one digit and one symbol.
 */
function passwordProblem(v) {
	if (v.length <= 8) return 'Password must be longer than 8 characters';
	if (!/[A-Z]/.test(v) || !/[a-z]/.test(v) || !/\d/.test(v) || !/[^A-Za-z0-9]/.test(v)) {
		return 'Password must contain an upper-case letter, a lower-case letter, a digit and a symbol';
	}
	return undefined;
}
const passwordField = () => ({ type: 'string', required: true, check: passwordProblem });

const usernameField = () => ({
	type: 'string',
	required: true,
	check: (v) => (v.trim().length < 1 || v.length > 100 ? 'Username must be between 1 and 100 characters' : /\s/.test(v) ? 'Username must not contain spaces' : undefined),
});

const AddUserToAccount = {
	write: true,
	fields: {
		AccountId: field.id(),
		Username: usernameField(),
		Password: passwordField(),
		Firstname: field.name('Firstname', 50),
		LastName: field.name('LastName', 50),
		EmailAddress: field.email('EmailAddress'),
		MobilePhoneNumber: field.phone('MobilePhoneNumber'),
		LandlinePhoneNumber: field.phone('LandlinePhoneNumber'),
		Notes: field.text('Notes', 1000),
		ChangePasswordAtNextLogon: field.boolean(),
	},
	/** Usernames are unique platform-wide (case-insensitive), across every reseller. */
	handler({ body, data, nowMs }) {
		managedAccount(data, body.AccountId);
		if (data.users.findByUsername(body.Username)) throw argumentFault('Username already exists');
		const user = data.users.add(
			body.AccountId,
			{
				Username: body.Username,
				Firstname: body.Firstname,
				LastName: body.LastName,
				EmailAddress: body.EmailAddress,
				MobilePhoneNumber: body.MobilePhoneNumber,
				LandlinePhoneNumber: body.LandlinePhoneNumber,
				Notes: body.Notes ?? null,
				ChangePasswordAtNextLogon: body.ChangePasswordAtNextLogon ?? false,
				passwordSha256: data.users.sha256(body.Password),
			},
			nowMs,
		);
		return ok({ UserId: user.UserId }, 'AddUserToAccountResponse');
	},
};

const GetUsers = {
	fields: { AccountId: field.id() },
	handler({ body, data }) {
		managedAccount(data, body.AccountId);
		return ok(data.users.list(body.AccountId).map(userView), 'ArrayOfUser', 'User');
	},
};

const UpdateUser = {
	write: true,
	fields: {
		UserId: field.id(),
		Firstname: field.name('Firstname', 50, false),
		LastName: field.name('LastName', 50, false),
		EmailAddress: field.email('EmailAddress', false),
		MobilePhoneNumber: field.phone('MobilePhoneNumber', false),
		LandlinePhoneNumber: field.phone('LandlinePhoneNumber', false),
		Notes: field.text('Notes', 1000),
	},
	/** Changes the members given; returns the user. */
	handler({ body, data }) {
		managedUser(data, body.UserId);
		const { UserId, ...changes } = body;
		return ok(userView(data.users.update(UserId, changes)), 'User');
	},
};

const RemoveUserFromAccount = {
	write: true,
	fields: { AccountId: field.id(), UserId: field.id() },
	handler({ body, data }) {
		userOfAccount(data, body.AccountId, body.UserId);
		if (body.UserId === RESELLER_API_USER_ID) throw securityFault('The calling API user cannot remove itself');
		data.users.remove(body.UserId);
		return noContent();
	},
};

const SetUserPassword = {
	write: true,
	fields: { UserId: field.id(), Password: passwordField(), ChangePasswordAtNextLogon: field.boolean() },
	handler({ body, data, nowMs }) {
		managedUser(data, body.UserId);
		if (body.UserId === RESELLER_API_USER_ID) throw securityFault('The calling API user cannot change its own password with this method');
		data.users.update(body.UserId, {
			passwordSha256: data.users.sha256(body.Password),
			ChangePasswordAtNextLogon: body.ChangePasswordAtNextLogon ?? false,
			passwordChangedMs: nowMs,
		});
		return noContent();
	},
};

module.exports = { AddUserToAccount, GetUsers, UpdateUser, RemoveUserFromAccount, SetUserPassword };
