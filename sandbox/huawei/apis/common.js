'use strict';
/**
 * Building blocks shared by the API definitions: field specs, the Action-code sets, paging, the
 * "whose customers" scope (a distributor's `indirect_partner_id`), customer lookups with CBC.5002
 * and the public view of a customer.
 */
const { cbc } = require('../errors');
const { parseUtc, isMonth } = require('../time');

/** Action codes exactly as the seed's table / reference section 0 print them. */
const CODES = Object.freeze({
	REGISTER: ['BPC_ITEM_SUBCUSTSERV_010118'],
	QUERY_CUSTOMERS: ['BPC_ITEM_SUBCUSTSERV_010100', 'BPC_ITEM_SUBCUSTSERV_010500'],
	FREEZE: ['BPC_ITEM_SUBCUSTSERV_010501', 'BPC_ITEM_SUBCUSTSERV_010115'],
	RESELLERS: ['BPC_ITEM_SALES_020100'],
	ORDERS: ['BPC_ITEM_SUBCUSTSERV_060100', 'BPC_ITEM_SUBCUSTSERV_060200'],
	SHOW_BUDGET: ['BPC_ITEM_SUBCUSTSERV_010111', 'BPC_ITEM_SUBCUSTSERV_010503', 'BPC_ITEM_SUBCUSTSERV_010107'],
	SET_BUDGET: ['BPC_ITEM_SUBCUSTSERV_010111', 'BPC_ITEM_SUBCUSTSERV_010503'],
	BILLS: ['BPC_ITEM_FINANCE_090100'],
	ACCOUNT_QUOTA: ['BPC_ITEM_ACCOUNT_010500'],
	NONE: null,
});

/** Who may call an API: partner credentials, customer credentials, or both. */
const PARTNER = 'partner';
const CUSTOMER = 'customer';
const ANY = 'any';

const MAX_OFFSET = 40000000;

/** Field spec helpers (see validate.js). */
const spec = {
	offset: (max = MAX_OFFSET) => ({ type: 'integer', min: 0, max, default: 0 }),
	limit: (max = 100) => ({ type: 'integer', min: 1, max, default: 10 }),
	str: (maxLength, extra = {}) => ({ type: 'string', maxLength, ...extra }),
	enumOf: (values, extra = {}) => ({ type: 'string', enum: values, ...extra }),
	/** UTC `YYYY-MM-DDThh:mm:ssZ`, exactly 20 characters. */
	utcTime: (extra = {}) => ({
		type: 'string',
		check: (v) => (parseUtc(v) === null ? `must be a UTC time YYYY-MM-DDThh:mm:ssZ (20 characters, no milliseconds), got ${JSON.stringify(v)}.` : undefined),
		...extra,
	}),
	/** `YYYY-MM`. */
	month: (extra = {}) => ({
		type: 'string',
		maxLength: 10,
		check: (v) => (isMonth(v) ? undefined : `must be a month YYYY-MM, got ${JSON.stringify(v)}.`),
		...extra,
	}),
	/** Fuzzy-match filters reject whitespace (reference: "fuzzy, no spaces"). */
	fuzzy: (maxLength) => ({ type: 'string', maxLength, check: (v) => (/\s/.test(v) ? `must not contain spaces, got ${JSON.stringify(v)}.` : undefined) }),
	indirectPartner: () => ({ type: 'string', maxLength: 64 }),
};

const ok = (body) => ({ status: 200, body });
const noContent = () => ({ status: 204, body: null });

/** One page of a list. */
const pageOf = (list, offset, limit) => list.slice(offset, offset + limit);

/**
 * The owner whose customers a call acts on: the caller's own partner account, or (distributors
 * only) one of its resellers named by `indirect_partner_id`; anything else is CBC.99000037.
 */
function scopeOf(ctx, indirectPartnerId) {
	const { caller, data } = ctx;
	if (indirectPartnerId === undefined) return caller.partnerId;
	if (!caller.distributor || !data.resellers.has(indirectPartnerId)) {
		throw cbc(400, 'CBC.99000037', `You have no permission to operate the reseller ${indirectPartnerId}.`);
	}
	return indirectPartnerId;
}

/** A customer of `ownerId`, or 400 CBC.5002 (unknown ids and other partners' customers alike). */
function scopedCustomer(ctx, customerId, ownerId) {
	const c = ctx.data.store.get(customerId);
	if (!c || c.ownerId !== ownerId) throw cbc(400, 'CBC.5002', `The customer ${customerId} does not exist or is not associated with you.`);
	return c;
}

/** A reseller-model customer of `ownerId` (budgets only exist for those), or CBC.5002. */
function resellerCustomer(ctx, customerId, ownerId) {
	const c = scopedCustomer(ctx, customerId, ownerId);
	if (c.association_type !== '3' || !c.budget) throw cbc(400, 'CBC.5002', `The customer ${customerId} is not associated with you in the reseller model.`);
	return c;
}

/** CustomerInformation as the API prints it: optional fields only when set. */
function customerView(c) {
	const out = { customer_id: c.customer_id, account_name: c.account_name };
	for (const name of ['customer', 'associated_on', 'association_type', 'label', 'telephone', 'verified_status', 'country_code', 'customer_type', 'is_frozen', 'account_managers', 'xaccount_id', 'xaccount_type', 'customer_level', 'email']) {
		if (c[name] !== undefined && c[name] !== null) out[name] = c[name];
	}
	return out;
}

const round2 = (x) => Math.round(x * 100) / 100;

module.exports = { CODES, PARTNER, CUSTOMER, ANY, MAX_OFFSET, spec, ok, noContent, pageOf, scopeOf, scopedCustomer, resellerCustomer, customerView, round2 };
