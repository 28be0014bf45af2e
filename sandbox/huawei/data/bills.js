'use strict';
/**
 * Bills: the partner's own monthly bill summaries (reference 5.12) and a customer's monthly
 * expenditure summary (E7). Both are generated on demand from (seed, account, month), so every
 * account and month costs nothing until asked, and the same question always gets the same answer.
 *
 * Partner bills exist for the 12 complete months before the anchor's month (UTC+8); other months
 * answer zeros. Customer summaries exist for those months and the anchor's month. Totals are
 * the exact sums of the rows; amounts are rounded to cents.
 */
const { createRng } = require('../../prng');
const { monthOf, addMonths, monthDiff, CST_OFFSET_SEC } = require('../time');
const { SERVICES } = require('./catalog');

const round2 = (x) => Math.round(x * 100) / 100;
const BILL_MONTHS = 12;

/**
 * @param {{ seed: number|string, anchorSec: number }} options
 */
function createBills({ seed, anchorSec }) {
	const anchorMonth = monthOf(anchorSec, CST_OFFSET_SEC);
	/** Months ago (1 = the month before the anchor's), or 0 for the anchor's own month. */
	const age = (month) => monthDiff(month, anchorMonth);

	/** A partner's bill for `month` (bill_cycle), zeros outside the 12 generated months. */
	function partnerBill(domainId, month) {
		const a = age(month);
		if (a < 1 || a > BILL_MONTHS) {
			return { bill_cycle: month, initial_amount_due: 0, consume_amount: 0, refunds: 0, adjustments: 0, tax_amount: 0, currency: 'USD' };
		}
		const rng = createRng(seed, 'hw-partner-bill', domainId, month);
		const consume = round2(rng.float(5000, 80000));
		const refunds = rng.chance(0.6) ? -round2(consume * rng.float(0.001, 0.03)) : 0;
		const adjustments = rng.chance(0.3) ? -round2(consume * rng.float(0.001, 0.01)) : 0;
		return {
			bill_cycle: month,
			initial_amount_due: round2(consume + refunds + adjustments),
			consume_amount: consume,
			refunds,
			adjustments,
			tax_amount: round2(consume * 0.19),
			currency: 'USD',
		};
	}

	/** Rows of a customer's monthly expenditure summary (E7), unfiltered. */
	function customerMonthRows(customer, month) {
		const a = age(month);
		if (a < 0 || a > BILL_MONTHS) return [];
		const rng = createRng(seed, 'hw-customer-bill', customer.customer_id, month);
		const services = rng.shuffle(SERVICES.map((s, k) => k)).slice(0, rng.int(3, 8));
		return services.map((k) => {
			const [service_type_code, resource_type_code, en, , resEn] = SERVICES[k];
			const charging_mode = rng.pick([1, 3, 3, 3]);
			const official = round2(rng.float(5, 900) * (a === 0 ? 0.4 : 1));
			const discount = round2(official * rng.pick([0, 0, 0.05, 0.1]));
			const truncated = round2(rng.float(0, 0.01));
			const consume = round2(official - discount - truncated);
			const coupon = rng.chance(0.15) ? round2(Math.min(consume, rng.pick([5, 10, 25]))) : 0;
			const debt = charging_mode === 3 && rng.chance(0.1) ? round2((consume - coupon) * 0.5) : 0;
			const cash = round2(consume - coupon - debt);
			return {
				bill_cycle: month,
				resource_type_code,
				service_type_code,
				service_type_name: en,
				resource_type_name: resEn,
				charging_mode,
				official_amount: official,
				official_discount_amount: discount,
				truncated_amount: truncated,
				consume_amount: consume,
				coupon_amount: coupon,
				flexipurchase_coupon_amount: 0,
				stored_value_card_amount: 0,
				debt_amount: debt,
				writeoff_amount: 0,
				cash_amount: cash,
				credit_amount: 0,
				measure_id: 1,
				bill_type: 1,
				customer_id: customer.customer_id,
				account_name: customer.account_name,
				enterpriseProjectId: '0',
			};
		});
	}

	return { anchorMonth, partnerBill, customerMonthRows, billMonths: () => Array.from({ length: BILL_MONTHS }, (_, k) => addMonths(anchorMonth, -(k + 1))) };
}

module.exports = { createBills, BILL_MONTHS };
