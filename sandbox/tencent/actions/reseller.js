'use strict';
/**
 * Second-level reseller (sub-agent) actions, distributor only (reference 7.6, actions 40-43).
 */
const { PARTNER, spec, fail, paginate, requireDistributor } = require('./common');
const { maskMobile } = require('../data/customers');
const { formatDateTime } = require('../time');

const FUZZY = ['Name', 'Remark', 'Mobile'];

const QuerySubAgentsDetailV2 = {
	rate: 20,
	callers: PARTNER,
	params: {
		Page: spec.page({ required: true }),
		PageSize: spec.pageSize(100, { required: true }),
		FilterType: spec.enumOf(['Name', 'SubAgentUin', 'Remark', 'Mobile', 'Email', 'ClientUin']),
		Filter: { type: 'string', allowEmpty: true },
		// The source spells the values `Desc` and `acs`; the likely intended desc/asc are accepted too.
		Order: spec.enumOf(['desc', 'asc', 'Desc', 'Asc', 'acs']),
	},
	/** Sorted by BindTime (an empty BindTime counts as oldest), ties by SubAgentUin. */
	handler(ctx) {
		requireDistributor(ctx);
		const { FilterType, Filter = '', Page, PageSize } = ctx.body;
		const asc = ['asc', 'Asc', 'acs'].includes(ctx.body.Order);
		const { resellers } = ctx.data;
		let list = resellers.subAgents.slice();
		if (FilterType !== undefined && Filter !== '') {
			const needle = Filter.toLowerCase();
			list = list.filter((a) => {
				if (FUZZY.includes(FilterType)) return String(a[FilterType]).toLowerCase().includes(needle);
				if (FilterType === 'Email') return a.Email.toLowerCase() === needle;
				if (FilterType === 'SubAgentUin') return String(a.SubAgentUin) === Filter;
				return resellers.ownerOfIndirect(Number(Filter)) === a.SubAgentUin;
			});
		}
		list.sort((a, b) => (a.bindSec - b.bindSec || a.SubAgentUin - b.SubAgentUin) * (asc ? 1 : -1));
		return {
			Total: list.length,
			Data: paginate(list, Page, PageSize).map((a) => ({
				SubAgentUin: a.SubAgentUin, Name: a.Name, Remark: a.Remark, Mobile: maskMobile(a.Mobile), Email: a.Email,
				CountOfCustomers: resellers.indirect.get(a.SubAgentUin).length, BindTime: a.BindTime, Credit: a.Credit,
				RemainingCredit: a.RemainingCredit, Voucher: a.Voucher, RemainingVoucher: a.RemainingVoucher,
			})),
		};
	},
};

const QueryPendingSubAgentsV2 = {
	rate: 20,
	callers: PARTNER,
	params: { Page: spec.page({ required: true }), PageSize: spec.pageSize(100, { required: true }) },
	handler(ctx) {
		requireDistributor(ctx);
		const list = ctx.data.resellers.pending;
		return {
			Data: paginate(list, ctx.body.Page, ctx.body.PageSize).map((p) => ({
				SubAgentUin: p.SubAgentUin, Name: p.Name, Mobile: p.Mobile, Email: p.Email, ApplyTime: p.ApplyTime, Status: p.Status,
				MaterialUrl: p.MaterialUrl, AuthState: p.AuthState,
			})),
			Total: list.length,
		};
	},
};

/** AuthState of an applicant -> the error that blocks approving it (3 = verified, no error). */
const AUTH_STATE_ERRORS = {
	'-1': 'FailedOperation.RealNameNotCompleted',
	0: 'FailedOperation.RealNameInApproval',
	1: 'FailedOperation.RealNameInApproval',
	2: 'FailedOperation.RealNameReject',
};

const ApproveSubAgentApply = {
	rate: 20,
	callers: PARTNER,
	write: true,
	params: {
		SubAgentUin: spec.uin({ required: true }),
		ApproveType: spec.enumOf(['pass', 'reject'], { required: true }),
		RejectReason: { type: 'string', allowEmpty: true },
	},
	handler(ctx) {
		requireDistributor(ctx);
		const { SubAgentUin, ApproveType } = ctx.body;
		const { resellers } = ctx.data;
		const index = resellers.pending.findIndex((p) => p.SubAgentUin === SubAgentUin);
		if (index < 0) fail('FailedOperation.ResellerNotApply', `The UIN ${SubAgentUin} has not applied to become your second-level reseller.`);
		const applicant = resellers.pending[index];
		if (ApproveType === 'pass') {
			if (applicant.accountType !== 'company') fail('FailedOperation.AccountTypeNotCompany', 'Only company accounts can become second-level resellers.');
			const blocker = AUTH_STATE_ERRORS[applicant.AuthState];
			if (blocker) fail(blocker, `The applicant's identity verification state is ${applicant.AuthState}.`);
		}
		resellers.pending.splice(index, 1);
		if (ApproveType === 'pass') {
			resellers.subAgents.push({
				SubAgentUin, Name: applicant.Name, Remark: '', Mobile: applicant.mobile, Email: applicant.Email,
				BindTime: formatDateTime(ctx.nowSec), bindSec: ctx.nowSec, Credit: 0, RemainingCredit: 0, Voucher: 0, RemainingVoucher: 0,
			});
			resellers.indirect.set(SubAgentUin, []);
		}
		return {};
	},
};

const QueryT1IndirectCustomersDetail = {
	rate: 20,
	callers: PARTNER,
	params: { SubAgentUin: spec.uin({ required: true }), Page: spec.page({ required: true }), PageSize: spec.pageSize(100, { required: true }) },
	handler(ctx) {
		requireDistributor(ctx);
		const { SubAgentUin, Page, PageSize } = ctx.body;
		const agent = ctx.data.resellers.find(SubAgentUin);
		if (!agent) fail('FailedOperation.InvalidSubAgentUin', `The UIN ${SubAgentUin} is not one of your second-level resellers.`);
		const list = ctx.data.resellers.indirect.get(SubAgentUin);
		return {
			Total: list.length,
			SubAgentUin,
			SubAgentName: agent.Name,
			Data: paginate(list, Page, PageSize).map((c) => ({ ClientUin: c.ClientUin, ClientName: c.ClientName, ClientBindTime: c.ClientBindTime })),
		};
	},
};

module.exports = { QuerySubAgentsDetailV2, QueryPendingSubAgentsV2, ApproveSubAgentApply, QueryT1IndirectCustomersDetail };
