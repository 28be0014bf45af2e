'use strict';
/**
 * Per-account figures generated on demand from (seed, account id): the partner's consumption quota
 * (E3, amounts as strings), its own and a customer's coupons (E5), a customer's account balances
 * (E6) and expenditure quota (E8), and a customer's pay-per-use resources (E4). Generated lists
 * are cached per account so paging sees one stable list.
 */
const { createRng } = require('../../prng');
const { formatUtc, DAY_SEC } = require('../time');
const { SERVICES, REGIONS } = require('./catalog');

const round2 = (x) => Math.round(x * 100) / 100;
const money = (x) => round2(x).toFixed(2);

/**
 * @param {{ seed: number|string, anchorSec: number }} options
 */
function createAccounts({ seed, anchorSec }) {
	const coupons = new Map();
	const resources = new Map();

	/** E3: consumption quota of a partner account; used = due + unbilled - balance - coupons. */
	function consumptionQuota(domainId) {
		const rng = createRng(seed, 'hw-consumption-quota', domainId);
		const quota = rng.pick([50000, 100000, 200000]);
		const amount = rng.float(0, 2000);
		const coupon = rng.float(0, 500);
		const due = rng.float(quota * 0.1, quota * 0.5);
		const unbilled = rng.float(quota * 0.05, quota * 0.3);
		const used = round2(due) + round2(unbilled) - round2(amount) - round2(coupon);
		return {
			consumption_quota: money(quota),
			amount: money(amount),
			coupon_amount: money(coupon),
			due_amount: money(due),
			unbilled_amount: money(unbilled),
			used_consumption_quota: money(used),
			measure_id: 1,
			currency: 'USD',
		};
	}

	/** E5: the account's own coupons, oldest first (create_time ascending). */
	function couponsOf(domainId, { isPartner }) {
		if (coupons.has(domainId)) return coupons.get(domainId);
		const rng = createRng(seed, 'hw-coupons', domainId);
		const count = isPartner ? 25 : 8;
		const list = [];
		for (let k = 0; k < count; k++) {
			const createSec = anchorSec - rng.int(1, 330) * DAY_SEC - rng.int(0, DAY_SEC);
			const validSec = createSec + rng.int(0, 3) * DAY_SEC;
			const expireSec = validSec + rng.pick([30, 90, 180, 365]) * DAY_SEC;
			const face = rng.pick([10, 20, 50, 100, 200, 500]);
			const reusable = rng.chance(0.4);
			const status = expireSec < anchorSec ? (rng.chance(0.7) ? 4 : 3) : rng.pick([1, 2, 2, 2, 3, 5]);
			const planId = `PP${rng.digits(10)}`;
			const orderId = status === 3 ? `CS${rng.digits(10)}${rng.hex(5).toUpperCase()}` : '';
			list.push({
				coupon_id: `CP${rng.digits(14)}`,
				coupon_code: rng.hex(16).toUpperCase(),
				status,
				customer_id: domainId,
				coupon_type: 1,
				measure_id: 1,
				face_value: face,
				valid_time: formatUtc(validSec),
				expire_time: formatUtc(expireSec),
				order_id: orderId,
				promotion_plan_id: planId,
				plan_name: rng.pick(['Welcome credit', 'Migration incentive', 'Partner development fund', 'Campaign voucher']),
				plan_desc: 'Cash coupon for yearly/monthly and pay-per-use products.',
				media_type: 1,
				fetch_method: rng.pick([1, 3, 3, 5]),
				use_limits: [{ use_limiti_info_id: rng.hex(16), limit_key: 'applicable_service', value1: rng.pick(SERVICES)[0], value2: '', value_unit: '', limit_type: 'service', promotion_plan_id: planId }],
				active_time: formatUtc(validSec),
				reserve_time: '',
				promotion_id: `PR${rng.digits(8)}`,
				create_time: formatUtc(createSec),
				createSec,
				coupon_version: reusable ? 2 : 1,
				...(reusable ? { balance: status === 3 ? 0 : round2(face * rng.float(0.1, 1)) } : {}),
				lock_order_id: '',
				coupon_usage: rng.pick(['Purchase', 'Renewal', 'Purchase,Renewal']),
				is_frozen: '0',
				currency: 'USD',
				extend_param1: '',
				source_id: isPartner ? 'HUAWEI' : rng.pick(['HUAWEI', '0a1b2c3d4e5f60718293a4b5c6d7e8f9']),
			});
		}
		list.sort((a, b) => a.createSec - b.createSec || (a.coupon_id < b.coupon_id ? -1 : 1));
		coupons.set(domainId, list);
		return list;
	}

	/** E6: a customer's own balances. */
	function balances(domainId) {
		const rng = createRng(seed, 'hw-balances', domainId);
		const cash = round2(rng.float(50, 5000));
		const bonus = round2(rng.float(0, 200));
		return {
			account_balances: [
				{ account_id: `${domainId.slice(0, 16)}01`, account_type: 1, amount: cash, currency: 'USD', designated_amount: 0, credit_amount: 0, measure_id: 1 },
				{ account_id: `${domainId.slice(0, 16)}05`, account_type: 5, amount: bonus, currency: 'USD', designated_amount: 0, credit_amount: 0, measure_id: 1 },
			],
			debt_amount: 0,
			measure_id: 1,
			currency: 'USD',
		};
	}

	/** E8: a (referral) customer's expenditure quota. */
	function expenditureQuota(domainId) {
		const rng = createRng(seed, 'hw-expenditure-quota', domainId);
		const granted = rng.pick([1000, 2000, 5000]);
		const used = round2(granted * rng.float(0.05, 0.95));
		return { granting_amount: granted, granting_amount_used: used, percentage_granting_amount_used: round2((used / granted) * 100), measure_id: 1, currency: 'USD' };
	}

	/** E4: a customer's pay-per-use resources, by effective_time ascending. */
	function resourcesOf(customerId) {
		if (resources.has(customerId)) return resources.get(customerId);
		const rng = createRng(seed, 'hw-resources', customerId);
		const list = [];
		const count = rng.int(0, 12);
		for (let k = 0; k < count; k++) {
			const serviceIndex = rng.int(0, SERVICES.length - 1);
			const [region, zone] = rng.pick(REGIONS);
			const effectiveSec = anchorSec - rng.int(1, 400) * DAY_SEC - rng.int(0, DAY_SEC);
			const spec = rng.pick(SERVICES[serviceIndex][6]);
			list.push({
				customer_id: customerId,
				region_code: region,
				availability_zone_code: zone,
				serviceIndex,
				resource_id: rng.hex(8) + '-' + rng.hex(4) + '-' + rng.hex(4) + '-' + rng.hex(4) + '-' + rng.hex(12),
				resource_name: `${SERVICES[serviceIndex][0].split('.').pop()}-${rng.pick(['prod', 'dev', 'test', 'web', 'db'])}-${k + 1}`,
				effective_time: formatUtc(effectiveSec),
				effectiveSec,
				expire_time: '',
				status: rng.pick([1, 1, 1, 1, 2, 3]),
				resource_spec_code: spec,
				resource_info: JSON.stringify({ specSize: rng.pick([40, 100, 500]) }),
				product_spec_desc: `${SERVICES[serviceIndex][2]} | ${spec}`,
			});
		}
		list.sort((a, b) => a.effectiveSec - b.effectiveSec || (a.resource_id < b.resource_id ? -1 : 1));
		resources.set(customerId, list);
		return list;
	}

	return { consumptionQuota, couponsOf, balances, expenditureQuota, resourcesOf };
}

module.exports = { createAccounts };
