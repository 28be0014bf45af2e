'use strict';
/**
 * Voucher actions (reference 7.3, actions 20-26). This API version only reads vouchers.
 */
const { PARTNER, CUSTOMER, spec, fail, paginate, customerOr, ownCustomer } = require('./common');

const STATUSES = ['Issued', 'Used', 'Expired', 'Invalidated'];
const PAYMENT_MODES = ['AllPayment', 'Prepaid', 'Postpaid'];
const PRODUCT_SCOPES = ['AllProducts', 'SpecifyProducts', 'SpecifyProductsBlacklist'];
const USAGES = ['ProductTrial', 'CustomerOffer'];

const QueryVoucherPool = {
	rate: 5,
	callers: PARTNER,
	params: {},
	handler(ctx) {
		const { vouchers, partner } = ctx.data;
		const issuedCents = vouchers.list.reduce((sum, v) => sum + Math.round(v.TotalAmount * 100), 0);
		return {
			AgentName: partner.name,
			AccountType: partner.accountType,
			TotalQuota: vouchers.POOL_TOTAL_CENTS / 100,
			RemainingQuota: (vouchers.POOL_TOTAL_CENTS - issuedCents) / 100,
			IssuedNum: vouchers.list.length,
		};
	},
};

const clientUins = () => spec.uinList(1, 20, { required: true });

const QueryVoucherAmountByUin = {
	rate: 5,
	callers: PARTNER,
	params: { ClientUins: clientUins() },
	handler(ctx) {
		const data = [];
		for (const uin of new Set(ctx.body.ClientUins)) {
			customerOr(ctx, uin, 'UnauthorizedOperation.UinNoAuth');
			const list = ctx.data.vouchers.ofCustomer(uin);
			const total = list.reduce((s, v) => s + Math.round(v.TotalAmount * 100), 0);
			const remain = list.filter((v) => v.VoucherStatus === 'Issued').reduce((s, v) => s + Math.round(v.RemainingAmount * 100), 0);
			data.push({ ClientUin: uin, TotalAmount: total / 100, RemainAmount: remain / 100 });
		}
		return { Data: data };
	},
};

const QueryVoucherListByUin = {
	rate: 5,
	callers: PARTNER,
	params: { ClientUins: clientUins(), Status: spec.enumOf(['Unused', 'Used', 'Expired']) },
	/** Same vouchers as DescribeCustomerVoucherList, shown with string ids and Unused/Used/Expired. */
	handler(ctx) {
		const { vouchers } = ctx.data;
		const data = [];
		for (const uin of new Set(ctx.body.ClientUins)) {
			customerOr(ctx, uin, 'UnauthorizedOperation.UinNoAuth');
			const items = vouchers
				.ofCustomer(uin)
				.map((v) => ({ VoucherId: v.code, VoucherStatus: vouchers.STATUS_FOR_QUERY_LIST[v.VoucherStatus], TotalAmount: v.TotalAmount, RemainAmount: v.RemainingAmount }))
				.filter((v) => !ctx.body.Status || v.VoucherStatus === ctx.body.Status);
			data.push({ ClientUin: uin, TotalCount: items.length, Data: items });
		}
		return { Data: data };
	},
};

const listFilters = {
	Page: spec.page({ required: true }),
	PageSize: spec.pageSize(100, { required: true }),
	VoucherStatus: spec.enumOf(STATUSES),
	PaymentMode: spec.enumOf(PAYMENT_MODES),
	ProductScope: spec.enumOf(PRODUCT_SCOPES),
	VoucherId: spec.uin(),
};

function filterVouchers(list, b) {
	return list.filter(
		(v) =>
			(b.CustomerUin === undefined || v.CustomerUin === b.CustomerUin) &&
			(b.VoucherStatus === undefined || v.VoucherStatus === b.VoucherStatus) &&
			(b.PaymentMode === undefined || v.PaymentMode === b.PaymentMode) &&
			(b.Usage === undefined || v.Usage === b.Usage) &&
			(b.ProductScope === undefined || v.ProductScope === b.ProductScope) &&
			(b.VoucherId === undefined || v.VoucherId === b.VoucherId),
	);
}

const DescribeCustomerVoucherList = {
	rate: 20,
	callers: PARTNER,
	params: { ...listFilters, CustomerUin: spec.uin(), Usage: spec.enumOf(USAGES) },
	handler(ctx) {
		const live = ctx.data.vouchers.list.filter((v) => ctx.data.directory.has(v.CustomerUin));
		const matches = filterVouchers(live, ctx.body);
		return {
			TotalCount: matches.length,
			Data: paginate(matches, ctx.body.Page, ctx.body.PageSize).map((v) => ({
				VoucherId: v.VoucherId, CustomerUin: v.CustomerUin, VoucherStatus: v.VoucherStatus, RemainingAmount: v.RemainingAmount,
				TotalAmount: v.TotalAmount, Usage: v.Usage, PaymentMode: v.PaymentMode, ProductScope: v.ProductScope,
				EffectiveTime: v.EffectiveTime, ExpireTime: v.ExpireTime, ApplyReason: v.ApplyReason,
			})),
		};
	},
};

const DescribeCustomerOwnVoucherList = {
	rate: 20,
	callers: CUSTOMER,
	params: listFilters,
	handler(ctx) {
		const me = ownCustomer(ctx);
		const matches = filterVouchers(ctx.data.vouchers.ofCustomer(me.ClientUin), ctx.body);
		return {
			TotalCount: matches.length,
			Data: paginate(matches, ctx.body.Page, ctx.body.PageSize).map((v) => ({
				VoucherId: v.VoucherId, CustomerUin: v.CustomerUin, VoucherStatus: v.VoucherStatus, RemainingAmount: v.RemainingAmount,
				TotalAmount: v.TotalAmount, PaymentMode: v.PaymentMode, ProductScope: v.ProductScope, EffectiveTime: v.EffectiveTime,
				ExpireTime: v.ExpireTime,
			})),
		};
	},
};

/** Usage page of one voucher, optionally limited to a month (YYYY-MM of PayTime). */
function usagePage(ctx, voucher) {
	const { Page, PageSize, Month } = ctx.body;
	const all = ctx.data.vouchers.usageOf(voucher);
	const inMonth = Month ? all.filter((r) => r.PayTime.startsWith(Month)) : all;
	return {
		Data: paginate(inMonth, Page, PageSize).map(({ paySec, ...r }) => r),
		VoucherId: voucher.VoucherId,
		TotalAmount: voucher.TotalAmount,
		RemainAmount: voucher.RemainingAmount,
		TotalRecordsCount: all.length,
		Month: Month || '',
		RecordsCountByMonth: inMonth.length,
	};
}

const usageParams = {
	Page: spec.page({ required: true }),
	PageSize: spec.pageSize(100, { required: true }),
	VoucherId: spec.uin({ required: true }),
	Month: spec.month(),
};

const DescribeCustomerVoucherUsageDetails = {
	rate: 20,
	callers: PARTNER,
	params: { ...usageParams, CustomerUin: spec.uin({ required: true }) },
	handler(ctx) {
		const { CustomerUin, VoucherId } = ctx.body;
		customerOr(ctx, CustomerUin, 'FailedOperation');
		const voucher = ctx.data.vouchers.byId(VoucherId);
		if (!voucher || voucher.CustomerUin !== CustomerUin) fail('FailedOperation', `Voucher ${VoucherId} does not belong to customer ${CustomerUin}.`);
		const { Data, ...rest } = usagePage(ctx, voucher);
		return { Data, CustomerUin, ...rest };
	},
};

const DescribeCustomerOwnVoucherUsageDetails = {
	rate: 20,
	callers: CUSTOMER,
	params: usageParams,
	handler(ctx) {
		const me = ownCustomer(ctx);
		const voucher = ctx.data.vouchers.byId(ctx.body.VoucherId);
		if (!voucher || voucher.CustomerUin !== me.ClientUin) fail('FailedOperation', `Voucher ${ctx.body.VoucherId} is not one of your vouchers.`);
		return usagePage(ctx, voucher);
	},
};

module.exports = {
	QueryVoucherPool, QueryVoucherAmountByUin, QueryVoucherListByUin, DescribeCustomerVoucherList, DescribeCustomerVoucherUsageDetails,
	DescribeCustomerOwnVoucherList, DescribeCustomerOwnVoucherUsageDetails,
};
