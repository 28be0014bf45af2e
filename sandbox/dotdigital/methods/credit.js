'use strict';
/**
 * Credit methods. Add Credit's meaning is CONFIRMED (reference 8.1: account id, a positive int32
 * number of credits, optional expiry of at most 12 months defaulting to 12); its method name
 * `AddCredit` and member names `AccountId`, `Credits`, `ExpiryMonths` are INFERRED, as is
 * GetAccountCredit. AddCredit is not idempotent: every accepted call is a new allocation.
 */
const { field, INT32_MAX } = require('../validate');
const { argumentFault, securityFault } = require('../errors');
const { legacyDate } = require('../dates');
const { RESELLER_ACCOUNT_ID } = require('../keys');
const { ok, managedAccount } = require('./common');

const AddCredit = {
	write: true,
	fields: {
		AccountId: field.id(),
		Credits: { type: 'int32', required: true, check: (v) => (v < 1 ? 'Credits must be a positive number' : undefined) },
		ExpiryMonths: { type: 'int32', check: (v) => (v < 1 || v > 12 ? 'ExpiryMonths must be between 1 and 12' : undefined) },
	},
	handler({ body, data, nowMs }) {
		managedAccount(data, body.AccountId);
		if (body.AccountId === RESELLER_ACCOUNT_ID) throw securityFault("Credit cannot be added to the reseller's own account");
		const before = data.credit.balance(body.AccountId, nowMs);
		if (before + body.Credits > INT32_MAX) throw argumentFault(`The credit balance of AccountId ${body.AccountId} would exceed ${INT32_MAX}`);
		const allocation = data.credit.add(body.AccountId, body.Credits, body.ExpiryMonths ?? 12, nowMs);
		return ok({ AccountId: body.AccountId, CreditBalance: data.credit.balance(body.AccountId, nowMs), AllocationId: allocation.AllocationId }, 'AddCreditResponse');
	},
};

/** An allocation as GetAccountCredit shows it (dates in the old .NET form). */
const allocationView = (a) => ({
	AllocationId: a.AllocationId,
	Credits: a.Credits,
	Remaining: a.Remaining,
	AllocatedDate: legacyDate(a.allocatedMs),
	ExpiryDate: legacyDate(a.expiryMs),
});

const GetAccountCredit = {
	fields: { AccountId: field.id() },
	/** The balance and the allocations that have not expired yet (sandbox clock), oldest first. */
	handler({ body, data, nowMs }) {
		managedAccount(data, body.AccountId);
		const live = data.credit.allocations(body.AccountId).filter((a) => a.expiryMs > nowMs);
		return ok({ AccountId: body.AccountId, CreditBalance: data.credit.balance(body.AccountId, nowMs), Allocations: live.map(allocationView) }, 'AccountCredit');
	},
};

module.exports = { AddCredit, GetAccountCredit, allocationView };
