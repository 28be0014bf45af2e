'use strict';
/**
 * Second-level resellers (sub-agents) of the distributor, their customers (the distributor's
 * indirect customers) and pending sub-agent applications. Small and bounded, so stored as objects.
 */
const { createRng } = require('../../prng');
const { formatDateTime, DAY_SEC } = require('../time');
const { maskMobile } = require('./customers');
const N = require('./names');

const SUB_AGENT_BASE = 400000000000;
const PENDING_SUB_AGENT_BASE = 410000000000;
const INDIRECT_BASE = 500000000000;
const round2 = (x) => Math.round(x * 100) / 100;

/**
 * Pending applicants and the approval rule each one trips, so every ApproveSubAgentApply
 * precondition error can be exercised: [AccountType, AuthState].
 */
const PENDING_PLAN = [
	['company', 3],
	['company', 3],
	['personal', 3],
	['company', -1],
	['company', 1],
	['company', 2],
];

function companyName(rng) {
	return `${rng.pick(N.COMPANY_WORDS)} ${rng.pick(N.COMPANY_KINDS)} ${rng.pick(N.COMPANY_SUFFIXES)}`;
}

function personName(rng) {
	const f = rng.pick(N.FIRST);
	const l = rng.pick(N.LAST);
	return `${f[0].toUpperCase()}${f.slice(1)} ${l[0].toUpperCase()}${l.slice(1)}`;
}

function createResellers({ seed, anchorSec, count = 10 }) {
	const subAgents = [];
	const indirect = new Map(); // SubAgentUin -> customers, newest first
	let nextIndirect = INDIRECT_BASE;
	for (let i = 0; i < count; i++) {
		const rng = createRng(seed, 'sub-agent', i);
		const uin = SUB_AGENT_BASE + 1 + i;
		const bindSec = anchorSec - rng.int(200, 700) * DAY_SEC + rng.int(0, DAY_SEC);
		const credit = round2(rng.pick([20000, 50000, 100000]) * rng.float(0.5, 1.5));
		const voucher = round2(rng.pick([5000, 10000, 20000]) * rng.float(0.5, 1.5));
		const name = companyName(rng);
		const mobile = '1' + rng.digits(10);
		subAgents.push({
			SubAgentUin: uin,
			Name: name,
			Remark: rng.pick(['', 'Tier A', 'EMEA partner', 'APAC partner', 'New in 2025']),
			Mobile: mobile,
			Email: `partners+${i + 1}@${rng.pick(N.DOMAINS)}`,
			BindTime: i === 3 ? '' : formatDateTime(bindSec),
			bindSec: i === 3 ? 0 : bindSec,
			Credit: credit,
			RemainingCredit: round2(credit * rng.float(0.1, 0.9)),
			Voucher: voucher,
			RemainingVoucher: round2(voucher * rng.float(0.2, 1)),
		});
		const howMany = i === 0 ? 150 : rng.int(0, 60);
		const list = [];
		for (let k = 0; k < howMany; k++) {
			const crng = createRng(seed, 'indirect', uin, k);
			const at = Math.min(anchorSec - 60, bindSec + Math.floor(((k + 1) / (howMany + 1)) * (anchorSec - bindSec)) + crng.int(0, 3600));
			list.push({ ClientUin: ++nextIndirect, ClientName: crng.chance(0.5) ? companyName(crng) : personName(crng), ClientBindTime: formatDateTime(at), bindSec: at });
		}
		list.sort((a, b) => b.bindSec - a.bindSec || b.ClientUin - a.ClientUin);
		indirect.set(uin, list);
	}
	const pending = PENDING_PLAN.map(([accountType, authState], i) => {
		const rng = createRng(seed, 'pending-sub-agent', i);
		const applySec = anchorSec - (i + 1) * 3 * DAY_SEC - rng.int(0, DAY_SEC);
		const mobile = '188' + rng.digits(8);
		return {
			SubAgentUin: PENDING_SUB_AGENT_BASE + 1 + i,
			Name: accountType === 'company' ? companyName(rng) : personName(rng),
			Mobile: maskMobile(mobile),
			mobile,
			Email: `applicant${i + 1}@${rng.pick(N.DOMAINS)}`,
			ApplyTime: formatDateTime(applySec),
			Status: 'Reviewing',
			MaterialUrl: `https://materials.partner.example/applications/${PENDING_SUB_AGENT_BASE + 1 + i}.pdf`,
			AuthState: authState,
			accountType,
			applySec,
		};
	});

	return {
		subAgents,
		pending,
		indirect,
		creditCents: () => subAgents.reduce((sum, a) => sum + Math.round(a.Credit * 100), 0),
		find: (uin) => subAgents.find((a) => a.SubAgentUin === uin) || null,
		/** The sub-agent that has `clientUin` as a customer, or null. */
		ownerOfIndirect(clientUin) {
			for (const [agentUin, list] of indirect) if (list.some((c) => c.ClientUin === clientUin)) return agentUin;
			return null;
		},
	};
}

module.exports = { createResellers, SUB_AGENT_BASE, PENDING_SUB_AGENT_BASE, INDIRECT_BASE };
