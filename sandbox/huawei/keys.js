'use strict';
/**
 * The Huawei sandbox's credentials: AK/SK pairs and an IAM user. Tests import these to sign
 * requests and to log in; they are sandbox-only values and valid nowhere else.
 *
 * Who a credential belongs to decides what it may call: partner keys get the Partner Center APIs
 * (the main partner is a distributor, so it also gets the reseller APIs and `indirect_partner_id`),
 * the customer key gets the customer-only APIs (E6-E8). Within that, the permission table (Action
 * codes, see permissions.js) decides, and by default every caller holds every code.
 */

/** The main partner account: a distributor with six resellers. */
const PARTNER_DOMAIN = Object.freeze({
	id: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
	name: 'sandbox-partner',
	corpName: 'Sandbox Distributor GmbH',
});

/** The first reseller (second tier) of the main partner; it has its own AK/SK. */
const RESELLER_DOMAIN = Object.freeze({
	id: '1f2e3d4c5b6a79881726354453627180',
	name: 'sandbox-reseller',
	corpName: 'Sandbox Reseller Ltd',
});

/** A referral-model customer of the main partner with its own AK/SK (always seeded customer #1). */
const CUSTOMER_DOMAIN = Object.freeze({
	id: '5c0ffee05c0ffee05c0ffee05c0ffee0',
	name: 'sandbox-customer',
});

/**
 * Platform identifier Huawei assigns to the partner's sales platform; CreateSubCustomer must send
 * it as `xaccount_type` (the real one is shown in Partner Center after the API access setup).
 */
const XACCOUNT_TYPE = 'sandbox_partner_platform';

/** Permanent AK/SK of the main partner (distributor). Calls must carry `X-Domain-Id: domainId`. */
const partnerKey = Object.freeze({
	accessKeyId: 'HWSANDBOXPARTNERAK0001',
	secretAccessKey: 'sandboxHuaweiPartnerSecretKey0000000001',
	domainId: PARTNER_DOMAIN.id,
	domainName: PARTNER_DOMAIN.name,
});

/** Temporary (STS) AK/SK of the main partner: requests must also carry `X-Security-Token`. */
const tempPartnerKey = Object.freeze({
	accessKeyId: 'HWSANDBOXTEMPAK0000001',
	secretAccessKey: 'sandboxHuaweiTemporarySecretKey00000001',
	securityToken: 'gQpzYW5kYm94LXNlY3VyaXR5LXRva2VuLTAwMDE.sandbox-temporary-security-token-0001',
	domainId: PARTNER_DOMAIN.id,
	domainName: PARTNER_DOMAIN.name,
});

/** Permanent AK/SK of the reseller RESELLER_DOMAIN: a plain partner, not a distributor. */
const resellerKey = Object.freeze({
	accessKeyId: 'HWSANDBOXRESELLERAK001',
	secretAccessKey: 'sandboxHuaweiResellerSecretKey000000001',
	domainId: RESELLER_DOMAIN.id,
	domainName: RESELLER_DOMAIN.name,
});

/** AK/SK of the customer CUSTOMER_DOMAIN (customer-only APIs; partner APIs answer 403). */
const customerKey = Object.freeze({
	accessKeyId: 'HWSANDBOXCUSTOMERAK001',
	secretAccessKey: 'sandboxHuaweiCustomerSecretKey000000001',
	domainId: CUSTOMER_DOMAIN.id,
	domainName: CUSTOMER_DOMAIN.name,
});

/** IAM user of the partner account, for `POST /v3/auth/tokens` (password login, domain scope). */
const iamUser = Object.freeze({
	domainName: PARTNER_DOMAIN.name,
	userName: 'n8n-operator',
	password: 'Sandbox-Passw0rd!',
	userId: '7e1d0c9b8a7f6e5d4c3b2a1908f7e6d5',
	domainId: PARTNER_DOMAIN.id,
});

/** What a partner-side principal is allowed to be: which partner it acts for, and whether it is a distributor. */
const asPartner = (domain, distributor) => ({ role: 'partner', partnerId: domain.id, distributor, domain });

/**
 * Server-side view of every AK: secret, STS token (null for permanent keys), owner and the
 * operator name recorded in budget records.
 */
/** @type {Map<string, any>} */
const KEY_TABLE = new Map([
	[partnerKey.accessKeyId, { ...partnerKey, securityToken: null, ...asPartner(PARTNER_DOMAIN, true), operator: PARTNER_DOMAIN.name }],
	[tempPartnerKey.accessKeyId, { ...tempPartnerKey, ...asPartner(PARTNER_DOMAIN, true), operator: PARTNER_DOMAIN.name }],
	[resellerKey.accessKeyId, { ...resellerKey, securityToken: null, ...asPartner(RESELLER_DOMAIN, false), operator: RESELLER_DOMAIN.name }],
	[customerKey.accessKeyId, { ...customerKey, securityToken: null, role: 'customer', customerId: CUSTOMER_DOMAIN.id, domain: CUSTOMER_DOMAIN, operator: CUSTOMER_DOMAIN.name }],
]);

/** IAM users by `<domain name>\u0000<user name>` (both compared case-sensitively, as IAM does for passwords). */
const USER_TABLE = new Map([[`${iamUser.domainName}\u0000${iamUser.userName}`, { ...iamUser, ...asPartner(PARTNER_DOMAIN, true), operator: iamUser.userName }]]);

/** Every account the IAM stand-in knows, for `scope.domain` lookups and `GET /v3/auth/domains`. */
const DOMAINS = [PARTNER_DOMAIN, RESELLER_DOMAIN, CUSTOMER_DOMAIN];

module.exports = {
	PARTNER_DOMAIN,
	RESELLER_DOMAIN,
	CUSTOMER_DOMAIN,
	XACCOUNT_TYPE,
	partnerKey,
	tempPartnerKey,
	resellerKey,
	customerKey,
	iamUser,
	KEY_TABLE,
	USER_TABLE,
	DOMAINS,
};
