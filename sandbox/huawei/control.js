'use strict';
/**
 * Huawei-specific control operations: seed, add/remove customers, set budgets, read a verification
 * code, deny/allow permission items, token lifetime and revocation, the association switches, and
 * raw state. Each is a plain function (sandbox.control.huawei.*, for in-process tests) and an HTTP
 * route under /_control/huawei/... or /_control/state/huawei/... (for everything else).
 */
const { MAX_CUSTOMERS, maskMobile } = require('./data/customers');
const { parseUtc, formatUtc } = require('./time');
const { XACCOUNT_TYPE } = require('./keys');

const badRequest = (message) => Object.assign(new Error(message), { status: 400 });
const notFound = (message) => Object.assign(new Error(message), { status: 404 });
const conflict = (message) => Object.assign(new Error(message), { status: 409 });

/** Stored customer fields a test may set when adding a customer, with their JSON types. */
const CUSTOMER_FIELDS = {
	customer_id: 'string', account_name: 'string', customer: 'string', associated_on: 'string', association_type: 'string',
	is_frozen: 'integer', freeze_type: 'string', verified_status: 'string', customer_type: 'integer', xaccount_id: 'string',
	xaccount_type: 'string', email: 'string', label: 'string', mobile: 'string', customer_level: 'string', account_managers: 'array',
	indirect_partner_id: 'string', budget_amount: 'number', used_amount: 'number', budget_type: 'string', frozen_operate_type: 'integer',
};

function checkType(name, type, value) {
	const ok =
		type === 'integer' ? Number.isSafeInteger(value) : type === 'number' ? typeof value === 'number' && Number.isFinite(value) : type === 'array' ? Array.isArray(value) : typeof value === type;
	if (!ok) throw badRequest(`${name} must be ${type === 'integer' ? 'an integer' : type === 'array' ? 'an array' : `a ${type}`}`);
}

function checkEnum(name, value, values) {
	if (value !== undefined && !values.includes(value)) throw badRequest(`${name} must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
}

const round2 = (x) => Math.round(x * 100) / 100;

/** The id from a body `{ customer_id }`, a query value, or a bare string. */
function idFrom(value) {
	const id = value && typeof value === 'object' ? value.customer_id : value;
	if (typeof id !== 'string' || id === '') throw badRequest('customer_id must be a non-empty string');
	return id;
}

/**
 * @param {{ getData: () => object, clock: object, tokens: object, permissions: object,
 *   switches: {associationDelay: number, associationTimeouts: number}, reseed: Function,
 *   resetProvider: Function }} deps
 */
function createHuaweiControl({ getData, clock, tokens, permissions, switches, reseed, resetProvider }) {
	const requireCustomer = (id) => {
		const c = getData().store.get(id);
		if (!c) throw notFound(`no customer ${id}`);
		return c;
	};

	const functions = {
		/**
		 * Only the Huawei part back to its start configuration (options override the seed options):
		 * data, tokens and their lifetime, denials, switches, rate-limit windows. Faults, the
		 * request log and the clock are shared: use the sandbox-wide reset for those.
		 * @param {Record<string, any>} [body] the control call's body
		 */
		reset(body = {}) {
			resetProvider(body);
			return { reset: true };
		},
		/** Replaces all Huawei data with `customers` generated direct customers (100 000 in well under a second). @param {Record<string, any>} [body] */
		seed(body = {}) {
			const { customers, seed, anchor } = body;
			if (!Number.isInteger(customers) || customers < 0 || customers > MAX_CUSTOMERS) throw badRequest(`customers must be an integer 0..${MAX_CUSTOMERS}`);
			reseed({ customers, ...(seed !== undefined ? { seed } : {}), ...(anchor !== undefined ? { anchor } : {}) });
			return { customers: getData().store.size, directCustomers: customers };
		},
		/**
		 * Adds one customer. Defaults: new 32-hex id, associated now, reseller model ("3") with a zero
		 * MONTHLY budget, not frozen, not verified, owned by the main partner (or the reseller given
		 * as indirect_partner_id). Returns the stored record.
		 * @param {Record<string, any>} [fields] the control call's body
		 */
		addCustomer(fields = {}) {
			if (!fields || typeof fields !== 'object' || Array.isArray(fields)) throw badRequest('body must be a JSON object');
			for (const [name, value] of Object.entries(fields)) {
				if (!CUSTOMER_FIELDS[name]) throw badRequest(`unknown customer field ${name}; allowed: ${Object.keys(CUSTOMER_FIELDS).join(', ')}`);
				checkType(name, CUSTOMER_FIELDS[name], value);
			}
			checkEnum('association_type', fields.association_type, ['1', '3']);
			checkEnum('is_frozen', fields.is_frozen, [0, 1]);
			checkEnum('freeze_type', fields.freeze_type, ['ACCOUNT', 'ACCOUNT_AND_RESOURCE']);
			checkEnum('verified_status', fields.verified_status, ['-1', '0', '1', '2', '3']);
			checkEnum('customer_type', fields.customer_type, [-1, 0, 1]);
			checkEnum('budget_type', fields.budget_type, ['MONTHLY', 'PACKAGE']);
			checkEnum('frozen_operate_type', fields.frozen_operate_type, [0, 1]);
			const data = getData();
			const { store, registration, partner, resellers } = data;
			const nowSec = Math.floor(clock.now() / 1000);
			const associatedSec = fields.associated_on !== undefined ? parseUtc(fields.associated_on) : nowSec;
			if (associatedSec === null) throw badRequest('associated_on must be YYYY-MM-DDThh:mm:ssZ (UTC)');
			if (fields.customer_id !== undefined && !/^[0-9a-f]{32}$/.test(fields.customer_id)) throw badRequest('customer_id must be 32 lower-case hex characters');
			if (fields.mobile !== undefined && !/^\d{4}-\d+$/.test(fields.mobile)) throw badRequest('mobile must look like 0049-15112345678');
			const ownerId = fields.indirect_partner_id ?? partner.id;
			if (ownerId !== partner.id && !resellers.has(ownerId)) throw notFound(`no reseller ${ownerId}`);
			const id = fields.customer_id ?? registration.nextCustomerId();
			if (store.has(id)) throw conflict(`customer ${id} already exists`);
			const accountName = fields.account_name ?? `customer-${id.slice(0, 8)}`;
			if (store.findBy('account_name', accountName)) throw conflict(`account_name ${accountName} is already used`);
			if (fields.xaccount_id !== undefined && store.findBy('xaccount_id', fields.xaccount_id)) throw conflict(`xaccount_id ${fields.xaccount_id} is already used`);
			if (fields.email !== undefined && store.findBy('email', fields.email)) throw conflict(`email ${fields.email} is already used`);
			const associationType = fields.association_type ?? '3';
			const frozen = fields.is_frozen ?? (fields.freeze_type ? 1 : 0);
			const record = {
				customer_id: id,
				account_name: accountName,
				associated_on: formatUtc(associatedSec),
				associatedSec,
				association_type: associationType,
				verified_status: fields.verified_status ?? '-1',
				customer_type: fields.customer_type ?? -1,
				is_frozen: frozen,
				freezeType: frozen ? fields.freeze_type ?? 'ACCOUNT' : null,
				customer_level: fields.customer_level ?? 'V0',
				ownerId,
				budget:
					associationType === '3'
						? {
								budget_amount: round2(fields.budget_amount ?? 0),
								used_amount: round2(fields.used_amount ?? 0),
								budget_type: fields.budget_type ?? 'MONTHLY',
								frozen_operate_type: fields.frozen_operate_type ?? null,
							}
						: null,
				seedBudget: null,
				source: 'control',
			};
			for (const name of ['customer', 'label', 'email', 'xaccount_id', 'account_managers']) if (fields[name] !== undefined) record[name] = fields[name];
			if (fields.xaccount_id !== undefined) record.xaccount_type = fields.xaccount_type ?? XACCOUNT_TYPE;
			if (fields.mobile !== undefined) {
				const [countryCode, digits] = fields.mobile.split('-');
				Object.assign(record, { mobile: fields.mobile, country_code: countryCode, telephone: maskMobile(digits) });
			}
			return store.add(record);
		},
		removeCustomer(body) {
			const id = idFrom(body);
			const data = getData();
			if (!data.store.remove(id)) throw notFound(`no customer ${id}`);
			data.budgetRecords.forget(id);
			return { removed: id };
		},
		/** Sets budget figures directly (no adjustment record); only reseller-model customers have budgets. @param {Record<string, any>} [body] */
		setBudget(body = {}) {
			const id = idFrom(body);
			const c = requireCustomer(id);
			if (!c.budget) throw badRequest(`customer ${id} is not a reseller-model customer and has no budget`);
			const budget = { ...c.budget };
			for (const name of ['budget_amount', 'used_amount']) {
				if (body[name] !== undefined) {
					checkType(name, 'number', body[name]);
					budget[name] = round2(body[name]);
				}
			}
			checkEnum('budget_type', body.budget_type, ['MONTHLY', 'PACKAGE']);
			checkEnum('frozen_operate_type', body.frozen_operate_type, [0, 1]);
			if (body.budget_type !== undefined) budget.budget_type = body.budget_type;
			if (body.frozen_operate_type !== undefined) budget.frozen_operate_type = body.frozen_operate_type;
			getData().store.update(id, { budget });
			return functions.getBudget(id);
		},
		/** A customer's budget with the remaining amount, or a 404 / 400. */
		getBudget(customerId) {
			const id = idFrom(customerId);
			const c = requireCustomer(id);
			if (!c.budget) throw badRequest(`customer ${id} is not a reseller-model customer and has no budget`);
			return { customer_id: id, ...c.budget, remaining: round2(c.budget.budget_amount - c.budget.used_amount), measure_id: 1, currency: 'USD', is_frozen: c.is_frozen };
		},
		/** The raw stored customer (full mobile, internal fields), or a 404. */
		getCustomer(customerId) {
			return requireCustomer(idFrom(customerId));
		},
		/** The last verification code sent to an e-mail address, or a 404. */
		getVerificationCode(email) {
			const address = email && typeof email === 'object' ? email.email : email;
			if (typeof address !== 'string' || address === '') throw badRequest('email must be a non-empty string');
			const sent = getData().registration.codes.get(address.toLowerCase());
			if (!sent) throw notFound(`no verification code was sent to ${address}`);
			return { email: sent.email, code: sent.code, sentAt: sent.sentMs, expiresAt: sent.expiresMs, failures: sent.failures, used: sent.used, lang: sent.lang };
		},
		/** Denies Action codes to an AK (`{ak, codes}`) or an IAM user (`{userName, codes}`). */
		denyActions: (body) => permissions.deny(body),
		/** Gives Action codes back (all of them when `codes` is omitted). */
		allowActions: (body) => permissions.allow(body),
		getPermissions: () => permissions.list(),
		/** Lifetime of tokens issued from now on, in seconds (default 86400). @param {Record<string, any>} [body] */
		setTokenLifetime(body = {}) {
			const seconds = typeof body === 'number' ? body : body.seconds;
			if (!Number.isInteger(seconds) || seconds < 1) throw badRequest('seconds must be an integer >= 1');
			tokens.setLifetime(seconds);
			return { seconds };
		},
		/** Invalidates every issued token (next use: 401 APIG.0307). */
		revokeTokens() {
			return { revoked: tokens.revokeAll() };
		},
		/** Customers created through the API stay out of ListSubCustomers for the next `queries` queries (0 = visible at once). @param {Record<string, any>} [body] */
		setAssociationDelay(body = {}) {
			const queries = typeof body === 'number' ? body : body.queries;
			if (!Number.isInteger(queries) || queries < 0) throw badRequest('queries must be an integer >= 0');
			switches.associationDelay = queries;
			return { queries };
		},
		/** The next `count` CreateSubCustomer calls with include_association_result=true create the account, then answer 500 CBC.99000050. @param {Record<string, any>} [body] */
		failNextAssociations(body = {}) {
			const count = typeof body === 'number' ? body : body.count;
			if (!Number.isInteger(count) || count < 0) throw badRequest('count must be an integer >= 0');
			switches.associationTimeouts = count;
			return { count };
		},
		getPartner() {
			const { partner, store, resellers, orders, options, anchorSec } = getData();
			return {
				id: partner.id,
				name: partner.name,
				distributor: partner.distributor,
				customers: store.listOf(partner.id).length,
				resellers: resellers.list.map((r) => ({ indirect_partner_id: r.indirect_partner_id, account_name: r.account_name, customers: store.listOf(r.indirect_partner_id).length })),
				orders: orders.list.length,
				seed: options.seed,
				anchor: formatUtc(anchorSec),
				tokens: tokens.size,
				tokenLifetimeSec: tokens.lifetimeSec,
				switches: { ...switches },
			};
		},
	};

	const routes = [
		{ method: 'POST', path: '/_control/huawei/reset', run: (q, body) => functions.reset(body) },
		{ method: 'POST', path: '/_control/huawei/seed', run: (q, body) => functions.seed(body) },
		{ method: 'POST', path: '/_control/huawei/customers', run: (q, body) => functions.addCustomer(body) },
		{ method: 'POST', path: '/_control/huawei/customers/remove', run: (q, body) => functions.removeCustomer(body) },
		{ method: 'POST', path: '/_control/huawei/budget', run: (q, body) => functions.setBudget(body) },
		{ method: 'GET', path: '/_control/huawei/verification-code', run: (q) => functions.getVerificationCode(q.get('email') ?? '') },
		{ method: 'POST', path: '/_control/huawei/permissions/deny', run: (q, body) => functions.denyActions(body) },
		{ method: 'POST', path: '/_control/huawei/permissions/allow', run: (q, body) => functions.allowActions(body) },
		{ method: 'POST', path: '/_control/huawei/token-lifetime', run: (q, body) => functions.setTokenLifetime(body) },
		{ method: 'POST', path: '/_control/huawei/tokens/revoke', run: () => functions.revokeTokens() },
		{ method: 'POST', path: '/_control/huawei/association-delay', run: (q, body) => functions.setAssociationDelay(body) },
		{ method: 'POST', path: '/_control/huawei/association-timeouts', run: (q, body) => functions.failNextAssociations(body) },
		{ method: 'GET', path: '/_control/state/huawei/customer', run: (q) => functions.getCustomer(q.get('customer_id') ?? '') },
		{ method: 'GET', path: '/_control/state/huawei/budget', run: (q) => functions.getBudget(q.get('customer_id') ?? '') },
		{ method: 'GET', path: '/_control/state/huawei/permissions', run: () => functions.getPermissions() },
		{ method: 'GET', path: '/_control/state/huawei/partner', run: () => functions.getPartner() },
	];

	return { functions, routes };
}

module.exports = { createHuaweiControl };
