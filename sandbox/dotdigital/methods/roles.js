'use strict';
/**
 * Role methods (reference 7, all INFERRED). A role applied to an account applies to every user of
 * it; GetUserRoles and a user's `Roles` list only the roles given to the user directly.
 * Adding a role that is already there changes nothing (204); removing one that is not there is a
 * 400, so a client can tell that its view was stale.
 */
const { field } = require('../validate');
const { argumentFault } = require('../errors');
const { ROLES, rolesOf } = require('../data/roles');
const { ok, noContent, managedAccount, userOfAccount, requireRole } = require('./common');

const userRoleFields = () => ({ AccountId: field.id(), UserId: field.id(), RoleId: field.id() });
const accountRoleFields = () => ({ AccountId: field.id(), RoleId: field.id() });

const GetRoles = {
	fields: {},
	handler: () => ok(ROLES.map((r) => ({ ...r })), 'ArrayOfRole', 'Role'),
};

const AddRoleToUser = {
	write: true,
	fields: userRoleFields(),
	handler({ body, data }) {
		const user = userOfAccount(data, body.AccountId, body.UserId);
		requireRole(body.RoleId);
		if (!user.RoleIds.includes(body.RoleId)) data.users.update(user.UserId, { RoleIds: [...user.RoleIds, body.RoleId] });
		return noContent();
	},
};

const RemoveRoleFromUser = {
	write: true,
	fields: userRoleFields(),
	handler({ body, data }) {
		const user = userOfAccount(data, body.AccountId, body.UserId);
		requireRole(body.RoleId);
		if (!user.RoleIds.includes(body.RoleId)) throw argumentFault(`UserId ${body.UserId} does not have RoleId ${body.RoleId}`);
		data.users.update(user.UserId, { RoleIds: user.RoleIds.filter((id) => id !== body.RoleId) });
		return noContent();
	},
};

const AddRoleToAccount = {
	write: true,
	fields: accountRoleFields(),
	handler({ body, data }) {
		const account = managedAccount(data, body.AccountId);
		requireRole(body.RoleId);
		if (!account.RoleIds.includes(body.RoleId)) data.accounts.update(account.AccountId, { RoleIds: [...account.RoleIds, body.RoleId] });
		return noContent();
	},
};

const RemoveRoleFromAccount = {
	write: true,
	fields: accountRoleFields(),
	handler({ body, data }) {
		const account = managedAccount(data, body.AccountId);
		requireRole(body.RoleId);
		if (!account.RoleIds.includes(body.RoleId)) throw argumentFault(`AccountId ${body.AccountId} does not have RoleId ${body.RoleId}`);
		data.accounts.update(account.AccountId, { RoleIds: account.RoleIds.filter((id) => id !== body.RoleId) });
		return noContent();
	},
};

const GetUserRoles = {
	fields: { AccountId: field.id(), UserId: field.id() },
	handler({ body, data }) {
		return ok(rolesOf(userOfAccount(data, body.AccountId, body.UserId).RoleIds), 'ArrayOfRole', 'Role');
	},
};

const GetAccountRoles = {
	fields: { AccountId: field.id() },
	handler({ body, data }) {
		return ok(rolesOf(managedAccount(data, body.AccountId).RoleIds), 'ArrayOfRole', 'Role');
	},
};

module.exports = { GetRoles, AddRoleToUser, RemoveRoleFromUser, AddRoleToAccount, RemoveRoleFromAccount, GetUserRoles, GetAccountRoles };
