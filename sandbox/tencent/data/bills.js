'use strict';
/**
 * Bills of the seeded direct customers for the six months ending with the current month
 * (the current month only up to "now", as it is still provisional on the real service).
 *
 * Bill lines are generated on demand per (customer, month) and cached in a small LRU, so 100 000
 * customers cost nothing until someone asks for their bill. All amounts are integers in units of
 * 1e-8 USD and printed as decimal strings with 8 decimals, so every summary is the exact sum of
 * the lines it summarises.
 */
const { createRng } = require('../../prng');
const { formatDateTime, monthOf, addMonths, monthDiff, monthStartSec, daysInMonth, DAY_SEC } = require('../time');
const C = require('./catalog');

const UNITS = 100000000n;
const BILL_MONTHS = 6;
const CACHE_LIMIT = 2000;

/** Integer amount (1e-8 USD) -> decimal string with 8 decimals, e.g. 12345678901 -> "123.45678901". */
function formatAmount(units) {
	const negative = units < 0;
	const abs = BigInt(Math.abs(units));
	const text = `${abs / UNITS}.${String(abs % UNITS).padStart(8, '0')}`;
	return negative ? `-${text}` : text;
}

/** Per-customer bill profile: the products, regions, projects and instances it uses. */
function profileOf(seed, uin) {
	const rng = createRng(seed, 'bill-profile', uin);
	const products = rng.shuffle(C.PRODUCTS).slice(0, rng.int(3, 6));
	const regions = rng.shuffle(C.REGIONS).slice(0, rng.int(1, 3));
	const instances = Array.from({ length: 12 }, (_, k) => ({
		id: `ins-${rng.hex(8)}`,
		name: `${rng.pick(['web', 'api', 'db', 'batch', 'cache', 'media'])}-${rng.pick(['prod', 'staging', 'dev'])}-${k + 1}`,
		project: rng.pick(C.PROJECTS),
		tags: Object.fromEntries(Object.entries(C.TAGS).filter(() => rng.chance(0.7)).map(([key, values]) => [key, rng.pick(values)])),
	}));
	return { products, regions, instances, discount: rng.pick([1, 1, 1, 0.95, 0.9, 0.85]) };
}

function createBills({ seed, anchorSec, directory, partnerUin }) {
	const currentMonth = monthOf(anchorSec);
	const firstMonth = addMonths(currentMonth, -(BILL_MONTHS - 1));
	const cache = new Map();

	/** Months that have bill data. */
	const hasMonth = (month) => monthDiff(firstMonth, month) >= 0 && monthDiff(month, currentMonth) >= 0;

	function generate(uin, seedIndex, month) {
		const rng = createRng(seed, 'bill-lines', uin, month);
		const profile = profileOf(seed, uin);
		const start = monthStartSec(month);
		const fullEnd = start + daysInMonth(month) * DAY_SEC;
		const end = Math.min(fullEnd, anchorSec);
		if (end <= start) return [];
		const elapsed = (end - start) / (fullEnd - start);
		const base = seedIndex < 5 ? rng.int(220, 480) : seedIndex < 20 ? rng.int(40, 120) : rng.int(2, 30);
		const count = Math.max(month === currentMonth ? 0 : 1, Math.round(base * elapsed));
		const lines = [];
		for (let k = 0; k < count; k++) {
			// Usage-based (pay-as-you-go) lines dominate real bills; subscriptions are occasional.
			const payg = profile.products.filter((p) => p.modes.includes('postPay'));
			const product = payg.length && rng.chance(0.85) ? rng.pick(payg) : rng.pick(profile.products);
			const sub = rng.pick(product.subs);
			const comp = rng.pick(product.components);
			const mode = product.modes.length > 1 && rng.chance(0.85) ? 'postPay' : rng.pick(product.modes);
			const actions = C.ACTION_TYPES[mode];
			const [actionType, actionName] = rng.chance(0.03) && mode === 'postPay' ? actions[3] : rng.pick(actions.slice(0, 3));
			const region = rng.pick(profile.regions);
			const [zoneId, zoneName] = rng.pick(region.zones);
			const instance = rng.pick(profile.instances);
			const txSec = start + rng.int(0, end - start - 1);
			const duration = comp.durationUnit === 'Hour' ? rng.int(1, 24) : 1;
			const usage = rng.int(1, comp.maxUsage);
			const price = rng.int(comp.minPrice, comp.maxPrice);
			const original = price * usage * duration;
			const afterDiscount = Math.round(original * profile.discount);
			const voucher = rng.chance(0.1) ? Math.round(afterDiscount * rng.float(0.1, 1)) : 0;
			const usageStart = mode === 'prePay' ? txSec : txSec - duration * (comp.durationUnit === 'Hour' ? 3600 : comp.durationUnit === 'Day' ? DAY_SEC : 0);
			const usageEnd = mode === 'prePay' ? txSec + 30 * DAY_SEC : txSec;
			lines.push({
				seq: k,
				txSec,
				mode,
				actionType,
				actionName,
				confirmed: month === currentMonth && mode === 'postPay' ? '2' : rng.chance(0.97) ? '1' : '2',
				product,
				sub,
				comp,
				region,
				zoneId,
				zoneName,
				instance,
				price,
				usage,
				duration,
				original,
				afterDiscount,
				voucher,
				total: afterDiscount - voucher,
				discount: profile.discount,
				usageStart,
				usageEnd,
				transactionId: `${month.replace('-', '')}${rng.digits(12)}`,
				uin,
			});
		}
		lines.sort((a, b) => a.txSec - b.txSec || a.seq - b.seq);
		lines.forEach((l, i) => {
			/** @type {any} */ (l).id = `${month.replace('-', '')}${uin}${String(i + 1).padStart(6, '0')}`;
		});
		return lines;
	}

	/** Internal bill lines of a customer for a month (empty when none). */
	function linesOf(uin, month) {
		const seedIndex = directory.seedIndexOf(uin);
		if (seedIndex < 0 || !hasMonth(month)) return [];
		const key = `${uin}|${month}`;
		let lines = cache.get(key);
		if (lines) {
			cache.delete(key);
		} else {
			lines = generate(uin, seedIndex, month);
		}
		cache.set(key, lines);
		if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value);
		return lines;
	}

	/** A line as BillDetailData (partner view, DescribeCustomerBillDetail). */
	function toBillDetail(l) {
		return {
			PayerAccountId: partnerUin,
			OwnerAccountId: l.uin,
			OperatorAccountId: l.uin,
			ProductName: l.product.name,
			BillingMode: C.BILLING_MODE_NAMES[l.mode],
			ProjectName: l.instance.project[1],
			Region: l.region.name,
			AvailabilityZone: l.zoneName,
			InstanceId: l.instance.id,
			InstanceName: l.instance.name,
			SubProductName: l.sub.name,
			TransactionType: l.actionName,
			TransactionId: l.transactionId,
			TransactionTime: formatDateTime(l.txSec),
			UsageStartTime: formatDateTime(l.usageStart),
			UsageEndTime: formatDateTime(l.usageEnd),
			ComponentType: l.comp.typeName,
			ComponentName: l.comp.name,
			ComponentListPrice: formatAmount(l.price),
			ComponentPriceMeasurementUnit: l.comp.priceUnit,
			ComponentUsage: String(l.usage),
			ComponentUsageUnit: l.comp.usageUnit,
			UsageDuration: String(l.duration),
			DurationUnit: l.comp.durationUnit,
			OriginalCost: formatAmount(l.original),
			DiscountRate: '1',
			Currency: 'USD',
			TotalAmountAfterDiscount: formatAmount(l.afterDiscount),
			VoucherDeduction: formatAmount(l.voucher),
			TotalCost: formatAmount(l.total),
			Id: l.id,
			CustomerDiscountRate: String(l.discount),
		};
	}

	/** A line as CustomerBillDetailData (end-customer view, DescribeBillDetail). */
	function toCustomerBillDetail(l) {
		const d = toBillDetail(l);
		delete d.DiscountRate;
		delete d.TotalAmountAfterDiscount;
		delete d.VoucherDeduction;
		delete d.CustomerDiscountRate;
		d.Tags = Object.entries(l.instance.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
		return d;
	}

	return { currentMonth, firstMonth, hasMonth, linesOf, toBillDetail, toCustomerBillDetail, formatAmount };
}

/** Sums original, voucher and total of lines into formatted strings. */
function sumLines(lines) {
	let original = 0;
	let voucher = 0;
	let total = 0;
	for (const l of lines) {
		original += l.original;
		voucher += l.voucher;
		total += l.total;
	}
	return { original, voucher, total, OriginalCost: formatAmount(original), VoucherPayAmount: formatAmount(voucher), TotalCost: formatAmount(total) };
}

/** Groups lines by key(line), keeping first-seen order. */
function groupBy(lines, key) {
	const groups = new Map();
	for (const l of lines) {
		const k = key(l);
		if (!groups.has(k)) groups.set(k, []);
		groups.get(k).push(l);
	}
	return groups;
}

module.exports = { createBills, formatAmount, sumLines, groupBy, BILL_MONTHS };
