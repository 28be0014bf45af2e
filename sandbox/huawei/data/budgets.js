'use strict';
/**
 * Budget adjustment records (reference E2). The budgets themselves live on the customer record;
 * this keeps their history: seeded customers get a few past SETTING records (the newest one is the
 * current seeded budget, so history and state agree), some an older DELETE (an earlier association
 * that was removed), and every UpdateSubCustomerBudget appends one. Seeded history is generated on
 * demand from (seed, customer_id), so 100 000 customers cost nothing until asked.
 */
const { createRng } = require('../../prng');
const { formatUtc, DAY_SEC } = require('../time');

const round2 = (x) => Math.round(x * 100) / 100;

/**
 * @param {{ seed: number|string }} options
 */
function createBudgetRecords({ seed }) {
	/** @type {Map<string, object[]>} customer_id -> records appended since seeding, oldest first */
	const appended = new Map();

	/** Seeded history of a customer as of its seeded budget, oldest first. */
	function seeded(customer, owner) {
		if (customer.source !== 'seed' || !customer.seedBudget) return [];
		const rng = createRng(seed, 'hw-budget-records', customer.customer_id);
		const current = customer.seedBudget;
		const out = [];
		const span = Math.max(DAY_SEC, customer.anchorSec - customer.associatedSec);
		const steps = rng.int(1, 4);
		let sec = customer.associatedSec + rng.int(60, 3600);
		if (rng.chance(0.05)) {
			out.push(record(round2(current.budget_amount * 0.5), 'DELETE', Math.max(0, customer.associatedSec - rng.int(30, 300) * DAY_SEC), 'system', current.budget_type, owner));
		}
		for (let k = 0; k < steps; k++) {
			const last = k === steps - 1;
			const amount = last ? current.budget_amount : round2(current.budget_amount * rng.pick([0.25, 0.5, 0.75, 1.5]));
			out.push(record(amount, 'SETTING', sec, rng.pick([owner.name, owner.name, 'n8n-operator']), current.budget_type, owner));
			sec = Math.min(customer.anchorSec - 60, sec + Math.floor(span / (steps + 1)));
		}
		return out;
	}

	function record(budget_amount, operation_type, sec, operator, budget_type, owner) {
		return {
			budget_amount,
			operation_type,
			operation_time: formatUtc(sec),
			operationSec: sec,
			operator,
			budget_type,
			partner_corp_name: owner.corpName,
			partner_account_name: owner.name,
		};
	}

	return {
		/**
		 * Every record of a customer, newest first (operation_time descending).
		 * @param {object} customer stored record
		 * @param {{name: string, corpName: string}} owner the partner the customer belongs to
		 */
		list(customer, owner) {
			const all = [...seeded(customer, owner), ...(appended.get(customer.customer_id) || [])];
			return all.reverse();
		},
		/** Records a budget change made through the API. */
		append(customerId, { budget_amount, budget_type, operator, nowSec, owner }) {
			if (!appended.has(customerId)) appended.set(customerId, []);
			appended.get(customerId).push(record(budget_amount, 'SETTING', nowSec, operator, budget_type, owner));
		},
		forget(customerId) {
			appended.delete(customerId);
		},
	};
}

module.exports = { createBudgetRecords };
