'use strict';
/**
 * Credit (credit limit) actions (reference 7.2, actions 12-19).
 */
const { PARTNER, CUSTOMER, UNDOCUMENTED_MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, spec, fail, paginate, customerOr, ownCustomer, requireDistributor, round2 } = require('./common');
const { maskEmail } = require('../data/customers');
const { formatDateTime } = require('../time');

const FILTER_TYPES = ['ClientUin', 'Name', 'Remark', 'Email'];

const QueryPartnerCredit = {
	rate: 5,
	callers: PARTNER,
	params: {},
	handler(ctx) {
		const { credit, directory } = ctx.data;
		return {
			AllocatedCredit: credit.allocatedCents() / 100,
			TotalCredit: credit.totalCents / 100,
			RemainingCredit: credit.remainingCents() / 100,
			CustomerTotalCredit: directory.creditCents / 100,
			CustomerRemainingCredit: directory.remainingCents / 100,
		};
	},
};

/** QueryCustomersCreditData: e-mail masked, Arrears always "-" (reference 8). */
function creditRow(c) {
	return {
		Name: c.Name, Type: c.Type, Mobile: c.Mobile, Email: maskEmail(c.Email), Arrears: '-', AssociationTime: c.AssociationTime,
		RecentExpiry: c.RecentExpiry, ClientUin: c.ClientUin, Credit: c.Credit, RemainingCredit: c.RemainingCredit,
		IdentifyType: c.IdentifyType, Remark: c.Remark, Force: c.Force,
	};
}

const QueryCustomersCredit = {
	rate: 5,
	callers: PARTNER,
	params: {
		FilterType: spec.enumOf(FILTER_TYPES),
		Filter: { type: 'string', allowEmpty: true },
		Page: spec.page(),
		PageSize: spec.pageSize(UNDOCUMENTED_MAX_PAGE_SIZE),
		Order: { type: 'string', enum: ['desc', 'asc', ''], allowEmpty: true },
	},
	/**
	 * Sorted by AssociationTime (desc by default), ties by ClientUin in the same direction.
	 * Filters: ClientUin exact; Name, Remark and Email case-insensitive substring (full e-mail).
	 */
	handler(ctx) {
		const { FilterType, Filter = '', Page = 1, PageSize = DEFAULT_PAGE_SIZE } = ctx.body;
		const order = ctx.body.Order === 'asc' ? 'asc' : 'desc';
		const { directory } = ctx.data;
		if (Filter !== '' && FilterType === undefined) fail('MissingParameter', 'The parameter `FilterType` is missing; it is required when `Filter` is given.');
		if (FilterType === undefined || Filter === '') {
			const offset = (Page - 1) * PageSize;
			const uins = offset < directory.size ? directory.page(order, offset, PageSize) : [];
			return { Data: uins.map((u) => creditRow(directory.get(u))), Total: directory.size };
		}
		if (FilterType === 'ClientUin') {
			if (!/^[1-9]\d{0,15}$/.test(Filter)) fail('InvalidParameterValue.InvalidUin', `The Filter \`${Filter}\` is not a valid UIN.`);
			const c = directory.get(Number(Filter));
			const matches = c ? [creditRow(c)] : [];
			return { Data: paginate(matches, Page, PageSize), Total: matches.length };
		}
		const needle = Filter.toLowerCase();
		const matches = [];
		directory.scan(order, (c) => {
			if (String(c[FilterType]).toLowerCase().includes(needle)) matches.push(c);
		});
		return { Data: paginate(matches, Page, PageSize).map(creditRow), Total: matches.length };
	},
};

const creditOf = (c) => ({ Uin: c.ClientUin, TotalCredit: c.Credit, RemainingCredit: c.RemainingCredit });

const QueryDirectCustomersCredit = {
	rate: 5,
	callers: PARTNER,
	params: {},
	handler(ctx) {
		const data = [];
		ctx.data.directory.scan('asc', (c) => {
			data.push(creditOf(c));
		});
		return { Data: data };
	},
};

const QueryCreditByUinList = {
	rate: 5,
	callers: PARTNER,
	params: { UinList: { type: 'array', required: true, items: { type: 'uinteger', min: 1 }, minItems: 1, maxItems: 50, lengthCode: 'InvalidParameterValue.UinList' } },
	handler(ctx) {
		const data = [];
		for (const uin of new Set(ctx.body.UinList)) data.push(creditOf(customerOr(ctx, uin, 'UnauthorizedOperation.NotCustomerUin')));
		return { Data: data };
	},
};

const AllocateCustomerCredit = {
	rate: 5,
	callers: PARTNER,
	write: true,
	params: {
		AddedCredit: { type: 'float', required: true, check: (v) => (v === 0 ? 'The AddedCredit must not be 0.' : undefined) },
		ClientUin: spec.uuin({ required: true }),
		Remark: { type: 'string', allowEmpty: true },
	},
	/**
	 * Signed increment on the customer's Credit and RemainingCredit (rounded to cents). Remaining
	 * may reach 0 but not go below; a positive delta may not exceed the partner's allocatable credit.
	 */
	handler(ctx) {
		const { ClientUin, Remark = '' } = ctx.body;
		const { directory, credit } = ctx.data;
		const c = customerOr(ctx, ClientUin, 'FailedOperation', `The UIN ${ClientUin} is not your customer.`);
		const deltaCents = Math.round(ctx.body.AddedCredit * 100);
		const remainingCents = Math.round(c.RemainingCredit * 100) + deltaCents;
		if (remainingCents < 0) {
			fail('InvalidParameterValue.CreditAmountOutOfRange', `The customer's remaining credit is ${c.RemainingCredit}; it cannot be reduced by ${-ctx.body.AddedCredit}.`);
		}
		if (deltaCents > 0 && deltaCents > credit.remainingCents()) {
			fail('FailedOperation.BalanceInsufficient', `The partner's remaining allocatable credit (${credit.remainingCents() / 100}) is less than ${ctx.body.AddedCredit}.`);
		}
		const updated = directory.update(ClientUin, {
			Credit: round2(c.Credit + deltaCents / 100),
			RemainingCredit: remainingCents / 100,
		});
		// Recorded against the customer as it was before, so its seeded history is built from the old figures.
		credit.record(c, {
			AllocatedTime: formatDateTime(ctx.nowSec),
			Operator: ctx.caller.operator,
			Credit: deltaCents / 100,
			AllocatedCredit: updated.Credit,
			ClientCreditAfter: updated.RemainingCredit,
			Remark,
		}, ctx.nowMs);
		return { TotalCredit: updated.Credit, RemainingCredit: updated.RemainingCredit };
	},
};

const QueryCreditAllocationHistory = {
	rate: 5,
	callers: PARTNER,
	params: {
		ClientUin: spec.uuin({ required: true }),
		Page: { type: 'uinteger', min: 1 },
		PageSize: { type: 'uinteger', min: 1, max: UNDOCUMENTED_MAX_PAGE_SIZE },
	},
	/** Newest allocation first; allocations younger than the history lag (control) are not listed yet. */
	handler(ctx) {
		const { ClientUin, Page = 1, PageSize = DEFAULT_PAGE_SIZE } = ctx.body;
		const c = customerOr(ctx, ClientUin, 'FailedOperation', `The UIN ${ClientUin} is not your customer.`);
		const history = ctx.data.credit.visibleHistoryNewestFirst(c, ctx.nowMs);
		return { Total: history.length, History: paginate(history, Page, PageSize).map((h) => ({ ...h })) };
	},
};

const AllocateCreditPool = {
	rate: 5,
	callers: PARTNER,
	write: true,
	params: {
		SubAgentUin: spec.uin({ required: true }),
		Credit: { type: 'float', required: true, min: 0, max: 1000000, code: 'InvalidParameterValue.VoucherAmountOutOfRange' },
	},
	/** Returns the second-level reseller's pool after the allocation (TotalCredit = its whole pool). */
	handler(ctx) {
		requireDistributor(ctx);
		const { SubAgentUin } = ctx.body;
		const { resellers, credit } = ctx.data;
		const agent = resellers.find(SubAgentUin);
		if (!agent) fail('FailedOperation.InvalidSubAgentUin', `The UIN ${SubAgentUin} is not one of your second-level resellers.`);
		const cents = Math.round(ctx.body.Credit * 100);
		if (cents > credit.remainingCents()) {
			fail('FailedOperation.BalanceInsufficient', `The partner's remaining allocatable credit (${credit.remainingCents() / 100}) is less than ${ctx.body.Credit}.`);
		}
		agent.Credit = round2(agent.Credit + cents / 100);
		agent.RemainingCredit = round2(agent.RemainingCredit + cents / 100);
		return { RemainingCredit: agent.RemainingCredit, TotalCredit: agent.Credit };
	},
};

const QueryCustomerBillingQuota = {
	rate: 5,
	callers: CUSTOMER,
	params: {
		// Documented as disabled ("do not send"), but they are declared fields, so not unknown.
		EventId: { type: 'integer' },
		ComponentName: { type: 'string', allowEmpty: true },
	},
	handler(ctx) {
		const c = ownCustomer(ctx);
		const remainingVoucherCents = ctx.data.vouchers
			.ofCustomer(c.ClientUin)
			.filter((v) => v.VoucherStatus === 'Issued')
			.reduce((sum, v) => sum + Math.round(v.RemainingAmount * 100), 0);
		return {
			Data: {
				TotalCredit: c.Credit, RemainingCredit: c.RemainingCredit, RemainingVoucher: remainingVoucherCents / 100,
				Force: c.Force, PrepayFrozen: c.PrepayFrozen, PostpayFrozen: c.PostpayFrozen,
			},
		};
	},
};

module.exports = {
	QueryPartnerCredit, QueryCustomersCredit, QueryDirectCustomersCredit, QueryCreditByUinList, AllocateCustomerCredit,
	QueryCreditAllocationHistory, AllocateCreditPool, QueryCustomerBillingQuota,
};
