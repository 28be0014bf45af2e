'use strict';
/**
 * GetChargeableActivity (reference 9.1, INFERRED): daily rows per account and channel.
 * The range is half-open, [StartDate, EndDate), at most 12 calendar months; rows are dated at UTC
 * midnight. Without AccountId it covers every account below the reseller.
 */
const { field } = require('../validate');
const { argumentFault } = require('../errors');
const { parseIsoDate, addMonths, isoDate, DAY_MS } = require('../dates');
const { ok, managedAccount, isoField } = require('./common');

/** Guard so a report over 100 000 accounts cannot stall the sandbox (accounts x days generated). */
const MAX_ACCOUNT_DAYS = 2000000;

const GetChargeableActivity = {
	fields: { StartDate: isoField('StartDate'), EndDate: isoField('EndDate'), AccountId: field.id(false) },
	handler({ body, data }) {
		const start = parseIsoDate(body.StartDate);
		const end = parseIsoDate(body.EndDate);
		if (end <= start) throw argumentFault('EndDate must be after StartDate');
		if (end > addMonths(start, 12)) throw argumentFault('The date range must not be longer than 12 months');
		const ids = [];
		if (body.AccountId !== undefined) {
			managedAccount(data, body.AccountId);
			ids.push(body.AccountId);
		} else {
			data.accounts.forEachManaged((id) => {
				ids.push(id);
			});
		}
		const { firstDay, lastDay } = data.activity;
		const days = Math.max(0, Math.ceil((Math.min(end, lastDay + DAY_MS) - Math.max(start, firstDay)) / DAY_MS));
		if (ids.length * days > MAX_ACCOUNT_DAYS) throw argumentFault('The report is too large: give an AccountId or a shorter date range');
		const rows = data.activity.report(ids, start, end).map((r) => ({
			AccountId: r.AccountId,
			AccountName: r.AccountName,
			Date: isoDate(r.dayMs),
			Channel: r.Channel,
			Description: r.Description,
			Quantity: r.Quantity,
			Credits: r.Credits,
		}));
		return ok(rows, 'ArrayOfChargeableActivity', 'ChargeableActivity');
	},
};

module.exports = { GetChargeableActivity, MAX_ACCOUNT_DAYS };
