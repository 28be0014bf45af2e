'use strict';
/**
 * Bill actions (reference 7.4 partner view and 7.5 end-customer self-service, actions 27-37).
 * Every figure is computed from the same generated bill lines, so summaries always add up.
 */
const { PARTNER, CUSTOMER, ACTION_TYPE_CODES, spec, fail, paginate, customerOr, ownCustomer, notFutureMonth } = require('./common');
const { sumLines, groupBy, formatAmount } = require('../data/bills');
const { toCsv } = require('../data/downloads');
const { PAY_MODE_NAMES, TAGS } = require('../data/catalog');
const { parseDate, formatDate, monthOf, addMonths, isMonth, cstToSec } = require('../time');

const INVALID_MONTH = 'InvalidParameterValue.InvalidMonth';
const FIRST_DAY_WITH_DAILY_TOTALS = '2025-06-01';
const EARLIEST_DOWNLOAD_MONTH = { billDetail: '2022-06', billDetailPack: '2022-06', billResource: '2023-11', billResourcePack: '2023-11', L2: '2022-06', L3: '2022-06' };

const lineFilters = {
	PayMode: spec.enumOf(['prePay', 'postPay']),
	ActionType: spec.enumOf(ACTION_TYPE_CODES),
	IsConfirmed: spec.enumOf(['0', '1', '2']),
};

function filterLines(lines, b) {
	return lines.filter(
		(l) =>
			(b.PayMode === undefined || l.mode === b.PayMode) &&
			(b.ActionType === undefined || l.actionType === b.ActionType) &&
			(b.IsConfirmed === undefined || b.IsConfirmed === '0' || l.confirmed === b.IsConfirmed),
	);
}

/** Lines of a partner's customer for a month; `code` is the action's "not your customer" error. */
function customerLines(ctx, uin, month, code) {
	customerOr(ctx, uin, code);
	notFutureMonth(ctx, month);
	return ctx.data.bills.linesOf(uin, month);
}

const DescribeCustomerBillSummary = {
	rate: 1,
	callers: PARTNER,
	params: { CustomerUin: spec.uuin({ required: true }), Month: spec.month(INVALID_MONTH, { required: true }), ...lineFilters },
	handler(ctx) {
		const lines = filterLines(customerLines(ctx, ctx.body.CustomerUin, ctx.body.Month, 'UnauthorizedOperation.UinNoAuth'), ctx.body);
		return { TotalCost: Number(sumLines(lines).TotalCost) };
	},
};

const DescribeCustomerBillDetail = {
	rate: 5,
	callers: PARTNER,
	params: {
		CustomerUin: spec.uuin({ required: true }),
		Month: spec.month(INVALID_MONTH, { required: true }),
		PageSize: spec.pageSize(200, { required: true }),
		Page: spec.page({ required: true }),
		...lineFilters,
	},
	handler(ctx) {
		const { bills } = ctx.data;
		const lines = filterLines(customerLines(ctx, ctx.body.CustomerUin, ctx.body.Month, 'UnauthorizedOperation.NotCustomerUin'), ctx.body);
		return { Total: lines.length, DetailSet: lines.length ? paginate(lines, ctx.body.Page, ctx.body.PageSize).map(bills.toBillDetail) : null };
	},
};

const DescribeCustomerBillDetailByDay = {
	rate: 20,
	callers: PARTNER,
	params: { CustomerUin: spec.uin({ required: true }), Date: spec.date({ required: true }) },
	handler(ctx) {
		const { CustomerUin, Date: day } = ctx.body;
		if (day < FIRST_DAY_WITH_DAILY_TOTALS) fail('InvalidParameterValue', `Days before ${FIRST_DAY_WITH_DAILY_TOTALS} cannot be queried.`);
		if (day > formatDate(ctx.nowSec)) fail('InvalidParameterValue', `The date ${day} is in the future.`);
		customerOr(ctx, CustomerUin, 'UnauthorizedOperation.UinNoAuth');
		const lines = ctx.data.bills.linesOf(CustomerUin, monthOf(parseDate(day))).filter((l) => formatDate(l.txSec) === day);
		return { TotalCost: sumLines(lines).TotalCost };
	},
};

const summaryParams = { BillMonth: spec.month(INVALID_MONTH, { required: true }), CustomerUin: spec.uin({ required: true }) };
const sums = (lines) => {
	const s = sumLines(lines);
	return { OriginalCost: s.OriginalCost, VoucherPayAmount: s.VoucherPayAmount, TotalCost: s.TotalCost };
};

const DescribeBillSummaryByPayMode = {
	rate: 1,
	callers: PARTNER,
	params: summaryParams,
	handler(ctx) {
		const lines = customerLines(ctx, ctx.body.CustomerUin, ctx.body.BillMonth, 'UnauthorizedOperation.UinNoAuth');
		const overview = [...groupBy(lines, (l) => l.mode)].map(([mode, group]) => {
			const s = sums(group);
			return {
				PayMode: mode,
				PayModeName: PAY_MODE_NAMES[mode],
				OriginalCost: s.OriginalCost,
				Detail: [...groupBy(group, (l) => l.actionType)].map(([actionType, g]) => ({ ActionType: actionType, ActionTypeName: g[0].actionName, ...sums(g) })),
				VoucherPayAmount: s.VoucherPayAmount,
				TotalCost: s.TotalCost,
			};
		});
		return { SummaryOverview: overview };
	},
};

const DescribeBillSummaryByProduct = {
	rate: 1,
	callers: PARTNER,
	params: summaryParams,
	handler(ctx) {
		const lines = customerLines(ctx, ctx.body.CustomerUin, ctx.body.BillMonth, 'UnauthorizedOperation.UinNoAuth');
		return {
			SummaryOverview: [...groupBy(lines, (l) => l.product.code)].map(([code, g]) => ({ BusinessCode: code, BusinessCodeName: g[0].product.name, ...sums(g) })),
		};
	},
};

const DescribeBillSummaryByRegion = {
	rate: 1,
	callers: PARTNER,
	params: summaryParams,
	handler(ctx) {
		const lines = customerLines(ctx, ctx.body.CustomerUin, ctx.body.BillMonth, 'UnauthorizedOperation.UinNoAuth');
		return {
			SummaryOverview: [...groupBy(lines, (l) => l.region.id)].map(([id, g]) => ({ RegionId: id, RegionName: g[0].region.name, ...sums(g) })),
		};
	},
};

const BILL_CSV_HEADER = ['Id', 'OwnerAccountId', 'ProductName', 'SubProductName', 'Region', 'InstanceId', 'TransactionType', 'TransactionTime', 'OriginalCost', 'VoucherDeduction', 'TotalCost', 'Currency'];
const MAX_CSV_ROWS = 200;

/** A bill file: the first lines of the month as CSV (enough to test a download step). */
function billCsv(ctx, uins, month) {
	return () => {
		const rows = [];
		for (const uin of uins) {
			for (const l of ctx.data.bills.linesOf(uin, month)) {
				if (rows.length >= MAX_CSV_ROWS) break;
				const d = ctx.data.bills.toBillDetail(l);
				rows.push([d.Id, d.OwnerAccountId, d.ProductName, d.SubProductName, d.Region, d.InstanceId, d.TransactionType, d.TransactionTime, d.OriginalCost, d.VoucherDeduction, d.TotalCost, d.Currency]);
			}
		}
		return toCsv(BILL_CSV_HEADER, rows);
	};
}

/** Month checks for the download actions: format, earliest month of the file type, not in the future. */
function downloadMonth(ctx, month, fileType, code) {
	if (!isMonth(month)) fail(code, `The Month \`${month}\` is invalid; expected YYYY-MM.`);
	if (month < EARLIEST_DOWNLOAD_MONTH[fileType]) fail(code, `${fileType} files are available from ${EARLIEST_DOWNLOAD_MONTH[fileType]}.`);
	if (month > monthOf(ctx.nowSec)) fail(code, `The month ${month} is in the future.`);
}

/** A month is final after 01:00 (UTC+8) on the 5th of the next month. */
function isBilled(ctx, month) {
	const next = addMonths(month, 1);
	const [y, m] = next.split('-').map(Number);
	return ctx.nowSec >= cstToSec(y, m, 5, 1, 0, 0);
}

const DescribeCustomerBillDownloadUrl = {
	rate: 20,
	callers: PARTNER,
	params: {
		Month: { type: 'string', required: true },
		FileType: spec.enumOf(['billResource', 'billDetail', 'billResourcePack', 'billDetailPack'], { required: true, code: 'InvalidParameter' }),
		CustomerUinType: spec.enumOf(['Customer', 'Reseller', 'ResellerCustomer'], { required: true, code: 'InvalidParameter' }),
		FileLanguage: spec.enumOf(['en', 'zh_cn'], { code: 'InvalidParameter' }),
		CustomerUin: spec.uin({ code: 'InvalidParameter' }),
	},
	handler(ctx) {
		const { Month, FileType, CustomerUinType, FileLanguage = 'en', CustomerUin } = ctx.body;
		const { directory, resellers } = ctx.data;
		downloadMonth(ctx, Month, FileType, 'InvalidParameter');
		const pack = FileType.endsWith('Pack');
		if (pack && CustomerUin !== undefined) fail('InvalidParameter', 'Leave CustomerUin out when FileType is a pack.');
		if (!pack && CustomerUin === undefined) fail('InvalidParameter', `CustomerUin is required when FileType is ${FileType}.`);
		if (pack && !isBilled(ctx, Month)) fail('FailedOperation', `The bill of ${Month} is not final yet; packs can be downloaded after 01:00 on the 5th of the next month.`);
		if (!pack) {
			const known =
				CustomerUinType === 'Customer' ? directory.has(CustomerUin) : CustomerUinType === 'Reseller' ? Boolean(resellers.find(CustomerUin)) : resellers.ownerOfIndirect(CustomerUin) !== null;
			if (!known) fail('FailedOperation', `The UIN ${CustomerUin} is not a ${CustomerUinType} of yours.`);
		}
		const uins = CustomerUinType === 'Customer' ? (pack ? directory.page('asc', 0, 5) : [CustomerUin]) : [];
		const key = ['DescribeCustomerBillDownloadUrl', Month, FileType, CustomerUinType, CustomerUin ?? '', FileLanguage].join('|');
		return ctx.downloads.poll(key, billCsv(ctx, uins, Month));
	},
};

const DescribeRebateDownloadUrl = {
	rate: 20,
	callers: PARTNER,
	params: { Month: spec.month('InvalidParameterValue', { required: true }), FileType: spec.enumOf(['CommissionDetail'], { required: true }) },
	handler(ctx) {
		const { Month } = ctx.body;
		notFutureMonth(ctx, Month, 'InvalidParameterValue');
		const render = () => {
			const rows = ctx.data.directory.page('asc', 0, 20).map((uin) => {
				const total = sumLines(ctx.data.bills.linesOf(uin, Month)).total;
				return [Month, uin, formatAmount(total), '0.05', formatAmount(Math.round(total * 0.05)), 'USD'];
			});
			return toCsv(['Month', 'CustomerUin', 'Consumption', 'CommissionRate', 'Commission', 'Currency'], rows);
		};
		return ctx.downloads.poll(['DescribeRebateDownloadUrl', Month, 'CommissionDetail'].join('|'), render);
	},
};

const DescribeBillSummary = {
	rate: 1,
	callers: CUSTOMER,
	params: {
		Month: spec.month(INVALID_MONTH, { required: true }),
		GroupType: spec.enumOf(['product', 'project', 'tag'], { required: true, code: 'InvalidParameterValue.InvalidDimension' }),
		TagKey: { type: 'array', items: { type: 'string' } },
	},
	/** Grouped by product code, project, or tag value; `Business` breaks a project/tag group down per product. */
	handler(ctx) {
		const me = ownCustomer(ctx);
		notFutureMonth(ctx, ctx.body.Month);
		const lines = ctx.data.bills.linesOf(me.ClientUin, ctx.body.Month);
		const perProduct = (group) =>
			[...groupBy(group, (l) => l.product.code)].map(([code, g]) => ({ BusinessCodeName: g[0].product.name, BusinessCode: code, ...sums(g), RICost: formatAmount(0) }));
		const detail = (group, key, value, business) => ({ Business: business, ...sums(group), RICost: formatAmount(0), GroupKey: key, GroupValue: value });
		let out;
		if (ctx.body.GroupType === 'product') {
			out = [...groupBy(lines, (l) => l.product.code)].map(([code, g]) => detail(g, code, g[0].product.name, []));
		} else if (ctx.body.GroupType === 'project') {
			out = [...groupBy(lines, (l) => l.instance.project[0])].map(([id, g]) => detail(g, id, g[0].instance.project[1], perProduct(g)));
		} else {
			const keys = ctx.body.TagKey && ctx.body.TagKey.length ? ctx.body.TagKey : Object.keys(TAGS);
			out = [];
			for (const key of keys) {
				for (const [value, g] of groupBy(lines, (l) => l.instance.tags[key] ?? '')) out.push(detail(g, key, value, perProduct(g)));
			}
		}
		return { SummaryDetail: out };
	},
};

const DescribeBillDetail = {
	rate: 1,
	callers: CUSTOMER,
	params: {
		Month: spec.month(INVALID_MONTH, { required: true }),
		PageSize: spec.pageSize(200, { required: true }),
		Page: spec.page({ required: true }),
		PayMode: lineFilters.PayMode,
		ActionType: lineFilters.ActionType,
	},
	handler(ctx) {
		const me = ownCustomer(ctx);
		notFutureMonth(ctx, ctx.body.Month);
		const lines = filterLines(ctx.data.bills.linesOf(me.ClientUin, ctx.body.Month), ctx.body);
		return { DetailSet: paginate(lines, ctx.body.Page, ctx.body.PageSize).map(ctx.data.bills.toCustomerBillDetail), Total: lines.length };
	},
};

const DescribeBillDownloadUrl = {
	rate: 20,
	callers: CUSTOMER,
	params: { Month: { type: 'string', required: true }, FileType: spec.enumOf(['L2', 'L3'], { required: true, code: 'InvalidParameter' }) },
	handler(ctx) {
		const me = ownCustomer(ctx);
		downloadMonth(ctx, ctx.body.Month, ctx.body.FileType, 'InvalidParameter');
		const key = ['DescribeBillDownloadUrl', me.ClientUin, ctx.body.Month, ctx.body.FileType].join('|');
		return ctx.downloads.poll(key, billCsv(ctx, [me.ClientUin], ctx.body.Month));
	},
};

module.exports = {
	DescribeCustomerBillSummary, DescribeCustomerBillDetail, DescribeCustomerBillDetailByDay, DescribeBillSummaryByPayMode,
	DescribeBillSummaryByProduct, DescribeBillSummaryByRegion, DescribeCustomerBillDownloadUrl, DescribeRebateDownloadUrl,
	DescribeBillSummary, DescribeBillDetail, DescribeBillDownloadUrl,
};
