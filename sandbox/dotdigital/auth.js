'use strict';
/**
 * HTTP Basic authentication with the partner/reseller API user (reference 2, CONFIRMED).
 * The username is compared case-insensitively (it is an e-mail-like login), the password exactly.
 */
const { resellerUser } = require('./keys');

/** The `username:password` pair of a Basic header, or null when the header is missing or malformed. */
function parseBasic(header) {
	const m = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(String(header || ''));
	if (!m) return null;
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return null;
	return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** True when the request carries the reseller API user's credentials. */
function authenticate(req) {
	const pair = parseBasic(req.headers.authorization);
	return Boolean(pair && pair.username.toLowerCase() === resellerUser.username.toLowerCase() && pair.password === resellerUser.password);
}

module.exports = { authenticate, parseBasic };
