'use strict';
/**
 * The predefined roles. The reference (4, 7) confirms that dotdigital ships predefined roles that
 * apply to a user or to a whole account, but no names or ids were ever published: these six are the
 * sandbox's invention, stable across seeds so tests can name them.
 */
/** @type {ReadonlyArray<Readonly<{ RoleId: number, RoleName: string, Description: string }>>} */
const ROLES = Object.freeze([
	{ RoleId: 1, RoleName: 'Administrator', Description: 'Full access to the account, its users and settings' },
	{ RoleId: 2, RoleName: 'Messaging User', Description: 'Send and receive messages on every channel' },
	{ RoleId: 3, RoleName: 'Reporting', Description: 'View message logs and reports' },
	{ RoleId: 4, RoleName: 'Billing', Description: 'View invoices and credit, buy credit' },
	{ RoleId: 5, RoleName: 'Developer', Description: 'Manage API spaces, keys and webhooks' },
	{ RoleId: 6, RoleName: 'Read Only', Description: 'View everything, change nothing' },
].map((role) => Object.freeze(role)));

const ROLE_BY_ID = new Map(ROLES.map((r) => [r.RoleId, r]));

/** Role objects for ids, in role id order. */
const rolesOf = (ids) => [...new Set(ids)].sort((a, b) => a - b).map((id) => ({ ...ROLE_BY_ID.get(id) }));
const roleNames = (ids) => rolesOf(ids).map((r) => r.RoleName);

module.exports = { ROLES, ROLE_BY_ID, rolesOf, roleNames };
