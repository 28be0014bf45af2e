'use strict';
/**
 * The partner's credit position and each customer's credit-allocation history.
 *
 * Amounts are kept in integer cents internally so that thousands of allocations never drift the
 * way float sums would; the API shows them as numbers with 2 decimals.
 * Partner AllocatedCredit = direct customers' Credit + second-level resellers' credit pools;
 * RemainingCredit = TotalCredit - AllocatedCredit (what can still be allocated).
 */
const { createRng } = require('../../prng');
const { formatDateTime, DAY_SEC } = require('../time');

const OPERATORS = ['sandbox-partner', 'ops@partner.example', 'finance@partner.example'];
/** When an allocation was applied (sandbox clock, ms); seeded ones have none and are always listed. */
const RECORDED_AT = Symbol('recordedAtMs');
const HISTORY_REMARKS = ['initial credit', 'monthly top-up', 'credit increase approved', 'project launch', ''];

/**
 * @param {{ seed: any, anchorSec: number, directory: object, subAgentCents: () => number, headroomCents?: number }} options
 */
function createCreditBook({ seed, anchorSec, directory, subAgentCents, headroomCents = 50000000 }) {
	let totalCents = directory.creditCents + subAgentCents() + headroomCents;
	/** @type {Map<number, object[]>} history per customer, oldest first (seeded ones are made on first use) */
	const history = new Map();
	let historyLagMs = 0;

	/** Seeded history of a seeded customer: 1-3 allocations adding up to its Credit. */
	function seededHistory(customer) {
		if (customer.source !== 'seed' || customer.Credit <= 0) return [];
		const rng = createRng(seed, 'credit-history', customer.ClientUin);
		const parts = rng.int(1, 3);
		const totalCentsOf = Math.round(customer.Credit * 100);
		const entries = [];
		let allocated = 0;
		let at = customer.associationSec + rng.int(60, DAY_SEC);
		const last = Math.max(at, anchorSec - 3600);
		for (let k = 0; k < parts; k++) {
			const amount = k === parts - 1 ? totalCentsOf - allocated : Math.floor((totalCentsOf * rng.float(0.2, 0.5)));
			allocated += amount;
			entries.push({
				AllocatedTime: formatDateTime(Math.min(at, last)),
				Operator: rng.pick(OPERATORS),
				Credit: amount / 100,
				AllocatedCredit: allocated / 100,
				ClientCreditAfter: k === parts - 1 ? customer.RemainingCredit : allocated / 100,
				Remark: k === 0 ? 'initial credit' : rng.pick(HISTORY_REMARKS),
			});
			at += rng.int(DAY_SEC, 60 * DAY_SEC);
		}
		return entries;
	}

	function historyOf(customer) {
		if (!history.has(customer.ClientUin)) history.set(customer.ClientUin, seededHistory(customer));
		return history.get(customer.ClientUin);
	}

	return {
		get totalCents() {
			return totalCents;
		},
		allocatedCents: () => directory.creditCents + subAgentCents(),
		remainingCents() {
			return totalCents - this.allocatedCents();
		},
		/** Allocation records of a customer, newest first. */
		historyNewestFirst: (customer) => historyOf(customer).slice().reverse(),
		/**
		 * What QueryCreditAllocationHistory shows at `nowMs`, newest first: allocations recorded less
		 * than the history lag ago are applied (the credit moved) but not listed yet, as a ledger
		 * that is replicated or indexed behind the write would show them.
		 */
		visibleHistoryNewestFirst(customer, nowMs) {
			const all = historyOf(customer).slice().reverse();
			if (!(historyLagMs > 0)) return all;
			return all.filter((entry) => !(entry[RECORDED_AT] > nowMs - historyLagMs));
		},
		/** Appends one allocation record (the caller has already updated the customer), applied at `nowMs`. */
		record(customer, entry, nowMs) {
			// Kept out of the answer: a symbol key is not copied into the API's records.
			historyOf(customer).push(Object.assign(entry, { [RECORDED_AT]: nowMs }));
		},
		get historyLagMs() {
			return historyLagMs;
		},
		/** Test hook: new allocations appear in the history `lagMs` (sandbox clock) after they were applied. */
		setHistoryLag(lagMs) {
			historyLagMs = lagMs;
		},
		forget(uin) {
			history.delete(uin);
		},
		/** Test hook: move the partner's total so that RemainingCredit becomes `remaining` USD. */
		setRemaining(remaining) {
			totalCents = this.allocatedCents() + Math.round(remaining * 100);
		},
	};
}

module.exports = { createCreditBook };
