'use strict';
/**
 * Customer onboarding state: pending client applications, invitation links, SMS verification
 * codes and how many accounts each mobile number already has.
 */
const { createRng } = require('../../prng');
const { formatDateTime, DAY_SEC } = require('../time');
const { maskMobile, maskEmail } = require('./customers');
const N = require('./names');

const PENDING_CLIENT_BASE = 300000000000;
/** A mobile number that already has the maximum 5 accounts (FailedOperation.PhoneBindUpper). */
const FULL_PHONE = '99999999';
const MAX_ACCOUNTS_PER_PHONE = 5;

/**
 * Pending applicants; the last four each trip one ApproveClientApply precondition so those errors
 * can be exercised. They are the oldest applications, so "approve the newest" works.
 */
const CLIENT_BLOCKERS = [null, null, null, null, null, null, null, null, 'FailedOperation.ClientBuySP', 'FailedOperation.UinAlreadyKA', 'FailedOperation.ClientBalanceIsLessOrEqualZero', 'FailedOperation.BindOrganizationAccount'];

function createOnboarding({ seed, anchorSec, directory }) {
	const pendingClients = CLIENT_BLOCKERS.map((blocker, i) => {
		const rng = createRng(seed, 'pending-client', i);
		const first = rng.pick(N.FIRST);
		const last = rng.pick(N.LAST);
		const company = rng.chance(0.5);
		const [countryCode, area, prefixes, length] = rng.pick(N.PHONE_PLANS);
		const prefix = rng.pick(prefixes);
		const mobile = prefix + rng.digits(length - prefix.length);
		return {
			ClientUin: PENDING_CLIENT_BASE + 1 + i,
			Name: company ? `${rng.pick(N.COMPANY_WORDS)} ${rng.pick(N.COMPANY_KINDS)} ${rng.pick(N.COMPANY_SUFFIXES)}` : `${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}`,
			Email: `${first}.${last}.applicant${i + 1}@${rng.pick(N.DOMAINS)}`,
			mobile,
			Mobile: maskMobile(mobile),
			countryCode,
			area,
			ApplyTime: formatDateTime(anchorSec - (i + 1) * 2 * DAY_SEC - rng.int(0, DAY_SEC)),
			Status: 'Reviewing',
			Type: company ? 'company' : 'personal',
			identifyType: company ? 2 : rng.pick([0, 1]),
			blocker,
		};
	});

	/** @type {Map<string, object>} invitation token -> record */
	const invitations = new Map();
	let tokenCounter = 0;
	const newToken = () => createRng(seed, 'invitation-token', tokenCounter++).hex(32);

	// Seeded invitations: two used by the newest seeded customers, one used by a sub-agent, two unused.
	const newest = directory.page('desc', 0, 4).slice(2, 4);
	for (const uin of newest) {
		const c = directory.get(uin);
		invitations.set(newToken(), {
			CreateTime: formatDateTime(c.associationSec - 2 * DAY_SEC), createSec: c.associationSec - 2 * DAY_SEC,
			Status: 2, UseTime: formatDateTime(c.associationSec - 600), ClientUin: c.ClientUin, ClientMail: maskEmail(c.Email), ClientType: 2, BindTime: c.AssociationTime,
			email: c.Email, role: 'Client',
		});
	}
	for (let k = 0; k < 3; k++) {
		const createSec = anchorSec - (k + 1) * 5 * DAY_SEC;
		const used = k === 0;
		invitations.set(newToken(), {
			CreateTime: formatDateTime(createSec), createSec,
			Status: used ? 2 : 1, UseTime: used ? formatDateTime(createSec + DAY_SEC) : '', ClientUin: used ? 400000000002 : 0,
			ClientMail: used ? 'part*****@example.org' : '', ClientType: used ? 1 : 0, BindTime: used ? formatDateTime(createSec + DAY_SEC + 3600) : '',
			email: `invitee${k + 1}@example.com`, role: used ? 'SubAgent' : 'Client',
		});
	}

	/** @type {Map<string, {countryCode: string, code: string, sentAtMs: number, sends: number[]}>} per PhoneNum */
	const codes = new Map();
	let codeCounter = 0;
	/** @type {Map<string, number>} accounts bound per PhoneNum */
	const phoneAccounts = new Map([[FULL_PHONE, MAX_ACCOUNTS_PER_PHONE]]);
	/** @type {Map<string, number>} last invitation send time per e-mail (ms) */
	const lastMailAt = new Map();

	return {
		pendingClients,
		invitations,
		newToken,
		codes,
		phoneAccounts,
		lastMailAt,
		MAX_ACCOUNTS_PER_PHONE,
		/** Deterministic 6-digit code for the next SMS. */
		nextCode: (phone) => createRng(seed, 'verify-code', phone, codeCounter++).digits(6),
	};
}

module.exports = { createOnboarding, PENDING_CLIENT_BASE, FULL_PHONE };
