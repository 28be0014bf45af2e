'use strict';
/**
 * Tencent-specific control operations: seed, add/remove customers, set credit, read the last SMS
 * code, tune download readiness, read raw state. Each is a plain function (for in-process tests)
 * and an HTTP route under /_control/tencent/... or /_control/state/tencent/... (for everything else).
 */
const { buildCustomer, MAX_CUSTOMERS } = require('./data/customers');
const { parseDateTime, parseDate } = require('./time');

const badRequest = (message) => Object.assign(new Error(message), { status: 400 });
const notFound = (message) => Object.assign(new Error(message), { status: 404 });

/** Stored customer fields a test may set when adding a customer, with their JSON types. */
const CUSTOMER_FIELDS = {
	ClientUin: 'integer', Name: 'string', Email: 'string', Mobile: 'string', CountryCode: 'string', Area: 'string', Remark: 'string',
	Type: 'string', AccountType: 'string', IdentifyType: 'integer', Force: 'integer', Credit: 'number', RemainingCredit: 'number',
	AssociationTime: 'string', RecentExpiry: 'string', AccountStatus: 'string', AuthStatus: 'string', AuthType: 'integer',
	UinRegisterTime: 'string', CidRegisterTime: 'string', AuthPassTime: 'string', HasExpense: 'integer', PrepayFrozen: 'number', PostpayFrozen: 'number',
};

/** Date-time fields setRawTimes writes exactly as given. */
const RAW_TIME_FIELDS = ['AssociationTime', 'RecentExpiry', 'BindTime', 'UinRegisterTime', 'CidRegisterTime', 'AuthPassTime'];

function checkType(name, type, value) {
	const ok = type === 'integer' ? Number.isSafeInteger(value) : type === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === type;
	if (!ok) throw badRequest(`${name} must be ${type === 'integer' ? 'an integer' : `a ${type}`}`);
}

function uinFrom(value, name = 'ClientUin') {
	const uin = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	if (!Number.isSafeInteger(uin) || uin <= 0) throw badRequest(`${name} must be a positive integer`);
	return uin;
}

/**
 * @param {{ getData: () => object, clock: object, downloads: object, reseed: Function }} deps
 */
function createTencentControl({ getData, clock, downloads, reseed }) {
	const requireCustomer = (uin) => {
		const c = getData().directory.get(uin);
		if (!c) throw notFound(`no customer ${uin}`);
		return c;
	};

	const functions = {
		/** Replaces the direct customers (and everything seeded from them) with `customers` generated ones. @param {Record<string, any>} [body] */
		seed(body = {}) {
			const { customers, seed, anchor } = body;
			if (!Number.isInteger(customers) || customers < 0 || customers > MAX_CUSTOMERS) throw badRequest(`customers must be an integer 0..${MAX_CUSTOMERS}`);
			reseed({ customers, ...(seed !== undefined ? { seed } : {}), ...(anchor !== undefined ? { anchor } : {}) });
			return { customers: getData().directory.size };
		},
		/** Adds one customer; defaults: next free UIN, associated now, no credit. Returns the stored record. @param {Record<string, any>} [fields] */
		addCustomer(fields = {}) {
			if (!fields || typeof fields !== 'object' || Array.isArray(fields)) throw badRequest('body must be a JSON object');
			for (const [name, value] of Object.entries(fields)) {
				if (!CUSTOMER_FIELDS[name]) throw badRequest(`unknown customer field ${name}; allowed: ${Object.keys(CUSTOMER_FIELDS).join(', ')}`);
				checkType(name, CUSTOMER_FIELDS[name], value);
			}
			const data = getData();
			let associationSec;
			if (fields.AssociationTime !== undefined) {
				associationSec = parseDateTime(fields.AssociationTime) ?? parseDate(fields.AssociationTime);
				if (associationSec === null) throw badRequest('AssociationTime must be YYYY-MM-DD HH:mm:ss or YYYY-MM-DD (UTC+8)');
			}
			const uin = fields.ClientUin !== undefined ? uinFrom(fields.ClientUin) : data.directory.nextUin();
			if (data.directory.has(uin)) throw Object.assign(new Error(`customer ${uin} already exists`), { status: 409 });
			const record = buildCustomer({ ...fields, ClientUin: uin, AssociationTime: undefined, associationSec, source: 'control' }, clock.nowSec());
			return data.directory.add(record);
		},
		removeCustomer(body) {
			const uin = uinFrom(body && typeof body === 'object' ? body.ClientUin : body);
			const data = getData();
			if (!data.directory.remove(uin)) throw notFound(`no customer ${uin}`);
			data.credit.forget(uin);
			return { removed: uin };
		},
		/** Sets a customer's Credit and/or RemainingCredit directly (no allocation history entry). @param {Record<string, any>} [body] */
		setCredit(body = {}) {
			const uin = uinFrom(body.ClientUin);
			const changes = {};
			for (const name of ['Credit', 'RemainingCredit']) {
				if (body[name] !== undefined) {
					checkType(name, 'number', body[name]);
					changes[name] = Math.round(body[name] * 100) / 100;
				}
			}
			const data = getData();
			const before = requireCustomer(uin);
			data.credit.historyNewestFirst(before); // keep its seeded history based on the old figures
			return data.directory.update(uin, changes);
		},
		/**
		 * Writes a customer's date-time fields exactly as given (any text, '' or null: zero dates,
		 * impossible dates), as Tencent sometimes does, so tests see what the nodes make of them.
		 * The customer keeps its place in the lists (its association second is not changed).
		 * @param {Record<string, any>} [body] the control call's body
		 */
		setRawTimes(body = {}) {
			const uin = uinFrom(body.ClientUin);
			requireCustomer(uin);
			const changes = {};
			for (const [name, value] of Object.entries(body)) {
				if (name === 'ClientUin') continue;
				if (!RAW_TIME_FIELDS.includes(name)) throw badRequest(`unknown date-time field ${name}; allowed: ${RAW_TIME_FIELDS.join(', ')}`);
				if (value !== null && typeof value !== 'string') throw badRequest(`${name} must be a string or null`);
				changes[name] = value;
			}
			return getData().directory.update(uin, changes);
		},
		/** Moves the partner's TotalCredit so its RemainingCredit (allocatable) becomes this value. @param {Record<string, any>} [body] */
		setPartnerRemainingCredit(body = {}) {
			checkType('RemainingCredit', 'number', body.RemainingCredit);
			getData().credit.setRemaining(body.RemainingCredit);
			return functions.getPartner();
		},
		/**
		 * New allocations appear in QueryCreditAllocationHistory `lagMs` after they were applied, by the
		 * sandbox clock (so a test moves the clock instead of waiting); 0 lists them at once.
		 * @param {Record<string, any>} [body] the control call's body
		 */
		setHistoryLag(body = {}) {
			const lagMs = typeof body === 'number' ? body : body.lagMs;
			if (!Number.isInteger(lagMs) || lagMs < 0) throw badRequest('lagMs must be an integer >= 0');
			getData().credit.setHistoryLag(lagMs);
			return { lagMs };
		},
		/** The last SMS code "sent" to a number, or a 404. */
		getVerifyCode(phoneNum) {
			const sent = getData().onboarding.codes.get(String(phoneNum));
			if (!sent) throw notFound(`no verification code was sent to ${phoneNum}`);
			return { PhoneNum: String(phoneNum), CountryCode: sent.countryCode, VerifyCode: sent.code, sentAt: sent.sentAtMs };
		},
		setDownloadReadyAfter(body = {}) {
			const polls = typeof body === 'number' ? body : body.polls;
			if (!Number.isInteger(polls) || polls < -1) throw badRequest('polls must be an integer >= -1 (-1 = never ready)');
			downloads.setReadyAfter(polls);
			return { polls };
		},
		/** The raw stored customer (full e-mail and internal fields), or a 404. */
		getCustomer(uin) {
			return requireCustomer(uinFrom(uin));
		},
		getPartner() {
			const { credit, directory, partner } = getData();
			return {
				Uin: partner.uin, Name: partner.name, TotalCredit: credit.totalCents / 100, AllocatedCredit: credit.allocatedCents() / 100,
				RemainingCredit: credit.remainingCents() / 100, CustomerCount: directory.size,
			};
		},
	};

	const routes = [
		{ method: 'POST', path: '/_control/tencent/seed', run: (q, body) => functions.seed(body) },
		{ method: 'POST', path: '/_control/tencent/customers', run: (q, body) => functions.addCustomer(body) },
		{ method: 'POST', path: '/_control/tencent/customers/remove', run: (q, body) => functions.removeCustomer(body) },
		{ method: 'POST', path: '/_control/tencent/credit', run: (q, body) => functions.setCredit(body) },
		{ method: 'POST', path: '/_control/tencent/customers/raw-times', run: (q, body) => functions.setRawTimes(body) },
		{ method: 'POST', path: '/_control/tencent/partner-credit', run: (q, body) => functions.setPartnerRemainingCredit(body) },
		{ method: 'GET', path: '/_control/tencent/verify-code', run: (q) => functions.getVerifyCode(q.get('PhoneNum') ?? '') },
		{ method: 'POST', path: '/_control/tencent/history-lag', run: (q, body) => functions.setHistoryLag(body) },
		{ method: 'POST', path: '/_control/tencent/download-ready-after', run: (q, body) => functions.setDownloadReadyAfter(body) },
		{ method: 'GET', path: '/_control/state/tencent/customer', run: (q) => functions.getCustomer(q.get('ClientUin')) },
		{ method: 'GET', path: '/_control/state/tencent/partner', run: () => functions.getPartner() },
	];

	return { functions, routes };
}

module.exports = { createTencentControl };
