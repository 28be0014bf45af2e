'use strict';
/**
 * Vouchers issued to the first seeded customers, and their usage records.
 *
 * The same voucher appears with an integer id in the Describe*VoucherList actions and with an
 * alphanumeric string id (and Unused/Used/Expired status) in QueryVoucherListByUin, as on the real
 * service. Usage records are generated on demand per voucher.
 */
const { createRng } = require('../../prng');
const { formatDateTime, DAY_SEC, monthOf } = require('../time');
const { PRODUCTS } = require('./catalog');

const VOUCHER_ID_BASE = 12130000;
/** Characters of the alphanumeric voucher ids shown by QueryVoucherListByUin (e.g. OXSFSQSHNUSGCP7BAM87KD). */
const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split('');
const POOL_TOTAL_CENTS = 50000000; // USD 500,000 voucher quota
const STATUS_FOR_QUERY_LIST = { Issued: 'Unused', Used: 'Used', Expired: 'Expired', Invalidated: 'Expired' };
/** Voucher whose usage list is long enough that paging matters (the first customer's first voucher). */
const LONG_USAGE_RECORDS = 150;

function createVouchers({ seed, anchorSec, directory, partnerUin }) {
	const vouchers = [];
	const withVouchers = directory.page('asc', 0, Math.min(directory.size, 80));
	let nextId = VOUCHER_ID_BASE;
	for (const uin of withVouchers) {
		const rng = createRng(seed, 'vouchers', uin);
		const first = uin === withVouchers[0];
		const howMany = first ? 12 : rng.int(0, 5);
		for (let k = 0; k < howMany; k++) {
			const totalCents = rng.pick([5000, 10000, 20000, 50000, 100000, 200000]);
			const r = rng.next();
			const status = first && k === 0 ? 'Used' : r < 0.5 ? 'Issued' : r < 0.75 ? 'Used' : r < 0.9 ? 'Expired' : 'Invalidated';
			const effectiveSec = anchorSec - rng.int(10, 400) * DAY_SEC;
			const expireSec = status === 'Expired' ? anchorSec - rng.int(1, 9) * DAY_SEC : anchorSec + rng.int(30, 365) * DAY_SEC;
			const remainingCents = status === 'Used' ? 0 : status === 'Issued' ? Math.round(totalCents * rng.float(0.1, 1)) : Math.round(totalCents * rng.float(0, 1));
			vouchers.push({
				VoucherId: ++nextId,
				code: Array.from({ length: 22 }, () => rng.pick(CODE_CHARS)).join(''),
				CustomerUin: uin,
				VoucherStatus: status,
				TotalAmount: totalCents / 100,
				RemainingAmount: remainingCents / 100,
				Usage: rng.chance(0.6) ? 'CustomerOffer' : 'ProductTrial',
				PaymentMode: rng.pick(['AllPayment', 'Prepaid', 'Postpaid']),
				ProductScope: rng.pick(['AllProducts', 'AllProducts', 'SpecifyProducts', 'SpecifyProductsBlacklist']),
				EffectiveTime: formatDateTime(effectiveSec),
				ExpireTime: formatDateTime(expireSec),
				ApplyReason: rng.pick(['New customer offer', 'Migration incentive', 'Proof of concept', 'Service credit', 'Event promotion']),
				effectiveSec,
				expireSec,
			});
		}
	}

	const usageCache = new Map();
	/** Usage records of a voucher, newest first; amounts add up to TotalAmount - RemainingAmount. */
	function usageOf(voucher) {
		if (usageCache.has(voucher.VoucherId)) return usageCache.get(voucher.VoucherId);
		const usedCents = Math.round((voucher.TotalAmount - voucher.RemainingAmount) * 100);
		const rng = createRng(seed, 'voucher-usage', voucher.VoucherId);
		const isLong = voucher.VoucherId === VOUCHER_ID_BASE + 1 && voucher.VoucherStatus === 'Used';
		const count = usedCents <= 0 ? 0 : Math.min(usedCents, isLong ? LONG_USAGE_RECORDS : rng.int(1, 8));
		const weights = Array.from({ length: count }, () => rng.float(0.2, 1));
		const weightSum = weights.reduce((a, b) => a + b, 0);
		const end = Math.min(voucher.expireSec, anchorSec - 60);
		let assigned = 0;
		const records = weights.map((w, k) => {
			const amount = k === count - 1 ? usedCents - assigned : Math.max(1, Math.floor((usedCents * w) / weightSum));
			assigned += amount;
			const product = rng.pick(PRODUCTS);
			const sub = rng.pick(product.subs);
			const paySec = voucher.effectiveSec + Math.floor(((k + 1) / (count + 1)) * Math.max(1, end - voucher.effectiveSec));
			return {
				Id: voucher.VoucherId * 1000 + k + 1,
				VoucherId: String(voucher.VoucherId),
				DealName: `${formatDateTime(paySec).replace(/\D/g, '').slice(0, 8)}${rng.digits(10)}`,
				BillId: `${rng.digits(18)}`,
				Amount: amount / 100,
				PayMode: voucher.PaymentMode === 'Postpaid' ? 'Postpaid' : voucher.PaymentMode === 'Prepaid' ? 'Prepaid' : rng.pick(['Prepaid', 'Postpaid']),
				ProductCode: product.code,
				SubProductCode: sub.code,
				ProductCodeName: product.name,
				SubProductCodeName: sub.name,
				PayTime: formatDateTime(paySec),
				CompletionTime: formatDateTime(paySec + rng.int(1, 120)),
				OwnerUin: voucher.CustomerUin,
				paySec,
			};
		});
		records.sort((a, b) => b.paySec - a.paySec || b.Id - a.Id);
		usageCache.set(voucher.VoucherId, records);
		return records;
	}

	return {
		list: vouchers,
		partnerUin,
		STATUS_FOR_QUERY_LIST,
		POOL_TOTAL_CENTS,
		byId: (id) => vouchers.find((v) => v.VoucherId === id) || null,
		ofCustomer: (uin) => vouchers.filter((v) => v.CustomerUin === uin),
		usageOf,
		monthOf,
	};
}

module.exports = { createVouchers, VOUCHER_ID_BASE };
