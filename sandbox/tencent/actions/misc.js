'use strict';
/**
 * Reference data and policy actions (reference 7.7, actions 44-46).
 */
const { PARTNER, ANY, paginate } = require('./common');
const { COUNTRIES, TRADES, POLICIES } = require('../data/catalog');

const GetCountryCodes = {
	rate: 5,
	// Callers are not stated in the source; the reference reads it as a partner action.
	callers: PARTNER,
	params: {},
	handler: () => ({ Data: COUNTRIES.map((c) => ({ ...c })) }),
};

const GetTradeConfigList = {
	rate: 20,
	callers: ANY,
	params: {},
	/** Names follow X-TC-Language (zh-CN gives Chinese names, anything else English). */
	handler(ctx) {
		const zh = ctx.language === 'zh-CN';
		return {
			TradeList: TRADES.map((t) => ({
				Id: t.id,
				Name: zh ? t.zh : t.en,
				Children: t.children.map((c) => ({ Id: c.id, Name: zh ? c.zh : c.en, TradeInfo: t.id })),
			})),
		};
	},
};

const QueryPolicyProductListByCode = {
	rate: 20,
	callers: PARTNER,
	params: {
		PolicyCode: { type: 'string', required: true },
		ProductCode: { type: 'string' },
		ProductName: { type: 'string' },
		SubProductCode: { type: 'string' },
		SubProductName: { type: 'string' },
		Page: { type: 'uinteger', min: 1 },
		PageSize: { type: 'uinteger', min: 1, max: 200 },
	},
	/** Filters match exactly; an entry whose level is `*` covers every value at that level. */
	handler(ctx) {
		const b = ctx.body;
		const { Page = 1, PageSize = 200 } = b;
		const matches = (POLICIES[b.PolicyCode] || []).filter((p) =>
			['ProductCode', 'ProductName', 'SubProductCode', 'SubProductName'].every((f) => b[f] === undefined || p[f] === '*' || p[f] === b[f]),
		);
		return { ProductList: paginate(matches, Page, PageSize).map((p) => ({ ...p })), Total: matches.length };
	},
};

module.exports = { GetCountryCodes, GetTradeConfigList, QueryPolicyProductListByCode };
