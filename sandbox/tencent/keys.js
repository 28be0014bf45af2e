'use strict';
/**
 * The sandbox's API keys. Tests import these to sign requests; they are sandbox-only values and
 * never valid anywhere else.
 *
 * `role` decides which actions a key may call: `partner` keys get the partner actions,
 * `customer` keys get the end-customer ("own credentials") actions; the other side answers
 * UnauthorizedOperation.UinNoAuth, like the real service.
 */

const PARTNER_UIN = 100000000001;
const FIRST_CUSTOMER_UIN = 200000000001;

/** Permanent partner key (caller role Distributor). */
const partnerKey = Object.freeze({
	secretId: 'AKIDsandboxPartnerKey00000000000001',
	secretKey: 'sandboxPartnerSecret000000000001',
});

/** Temporary (STS) partner key: requests must carry `X-TC-Token: <token>`. */
const tempPartnerKey = Object.freeze({
	secretId: 'AKIDsandboxTempKey000000000000000001',
	secretKey: 'sandboxTempSecret000000000000001',
	token: 'sandboxSessionToken-0001',
});

/** End-customer key of the first seeded customer (UIN 200000000001). */
const customerKey = Object.freeze({
	secretId: 'AKIDsandboxCustomerKey0000000000001',
	secretKey: 'sandboxCustomerSecret00000000001',
});

/**
 * Server-side view of every key: who it belongs to and what it may do.
 * `operator` is the name recorded as Operator in credit-allocation history.
 */
/** @type {Map<string, any>} */
const KEY_TABLE = new Map([
	[partnerKey.secretId, { ...partnerKey, token: null, role: 'partner', partnerRole: 'Distributor', uin: PARTNER_UIN, operator: 'sandbox-partner' }],
	[tempPartnerKey.secretId, { ...tempPartnerKey, role: 'partner', partnerRole: 'Distributor', uin: PARTNER_UIN, operator: 'sandbox-partner-sts' }],
	[customerKey.secretId, { ...customerKey, token: null, role: 'customer', uin: FIRST_CUSTOMER_UIN, operator: 'sandbox-customer' }],
]);

module.exports = { partnerKey, tempPartnerKey, customerKey, KEY_TABLE, PARTNER_UIN, FIRST_CUSTOMER_UIN };
