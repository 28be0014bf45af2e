'use strict';
/**
 * Control operations for pending applications (QueryPendingClientsV2, QueryPendingSubAgentsV2):
 * add any number of applicants, applied now or spread over the days before a time, so trigger
 * tests and benchmarks can grow the pending lists and add new applications at known times.
 * The lists stay newest first, as the seeded ones are.
 */
const { maskMobile } = require('./data/customers');
const { formatDateTime, parseDateTime } = require('./time');

const badRequest = (message) => Object.assign(new Error(message), { status: 400 });
const DAY_SEC = 86400;
const MAX_ADD = 200000;

function intOption(body, name, fallback, min, max) {
	const value = body[name] === undefined ? fallback : body[name];
	if (!Number.isInteger(value) || value < min || value > max) throw badRequest(`${name} must be an integer ${min}..${max}`);
	return value;
}

/** Apply times, newest first: all at `lastSec`, or evenly spread over `spreadDays` before it. */
function applySeconds(count, lastSec, spreadDays) {
	const step = spreadDays > 0 && count > 1 ? Math.floor((spreadDays * DAY_SEC) / (count - 1)) : 0;
	return Array.from({ length: count }, (_, i) => lastSec - i * step);
}

function clientApplicant(uin, applySec) {
	const mobile = `9${String(uin).slice(-7)}`;
	return {
		ClientUin: uin, Name: `Applicant ${uin}`, Email: `applicant.${uin}@example.com`, mobile, Mobile: maskMobile(mobile),
		countryCode: '852', area: 'HK', ApplyTime: formatDateTime(applySec), Status: 'Reviewing', Type: 'personal', identifyType: 0, blocker: null,
	};
}

function subAgentApplicant(uin, applySec, authState) {
	const mobile = `188${String(uin).slice(-8)}`;
	return {
		SubAgentUin: uin, Name: `Reseller Applicant ${uin}`, Mobile: maskMobile(mobile), mobile, Email: `reseller.${uin}@example.com`,
		ApplyTime: formatDateTime(applySec), Status: 'Reviewing', MaterialUrl: `https://materials.partner.example/applications/${uin}.pdf`,
		AuthState: authState, accountType: 'company', applySec,
	};
}

/**
 * @param {{ getData: () => object, clock: object }} deps
 */
function createPendingControl({ getData, clock }) {
	const listOf = (kind) => {
		const data = getData();
		if (kind === 'client') return { list: data.onboarding.pendingClients, uinOf: (p) => p.ClientUin };
		if (kind === 'subAgent') return { list: data.resellers.pending, uinOf: (p) => p.SubAgentUin };
		throw badRequest('kind must be "client" or "subAgent"');
	};

	const functions = {
		/**
		 * Adds `count` pending applications of `kind` ("client" or "subAgent"), applied at
		 * `ApplyTime` (UTC+8, default now) or spread over `spreadDays` before it; sub-agents get
		 * `AuthState` (default 3, verified); `uin` makes that account apply again; `rawApplyTime`
		 * replaces their ApplyTime with that exact value. Returns how many are pending and the UINs added (up to 20).
		 * @param {Record<string, any>} [body] the control call's body
		 */
		addPendingApplications(body = {}) {
			if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body must be a JSON object');
			const { list, uinOf } = listOf(body.kind);
			const count = intOption(body, 'count', 1, 1, MAX_ADD);
			const spreadDays = intOption(body, 'spreadDays', 0, 0, 3650);
			const authState = intOption(body, 'AuthState', 3, -1, 3);
			let lastSec = clock.nowSec();
			if (body.ApplyTime !== undefined) {
				lastSec = typeof body.ApplyTime === 'string' ? parseDateTime(body.ApplyTime) : null;
				if (lastSec === null) throw badRequest('ApplyTime must be YYYY-MM-DD HH:mm:ss (UTC+8)');
			}
			if (body.uin !== undefined && (count !== 1 || !Number.isSafeInteger(body.uin) || body.uin <= 0)) throw badRequest('uin must be a positive integer, with count 1');
			// A given uin applies again (a new application by the same account); otherwise the next free one.
			let nextUin = body.uin ?? list.reduce((max, p) => Math.max(max, uinOf(p)), body.kind === 'client' ? 310000000000 : 320000000000) + 1;
			const added = applySeconds(count, lastSec, spreadDays).map((sec) =>
				body.kind === 'client' ? clientApplicant(nextUin++, sec) : subAgentApplicant(nextUin++, sec, authState),
			);
			// `rawApplyTime` is written as given (text, '', null, a zero or impossible date), as Tencent sometimes does.
			if ('rawApplyTime' in body) {
				if (body.rawApplyTime !== null && typeof body.rawApplyTime !== 'string') throw badRequest('rawApplyTime must be a string or null');
				for (const entry of added) entry.ApplyTime = body.rawApplyTime;
			}
			const merged = added.concat(list).sort((a, b) => (a.ApplyTime < b.ApplyTime ? 1 : a.ApplyTime > b.ApplyTime ? -1 : 0));
			list.length = 0;
			for (const entry of merged) list.push(entry);
			return { pending: list.length, added: added.slice(0, 20).map(uinOf) };
		},
	};

	const routes = [{ method: 'POST', path: '/_control/tencent/pending-applications', run: (q, body) => functions.addPendingApplications(body) }];
	return { functions, routes };
}

module.exports = { createPendingControl };
