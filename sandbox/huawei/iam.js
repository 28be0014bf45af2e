'use strict';
/**
 * The IAM stand-in (reference 2.2): password login for domain-scoped tokens and the domain lookup
 * the SDK uses to fill `X-Domain-Id`.
 *
 * Tokens are opaque random strings of a few KB, like real ones, kept in memory with their expiry
 * on the sandbox clock. Tests shorten the lifetime or revoke every token to exercise APIG.0307.
 */
const crypto = require('crypto');
const { iam } = require('./errors');
const { USER_TABLE, DOMAINS } = require('./keys');
const { formatIamTime } = require('./time');

const DEFAULT_TOKEN_LIFETIME_SEC = 24 * 3600;
const WRONG_LOGIN = 'The username or password is wrong.';

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function createTokenStore() {
	/** @type {Map<string, {user: object, issuedMs: number, expiresMs: number}>} */
	let tokens = new Map();
	let lifetimeSec = DEFAULT_TOKEN_LIFETIME_SEC;
	return {
		get lifetimeSec() {
			return lifetimeSec;
		},
		setLifetime(seconds) {
			lifetimeSec = seconds;
		},
		/** A new token for `user`, valid `lifetimeSec` from nowMs. */
		issue(user, nowMs) {
			// Real tokens start with "MII" (base64 of a DER/CMS blob) and run to several KB.
			const token = 'MII' + crypto.randomBytes(1800).toString('base64').replace(/\//g, '-').replace(/\+/g, '_').replace(/=+$/, '');
			const session = { user, issuedMs: nowMs, expiresMs: nowMs + lifetimeSec * 1000 };
			tokens.set(token, session);
			return { token, ...session };
		},
		/** The live session of a token, or null when unknown, revoked or expired. */
		lookup(token, nowMs) {
			const session = tokens.get(token);
			if (!session) return null;
			if (nowMs >= session.expiresMs) return null;
			return session;
		},
		revokeAll() {
			const count = tokens.size;
			tokens = new Map();
			return count;
		},
		get size() {
			return tokens.size;
		},
		reset() {
			tokens = new Map();
			lifetimeSec = DEFAULT_TOKEN_LIFETIME_SEC;
		},
	};
}

/** `name` or `id` of a `{ domain: {...} }` reference, checked for shape. */
function domainRef(value, where) {
	if (!isObject(value)) throw iam(400, `Invalid input: ${where} must be an object with name or id.`);
	const { name, id } = value;
	if (name === undefined && id === undefined) throw iam(400, `Invalid input: ${where} needs name or id.`);
	if ((name !== undefined && typeof name !== 'string') || (id !== undefined && typeof id !== 'string')) throw iam(400, `Invalid input: ${where}.name and .id must be strings.`);
	return { name, id };
}

const matchesDomain = (ref, domain) => (ref.name === undefined || ref.name === domain.name) && (ref.id === undefined || ref.id === domain.id);

/**
 * `POST /v3/auth/tokens`: checks the password-login body and returns { status: 201, headers, body }.
 * @param {object} body parsed JSON body
 * @param {{ tokens: object, nowMs: number, nocatalog: boolean, baseUrl: string }} ctx
 */
function createToken(body, { tokens, nowMs, nocatalog, baseUrl }) {
	const auth = isObject(body) ? body.auth : undefined;
	if (!isObject(auth)) throw iam(400, 'Invalid input: the body must be {"auth": {"identity": ..., "scope": ...}}.');
	const identity = auth.identity;
	if (!isObject(identity) || !Array.isArray(identity.methods) || !identity.methods.includes('password')) {
		throw iam(400, 'Invalid input: auth.identity.methods must be ["password"].');
	}
	const user = isObject(identity.password) ? identity.password.user : undefined;
	if (!isObject(user) || typeof user.name !== 'string' || typeof user.password !== 'string') {
		throw iam(400, 'Invalid input: auth.identity.password.user needs name, password and domain.');
	}
	const userDomain = domainRef(user.domain, 'auth.identity.password.user.domain');
	if (!isObject(auth.scope) || !isObject(auth.scope.domain)) {
		throw iam(400, 'Invalid input: the sandbox issues domain-scoped tokens only; give auth.scope.domain.name or auth.scope.domain.id.');
	}
	const scope = domainRef(auth.scope.domain, 'auth.scope.domain');

	const domain = DOMAINS.find((d) => matchesDomain(userDomain, d));
	const record = domain ? USER_TABLE.get(`${domain.name}\u0000${user.name}`) : undefined;
	if (!record || record.password.length !== user.password.length || !crypto.timingSafeEqual(Buffer.from(record.password), Buffer.from(user.password))) {
		throw iam(401, WRONG_LOGIN);
	}
	if (!matchesDomain(scope, domain)) throw iam(401, 'The scope domain is not the domain of the user; a domain-scoped token must name the user\'s own account.');

	const issued = tokens.issue(record, nowMs);
	const token = {
		expires_at: formatIamTime(issued.expiresMs),
		issued_at: formatIamTime(issued.issuedMs),
		methods: ['password'],
		user: { id: record.userId, name: record.userName, domain: { id: domain.id, name: domain.name }, password_expires_at: '' },
		domain: { id: domain.id, name: domain.name },
		roles: [{ id: '0', name: 'op_service' }, { id: '1', name: 'te_admin' }],
	};
	if (!nocatalog) {
		token.catalog = [
			{ type: 'bssintl', id: 'bssintl-sandbox', name: 'bssintl', endpoints: [{ url: baseUrl, region: '*', region_id: '*', interface: 'public', id: 'bssintl-sandbox-public' }] },
			{ type: 'identity', id: 'iam-sandbox', name: 'iam', endpoints: [{ url: `${baseUrl}/v3`, region: '*', region_id: '*', interface: 'public', id: 'iam-sandbox-public' }] },
		];
	}
	return { status: 201, headers: { 'X-Subject-Token': issued.token }, body: { token } };
}

/** `GET /v3/auth/domains`: the caller's own account. */
function listDomains(caller) {
	const { domain } = caller;
	return { status: 200, body: { domains: [{ id: domain.id, name: domain.name, enabled: true, description: '', links: { self: `/v3/domains/${domain.id}` } }], links: { self: '/v3/auth/domains' } } };
}

module.exports = { createTokenStore, createToken, listDomains, DEFAULT_TOKEN_LIFETIME_SEC };
