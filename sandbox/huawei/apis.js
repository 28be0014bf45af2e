'use strict';
/**
 * Every API of the Huawei stand-in (reference section 0: rows 1-12 and extras E1-E9, and S1, ListPayPerUseCustomerResources) plus the two
 * IAM calls, with route matching.
 *
 * BSS entry: { name (SDK operation name, also the fault/log action), method, path (`{order_id}`
 *   style parameters), codes (Action codes, any one grants access; null = no fine-grained
 *   permission), callers ('partner' | 'customer' | 'any'), params (field specs, see validate.js;
 *   body fields for POST, query parameters for GET), language? (takes X-Language), write?,
 *   handler(ctx) -> { status, body } }.
 * Handlers throw HuaweiError for business failures.
 */
const groups = [
	require('./apis/registration'),
	require('./apis/customerSelf'),
	require('./apis/customers'),
	require('./apis/resellers'),
	require('./apis/orders'),
	require('./apis/subscriptions'),
	require('./apis/budgets'),
	require('./apis/accounts'),
	require('./apis/refunds'),
	require('./apis/realname'),
	require('./apis/products'),
];

/** IAM calls: the token is issued without authentication; the domain lookup is AK/SK signed (no X-Domain-Id). */
const IAM_ROUTES = [
	{ name: 'KeystoneCreateUserTokenByPassword', method: 'POST', path: '/v3/auth/tokens', iam: true, authenticated: false },
	{ name: 'KeystoneListAuthDomains', method: 'GET', path: '/v3/auth/domains', iam: true, authenticated: true },
];

/** @type {Map<string, object>} */
const APIS = new Map();
for (const group of groups) {
	for (const [name, entry] of Object.entries(group)) {
		if (APIS.has(name)) throw new Error(`duplicate API ${name}`);
		APIS.set(name, Object.freeze({ name, write: false, language: false, ...entry }));
	}
}

/** Compiled routes: path template -> regex with named path parameters. */
const ROUTES = [...APIS.values(), ...IAM_ROUTES].map((route) => {
	const names = [];
	const source = route.path.replace(/\{(\w+)\}/g, (m, name) => {
		names.push(name);
		return '([^/]+)';
	});
	return { route, regex: new RegExp(`^${source}$`), names };
});

/**
 * Finds the route of a request path. Returns { route, pathParams } when path and method match,
 * { methodMismatch: true } when only the path does, or null.
 */
function matchRoute(method, path) {
	let pathMatched = false;
	for (const { route, regex, names } of ROUTES) {
		const m = regex.exec(path);
		if (!m) continue;
		pathMatched = true;
		if (route.method !== method) continue;
		const pathParams = {};
		try {
			names.forEach((name, i) => (pathParams[name] = decodeURIComponent(m[i + 1])));
		} catch {
			return { route, pathParams: null };
		}
		return { route, pathParams };
	}
	return pathMatched ? { methodMismatch: true } : null;
}

/** Every Action code some API uses (denials of other codes are rejected as typos). */
const ALL_CODES = [...new Set([...APIS.values()].flatMap((a) => a.codes || []))].sort();

module.exports = { APIS, IAM_ROUTES, matchRoute, ALL_CODES };
