'use strict';
/**
 * The sandbox's reseller API user. Tests import these to build the Basic `Authorization` header;
 * they are sandbox-only values and never valid anywhere else.
 *
 * The real service issues a partner/reseller API user on request (reference section 2); there is
 * exactly one here, belonging to the reseller account 1000, under which every seeded customer
 * account sits.
 */

/** The reseller's own account: every account the API may touch is below it. */
const RESELLER_ACCOUNT_ID = 1000;

/** The reseller API user's UserId (a user of account 1000, like any portal user). */
const RESELLER_API_USER_ID = 100;

const resellerUser = Object.freeze({
	username: 'sandbox-reseller-api@example.com',
	password: 'Sandbox-Reseller-Pass-1!',
	accountId: RESELLER_ACCOUNT_ID,
	userId: RESELLER_API_USER_ID,
});

/** The realm named in the 401's `WWW-Authenticate` header. */
const REALM = 'ResellerServices';

module.exports = { resellerUser, RESELLER_ACCOUNT_ID, RESELLER_API_USER_ID, REALM };
