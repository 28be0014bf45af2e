'use strict';
/**
 * End-customer cost analysis (actions 38-39), computed from the caller's own bill lines.
 */
const { CUSTOMER, spec, fail, paginate, ownCustomer } = require('./common');
const { formatAmount, groupBy } = require('../data/bills');
const { parseDateTime, formatDate, monthOf, monthDiff, addMonths, DAY_SEC } = require('../time');

const DIMENSIONS = ['Default', 'Business', 'Product', 'Region', 'Zone', 'ActionType', 'PayMode', 'Project', 'PayerUin', 'OwnerUin', 'Tag'];
const PAY_MODE_LABELS = { prePay: 'Monthly Subscription', postPay: 'Pay-As-You-Go' };

/** Range rules: at most 6 calendar months for `month`, 2 for `day` (reference 7.5). */
function checkedRange(ctx) {
	const start = parseDateTime(ctx.body.StartTime);
	const end = parseDateTime(ctx.body.EndTime);
	if (end < start) fail('InvalidParameterValue', 'EndTime must not be earlier than StartTime.');
	const months = monthDiff(monthOf(start), monthOf(end)) + 1;
	const limit = ctx.body.PeriodType === 'month' ? 6 : 2;
	if (months > limit) fail('InvalidParameterValue', `With PeriodType ${ctx.body.PeriodType} the range may cover at most ${limit} calendar months.`);
	return { start, end };
}

/** The caller's bill lines whose TransactionTime falls inside [start, end]. */
function linesInRange(ctx, me, { start, end }) {
	const out = [];
	for (let m = monthOf(start); m <= monthOf(end); m = addMonths(m, 1)) {
		for (const l of ctx.data.bills.linesOf(me.ClientUin, m)) if (l.txSec >= start && l.txSec <= end) out.push(l);
	}
	return out;
}

/** [key, display value] of a line for each filter/grouping dimension. */
const DIMENSION_OF = {
	Default: () => ['total', 'Total'],
	Business: (l) => [l.product.code, l.product.name],
	Product: (l) => [l.sub.code, l.sub.name],
	Region: (l) => [l.region.id, l.region.name],
	Zone: (l) => [l.zoneId, l.zoneName],
	ActionType: (l) => [l.actionType, l.actionName],
	PayMode: (l) => [l.mode, PAY_MODE_LABELS[l.mode]],
	Project: (l) => [l.instance.project[0], l.instance.project[1]],
	PayerUin: (l, partnerUin) => [String(partnerUin), String(partnerUin)],
	OwnerUin: (l) => [String(l.uin), String(l.uin)],
};

const rangeParams = {
	StartTime: spec.dateTime({ required: true }),
	EndTime: spec.dateTime({ required: true }),
	PeriodType: spec.enumOf(['day', 'month'], { required: true }),
};

const DescribeCustomerOwnCostExplorerFilter = {
	rate: 20,
	callers: CUSTOMER,
	params: rangeParams,
	handler(ctx) {
		const me = ownCustomer(ctx);
		const lines = linesInRange(ctx, me, checkedRange(ctx));
		const values = (dimension) => [...new Map(lines.map((l) => DIMENSION_OF[dimension](l, ctx.data.partner.uin))).entries()].map(([Key, Value]) => ({ Key, Value }));
		return {
			Data: {
				Business: values('Business'), Region: values('Region'), Zone: values('Zone'), ActionType: values('ActionType'),
				PayMode: values('PayMode'), Project: values('Project'), PayerUin: values('PayerUin'), OwnerUin: values('OwnerUin'),
			},
		};
	},
};

const stringList = () => ({ type: 'array', items: { type: 'string' } });

/** Filter fields mapped to the line property they select on. */
const FILTER_FIELDS = {
	BusinessIn: (l) => l.product.code,
	ProductIn: (l) => l.sub.code,
	RegionIn: (l) => l.region.id,
	ActionTypeIn: (l) => l.actionType,
	PayModeIn: (l) => l.mode,
	ProjectIn: (l) => l.instance.project[0],
	PayerUinIn: (l, partnerUin) => String(partnerUin),
	ZoneIn: (l) => l.zoneId,
	OwnerUinIn: (l) => String(l.uin),
	ComponentIn: (l) => l.comp.typeCode,
	ItemIn: (l) => l.comp.code,
	ResourceIn: (l) => l.instance.id,
};

const DescribeCustomerOwnCostExplorerSummary = {
	rate: 20,
	callers: CUSTOMER,
	params: {
		Dimension: spec.enumOf(DIMENSIONS, { required: true }),
		FeeType: spec.enumOf(['originalCost', 'totalCost'], { required: true }),
		BillType: { type: 'integer', required: true, enum: [1] },
		...rangeParams,
		Page: spec.page({ required: true, max: 10000 }),
		PageSize: spec.pageSize(200, { required: true }),
		TagKey: { type: 'string' },
		Filter: {
			type: 'object',
			fields: { ...Object.fromEntries(Object.keys(FILTER_FIELDS).map((k) => [k, stringList()])), TagKey: { type: 'string' }, TagIn: stringList() },
		},
	},
	handler(ctx) {
		const me = ownCustomer(ctx);
		const b = ctx.body;
		if (b.Dimension === 'Tag' && b.TagKey === undefined) fail('MissingParameter', 'The parameter `TagKey` is missing; it is required when Dimension is Tag.');
		const range = checkedRange(ctx);
		const partnerUin = ctx.data.partner.uin;
		const filter = b.Filter || {};
		const lines = linesInRange(ctx, me, range).filter(
			(l) =>
				Object.entries(FILTER_FIELDS).every(([field, get]) => !filter[field] || filter[field].length === 0 || filter[field].includes(get(l, partnerUin))) &&
				(!filter.TagKey || !filter.TagIn || filter.TagIn.length === 0 || filter.TagIn.includes(l.instance.tags[filter.TagKey])),
		);
		const amount = (l) => (b.FeeType === 'originalCost' ? l.original : l.total);
		const periodOf = b.PeriodType === 'day' ? (sec) => formatDate(sec) : (sec) => monthOf(sec);
		const periods = [];
		const step = b.PeriodType === 'day' ? DAY_SEC : null;
		if (step) for (let t = parseDateTime(`${formatDate(range.start)} 00:00:00`); t <= range.end; t += step) periods.push(formatDate(t));
		else for (let m = monthOf(range.start); m <= monthOf(range.end); m = addMonths(m, 1)) periods.push(m);
		const perPeriod = (group) => {
			const totals = new Map(periods.map((p) => [p, 0]));
			for (const l of group) totals.set(periodOf(l.txSec), totals.get(periodOf(l.txSec)) + amount(l));
			return periods.map((p) => ({ Period: p, Cost: formatAmount(totals.get(p)) }));
		};
		const keyOf = b.Dimension === 'Tag' ? (l) => [l.instance.tags[b.TagKey] ?? '', l.instance.tags[b.TagKey] ?? ''] : (l) => DIMENSION_OF[b.Dimension](l, partnerUin);
		const rows = [...groupBy(lines, (l) => keyOf(l)[0])].map(([code, g]) => {
			const sum = g.reduce((s, l) => s + amount(l), 0);
			return { Name: keyOf(g[0])[1], Code: code, SumCost: formatAmount(sum), ItemDetail: perPeriod(g), sum };
		});
		rows.sort((x, y) => y.sum - x.sum || (x.Code < y.Code ? -1 : 1));
		return {
			DimensionName: b.Dimension,
			Detail: paginate(rows, b.Page, b.PageSize).map(({ sum, ...r }) => r),
			TotalDetail: { TotalCount: rows.length, SumCost: formatAmount(lines.reduce((s, l) => s + amount(l), 0)), PeriodItemDetail: perPeriod(lines) },
		};
	},
};

module.exports = { DescribeCustomerOwnCostExplorerFilter, DescribeCustomerOwnCostExplorerSummary };
