'use strict';
/**
 * Every action of intlpartnersmgt 2022-09-28 (reference sections 6 and 7): one entry per action
 * with its documented rate limit, who may call it, its request schema and its handler.
 *
 * Entry: { name, rate (requests/second), callers (['partner'] | ['customer'] | both), write?,
 *   params (field specs, see validate.js), handler(ctx) -> response fields (RequestId added later) }.
 * Handlers throw TencentError for business failures.
 */
const groups = [
	require('./actions/customer'),
	require('./actions/credit'),
	require('./actions/voucher'),
	require('./actions/bill'),
	require('./actions/costExplorer'),
	require('./actions/reseller'),
	require('./actions/misc'),
];

/** @type {Map<string, {name: string, rate: number, callers: string[], write?: boolean, params: object, handler: Function}>} */
const ACTIONS = new Map();
for (const group of groups) {
	for (const [name, entry] of Object.entries(group)) {
		if (ACTIONS.has(name)) throw new Error(`duplicate action ${name}`);
		ACTIONS.set(name, Object.freeze({ name, write: false, ...entry }));
	}
}

module.exports = { ACTIONS };
