'use strict';
/**
 * The request log, shared by every provider: what reached the sandbox, so tests can assert what a
 * client sent (which action, which body, which headers) without intercepting the network.
 *
 * Header VALUES are never kept (they carry signatures and tokens), only lower-cased names.
 * The log is bounded so a long benchmark cannot grow memory without limit; the oldest entries go first.
 */

const DEFAULT_MAX_ENTRIES = 20000;

function createRequestLog({ maxEntries = DEFAULT_MAX_ENTRIES } = {}) {
	let entries = [];
	return {
		/** Adds an entry and returns it, so the provider can fill in `outcome` when it knows it. */
		add(entry) {
			entries.push(entry);
			if (entries.length > maxEntries) entries = entries.slice(entries.length - maxEntries);
			return entry;
		},
		/** @param {{provider?: string, action?: string}} filter */
		list({ provider, action } = {}) {
			return entries
				.filter((e) => (!provider || e.provider === provider) && (!action || e.action === action))
				.map((e) => ({ ...e }));
		},
		clear() {
			entries = [];
		},
	};
}

/** Unique, lower-cased header names from the raw header list (values deliberately dropped). */
function headerNamesOf(req) {
	const names = new Set();
	for (let i = 0; i < req.rawHeaders.length; i += 2) names.add(req.rawHeaders[i].toLowerCase());
	return [...names].sort();
}

module.exports = { createRequestLog, headerNamesOf };
