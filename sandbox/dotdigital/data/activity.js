'use strict';
/**
 * Chargeable activity: what each seeded account consumed per day and channel, for the 400 days
 * before the anchor (so any 12-month report range has data). Nothing is stored: the rows of
 * (account i, day d) come from their own PRNG stream, so a report over any range is reproducible
 * and costs nothing until asked for. About a fifth of the accounts are idle (no rows at all);
 * accounts added after seeding have no history.
 *
 * Channel names follow the platform's channel list (reference 9.1); the real report's spelling is
 * unknown, so clients must treat Channel as a free string.
 */
const { createRng } = require('../../prng');
const { DAY_MS, dayStart } = require('../dates');

const HISTORY_DAYS = 400;

/**
 * [Channel, probability of a row on a given day, relative volume, description, credits per unit]
 * @type {Array<[string, number, number, string, number]>}
 */
const CHANNELS = [
	['SMS', 0.8, 1, 'SMS messages sent', 1],
	['WhatsApp', 0.35, 0.3, 'WhatsApp conversations', 5],
	['Push', 0.25, 2, 'Push notifications delivered', 0.05],
	['FacebookMessenger', 0.08, 0.2, 'Facebook Messenger messages sent', 2],
];

/** Daily volume scale of seeded account i, or 0 when it is idle. */
function profile(seed, i) {
	const rng = createRng(seed, 'activity-profile', i);
	return rng.chance(0.2) ? 0 : rng.pick([3, 10, 40, 150, 600]);
}

/**
 * @param {{ seed: number|string, accounts: object, anchorMs: number }} options
 */
function createActivity({ seed, accounts, anchorMs }) {
	const lastDay = dayStart(anchorMs) - DAY_MS;
	const firstDay = lastDay - (HISTORY_DAYS - 1) * DAY_MS;

	/** Rows of one account and day, in channel order. */
	function rowsOf(i, account, dayMs, scale) {
		const rng = createRng(seed, 'activity', i, dayMs / DAY_MS);
		const rows = [];
		for (const [channel, p, volume, description, rate] of CHANNELS) {
			if (!rng.chance(p)) continue;
			const quantity = Math.max(1, Math.round(scale * volume * (0.3 + 1.4 * rng.next())));
			rows.push({ dayMs, AccountId: account.AccountId, AccountName: account.AccountName, Channel: channel, Description: description, Quantity: quantity, Credits: Math.ceil(quantity * rate) });
		}
		return rows;
	}

	return {
		HISTORY_DAYS,
		firstDay,
		lastDay,
		/**
		 * Rows dated in [startMs, endMs) for the given account ids, ordered by date, then account
		 * id, then channel. A row's date is the UTC midnight of its day.
		 */
		report(accountIds, startMs, endMs) {
			const from = Math.max(firstDay, Math.ceil(startMs / DAY_MS) * DAY_MS);
			const to = Math.min(lastDay, endMs - 1);
			const byDay = [];
			if (from > to) return [];
			for (const id of accountIds) {
				const i = accounts.seedIndexOf(id);
				if (i < 0) continue;
				const scale = profile(seed, i);
				if (!scale) continue;
				const account = accounts.get(id);
				const created = dayStart(accounts.structure.createdSec[i] * 1000) + DAY_MS;
				for (let day = Math.max(from, created); day <= to; day += DAY_MS) {
					const k = (day - from) / DAY_MS;
					if (!byDay[k]) byDay[k] = [];
					for (const row of rowsOf(i, account, day, scale)) byDay[k].push(row);
				}
			}
			// accountIds come ascending, so each day's rows are already in account, channel order.
			return byDay.flatMap((rows) => rows || []);
		},
	};
}

module.exports = { createActivity, HISTORY_DAYS };
