'use strict';
/**
 * Customer registration (reference 5.1-5.3): check a name / e-mail / mobile, send an e-mail
 * verification code, create the customer. A created customer is associated at once in the
 * reseller model and starts frozen with a zero budget; control switches can hide it from the
 * customer query for a number of queries (the real association is asynchronous) or make the
 * next creates answer CBC.99000050.
 */
const { CODES, PARTNER, spec, ok, noContent, scopeOf } = require('./common');
const { cbc, invalidParam } = require('../errors');
const { COUNTRIES } = require('../data/catalog');
const { DOMAINS, XACCOUNT_TYPE } = require('../keys');
const { formatUtc } = require('../time');

const CHECK_NAME = /^([a-zA-Z-]([a-zA-Z0-9_-]){4,31})$/;
const CREATE_NAME = /^([a-zA-Z_-]([a-zA-Z0-9_-])*)$/;
const MOBILE = /^\d{4}-\d+$/;
const VERIFICATION_CODE_MINUTES = 10;

/** Why a login name breaks the reserved-prefix / all-digits rules, or null. */
function nameRuleBreak(name) {
	if (/^(op_|shadow_)/i.test(name)) return 'must not start with op_ or shadow_';
	if (/^\d+$/.test(name)) return 'must not consist of digits only';
	return null;
}

/** True if a login name is taken by a customer, a partner account or a reseller (case-insensitive). */
function nameTaken(ctx, name) {
	const lower = name.toLowerCase();
	if (DOMAINS.some((d) => d.name.toLowerCase() === lower)) return true;
	if (ctx.data.resellers.list.some((r) => r.account_name.toLowerCase() === lower)) return true;
	return ctx.data.store.findBy('account_name', name) !== null;
}

/** Password rule of 5.3; returns the broken rule or null. */
function passwordRuleBreak(password, name, email) {
	if (password.length < 8 || password.length > 32) return 'must be 8 to 32 characters long';
	const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
	if (classes < 2) return 'must contain at least two of: upper-case letters, lower-case letters, digits, special characters';
	const lower = password.toLowerCase();
	if (name && (lower === name.toLowerCase() || lower === [...name.toLowerCase()].reverse().join(''))) return 'must not be the account name or the account name reversed';
	if (email && lower.includes(email.toLowerCase())) return 'must not contain the e-mail address';
	return null;
}

const CheckUserIdentity = {
	method: 'POST',
	path: '/v2/partners/sub-customers/users/check-identity',
	codes: CODES.REGISTER,
	callers: PARTNER,
	params: {
		search_type: spec.enumOf(['email', 'mobile', 'name'], { required: true }),
		search_value: spec.str(64, { required: true }),
	},
	handler(ctx) {
		const { search_type: type, search_value: value } = ctx.body;
		const { store, registration } = ctx.data;
		if (type === 'mobile') {
			if (!MOBILE.test(value)) throw invalidParam(`Invalid parameter \`search_value\`: a mobile number must look like 00XX-XXXXXXXX (^\\d{4}-\\d+$), got ${JSON.stringify(value)}.`);
			const used = store.countMobile(value) + (value === registration.FULL_MOBILE ? registration.MAX_ACCOUNTS_PER_MOBILE : 0);
			const remain = Math.max(0, registration.MAX_ACCOUNTS_PER_MOBILE - used);
			return ok({ check_result: remain > 0 ? 'available' : 'used_by_user', mobile_remain_available_num: remain });
		}
		if (type === 'email') {
			if (!value.includes('@')) throw invalidParam(`Invalid parameter \`search_value\`: an e-mail address must contain @, got ${JSON.stringify(value)}.`);
			return ok({ check_result: store.findBy('email', value) ? 'used_by_user' : 'available' });
		}
		if (!CHECK_NAME.test(value)) {
			throw invalidParam(`Invalid parameter \`search_value\`: a name must be 5-32 characters, start with a letter or -, and contain only letters, digits, _ and - (^([a-zA-Z-]([a-zA-Z0-9_-]){4,31})$), got ${JSON.stringify(value)}.`);
		}
		const broken = nameRuleBreak(value);
		if (broken) throw invalidParam(`Invalid parameter \`search_value\`: a name ${broken}.`);
		return ok({ check_result: nameTaken(ctx, value) ? 'used_by_user' : 'available' });
	},
};

const SendVerificationMessageCode = {
	method: 'POST',
	path: '/v2/bases/verificationcode/send',
	codes: CODES.REGISTER,
	callers: PARTNER,
	write: true,
	params: {
		receiver_type: { type: 'integer', required: true, enum: [2] },
		timeout: { type: 'integer', min: 1, max: 3000 },
		email: spec.str(64, { required: true, check: (v) => (v.includes('@') ? undefined : `must be an e-mail address containing @, got ${JSON.stringify(v)}.`) }),
		lang: spec.enumOf(['zh-cn', 'en-us'], { maxLength: 16 }),
	},
	/** Stores a 6-digit code per e-mail (readable through the control API) and answers 204. */
	handler(ctx) {
		const { email, timeout } = ctx.body;
		const reg = ctx.data.registration;
		const key = email.toLowerCase();
		const recent = reg.recentSends(key, ctx.nowMs);
		const lastHour = recent.filter((t) => ctx.nowMs - t < 3600 * 1000).length;
		if (lastHour >= reg.SENDS_PER_HOUR || recent.length >= reg.SENDS_PER_DAY) {
			throw cbc(400, 'CBC.99004015', `The verification code sending limit for ${email} has been reached (${reg.SENDS_PER_HOUR} per hour, ${reg.SENDS_PER_DAY} per day).`);
		}
		// Documented: absent -> 10 minutes; above 60 the service quietly uses 5 minutes.
		const minutes = timeout === undefined ? VERIFICATION_CODE_MINUTES : timeout > 60 ? 5 : timeout;
		reg.codes.set(key, { email, code: reg.nextCode(key), sentMs: ctx.nowMs, expiresMs: ctx.nowMs + minutes * 60 * 1000, failures: 0, used: false, lang: ctx.body.lang || 'en-us' });
		reg.recordSend(key, ctx.nowMs);
		return noContent();
	},
};

/** Checks the e-mail verification code of a create call; wrong attempts count against the code. */
function checkVerificationCode(ctx, email, code) {
	const sent = ctx.data.registration.codes.get(email.toLowerCase());
	if (!sent || sent.used) throw cbc(400, 'CBC.99004010', 'The verification code is incorrect.');
	if (sent.failures >= ctx.data.registration.MAX_CODE_FAILURES) throw cbc(400, 'CBC.99004009', 'The verification code has failed more than 3 times; request a new code.');
	if (ctx.nowMs > sent.expiresMs) throw cbc(400, 'CBC.99004008', 'The verification code has expired; request a new code.');
	if (sent.code !== code) {
		sent.failures += 1;
		throw cbc(400, 'CBC.99004010', 'The verification code is incorrect.');
	}
	return sent;
}

const CreateSubCustomer = {
	method: 'POST',
	path: '/v2/partners/sub-customers',
	codes: CODES.REGISTER,
	callers: PARTNER,
	write: true,
	params: {
		domain_name: { type: 'string' },
		email: spec.str(64, { check: (v) => (v.includes('@') ? undefined : `must be an e-mail address containing @, got ${JSON.stringify(v)}.`) }),
		verification_code: spec.str(32),
		domain_area: { type: 'string', required: true, check: (v) => (/^[A-Z]{2}$/.test(v) && COUNTRIES.has(v) ? undefined : `must be an ISO 3166-1 alpha-2 country code such as DE, got ${JSON.stringify(v)}.`) },
		xaccount_id: spec.str(64, { required: true }),
		xaccount_type: spec.str(64, { required: true }),
		password: { type: 'string' },
		is_close_market_ms: spec.enumOf(['true', 'false']),
		indirect_partner_id: spec.indirectPartner(),
		include_association_result: { type: 'boolean' },
	},
	/**
	 * Order: reseller scope, platform id, field rules (name CBC.99000031, password CBC.99000036),
	 * the verification code, then uniqueness (CBC.99000038 name, CBC.99000039 xaccount_id,
	 * CBC.99000051 e-mail). The code is used up only by a successful create.
	 */
	handler(ctx) {
		const b = ctx.body;
		const { store, registration } = ctx.data;
		const ownerId = scopeOf(ctx, b.indirect_partner_id);
		if (b.xaccount_type !== XACCOUNT_TYPE) {
			throw invalidParam(`Invalid parameter \`xaccount_type\`: ${JSON.stringify(b.xaccount_type)} is not the platform identifier assigned to your partner account.`);
		}
		if (b.email !== undefined && b.verification_code === undefined) throw invalidParam('Invalid parameter `verification_code`: is required when `email` is given.');
		if (b.domain_name !== undefined) {
			const n = b.domain_name;
			if (n.length < 5 || n.length > 32 || !CREATE_NAME.test(n)) {
				throw cbc(400, 'CBC.99000031', `The account name ${JSON.stringify(n)} is invalid: use 5-32 letters, digits, _ or -, not starting with a digit.`);
			}
			const broken = nameRuleBreak(n);
			if (broken) throw cbc(400, 'CBC.99000031', `The account name ${JSON.stringify(n)} is invalid: it ${broken}.`);
		}
		if (b.password !== undefined) {
			const broken = passwordRuleBreak(b.password, b.domain_name, b.email);
			if (broken) throw cbc(400, 'CBC.99000036', `The password is invalid: it ${broken}.`);
		}
		const sent = b.email !== undefined ? checkVerificationCode(ctx, b.email, b.verification_code) : null;
		if (b.domain_name !== undefined && nameTaken(ctx, b.domain_name)) throw cbc(400, 'CBC.99000038', `The account name ${b.domain_name} already exists.`);
		if (store.findBy('xaccount_id', b.xaccount_id)) throw cbc(400, 'CBC.99000039', `The xaccount_id ${b.xaccount_id} is already bound to another Huawei Cloud account.`);
		if (b.email !== undefined && store.findBy('email', b.email)) throw cbc(400, 'CBC.99000051', `The e-mail address ${b.email} is already registered with Huawei Cloud.`);

		let id = registration.nextCustomerId();
		while (store.has(id)) id = registration.nextCustomerId();
		let name = b.domain_name;
		while (name === undefined || nameTaken(ctx, name)) name = registration.generatedName();
		const record = {
			customer_id: id,
			account_name: name,
			associated_on: formatUtc(ctx.nowSec),
			associatedSec: ctx.nowSec,
			association_type: '3',
			verified_status: '-1',
			customer_type: -1,
			is_frozen: 1,
			freezeType: 'ACCOUNT',
			customer_level: 'V0',
			xaccount_id: b.xaccount_id,
			xaccount_type: b.xaccount_type,
			ownerId,
			budget: { budget_amount: 0, used_amount: 0, budget_type: 'MONTHLY', frozen_operate_type: null },
			seedBudget: null,
			domain_area: b.domain_area,
			closeMarketing: b.is_close_market_ms === 'true',
			hasPassword: b.password !== undefined,
			source: 'CreateSubCustomer',
		};
		if (b.email !== undefined) record.email = b.email;
		if (ctx.switches.associationDelay > 0) record.hiddenUntilQuery = store.queryCounter + ctx.switches.associationDelay;
		store.add(record);
		if (sent) sent.used = true;
		if (b.include_association_result === true && ctx.switches.associationTimeouts > 0) {
			ctx.switches.associationTimeouts -= 1;
			throw cbc(500, 'CBC.99000050', 'Querying the association result timed out. The account was created; check the association with the customer query before retrying.', { domain_id: id, domain_name: name });
		}
		return ok({ domain_id: id, domain_name: name });
	},
};

module.exports = { CheckUserIdentity, SendVerificationMessageCode, CreateSubCustomer };
