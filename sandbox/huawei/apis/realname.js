'use strict';
/**
 * Real-name authentication of a partner's customers (bssintl CreatePersonalRealnameAuth,
 * CreateEnterpriseRealnameAuthentication, ChangeEnterpriseRealnameAuthentication,
 * ShowRealnameAuthenticationReviewResult). Partner credentials only. A submission is reviewed by
 * hand (is_review 1): the review stays under way for REVIEW_SECONDS of sandbox time, then is
 * approved, or rejected when the document number already verifies another customer.
 */
const { PARTNER, spec, ok, scopedCustomer } = require('./common');
const { invalidParam } = require('../errors');
const { XACCOUNT_TYPE } = require('../keys');

const REVIEW_SECONDS = 60;
const FILE = /^(?![/\\])(?!.*:\/\/)[^?#]+\.(jpg|jpeg|bmp|png|gif|pdf)$/i;
/** Files each personal document takes: a passport two, the permits and residence cards three. */
const PERSONAL_FILES = { 3: 2, 5: 3, 6: 3, 9: 3, 10: 3 };

const files = { type: 'array', required: true, minItems: 1, maxItems: 4, items: { type: 'string', maxLength: 512, pattern: FILE, patternText: 'a relative path to a jpg, jpeg, bmp, png, gif or pdf file below the bucket\'s download directory' } };
const platform = spec.str(64, { required: true, check: (v) => (v === XACCOUNT_TYPE ? undefined : `${JSON.stringify(v)} is not the platform identifier assigned to your partner account.`) });
const customer = spec.str(64, { required: true });

const enterpriseParams = {
	customer_id: customer,
	identify_type: { type: 'integer', required: true, enum: [1] },
	certificate_type: { type: 'integer', enum: [0, 1, 2, 3, 4, 99] },
	verified_file_url: files,
	corp_name: spec.str(255, { required: true, check: (v) => (/[\p{L}]/u.test(v) ? undefined : 'must not be only digits, special characters or spaces.') }),
	verified_number: spec.str(32, { required: true }),
	reg_country: spec.str(10),
	reg_address: spec.str(512),
	xaccount_type: platform,
	enterprise_person: {
		type: 'object',
		fields: { legel_name: spec.str(128, { required: true }), legel_id_number: spec.str(64, { required: true }), certifier_role: spec.enumOf(['legalPerson']) },
	},
};

/** The partner's customer a submission is for, or CBC.5002. */
const customerOf = (ctx, id) => scopedCustomer(ctx, id, ctx.caller.partnerId);

/** Document numbers that verify a customer, by number (kept with the seeded data, so a reset forgets them). */
const verifiedNumbers = (ctx) => (ctx.data.realnameNumbers ??= new Map());

/** Puts a submission under review; the review's outcome is decided now and shown once it is over. */
function submit(ctx, c, { number, customerType }) {
	const owner = verifiedNumbers(ctx).get(number);
	const duplicate = owner !== undefined && owner !== c.customer_id;
	const realname = { number, customerType, submittedSec: ctx.nowSec, result: duplicate ? 1 : 2, opinion: duplicate ? 'The document number already verifies another account.' : null };
	if (!duplicate) verifiedNumbers(ctx).set(number, c.customer_id);
	ctx.data.store.update(c.customer_id, { realname, verified_status: '0' });
	return ok({ is_review: 1 });
}

/** Applies a finished review to the customer and returns it (review_result 0 while under way). */
function reviewOf(ctx, c) {
	const r = c.realname;
	if (ctx.nowSec - r.submittedSec < REVIEW_SECONDS) return { review_result: 0 };
	ctx.data.store.update(c.customer_id, r.result === 2 ? { verified_status: '2', customer_type: r.customerType } : { verified_status: '1' });
	return r.result === 2 ? { review_result: 2 } : { review_result: 1, opinion: r.opinion };
}

/** The customer as it stands once any finished review is applied; refused while a review is under way. */
function afterOpenReview(ctx, c) {
	if (c.realname) reviewOf(ctx, c);
	const current = ctx.data.store.get(c.customer_id);
	if (current.verified_status === '0') throw invalidParam(`Invalid parameter \`customer_id\`: a real-name authentication of ${c.customer_id} is under review.`);
	return current;
}

function checkEnterpriseFiles(b) {
	const expected = b.enterprise_person ? 4 : 2;
	if (b.verified_file_url.length !== expected)
		throw invalidParam(`Invalid parameter \`verified_file_url\`: ${expected} files are needed (certificate front and back${b.enterprise_person ? ', then the legal representative\'s ID card front and back' : ''}), got ${b.verified_file_url.length}.`);
}

const CreatePersonalRealnameAuth = {
	method: 'POST',
	path: '/v2/customers/realname-auths/individual',
	codes: null,
	callers: PARTNER,
	write: true,
	params: {
		customer_id: customer,
		identify_type: { type: 'integer', required: true, enum: [0] },
		verified_type: { type: 'integer', enum: [3, 5, 6, 9, 10] },
		verified_file_url: files,
		name: spec.str(128, { required: true }),
		verified_number: spec.str(64, { required: true }),
		change_type: { type: 'integer', enum: [-1] },
		xaccount_type: platform,
	},
	handler(ctx) {
		const b = ctx.body;
		const c = customerOf(ctx, b.customer_id);
		if (b.verified_type === undefined) throw invalidParam('Invalid parameter `verified_type`: is required for personal certificate authentication (identify_type 0).');
		const needed = PERSONAL_FILES[b.verified_type];
		if (b.verified_file_url.length !== needed) throw invalidParam(`Invalid parameter \`verified_file_url\`: verified_type ${b.verified_type} takes ${needed} files, got ${b.verified_file_url.length}.`);
		const current = afterOpenReview(ctx, c);
		if (current.verified_status === '2') throw invalidParam(`Invalid parameter \`customer_id\`: ${c.customer_id} has already passed real-name authentication.`);
		return submit(ctx, c, { number: b.verified_number, customerType: 0 });
	},
};

const CreateEnterpriseRealnameAuthentication = {
	method: 'POST',
	path: '/v2/customers/realname-auths/enterprise',
	codes: null,
	callers: PARTNER,
	write: true,
	params: enterpriseParams,
	handler(ctx) {
		const b = ctx.body;
		const c = customerOf(ctx, b.customer_id);
		checkEnterpriseFiles(b);
		const current = afterOpenReview(ctx, c);
		if (current.verified_status === '2') throw invalidParam(`Invalid parameter \`customer_id\`: ${c.customer_id} has already passed real-name authentication; use the change API to become an enterprise.`);
		return submit(ctx, c, { number: b.verified_number, customerType: 1 });
	},
};

const ChangeEnterpriseRealnameAuthentication = {
	method: 'PUT',
	path: '/v2/customers/realname-auths/enterprise',
	codes: null,
	callers: PARTNER,
	write: true,
	params: { ...enterpriseParams, change_type: { type: 'integer', required: true, enum: [1] } },
	handler(ctx) {
		const b = ctx.body;
		const c = customerOf(ctx, b.customer_id);
		checkEnterpriseFiles(b);
		const current = afterOpenReview(ctx, c);
		if (current.verified_status !== '2' || c.customer_type !== 0)
			throw invalidParam(`Invalid parameter \`customer_id\`: only a customer verified as an individual can change to an enterprise; ${c.customer_id} is not.`);
		return submit(ctx, c, { number: b.verified_number, customerType: 1 });
	},
};

const ShowRealnameAuthenticationReviewResult = {
	method: 'GET',
	path: '/v2/customers/realname-auths/result',
	codes: null,
	callers: PARTNER,
	params: { customer_id: customer },
	/** Nothing submitted through the API: an empty answer, as the real one gives. */
	handler(ctx) {
		const c = customerOf(ctx, ctx.body.customer_id);
		return ok(c.realname ? reviewOf(ctx, c) : {});
	},
};

module.exports = { CreatePersonalRealnameAuth, CreateEnterpriseRealnameAuthentication, ChangeEnterpriseRealnameAuthentication, ShowRealnameAuthenticationReviewResult };
