'use strict';
/**
 * What a customer sees of its own account with its own AK/SK: its yearly/monthly resources with
 * their expiry and renewal settings, resource packages (free quotas) and what they deducted, fee
 * records derived from the resources, invoices and enterprise sub-accounts. Seeded from
 * (seed, customer id, anchor); renewals, payments and unsubscriptions change it in place.
 */
const { createRng } = require('../../prng');
const { formatUtc, DAY_SEC, CST_OFFSET_SEC } = require('../time');
const { SERVICES, REGIONS } = require('./catalog');

const round2 = (x) => Math.round(x * 100) / 100;
const uuid = (rng) => `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
/** `YYYY-MM-DD` of an epoch second in UTC+8, the day Huawei's bills are cut by. */
const cstDay = (sec) => new Date((sec + CST_OFFSET_SEC) * 1000).toISOString().slice(0, 10);

/** Yearly/monthly resources: main resources, and a disk attached to each server. */
function seedResources(rng, anchorSec) {
	const list = [];
	for (let k = 0; k < 12; k++) {
		const serviceIndex = k < 4 ? 0 : rng.int(1, SERVICES.length - 1);
		const [region] = rng.pick(REGIONS);
		const yearly = rng.chance(0.3);
		const effectiveSec = anchorSec - rng.int(20, 300) * DAY_SEC;
		// Expiry spread over the next 60 days, so renewals and reminders have something due.
		const expireSec = anchorSec + rng.int(-3, 60) * DAY_SEC + 16 * 3600 - 1;
		const main = {
			resource_id: uuid(rng),
			resource_name: `${SERVICES[serviceIndex][0].split('.').pop()}-${rng.pick(['prod', 'dev', 'web', 'db'])}-${k + 1}`,
			serviceIndex,
			region_code: region,
			is_main_resource: true,
			main_resource_id: null,
			effectiveSec,
			expireSec,
			periodType: yearly ? 3 : 2,
			monthlyPrice: round2(rng.pick([9.9, 24, 48, 96, 180]) * rng.float(0.8, 1.6)),
			autoRenew: rng.chance(0.25),
			autoRenewTimes: 0,
			toOnDemand: false,
			renewedPeriods: 0,
			unsubscribed: false,
		};
		list.push(main);
		if (serviceIndex === 0) list.push({ ...main, resource_id: uuid(rng), resource_name: `${main.resource_name}-disk`, serviceIndex: 1, is_main_resource: false, main_resource_id: main.resource_id, monthlyPrice: round2(main.monthlyPrice / 4) });
	}
	return list;
}

/** Resource packages and their items (one item per usage type). */
function seedPackages(rng, anchorSec) {
	/** @type {Array<[number, string, string, number, number[]]>} [service index, package name, usage type, measure id, sizes] */
	const kinds = [
		[2, 'OBS Standard Storage Package', 'Storage capacity', 10, [40, 100, 500]],
		[8, 'CDN Traffic Package', 'Downstream traffic', 10, [100, 500, 1000]],
		[0, 'ECS General Computing Hours Package', 'Duration', 4, [744, 1488]],
		[3, 'Shared Bandwidth Traffic Package', 'Upstream traffic', 10, [50, 200]],
	];
	const packages = [];
	for (let k = 0; k < 7; k++) {
		const [serviceIndex, name, usageName, measureId, sizes] = kinds[k % kinds.length];
		const effectiveSec = anchorSec - rng.int(10, 400) * DAY_SEC;
		const expireSec = effectiveSec + rng.pick([30, 180, 365]) * DAY_SEC;
		const original = rng.pick(sizes);
		const remaining = expireSec < anchorSec ? 0 : round2(original * rng.float(0, 0.9));
		const status = expireSec < anchorSec ? 3 : remaining === 0 ? 2 : 1;
		packages.push({
			order_instance_id: uuid(rng),
			order_id: `CS${rng.digits(10)}${rng.hex(5).toUpperCase()}`,
			product_id: `OFFI${rng.digits(12)}`,
			product_name: name,
			enterprise_project_id: '0',
			enterprise_project_scope: 0,
			effective_time: formatUtc(effectiveSec),
			expire_time: formatUtc(expireSec),
			status,
			service_type_code: SERVICES[serviceIndex][0],
			service_type_name: SERVICES[serviceIndex][2],
			region_code: rng.pick(REGIONS)[0],
			source_type: 0,
			bundle_type: 'ATOMIC_PKG',
			quota_reuse_mode: rng.pick([1, 2]),
			free_resources: [{ free_resource_id: rng.hex(32), usage_type_name: usageName, amount: String(remaining), original_amount: String(original), measure_id: measureId }],
			resourceTypeCode: SERVICES[serviceIndex][1],
			effectiveSec,
			expireSec,
		});
	}
	return packages;
}

/**
 * @param {{ seed: number|string, anchorSec: number, customerId: string }} options
 */
function createCustomerSelf({ seed, anchorSec, customerId }) {
	const rng = createRng(seed, 'hw-customer-self', customerId);
	const resources = seedResources(rng, anchorSec);
	const packages = seedPackages(rng, anchorSec);
	const renewConfig = { DEDUCTION_DATE: '7', EXPIRE_DATE: null };
	const invoices = Array.from({ length: 9 }, (_, k) => {
		const applySec = anchorSec - (k * 37 + rng.int(1, 30)) * DAY_SEC - rng.int(0, DAY_SEC);
		const amount = round2(rng.float(50, 2000));
		return {
			requestId: `INV${rng.digits(12)}`,
			titleType: 1,
			channelType: 0,
			invoiceType: 1,
			invoiceTitle: 'Sandbox Customer GmbH',
			invoiceAmount: amount,
			invoiceMethod: 0,
			invoiceClass: 1,
			invoiceState: k < 2 ? 1 : 8,
			applyOpera: 'sandbox-customer',
			applyTime: formatUtc(applySec),
			invoiceMode: '0',
			email: 'billing@example.com',
			requestMode: '0',
			salesId: 'HWCSG',
			invoiceNo: k < 2 ? '' : `E${rng.digits(9)}`,
			tradeType: 8,
			billCycle: formatUtc(applySec - 20 * DAY_SEC).slice(0, 7),
			taxList: [{ taxClass: 'VAT', taxRate: '0.19', subTaxClass: 'VAT', taxAmount: round2(amount * 0.19), taxVisibleFlag: 'Y', taxAccountingFlag: 'Y' }],
			applySec,
		};
	}).sort((a, b) => b.applySec - a.applySec);
	const subAccounts = Array.from({ length: 23 }, (_, k) => ({
		id: rng.hex(32),
		name: `sandbox-sub-${String(k + 1).padStart(2, '0')}`,
		display_name: `${rng.pick(['Finance', 'Research', 'Web', 'Data', 'Ops'])}${k + 1}`,
		status: k === 22 ? 4 : k === 21 ? 102 : 1,
		org_id: k % 3 === 0 ? '' : `ou-${k % 3}${'0'.repeat(5)}`,
		org_name: k % 3 === 0 ? '' : k % 3 === 1 ? 'Europe' : 'Asia',
	}));

	/** Fee records of a month (UTC+8) up to the anchor: one per yearly/monthly purchase or renewal that month, one per day of use for pay-per-use. */
	function feeRecords(month) {
		const records = [];
		const payPerUse = resources.slice(0, 4);
		for (const r of resources) {
			const charged = r.effectiveSec + Math.floor((r.expireSec - r.effectiveSec) / 2);
			if (cstDay(r.effectiveSec).slice(0, 7) === month || cstDay(charged).slice(0, 7) === month) {
				const renewal = cstDay(r.effectiveSec).slice(0, 7) !== month;
				const sec = renewal ? charged : r.effectiveSec;
				records.push(feeRecord(r, sec, renewal ? 2 : 1, '1', r.monthlyPrice * (r.periodType === 3 ? 12 : 1), `${r.resource_id}:${sec}`));
			}
		}
		for (let sec = Date.parse(`${month}-01T00:00:00Z`) / 1000 - CST_OFFSET_SEC; cstDay(sec).slice(0, 7) === month && sec < anchorSec; sec += DAY_SEC) {
			for (const r of payPerUse) records.push(feeRecord(r, sec + 3600, 5, '3', r.monthlyPrice / 60, `${r.resource_id}:ppu:${sec}`));
		}
		return records.sort((a, b) => (a.bill_date < b.bill_date ? -1 : a.bill_date > b.bill_date ? 1 : a.id < b.id ? -1 : 1));
	}

	function feeRecord(r, sec, billType, chargeMode, price, key) {
		const line = createRng(seed, 'hw-fee-record', key);
		const official = round2(price * line.float(0.9, 1.1));
		const discount = round2(official * line.pick([0, 0, 0.1, 0.2]));
		const amount = round2(official - discount);
		const coupon = line.chance(0.1) ? round2(Math.min(amount, 5)) : 0;
		const s = SERVICES[r.serviceIndex];
		return {
			id: line.hex(24),
			bill_date: cstDay(sec),
			bill_type: billType,
			customer_id: customerId,
			account_name: 'sandbox-customer',
			region: r.region_code,
			region_name: r.region_code,
			cloud_service_type: s[0],
			resource_type: s[1],
			cloud_service_type_name: s[2],
			resource_type_name: s[4],
			effective_time: chargeMode === '3' ? formatUtc(sec - 3600) : '',
			expire_time: chargeMode === '3' ? formatUtc(sec + DAY_SEC - 3600) : '',
			resource_id: r.resource_id,
			resource_name: r.resource_name,
			resource_tag: '',
			product_id: `OFFI${line.digits(12)}`,
			product_name: `${s[2]} ${s[6][0]}`,
			product_spec_desc: `${s[2]} | ${s[6][0]}`,
			sku_code: s[6][0],
			trade_id: chargeMode === '1' ? `CS${line.digits(10)}${line.hex(5).toUpperCase()}` : line.hex(16),
			trade_time: formatUtc(sec),
			consume_time: formatUtc(sec),
			enterprise_project_id: '0',
			enterprise_project_name: 'default',
			charge_mode: chargeMode,
			period_type: chargeMode === '1' ? (r.periodType === 3 ? '19' : '20') : '24',
			usage_type: chargeMode === '3' ? 'duration' : '',
			usage: chargeMode === '3' ? 24 : 1,
			usage_measure_id: chargeMode === '3' ? 4 : 5,
			unit_price: round2(price),
			official_amount: official,
			discount_amount: discount,
			amount,
			cash_amount: round2(amount - coupon),
			credit_amount: 0,
			coupon_amount: coupon,
			flexipurchase_coupon_amount: 0,
			stored_card_amount: 0,
			bonus_amount: 0,
			debt_amount: 0,
			adjustment_amount: 0,
			measure_id: 1,
		};
	}

	/** Daily deductions of each package item between two UTC+8 days (inclusive). */
	function packageUsage(beginDay, endDay) {
		const out = [];
		for (const p of packages) {
			for (const item of p.free_resources) {
				for (let sec = Date.parse(`${beginDay}T00:00:00Z`) / 1000 - CST_OFFSET_SEC; cstDay(sec) <= endDay && sec < anchorSec; sec += DAY_SEC) {
					if (sec < p.effectiveSec || sec > p.expireSec) continue;
					const line = createRng(seed, 'hw-package-use', item.free_resource_id, sec);
					const used = round2((Number(item.original_amount) / 60) * line.float(0.2, 1.2));
					out.push({
						deduct_time: formatUtc(sec + 12 * 3600),
						free_resource_id: item.free_resource_id,
						resource_id: line.hex(32),
						resource_type_code: p.resourceTypeCode,
						resource_type_name: SERVICES[SERVICES.findIndex((x) => x[1] === p.resourceTypeCode)][4],
						resource_tag: '',
						product_id: p.product_id,
						product_name: p.product_name,
						usage_type_code: item.usage_type_name.toLowerCase().replace(/\s+/g, '_'),
						available_amount: item.original_amount,
						remaining_amount: item.amount,
						used_amount: String(used),
						measure_id: item.measure_id,
						effective_time: p.effective_time,
						expire_time: p.expire_time,
					});
				}
			}
		}
		return out;
	}

	return { resources, packages, renewConfig, invoices, subAccounts, projectsAuthorized: false, feeRecords, packageUsage };
}

/** One state per seeded data set and customer, made on first use (a reset makes new data, so new states). */
const states = new WeakMap();
function customerSelfOf(data, customerId) {
	if (!states.has(data)) states.set(data, new Map());
	const byCustomer = states.get(data);
	if (!byCustomer.has(customerId)) byCustomer.set(customerId, { ...createCustomerSelf({ seed: data.seed, anchorSec: data.anchorSec, customerId }), pendingRenewals: new Map() });
	return byCustomer.get(customerId);
}

module.exports = { createCustomerSelf, customerSelfOf, cstDay };
