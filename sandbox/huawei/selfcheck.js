'use strict';
/**
 * The Huawei part of `node sandbox/selfcheck.js`: the reference's signing vectors, AK/SK and token
 * authentication, permission items, validation, paging, the registration flow, freeze/unfreeze,
 * budgets, orders, bills, rate limits, every fault kind, the request log, the control routes,
 * seeding 100 000 customers, determinism, and one valid call of every API.
 *
 * sandbox/selfcheck.js calls registerHuaweiChecks(check); every check starts from a freshly reset
 * Huawei provider, signs like the official SDK (client.js, AKSKSigner) and talks over loopback.
 */
const assert = require('assert/strict');
/** The SDK's signer; typed loosely: the sandbox hands it plain `{ getAk, getSk }` credentials. */
const AKSKSigner = /** @type {any} */ (require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner').AKSKSigner);
const { startSandbox } = require('../server');
const { controlRequest } = require('../httpClient');
const { createHuaweiClient } = require('./client');
const K = require('./keys');
const { APIS } = require('./apis');
const { formatSdkDate, addMonths } = require('./time');

const QUERY = '/v2/partners/sub-customers/query';
const BUDGET = '/v2/partners/sub-customers/budget';
const ORDERS = '/v2/orders/customer-orders';
const DENIED = 'Access denied. The operator does not have the permission.';
const THROTTLED = 'The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second';

/** Asserts a success answer (200 JSON by default, 204 empty) with an X-Request-Id; returns the body. */
function expectOk(res, status = 200) {
	assert.equal(res.status, status, `HTTP ${res.status}: ${res.text.slice(0, 300)}`);
	assert.match(String(res.headers['x-request-id']), /^[0-9a-f]{32}$/);
	if (status === 204) {
		assert.equal(res.text, '');
		return null;
	}
	assert.ok(res.json && typeof res.json === 'object', `not JSON: ${res.text.slice(0, 200)}`);
	assert.equal(res.json.error_code, undefined, `unexpected ${res.json.error_code}: ${res.json.error_msg}`);
	return res.json;
}

/** Asserts an error envelope `{error_code, error_msg[, request_id]}`; returns it. */
function expectError(res, status, code) {
	assert.equal(res.status, status, `expected HTTP ${status} ${code}, got ${res.status}: ${res.text.slice(0, 300)}`);
	assert.ok(res.json, `no JSON body: ${res.text.slice(0, 200)}`);
	assert.equal(res.json.error_code, code, `expected ${code}, got ${res.json.error_code}: ${res.json.error_msg}`);
	assert.equal(typeof res.json.error_msg, 'string');
	const requestId = res.headers['x-request-id'];
	assert.match(String(requestId), /^[0-9a-f]{32}$/);
	if (code.startsWith('APIG.')) assert.equal(res.json.request_id, requestId);
	else assert.equal(res.json.request_id, undefined);
	return res.json;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** The newest month with a partner bill: the month before the anchor's (UTC+8), robust at month ends. */
const lastBillMonth = (sandbox) => addMonths(sandbox.state.huawei.data.bills.anchorMonth, -1);
const decimals = (x) => (String(x).split('.')[1] || '').length;

function registerHuaweiChecks(check) {
	/** Registers a check that gets a freshly reset Huawei provider and a client. */
	const hw = (name, fn) =>
		check(`huawei: ${name}`, async ({ sandbox }) => {
			sandbox.control.huawei.reset();
			sandbox.control.clearFaults();
			sandbox.control.setClockOffset({ offsetMs: 0 });
			sandbox.control.setRateLimit({ enabled: false });
			const client = createHuaweiClient(sandbox.url);
			try {
				await fn({ sandbox, client, call: client.call, hw: sandbox.control.huawei });
			} finally {
				client.close();
				sandbox.control.clearFaults();
				sandbox.control.setClockOffset({ offsetMs: 0 });
				sandbox.control.setRateLimit({ enabled: false });
			}
		});

	/** The first `n` customers of the partner, as the API lists them. */
	async function firstCustomers(call, n = 100, body = {}) {
		return expectOk(await call('POST', QUERY, { body: { offset: 0, limit: n, ...body } })).customer_infos;
	}

	/** A seeded reseller-model customer (with a budget) of the partner that is not frozen. */
	async function resellerCustomer(call, hw, frozen = 0) {
		const list = await firstCustomers(call, 100, { association_type: '3' });
		const c = list.find((x) => x.is_frozen === frozen);
		assert.ok(c, 'no suitable seeded reseller customer');
		return hw.getCustomer(c.customer_id);
	}

	// ------------------------------------------------------------ signing and authentication

	hw('AKSKSigner reproduces the reference vectors A and B', () => {
		const credential = { getAk: () => 'EXAMPLEAK0123456789AB', getSk: () => 'ExampleSK0123456789abcdefghijklmnopqrstuv' };
		const a = AKSKSigner.sign(
			{
				method: 'POST',
				endpoint: 'https://bss.myhuaweicloud.eu/v2/partners/sub-customers/query',
				headers: { 'content-type': 'application/json', 'x-domain-id': '0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'X-Sdk-Date': '20250115T083000Z' },
				queryParams: {},
				data: JSON.parse('{"offset":0,"limit":10,"associated_on_begin":"2025-01-01T00:00:00Z"}'),
			},
			credential,
		);
		assert.equal(a.Authorization, 'SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789AB, SignedHeaders=content-type;host;x-domain-id;x-sdk-date, Signature=2a4441a6fb4ff09e4889b97ec2a3825e296cdbf2dfbab3dcf57208bd35118e32');
		const b = AKSKSigner.sign(
			{
				method: 'GET',
				endpoint: 'https://bss.myhuaweicloud.eu/v2/orders/customer-orders',
				headers: { 'content-type': 'application/json', 'X-Sdk-Date': '20250115T083000Z' },
				queryParams: { create_time_begin: '2025-01-01T00:00:00Z', limit: '10', offset: '0' },
			},
			credential,
		);
		assert.equal(b.Authorization, 'SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789AB, SignedHeaders=content-type;host;x-sdk-date, Signature=ed0ee9aa5e439d7d89139a9d2dbaefb4440833e636bdb3729e7836896706f326');
	});

	hw('valid AK/SK calls succeed (POST body, GET query, GET with the SDK\'s {} body)', async ({ call }) => {
		const r = expectOk(await call('POST', QUERY, { body: { offset: 0, limit: 10 } }));
		assert.equal(r.count, 250);
		assert.equal(r.customer_infos.length, 10);
		expectOk(await call('GET', ORDERS, { query: { limit: 5, offset: 0, create_time_begin: '2025-01-01T00:00:00Z' } }));
		expectOk(await call('GET', '/v2/partners/credit/consumption-quota', { body: {} }));
		expectOk(await call('GET', '/v2/partners/credit/consumption-quota', { headers: { 'X-Language': 'en_US' }, extraSigned: { 'X-Language': 'en_US' } }));
	});

	hw('unknown AK, wrong SK, malformed Authorization, no credentials -> 401 APIG.0301', async ({ call }) => {
		let e = expectError(await call('POST', QUERY, { body: {}, key: { ...K.partnerKey, accessKeyId: 'HWUNKNOWNAK00000000001' } }), 401, 'APIG.0301');
		assert.match(e.error_msg, /access key .* invalid/);
		e = expectError(await call('POST', QUERY, { body: {}, key: { ...K.partnerKey, secretAccessKey: 'wrong' } }), 401, 'APIG.0301');
		assert.equal(e.error_msg, 'Incorrect IAM authentication information: verify aksk signature fail');
		expectError(await call('POST', QUERY, { body: {}, authorization: 'SDK-HMAC-SHA256 Access=HWSANDBOXPARTNERAK0001' }), 401, 'APIG.0301');
		expectError(await call('POST', QUERY, { body: {}, authorization: null }), 401, 'APIG.0301');
	});

	hw('X-Sdk-Date missing, malformed or more than 15 minutes off -> 401 APIG.0301', async ({ call, sandbox }) => {
		const at = (minutes) => formatSdkDate(Date.now() + minutes * 60000);
		for (const sdkDate of [at(-16), at(16)]) assert.match(expectError(await call('POST', QUERY, { body: {}, sdkDate }), 401, 'APIG.0301').error_msg, /15 minutes/);
		assert.match(expectError(await call('POST', QUERY, { body: {}, sdkDate: '2025-01-15T08:30:00Z' }), 401, 'APIG.0301').error_msg, /malformed/);
		expectOk(await call('POST', QUERY, { body: {}, sdkDate: at(-14) }));
		sandbox.control.setClockOffset({ offsetMs: 20 * 60000 });
		expectError(await call('POST', QUERY, { body: {} }), 401, 'APIG.0301');
		sandbox.control.setClockOffset({ offsetMs: 0 });
		// Without the header at all: sign it, then strip it from the request.
		const res = await call('POST', QUERY, { body: {}, headers: { 'X-Sdk-Date': '' } });
		expectError(res, 401, 'APIG.0301');
	});

	hw('X-Domain-Id is required for AK/SK calls and must match the key; IAM domains lookup needs none', async ({ call }) => {
		assert.match(expectError(await call('POST', QUERY, { body: {}, domainId: null }), 401, 'APIG.0301').error_msg, /X-Domain-Id/);
		expectError(await call('POST', QUERY, { body: {}, domainId: K.RESELLER_DOMAIN.id }), 401, 'APIG.0301');
		const d = expectOk(await call('GET', '/v3/auth/domains', { domainId: null }));
		assert.deepEqual(d.domains.map((x) => [x.id, x.name, x.enabled]), [[K.partnerKey.domainId, K.partnerKey.domainName, true]]);
	});

	hw('temporary AK/SK needs its X-Security-Token', async ({ call }) => {
		expectError(await call('POST', QUERY, { body: {}, key: K.tempPartnerKey, securityToken: null }), 401, 'APIG.0301');
		expectError(await call('POST', QUERY, { body: {}, key: K.tempPartnerKey, securityToken: 'nope' }), 401, 'APIG.0301');
		expectOk(await call('POST', QUERY, { body: {}, key: K.tempPartnerKey }));
	});

	hw('tampered or non-canonical body, tampered query, bad SignedHeaders -> 401 APIG.0301', async ({ call }) => {
		assert.match(expectError(await call('POST', QUERY, { body: { limit: 2 }, signBody: { limit: 1 } }), 401, 'APIG.0301').error_msg, /verify aksk signature fail/);
		// Same object, other serialisation: the signer hashes JSON.stringify(data), so this cannot be verified.
		assert.match(expectError(await call('POST', QUERY, { body: '{"limit": 1}' }), 401, 'APIG.0301').error_msg, /body does not match signature/);
		expectError(await call('POST', BUDGET, { body: '{"customer_id":"x","budget_amount":500.00}' }), 401, 'APIG.0301');
		// A signed header changed after signing; an unsigned extra header changes nothing.
		expectError(await call('GET', ORDERS, { query: { limit: 2 }, extraSigned: { 'X-Project-Tag': 'a' }, headers: { 'X-Project-Tag': 'b' } }), 401, 'APIG.0301');
		expectOk(await call('GET', ORDERS, { query: { limit: 2 }, headers: { 'X-Unsigned': '1' } }));
		const auth = AKSKSigner.sign(
			{ method: 'GET', endpoint: `http://${'127.0.0.1'}${ORDERS}`, headers: { 'content-type': 'application/json', 'x-domain-id': K.partnerKey.domainId, 'X-Sdk-Date': formatSdkDate(Date.now()) }, queryParams: { limit: '1' } },
			{ getAk: () => K.partnerKey.accessKeyId, getSk: () => K.partnerKey.secretAccessKey },
		).Authorization;
		assert.match(auth, /SignedHeaders=content-type;host;x-domain-id;x-sdk-date/);
		const noHost = auth.replace('content-type;host;x-domain-id;x-sdk-date', 'content-type;x-domain-id;x-sdk-date');
		assert.match(expectError(await call('GET', ORDERS, { query: { limit: 1 }, authorization: noHost }), 401, 'APIG.0301').error_msg, /host and x-sdk-date/);
	});

	hw('query values are part of the signature', async ({ call, sandbox }) => {
		const host = new URL(sandbox.url).host;
		const date = formatSdkDate(Date.now());
		const signedFor = (limit) =>
			AKSKSigner.sign(
				{ method: 'GET', endpoint: `http://${host}${ORDERS}`, headers: { 'content-type': 'application/json', 'X-Domain-Id': K.partnerKey.domainId, 'X-Sdk-Date': date }, queryParams: { limit } },
				{ getAk: () => K.partnerKey.accessKeyId, getSk: () => K.partnerKey.secretAccessKey },
			).Authorization;
		expectError(await call('GET', ORDERS, { query: { limit: 2 }, sdkDate: date, authorization: signedFor('1') }), 401, 'APIG.0301');
		expectOk(await call('GET', ORDERS, { query: { limit: 1 }, sdkDate: date, authorization: signedFor('1') }));
	});

	// ------------------------------------------------------------ IAM tokens

	hw('IAM password login: 201, X-Subject-Token, token body; the token authenticates BSS calls', async ({ client, call }) => {
		const t = await client.getToken(K.iamUser);
		assert.equal(t.status, 201, t.text);
		assert.ok(t.token && t.token.length > 1000, 'token is a long opaque string');
		const tok = t.json.token;
		assert.match(tok.expires_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
		assert.equal(Date.parse(tok.expires_at) - Date.parse(tok.issued_at), 24 * 3600 * 1000);
		assert.deepEqual(tok.methods, ['password']);
		assert.deepEqual(tok.user.domain, { id: K.PARTNER_DOMAIN.id, name: K.PARTNER_DOMAIN.name });
		assert.equal(tok.user.name, 'n8n-operator');
		assert.deepEqual(tok.domain, { id: K.PARTNER_DOMAIN.id, name: K.PARTNER_DOMAIN.name });
		assert.equal(tok.catalog, undefined);
		assert.ok(Array.isArray((await client.getToken(K.iamUser, { nocatalog: false })).json.token.catalog));
		expectOk(await call('POST', QUERY, { body: { limit: 1 }, token: t.token }));
		assert.equal((await client.getToken(K.iamUser, { scope: { domain: { id: K.PARTNER_DOMAIN.id } } })).status, 201);
	});

	hw('IAM login errors: wrong password / user / domain -> 401 IAM shape; bad body -> 400', async ({ client }) => {
		for (const who of [{ ...K.iamUser, password: 'wrong' }, { ...K.iamUser, userName: 'nobody' }, { ...K.iamUser, domainName: 'other' }]) {
			const r = await client.getToken(who);
			assert.equal(r.status, 401);
			assert.deepEqual(r.json, { error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } });
			assert.equal(r.headers['x-subject-token'], undefined);
		}
		const project = await client.getToken(K.iamUser, { scope: { project: { name: 'eu-west-101' } } });
		assert.equal(project.status, 400);
		assert.equal(project.json.error.code, 400);
	});

	hw('expired, revoked and unknown tokens -> 401 APIG.0307', async ({ client, call, sandbox, hw: c }) => {
		c.setTokenLifetime({ seconds: 60 });
		const t = await client.getToken(K.iamUser);
		assert.equal(Date.parse(t.json.token.expires_at) - Date.parse(t.json.token.issued_at), 60000);
		expectOk(await call('POST', QUERY, { body: {}, token: t.token }));
		sandbox.control.setClockOffset({ offsetMs: 61000 });
		assert.equal(expectError(await call('POST', QUERY, { body: {}, token: t.token }), 401, 'APIG.0307').error_msg, 'The token must be updated.');
		sandbox.control.setClockOffset({ offsetMs: 0 });
		expectOk(await call('POST', QUERY, { body: {}, token: t.token }));
		assert.equal(c.revokeTokens().revoked, 1);
		expectError(await call('POST', QUERY, { body: {}, token: t.token }), 401, 'APIG.0307');
		expectError(await call('POST', QUERY, { body: {}, token: 'MIInot-a-token' }), 401, 'APIG.0307');
		const again = await client.getToken(K.iamUser);
		expectOk(await call('POST', QUERY, { body: {}, token: again.token }));
	});

	// ------------------------------------------------------------ permissions and caller types

	hw('denied Action codes -> 403 CBC.0151 only when every code of the API is denied', async ({ client, call, sandbox, hw: c }) => {
		const ak = K.partnerKey.accessKeyId;
		c.denyActions({ ak, codes: ['BPC_ITEM_SUBCUSTSERV_010100'] });
		expectOk(await call('POST', QUERY, { body: {} })); // 010500 still held
		c.denyActions({ ak, codes: ['BPC_ITEM_SUBCUSTSERV_010500'] });
		const e = expectError(await call('POST', QUERY, { body: {} }), 403, 'CBC.0151');
		assert.equal(e.error_msg, DENIED);
		expectOk(await call('GET', ORDERS, {})); // other APIs unaffected
		expectOk(await call('POST', QUERY, { body: {}, key: K.tempPartnerKey })); // other AKs unaffected
		c.allowActions({ ak });
		expectOk(await call('POST', QUERY, { body: {} }));
		// By IAM user name: applies to its tokens (even ones issued before), not to AK/SK calls.
		const t = await client.getToken(K.iamUser);
		c.denyActions({ userName: K.iamUser.userName, codes: ['BPC_ITEM_FINANCE_090100'] });
		const month = lastBillMonth(sandbox);
		expectError(await call('GET', '/v2/bills/partner-bills/postpaid-bill-summary', { query: { bill_cycle: month }, token: t.token }), 403, 'CBC.0151');
		expectOk(await call('GET', '/v2/bills/partner-bills/postpaid-bill-summary', { query: { bill_cycle: month } }));
		// APIs without codes are never denied.
		expectOk(await call('GET', '/v2/bases/measurements', { token: t.token }));
		assert.throws(() => c.denyActions({ ak, codes: ['BPC_ITEM_TYPO_000000'] }), /no API uses/);
		assert.throws(() => c.denyActions({ ak: 'HWTYPO', codes: ['BPC_ITEM_FINANCE_090100'] }), /unknown AccessKeyId/);
		// The customer key holds the order codes too, and can lose them.
		c.denyActions({ ak: K.customerKey.accessKeyId, codes: ['BPC_ITEM_SUBCUSTSERV_060100', 'BPC_ITEM_SUBCUSTSERV_060200'] });
		expectError(await call('GET', ORDERS, { key: K.customerKey }), 403, 'CBC.0151');
	});

	hw('wrong caller type -> 403 CBC.0151; reseller scope rules -> CBC.99000037', async ({ call }) => {
		expectError(await call('POST', QUERY, { body: {}, key: K.customerKey }), 403, 'CBC.0151');
		expectError(await call('GET', '/v2/accounts/customer-accounts/balances', {}), 403, 'CBC.0151');
		expectError(await call('POST', '/v2/partners/indirect-partners/query', { body: {}, key: K.resellerKey }), 403, 'CBC.0151');
		expectError(await call('POST', QUERY, { body: { indirect_partner_id: K.RESELLER_DOMAIN.id }, key: K.resellerKey }), 400, 'CBC.99000037');
		expectError(await call('POST', QUERY, { body: { indirect_partner_id: 'ffffffffffffffffffffffffffffffff' } }), 400, 'CBC.99000037');
		expectOk(await call('GET', '/v2/accounts/customer-accounts/balances', { key: K.customerKey }));
	});

	// ------------------------------------------------------------ validation

	hw('ListSubCustomers validation: unknown field, types, ranges, time format, enums -> 400 CBC.0100 naming the field', async ({ call }) => {
		/** @type {Array<[object, RegExp]>} */
		const bad = [
			[{ page: 1 }, /page/],
			[{ limit: 0 }, /limit/],
			[{ limit: 101 }, /limit/],
			[{ limit: '10' }, /limit/],
			[{ offset: -1 }, /offset/],
			[{ offset: 40000001 }, /offset/],
			[{ associated_on_begin: '2025-01-01T00:00:00.000Z' }, /associated_on_begin/],
			[{ associated_on_begin: '2025-01-01 00:00:00' }, /associated_on_begin/],
			[{ associated_on_end: '2025-02-30T00:00:00Z' }, /associated_on_end/],
			[{ association_type: 3 }, /association_type/],
			[{ association_type: '2' }, /association_type/],
			[{ account_name: 'a b' }, /account_name/],
			[{ customer_id: 'x'.repeat(65) }, /customer_id/],
		];
		for (const [body, field] of bad) assert.match(expectError(await call('POST', QUERY, { body }), 400, 'CBC.0100').error_msg, field, JSON.stringify(body));
		// null and "" mean "no filter".
		assert.equal(expectOk(await call('POST', QUERY, { body: { account_name: '', label: null, limit: null } })).customer_infos.length, 10);
	});

	hw('request format: POST needs JSON object body and application/json; POST takes no query; unknown routes -> APIG.0101', async ({ call }) => {
		expectError(await call('POST', QUERY, { body: {}, contentType: 'text/plain' }), 400, 'CBC.0100');
		expectError(await call('POST', QUERY, { body: [1] }), 400, 'CBC.0100');
		expectError(await call('POST', QUERY, {}), 400, 'CBC.0100');
		expectError(await call('POST', QUERY, { body: {}, query: { limit: 1 } }), 400, 'CBC.0100');
		expectError(await call('GET', ORDERS, { query: { page: 1 } }), 400, 'CBC.0100');
		expectError(await call('GET', ORDERS, { query: { limit: 'ten' } }), 400, 'CBC.0100');
		assert.equal(expectError(await call('POST', '/v2/partners/sub-customers/list', { body: {} }), 404, 'APIG.0101').error_msg, 'The API does not exist or has not been published in the environment.');
		assert.equal(expectError(await call('GET', QUERY, {}), 404, 'APIG.0101').error_msg, 'The API does not exist.');
	});

	hw('per-API value rules: freeze ids, budget amount, orders range, E2 empty filters, check-identity', async ({ call }) => {
		const ids = (n) => Array.from({ length: n }, (_, i) => i.toString(16).padStart(32, '0'));
		expectError(await call('POST', '/v2/partners/sub-customers/freeze', { body: { customer_ids: [], reason: 'x' } }), 400, 'CBC.0100');
		expectError(await call('POST', '/v2/partners/sub-customers/freeze', { body: { customer_ids: ids(11), reason: 'x' } }), 400, 'CBC.0100');
		expectError(await call('POST', '/v2/partners/sub-customers/freeze', { body: { customer_ids: ids(1) } }), 400, 'CBC.0100');
		expectError(await call('POST', '/v2/partners/sub-customers/unfreeze', { body: { customer_ids: ids(1), reason: 'x', unfreeze_type: 'RESOURCE' } }), 400, 'CBC.0100');
		expectError(await call('POST', '/v2/partners/sub-customers/budget/query', { body: { customer_ids: ids(101) } }), 400, 'CBC.0100');
		for (const amount of [0, -1, 2147483648, 1.234, '100']) {
			assert.match(expectError(await call('POST', BUDGET, { body: { customer_id: ids(1)[0], budget_amount: amount } }), 400, 'CBC.0100').error_msg, /budget_amount/);
		}
		expectError(await call('POST', BUDGET, { body: { customer_id: ids(1)[0], budget_amount: 10, frozen_operate_type: 2 } }), 400, 'CBC.0100');
		assert.match(expectError(await call('GET', ORDERS, { query: { create_time_begin: '2024-01-01T00:00:00Z', create_time_end: '2025-01-01T00:00:01Z' } }), 400, 'CBC.0100').error_msg, /one year/);
		expectOk(await call('GET', ORDERS, { query: { create_time_begin: '2024-01-01T00:00:00Z', create_time_end: '2025-01-01T00:00:00Z' } }));
		expectError(await call('GET', ORDERS, { query: { status: 2 } }), 400, 'CBC.0100');
		expectError(await call('GET', ORDERS, { query: { limit: 101 } }), 400, 'CBC.0100');
		expectError(await call('GET', '/v2/partners/sub-customers/budget/records', { query: { customer_id: ids(1)[0], operation_type: '' } }), 400, 'CBC.0100');
		expectError(await call('GET', '/v2/bills/partner-bills/postpaid-bill-summary', { query: { bill_cycle: '2025-13' } }), 400, 'CBC.0100');
		expectError(await call('GET', '/v2/bills/partner-bills/postpaid-bill-summary', {}), 400, 'CBC.0100');
		const check = (search_type, search_value) => call('POST', '/v2/partners/sub-customers/users/check-identity', { body: { search_type, search_value } });
		for (const [t, v] of [['mobile', '+49-1511234'], ['mobile', '049-1511234'], ['email', 'nobody.example.com'], ['name', 'op_abcdef'], ['name', '12345678'], ['name', 'abcd'], ['name', '9abcdef'], ['phone', 'x']]) {
			expectError(await check(t, v), 400, 'CBC.0100');
		}
		assert.equal(expectOk(await check('mobile', '0049-15112345678')).check_result, 'available');
		assert.deepEqual(expectOk(await check('mobile', '0049-15199999999')), { check_result: 'used_by_user', mobile_remain_available_num: 0 });
	});

	// ------------------------------------------------------------ paging and data

	hw('ListSubCustomers paging: count, stable (associated_on, customer_id) order, ties, past-the-end, defaults', async ({ call }) => {
		const seen = [];
		for (let offset = 0; offset < 300; offset += 100) {
			const r = expectOk(await call('POST', QUERY, { body: { offset, limit: 100 } }));
			assert.equal(r.count, 250);
			seen.push(...r.customer_infos);
		}
		assert.equal(seen.length, 250);
		assert.equal(new Set(seen.map((c) => c.customer_id)).size, 250);
		for (let i = 1; i < seen.length; i++) {
			const [a, b] = [seen[i - 1], seen[i]];
			assert.ok(a.associated_on < b.associated_on || (a.associated_on === b.associated_on && a.customer_id < b.customer_id), `order broken at ${i}`);
		}
		assert.ok(seen.some((c, i) => i > 0 && seen[i - 1].associated_on === c.associated_on), 'some customers share an associated_on second');
		assert.ok(seen.every((c) => /^[0-9a-f]{32}$/.test(c.customer_id) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(c.associated_on)));
		assert.ok(seen.some((c) => c.association_type === '1') && seen.filter((c) => c.association_type === '3').length > 150);
		assert.ok(seen.some((c) => c.is_frozen === 1) && seen.some((c) => c.email === undefined));
		const past = expectOk(await call('POST', QUERY, { body: { offset: 300 } }));
		assert.deepEqual([past.count, past.customer_infos.length], [250, 0]);
		assert.equal(expectOk(await call('POST', QUERY, { body: {} })).customer_infos.length, 10);
		// Inclusive bounds: begin = end = a tied second returns every customer of that second.
		const tied = seen.find((c, i) => i > 0 && seen[i - 1].associated_on === c.associated_on).associated_on;
		const same = expectOk(await call('POST', QUERY, { body: { associated_on_begin: tied, associated_on_end: tied, limit: 100 } }));
		assert.equal(same.count, seen.filter((c) => c.associated_on === tied).length);
		assert.ok(same.count >= 2);
		const after = expectOk(await call('POST', QUERY, { body: { associated_on_begin: tied, limit: 100 } }));
		assert.equal(after.count, seen.filter((c) => c.associated_on >= tied).length);
		const reseller = expectOk(await call('POST', QUERY, { body: { association_type: '3', limit: 100 } }));
		assert.equal(reseller.count, seen.filter((c) => c.association_type === '3').length);
		const one = expectOk(await call('POST', QUERY, { body: { customer_id: seen[5].customer_id } }));
		assert.deepEqual(one.customer_infos, [seen[5]]);
		const named = expectOk(await call('POST', QUERY, { body: { account_name: seen[7].account_name.toUpperCase() } }));
		assert.ok(named.customer_infos.some((c) => c.customer_id === seen[7].customer_id));
	});

	hw('resellers: distributor lists 6 and reaches their customers; the reseller key sees its own', async ({ call }) => {
		const r = expectOk(await call('POST', '/v2/partners/indirect-partners/query', { body: { limit: 100 } }));
		assert.equal(r.count, 6);
		const own = r.indirect_partners.find((p) => p.indirect_partner_id === K.RESELLER_DOMAIN.id);
		assert.equal(own.account_name, K.RESELLER_DOMAIN.name);
		for (const p of r.indirect_partners) {
			const list = expectOk(await call('POST', QUERY, { body: { indirect_partner_id: p.indirect_partner_id, limit: 100 } }));
			assert.ok(list.count >= 3 && list.count <= 12, `reseller has ${list.count} customers`);
		}
		const viaDistributor = expectOk(await call('POST', QUERY, { body: { indirect_partner_id: K.RESELLER_DOMAIN.id, limit: 100 } }));
		const viaReseller = expectOk(await call('POST', QUERY, { body: { limit: 100 }, key: K.resellerKey }));
		assert.deepEqual(viaReseller, viaDistributor);
		// A reseller's customer is not the distributor's own customer.
		const id = viaDistributor.customer_infos[0].customer_id;
		expectError(await call('GET', BUDGET, { query: { customer_id: id } }), 400, 'CBC.5002');
	});

	// ------------------------------------------------------------ registration

	hw('registration: check -> send code (204) -> create; business codes 99004010/38/39/51', async ({ call, sandbox, hw: c }) => {
		const email = 'new.customer@example.com';
		const check = (search_type, search_value) => call('POST', '/v2/partners/sub-customers/users/check-identity', { body: { search_type, search_value } });
		assert.deepEqual(expectOk(await check('email', email)), { check_result: 'available' });
		assert.deepEqual(expectOk(await check('name', 'acme-gmbh-01')), { check_result: 'available' });
		expectOk(await call('POST', '/v2/bases/verificationcode/send', { body: { receiver_type: 2, email, lang: 'en-us' } }), 204);
		const viaHttp = await controlRequest(sandbox.url, 'GET', `/_control/huawei/verification-code?email=${encodeURIComponent(email)}`);
		assert.equal(viaHttp.status, 200);
		const code = viaHttp.json.code;
		assert.match(code, /^\d{6}$/);
		const create = { domain_name: 'acme-gmbh-01', email, verification_code: code === '000000' ? '111111' : '000000', domain_area: 'DE', xaccount_id: 'crm-new-0001', xaccount_type: K.XACCOUNT_TYPE, password: 'S0me-Passw0rd', is_close_market_ms: 'true', include_association_result: true };
		expectError(await call('POST', '/v2/partners/sub-customers', { body: create }), 400, 'CBC.99004010');
		expectError(await call('POST', '/v2/partners/sub-customers', { body: { ...create, verification_code: code, xaccount_type: 'other' } }), 400, 'CBC.0100');
		expectError(await call('POST', '/v2/partners/sub-customers', { body: { ...create, verification_code: code, domain_area: 'XX' } }), 400, 'CBC.0100');
		expectError(await call('POST', '/v2/partners/sub-customers', { body: { ...create, verification_code: code, domain_name: 'op_acme' } }), 400, 'CBC.99000031');
		expectError(await call('POST', '/v2/partners/sub-customers', { body: { ...create, verification_code: code, password: 'password' } }), 400, 'CBC.99000036');
		expectError(await call('POST', '/v2/partners/sub-customers', { body: { ...create, verification_code: undefined } }), 400, 'CBC.0100');
		const existing = (await firstCustomers(call, 20)).find((x) => x.xaccount_id);
		expectError(await call('POST', '/v2/partners/sub-customers', { body: { ...create, verification_code: code, domain_name: existing.account_name } }), 400, 'CBC.99000038');
		expectError(await call('POST', '/v2/partners/sub-customers', { body: { ...create, verification_code: code, xaccount_id: existing.xaccount_id } }), 400, 'CBC.99000039');
		const created = expectOk(await call('POST', '/v2/partners/sub-customers', { body: { ...create, verification_code: code } }));
		assert.match(created.domain_id, /^[0-9a-f]{32}$/);
		assert.equal(created.domain_name, 'acme-gmbh-01');
		const listed = expectOk(await call('POST', QUERY, { body: { customer_id: created.domain_id } }));
		assert.equal(listed.count, 1);
		const info = listed.customer_infos[0];
		assert.deepEqual([info.association_type, info.is_frozen, info.xaccount_id, info.email], ['3', 1, 'crm-new-0001', email]);
		assert.equal(expectOk(await call('GET', BUDGET, { query: { customer_id: created.domain_id } })).budget_amount, 0);
		assert.deepEqual(expectOk(await check('name', 'ACME-gmbh-01')), { check_result: 'used_by_user' });
		assert.deepEqual(expectOk(await check('email', email)), { check_result: 'used_by_user' });
		// The code was used up; the e-mail is now registered.
		expectError(await call('POST', '/v2/partners/sub-customers', { body: { ...create, verification_code: code, domain_name: 'acme-gmbh-02', xaccount_id: 'crm-new-0002' } }), 400, 'CBC.99004010');
		// Without e-mail no code is needed, and a 32-character name is generated.
		const anon = expectOk(await call('POST', '/v2/partners/sub-customers', { body: { domain_area: 'FR', xaccount_id: 'crm-new-0003', xaccount_type: K.XACCOUNT_TYPE } }));
		assert.equal(anon.domain_name.length, 32);
		assert.equal(c.getCustomer(anon.domain_id).is_frozen, 1);
		const newest = expectOk(await call('POST', QUERY, { body: { offset: 250, limit: 10 } }));
		assert.deepEqual(newest.customer_infos.map((x) => x.customer_id).sort(), [created.domain_id, anon.domain_id].sort());
	});

	hw('verification code: expiry (99004008), 3 failures (99004009), send limit 15/hour (99004015), timeout rules', async ({ call, sandbox, hw: c }) => {
		const send = (email, extra = {}) => call('POST', '/v2/bases/verificationcode/send', { body: { receiver_type: 2, email, ...extra } });
		const create = (email, code, n) => call('POST', '/v2/partners/sub-customers', { body: { email, verification_code: code, domain_area: 'IE', xaccount_id: `crm-code-${n}`, xaccount_type: K.XACCOUNT_TYPE } });
		expectOk(await send('late@example.com'), 204);
		const late = c.getVerificationCode('late@example.com');
		assert.equal(late.expiresAt - late.sentAt, 10 * 60000);
		sandbox.control.setClockOffset({ offsetMs: 11 * 60000 });
		expectError(await create('late@example.com', late.code, 1), 400, 'CBC.99004008');
		sandbox.control.setClockOffset({ offsetMs: 0 });
		expectOk(await send('tries@example.com', { timeout: 120 }), 204);
		const tries = c.getVerificationCode('tries@example.com');
		assert.equal(tries.expiresAt - tries.sentAt, 5 * 60000, 'timeouts above 60 minutes become 5 minutes');
		const wrong = tries.code === '123456' ? '654321' : '123456';
		for (let i = 0; i < 3; i++) expectError(await create('tries@example.com', wrong, 2), 400, 'CBC.99004010');
		expectError(await create('tries@example.com', tries.code, 2), 400, 'CBC.99004009');
		expectError(await send('x@example.com', { receiver_type: 1 }), 400, 'CBC.0100');
		expectError(await send('x@example.com', { timeout: 0 }), 400, 'CBC.0100');
		for (let i = 0; i < 15; i++) expectOk(await send('limit@example.com'), 204);
		expectError(await send('limit@example.com'), 400, 'CBC.99004015');
		expectOk(await send('other@example.com'), 204);
	});

	hw('association switches: delay hides a new customer for N queries; timeout answers 500 CBC.99000050 after creating', async ({ call, hw: c }) => {
		c.setAssociationDelay({ queries: 2 });
		const created = expectOk(await call('POST', '/v2/partners/sub-customers', { body: { domain_name: 'delayed-01', domain_area: 'ES', xaccount_id: 'crm-delay-1', xaccount_type: K.XACCOUNT_TYPE } }));
		const seen = async () => expectOk(await call('POST', QUERY, { body: { customer_id: created.domain_id } })).count;
		assert.deepEqual([await seen(), await seen(), await seen()], [0, 0, 1]);
		c.setAssociationDelay({ queries: 0 });
		c.failNextAssociations({ count: 1 });
		const body = { domain_name: 'timeout-01', domain_area: 'ES', xaccount_id: 'crm-timeout-1', xaccount_type: K.XACCOUNT_TYPE, include_association_result: true };
		const e = expectError(await call('POST', '/v2/partners/sub-customers', { body }), 500, 'CBC.99000050');
		assert.match(e.domain_id, /^[0-9a-f]{32}$/);
		assert.equal(e.domain_name, 'timeout-01');
		assert.equal(c.getCustomer(e.domain_id).account_name, 'timeout-01');
		expectError(await call('POST', '/v2/partners/sub-customers', { body }), 400, 'CBC.99000038');
	});

	// ------------------------------------------------------------ freeze, budgets

	hw('freeze/unfreeze: partial failure is 200 with error_details; unfreeze type must match', async ({ call, hw: c }) => {
		const target = await resellerCustomer(call, c);
		const unknown = 'ffffffffffffffffffffffffffffffff';
		const r = expectOk(await call('POST', '/v2/partners/sub-customers/freeze', { body: { customer_ids: [target.customer_id, unknown], reason: 'budget exceeded', freeze_type: 'ACCOUNT_AND_RESOURCE' } }));
		assert.deepEqual(r.error_details.map((d) => [d.id, d.error_code]), [[unknown, 'CBC.5002']]);
		assert.equal(c.getCustomer(target.customer_id).is_frozen, 1);
		const mismatch = expectOk(await call('POST', '/v2/partners/sub-customers/unfreeze', { body: { customer_ids: [target.customer_id], reason: 'paid' } }));
		assert.equal(mismatch.error_details.length, 1);
		assert.equal(c.getCustomer(target.customer_id).is_frozen, 1);
		assert.deepEqual(expectOk(await call('POST', '/v2/partners/sub-customers/unfreeze', { body: { customer_ids: [target.customer_id], reason: 'paid', unfreeze_type: 'ACCOUNT_AND_RESOURCE' } })), {});
		assert.equal(c.getCustomer(target.customer_id).is_frozen, 0);
		const referral = (await firstCustomers(call, 50, { association_type: '1' }))[0];
		assert.equal(expectOk(await call('POST', '/v2/partners/sub-customers/freeze', { body: { customer_ids: [referral.customer_id], reason: 'x' } })).error_details.length, 1);
	});

	hw('budgets: show, set (204, absolute, unfreeze), records, batch query, control figures', async ({ call, hw: c }) => {
		const frozen = await resellerCustomer(call, c, 1);
		const shown = expectOk(await call('GET', BUDGET, { query: { customer_id: frozen.customer_id } }));
		assert.deepEqual(Object.keys(shown).sort(), ['budget_amount', 'budget_type', 'currency', 'measure_id', 'used_amount']);
		assert.equal(shown.budget_amount, frozen.budget.budget_amount);
		expectOk(await call('POST', BUDGET, { body: { customer_id: frozen.customer_id, budget_amount: 750.25, cancel_partner_frozen: '1', budget_type: 'PACKAGE', frozen_operate_type: 1 } }), 204);
		const after = c.getBudget(frozen.customer_id);
		assert.deepEqual([after.budget_amount, after.budget_type, after.frozen_operate_type, after.is_frozen], [750.25, 'PACKAGE', 1, 0]);
		expectOk(await call('POST', BUDGET, { body: { customer_id: frozen.customer_id, budget_amount: 2147483647 } }), 204);
		assert.equal(c.getBudget(frozen.customer_id).frozen_operate_type, 1, 'left out -> unchanged');
		const records = expectOk(await call('GET', '/v2/partners/sub-customers/budget/records', { query: { customer_id: frozen.customer_id, limit: 100 } }));
		assert.deepEqual(records.record_list.slice(0, 2).map((r) => [r.budget_amount, r.operation_type, r.operator]), [[2147483647, 'SETTING', K.PARTNER_DOMAIN.name], [750.25, 'SETTING', K.PARTNER_DOMAIN.name]]);
		assert.equal(records.total_count, records.record_list.length);
		assert.ok(records.record_list.every((r) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(r.operation_time) && r.partner_account_name === K.PARTNER_DOMAIN.name));
		c.setBudget({ customer_id: frozen.customer_id, used_amount: 100.5 });
		const referral = (await firstCustomers(call, 50, { association_type: '1' }))[0];
		expectError(await call('GET', BUDGET, { query: { customer_id: referral.customer_id } }), 400, 'CBC.5002');
		const batch = expectOk(await call('POST', '/v2/partners/sub-customers/budget/query', { body: { customer_ids: [frozen.customer_id, referral.customer_id, 'ffffffffffffffffffffffffffffffff'] } }));
		assert.deepEqual(batch, { measure_id: 1, currency: 'USD', budget_infos: [{ customer_id: frozen.customer_id, budget_amount: 2147483647, used_amount: 100.5, budget_type: 'MONTHLY' }] });
	});

	// ------------------------------------------------------------ orders, bills, accounts

	hw('orders: totals, order_by, details with line items that add up, X-Language, customer scope', async ({ call }) => {
		const all = expectOk(await call('GET', ORDERS, { query: { limit: 100 } }));
		assert.equal(all.total_count, 600);
		const asc = expectOk(await call('GET', ORDERS, { query: { limit: 100, order_by: 'createTime' } }));
		assert.ok(asc.order_infos.every((o, i) => i === 0 || asc.order_infos[i - 1].create_time <= o.create_time));
		assert.ok(all.order_infos.every((o, i) => i === 0 || all.order_infos[i - 1].create_time >= o.create_time));
		assert.ok(all.order_infos.every((o) => decimals(o.amount_after_discount) <= 2 && o.service_type_name && /^[A-Z]/.test(o.service_type_name)));
		const combined = [];
		for (let offset = 0; offset < 600 && !combined.length; offset += 100) {
			combined.push(...expectOk(await call('GET', ORDERS, { query: { limit: 100, offset } })).order_infos.filter((o) => o.sub_order_infos));
		}
		const order = combined[0] || all.order_infos[0];
		const zh = expectOk(await call('GET', `/v2/orders/customer-orders/details/${order.order_id}`, {}));
		assert.match(zh.order_info.service_type_name, /[\u4e00-\u9fff]/);
		const en = expectOk(await call('GET', `/v2/orders/customer-orders/details/${order.order_id}`, { query: { limit: 100 }, headers: { 'X-Language': 'en_US' }, extraSigned: { 'X-Language': 'en_US' } }));
		assert.doesNotMatch(en.order_info.service_type_name, /[\u4e00-\u9fff]/);
		assert.equal(en.total_count, en.order_line_items.length);
		const cents = (x) => Math.round(x * 100);
		assert.equal(en.order_line_items.reduce((s, l) => s + cents(l.amount_after_discount), 0), cents(order.amount_after_discount));
		assert.equal(en.order_line_items.reduce((s, l) => s + cents(l.official_amount), 0), cents(order.official_amount));
		expectError(await call('GET', '/v2/orders/customer-orders/details/CS0000000000NOPE0', {}), 400, 'CBC.0100');
		const mine = expectOk(await call('GET', ORDERS, { query: { limit: 100 }, key: K.customerKey }));
		assert.ok(mine.total_count >= 8 && mine.order_infos.every((o) => o.customer_id === K.CUSTOMER_DOMAIN.id));
		const reseller = expectOk(await call('GET', ORDERS, { query: { indirect_partner_id: K.RESELLER_DOMAIN.id } }));
		assert.deepEqual(reseller, expectOk(await call('GET', ORDERS, { key: K.resellerKey })));
	});

	hw('yearly/monthly resources: expiry range, statuses, attached resources, paging, renewal, scope and field errors', async ({ call, hw: c }) => {
		const LIST = '/v2/orders/suscriptions/resources/query';
		const customer = c.addCustomer({}).customer_id;
		const now = Math.floor(Date.now() / 1000);
		const iso = (sec) => new Date(sec * 1000).toISOString().slice(0, 19) + 'Z';
		const added = c.addSubscriptions({ customer_id: customer, count: 150, expire_time: iso(now + 86400), stepSeconds: 3600 }).added;
		const all = [];
		for (let offset = 0; offset < 150; offset += 100) all.push(...expectOk(await call('POST', LIST, { body: { customer_id: customer, offset, limit: 100 } })).data);
		assert.equal(all.length, 150);
		assert.ok(all.every((r, i) => i === 0 || all[i - 1].expire_time <= r.expire_time), 'listed by expiry');
		assert.ok(all.every((r) => r.status === 2 && r.is_main_resource === 1 && /^[A-Z]/.test(r.service_type_name)));
		const window = expectOk(await call('POST', LIST, { body: { customer_id: customer, expire_time_begin: iso(now + 86400), expire_time_end: iso(now + 86400 + 2 * 3600), limit: 100 } }));
		assert.equal(window.total_count, 3, 'both ends of the expiry range are inclusive');
		c.renewSubscription({ resource_id: added[0], expire_time: iso(now + 400 * 86400) });
		const renewed = expectOk(await call('POST', LIST, { body: { customer_id: customer, resource_ids: [added[0]] } })).data[0];
		assert.equal(renewed.expire_time, iso(now + 400 * 86400));
		assert.equal(expectOk(await call('POST', LIST, { body: { customer_id: customer, status_list: [3, 5] } })).total_count, 0);
		// A seeded customer's generated resources: a server's disk is listed with it unless only main resources are asked for.
		let withDisk;
		const seeded = await firstCustomers(call, 100, {});
		for (let i = 1; i < seeded.length && !withDisk; i++) {
			const id = seeded[i].customer_id;
			const list = expectOk(await call('POST', LIST, { body: { customer_id: id, limit: 100 } }));
			if (list.data.some((r) => r.is_main_resource === 0)) withDisk = { id, list };
		}
		assert.ok(withDisk, 'some seeded customer has an attached resource');
		const disk = withDisk.list.data.find((r) => r.is_main_resource === 0);
		const server = expectOk(await call('POST', LIST, { body: { customer_id: withDisk.id, resource_ids: [disk.parent_resource_id] } }));
		assert.ok(server.data.some((r) => r.resource_id === disk.resource_id));
		const mainOnly = expectOk(await call('POST', LIST, { body: { customer_id: withDisk.id, resource_ids: [disk.parent_resource_id], only_main_resource: 1 } }));
		assert.deepEqual(mainOnly.data.map((r) => r.resource_id), [disk.parent_resource_id]);
		// The partner without customer_id lists its own resources (none); a customer's key lists its own.
		assert.equal(expectOk(await call('POST', LIST, { body: {} })).total_count, 0);
		expectOk(await call('POST', LIST, { body: { customer_id: 'ignored-for-customers' }, key: K.customerKey }));
		expectError(await call('POST', LIST, { body: { customer_id: 'ffffffffffffffffffffffffffffffff' } }), 400, 'CBC.5002');
		expectError(await call('POST', LIST, { body: { customer_id: customer, service_type_code: '' } }), 400, 'CBC.0100');
		expectError(await call('POST', LIST, { body: { customer_id: customer, status_list: [1] } }), 400, 'CBC.0100');
		expectError(await call('POST', LIST, { body: { customer_id: customer, expire_time_begin: '2026-01-01 00:00:00' } }), 400, 'CBC.0100');
		expectError(await call('POST', LIST, { body: { customer_id: customer, limit: 101 } }), 400, 'CBC.0100');
		expectError(await call('POST', LIST, { body: { customer_id: customer, expire_time_begin: iso(now + 10), expire_time_end: iso(now) } }), 400, 'CBC.0100');
	});

	hw('bills and accounts: monthly bill sums, quota strings, coupons, customer-only E6-E8, measure units', async ({ call, sandbox }) => {
		const month = lastBillMonth(sandbox);
		const bill = expectOk(await call('GET', '/v2/bills/partner-bills/postpaid-bill-summary', { query: { bill_cycle: month } }));
		assert.ok(bill.consume_amount > 0 && [bill.consume_amount, bill.refunds, bill.adjustments, bill.tax_amount].every((x) => typeof x === 'number' && decimals(x) <= 2));
		assert.equal(Math.round(bill.initial_amount_due * 100), Math.round((bill.consume_amount + bill.refunds + bill.adjustments) * 100));
		assert.equal(expectOk(await call('GET', '/v2/bills/partner-bills/postpaid-bill-summary', { query: { bill_cycle: '2019-01' } })).consume_amount, 0);
		expectError(await call('GET', '/v2/bills/partner-bills/postpaid-bill-summary', { query: { bill_cycle: '2099-01' } }), 400, 'CBC.0100');
		const quota = expectOk(await call('GET', '/v2/partners/credit/consumption-quota', {}));
		assert.ok(['consumption_quota', 'amount', 'coupon_amount', 'due_amount', 'unbilled_amount', 'used_consumption_quota'].every((k) => /^-?\d+\.\d{2}$/.test(quota[k])));
		const coupons = expectOk(await call('GET', '/v2/promotions/benefits/coupons', { query: { limit: 10, offset: 20 } }));
		assert.deepEqual([coupons.count, coupons.user_coupons.length], [25, 5]);
		assert.equal(expectOk(await call('GET', '/v2/promotions/benefits/coupons', { key: K.customerKey })).count, 8);
		const balances = expectOk(await call('GET', '/v2/accounts/customer-accounts/balances', { key: K.customerKey }));
		assert.ok(balances.account_balances.length >= 1 && balances.currency === 'USD');
		const sum = expectOk(await call('GET', '/v2/bills/customer-bills/monthly-sum', { query: { bill_cycle: month, limit: 100 }, key: K.customerKey }));
		assert.ok(sum.total_count >= 3);
		assert.equal(Math.round(sum.consume_amount * 100), sum.bill_sums.reduce((s, r) => s + Math.round(r.consume_amount * 100), 0));
		expectError(await call('GET', '/v2/bills/customer-bills/monthly-sum', { query: { bill_cycle: month, method: 'sub_customer' }, key: K.customerKey }), 400, 'CBC.0100');
		expectError(await call('GET', '/v2/bills/customer-bills/monthly-sum', { query: { bill_cycle: month } }), 403, 'CBC.0151');
		expectOk(await call('GET', '/v2/accounts/customer-accounts/expenditure-quota', { key: K.customerKey }));
		const zh = expectOk(await call('GET', '/v2/bases/measurements', {}));
		const en = expectOk(await call('GET', '/v2/bases/measurements', { headers: { 'X-Language': 'en_US' }, extraSigned: { 'X-Language': 'en_US' } }));
		assert.equal(zh.measure_units.find((u) => u.measure_id === 4).measure_name, '小时');
		assert.equal(en.measure_units.find((u) => u.measure_id === 4).measure_name, 'Hour');
	});

	// ------------------------------------------------------------ rate limits

	hw('rate limit: the 11th call to one API within a second -> 429 APIG.0308', async ({ call, sandbox }) => {
		sandbox.control.setRateLimit({ enabled: true });
		const results = [];
		for (let i = 0; i < 11; i++) results.push(await call('POST', QUERY, { body: { limit: 1 } }));
		results.slice(0, 10).forEach((r) => expectOk(r));
		const e = expectError(results[10], 429, 'APIG.0308');
		assert.equal(e.error_msg, THROTTLED);
		expectOk(await call('GET', ORDERS, { query: { limit: 1 } })); // another API
		expectOk(await call('POST', QUERY, { body: { limit: 1 }, key: K.tempPartnerKey })); // another caller
		await sleep(1050);
		expectOk(await call('POST', QUERY, { body: { limit: 1 } }));
		sandbox.control.setRateLimit({ enabled: false });
		for (let i = 0; i < 12; i++) expectOk(await call('POST', QUERY, { body: { limit: 1 } }));
	});

	// ------------------------------------------------------------ faults

	hw('faults throttle / serviceBusy / internalError answer the vendor envelopes', async ({ call, sandbox }) => {
		for (const [kind, status, code] of [['throttle', 429, 'APIG.0308'], ['serviceBusy', 500, 'CBC.0999'], ['internalError', 500, 'CBC.0999']]) {
			sandbox.control.addFault({ provider: 'huawei', action: 'ListSubCustomers', kind, count: 2 });
			expectOk(await call('GET', ORDERS, {})); // other actions are not affected
			const first = await call('POST', QUERY, { body: {} });
			expectError(first, status, code);
			if (kind === 'throttle') assert.equal(first.headers['retry-after'], '1');
			expectError(await call('POST', QUERY, { body: {} }), status, code);
			expectOk(await call('POST', QUERY, { body: {} }));
		}
		// Service faults only count requests that authenticate.
		sandbox.control.addFault({ provider: 'huawei', kind: 'serviceBusy', count: 1 });
		expectError(await call('POST', QUERY, { body: {}, domainId: null }), 401, 'APIG.0301');
		expectError(await call('POST', QUERY, { body: {} }), 500, 'CBC.0999');
	});

	hw('faults http502 (JSON) / http503 (HTML) apply before authentication', async ({ call, sandbox }) => {
		sandbox.control.addFault({ provider: 'huawei', kind: 'http502', count: 1 });
		expectError(await call('POST', QUERY, { body: {}, authorization: null }), 502, 'APIG.0201');
		sandbox.control.addFault({ provider: 'huawei', action: 'ListSubCustomers', kind: 'http503', count: 1 });
		const r = await call('POST', QUERY, { body: {} });
		assert.equal(r.status, 503);
		assert.equal(r.json, null);
		assert.match(r.text, /503 Service Unavailable/);
		assert.match(String(r.headers['x-request-id']), /^[0-9a-f]{32}$/);
		expectOk(await call('POST', QUERY, { body: {} }));
	});

	hw('faults slow and drop', async ({ call, sandbox }) => {
		sandbox.control.addFault({ provider: 'huawei', kind: 'slow', delayMs: 300, count: 1 });
		const t0 = Date.now();
		expectOk(await call('GET', '/v2/bases/measurements', {}));
		assert.ok(Date.now() - t0 >= 290, `took ${Date.now() - t0} ms`);
		sandbox.control.addFault({ provider: 'huawei', kind: 'drop', count: 1 });
		await assert.rejects(call('GET', '/v2/bases/measurements', {}), /socket hang up|ECONNRESET/);
		expectOk(await call('GET', '/v2/bases/measurements', {}));
	});

	hw('afterApply faults: the write is applied, then the client sees the failure', async ({ call, sandbox, hw: c }) => {
		const target = await resellerCustomer(call, c);
		sandbox.control.addFault({ provider: 'huawei', action: 'UpdateSubCustomerBudget', kind: 'http504', count: 1, afterApply: true });
		expectError(await call('POST', BUDGET, { body: { customer_id: target.customer_id, budget_amount: 321 } }), 504, 'APIG.0201');
		assert.equal(c.getBudget(target.customer_id).budget_amount, 321);
		sandbox.control.addFault({ provider: 'huawei', action: 'UpdateSubCustomerBudget', kind: 'internalError', count: 1, afterApply: true });
		expectError(await call('POST', BUDGET, { body: { customer_id: target.customer_id, budget_amount: 322 } }), 500, 'CBC.0999');
		assert.equal(c.getBudget(target.customer_id).budget_amount, 322);
		sandbox.control.addFault({ provider: 'huawei', action: 'CreateSubCustomer', kind: 'drop', count: 1, afterApply: true });
		await assert.rejects(call('POST', '/v2/partners/sub-customers', { body: { domain_name: 'dropped-01', domain_area: 'DE', xaccount_id: 'crm-drop-1', xaccount_type: K.XACCOUNT_TYPE } }), /socket hang up|ECONNRESET/);
		const listed = expectOk(await call('POST', QUERY, { body: { account_name: 'dropped-01' } }));
		assert.equal(listed.count, 1);
		const log = sandbox.control.getRequests({ provider: 'huawei', action: 'CreateSubCustomer' });
		assert.equal(log[log.length - 1].appliedBeforeFault, true);
	});

	// ------------------------------------------------------------ request log, control API

	hw('request log: action, method, path, query, body, header names only, auth kind; secrets never logged', async ({ client, call, sandbox }) => {
		sandbox.control.clearRequests();
		await call('GET', ORDERS, { query: { limit: 3, order_by: '-createTime' } });
		const t = await client.getToken(K.iamUser);
		await call('POST', QUERY, { body: { limit: 1 }, token: t.token });
		await call('POST', QUERY, { body: {}, domainId: null });
		const log = sandbox.control.getRequests({ provider: 'huawei' });
		assert.equal(log.length, 4);
		assert.deepEqual([log[0].action, log[0].method, log[0].path, log[0].query, log[0].outcome, log[0].auth], ['ListCustomerOrders', 'GET', ORDERS, { limit: '3', order_by: '-createTime' }, 'ok', 'aksk']);
		assert.equal(log[1].action, 'KeystoneCreateUserTokenByPassword');
		assert.equal(log[1].body.auth.identity.password.user.password, '[redacted]');
		assert.deepEqual([log[2].action, log[2].body, log[2].auth, log[2].outcome], ['ListSubCustomers', { limit: 1 }, 'token', 'ok']);
		assert.equal(log[3].outcome, 'APIG.0301');
		assert.ok(log[0].headerNames.includes('authorization') && log[0].headerNames.every((n) => n === n.toLowerCase()));
		const text = JSON.stringify(log);
		for (const secret of ['SDK-HMAC-SHA256', t.token.slice(0, 40), K.iamUser.password, K.partnerKey.secretAccessKey]) assert.ok(!text.includes(secret), 'no secrets or header values in the log');
		const viaHttp = await controlRequest(sandbox.url, 'GET', '/_control/requests?provider=huawei&action=ListSubCustomers');
		assert.equal(viaHttp.json.length, 2);
	});

	hw('control API over HTTP: customers, budget, permissions, tokens, state, errors', async ({ call, sandbox }) => {
		const u = sandbox.url;
		const added = await controlRequest(u, 'POST', '/_control/huawei/customers', { account_name: 'control-added', email: 'added@example.com', budget_amount: 50, used_amount: 49.5, is_frozen: 1 });
		assert.equal(added.status, 200, added.text);
		const id = added.json.customer_id;
		assert.match(id, /^[0-9a-f]{32}$/);
		assert.equal((await controlRequest(u, 'POST', '/_control/huawei/customers', { customer_id: id })).status, 409);
		assert.equal((await controlRequest(u, 'POST', '/_control/huawei/customers', { nope: 1 })).status, 400);
		const newest = expectOk(await call('POST', QUERY, { body: { offset: 250 } }));
		assert.deepEqual(newest.customer_infos.map((c) => [c.customer_id, c.is_frozen]), [[id, 1]]);
		assert.equal((await controlRequest(u, 'GET', `/_control/state/huawei/budget?customer_id=${id}`)).json.remaining, 0.5);
		assert.equal((await controlRequest(u, 'POST', '/_control/huawei/budget', { customer_id: id, used_amount: 10 })).json.remaining, 40);
		assert.equal((await controlRequest(u, 'GET', `/_control/state/huawei/customer?customer_id=${id}`)).json.email, 'added@example.com');
		const deny = await controlRequest(u, 'POST', '/_control/huawei/permissions/deny', { ak: K.partnerKey.accessKeyId, codes: ['BPC_ITEM_SUBCUSTSERV_010111', 'BPC_ITEM_SUBCUSTSERV_010503', 'BPC_ITEM_SUBCUSTSERV_010107'] });
		assert.equal(deny.status, 200, deny.text);
		expectError(await call('GET', BUDGET, { query: { customer_id: id } }), 403, 'CBC.0151');
		assert.deepEqual(Object.keys((await controlRequest(u, 'GET', '/_control/state/huawei/permissions')).json), [`ak:${K.partnerKey.accessKeyId}`]);
		await controlRequest(u, 'POST', '/_control/huawei/permissions/allow', { ak: K.partnerKey.accessKeyId });
		expectOk(await call('GET', BUDGET, { query: { customer_id: id } }));
		assert.equal((await controlRequest(u, 'POST', '/_control/huawei/permissions/deny', { codes: ['BPC_ITEM_SALES_020100'] })).status, 400);
		assert.equal((await controlRequest(u, 'POST', '/_control/huawei/token-lifetime', { seconds: 5 })).json.seconds, 5);
		assert.equal((await controlRequest(u, 'POST', '/_control/huawei/tokens/revoke')).status, 200);
		assert.equal((await controlRequest(u, 'GET', '/_control/huawei/verification-code?email=none@example.com')).status, 404);
		const partner = (await controlRequest(u, 'GET', '/_control/state/huawei/partner')).json;
		assert.deepEqual([partner.id, partner.customers, partner.resellers.length, partner.tokenLifetimeSec], [K.PARTNER_DOMAIN.id, 251, 6, 5]);
		assert.equal((await controlRequest(u, 'POST', '/_control/huawei/customers/remove', { customer_id: id })).status, 200);
		assert.equal((await controlRequest(u, 'GET', `/_control/state/huawei/customer?customer_id=${id}`)).status, 404);
		expectError(await call('GET', BUDGET, { query: { customer_id: id } }), 400, 'CBC.5002');
		const seeded = (await firstCustomers(call, 1))[0].customer_id;
		assert.equal((await controlRequest(u, 'POST', '/_control/huawei/customers/remove', { customer_id: seeded })).status, 200);
		assert.equal(expectOk(await call('POST', QUERY, { body: {} })).count, 249);
	});

	hw('seeding 100 000 customers pages and looks up correctly', async ({ call, sandbox }) => {
		const seeded = await controlRequest(sandbox.url, 'POST', '/_control/huawei/seed', { customers: 100000 });
		assert.equal(seeded.status, 200, seeded.text);
		const last = expectOk(await call('POST', QUERY, { body: { offset: 99900, limit: 100 } }));
		assert.equal(last.count, 100000);
		assert.equal(last.customer_infos.length, 100);
		const probe = last.customer_infos[50];
		assert.equal(expectOk(await call('POST', QUERY, { body: { customer_id: probe.customer_id } })).count, 1);
		const window = expectOk(await call('POST', QUERY, { body: { associated_on_begin: probe.associated_on, limit: 100 } }));
		assert.ok(window.count >= 50);
		if (probe.email) assert.deepEqual(expectOk(await call('POST', '/v2/partners/sub-customers/users/check-identity', { body: { search_type: 'email', search_value: probe.email } })), { check_result: 'used_by_user' });
	});

	hw('same seed and anchor give the same data; another seed differs', async () => {
		const options = { huawei: { seed: 7, customers: 30, anchor: '2026-01-01T00:00:00Z' } };
		const a = await startSandbox(options);
		const b = await startSandbox(options);
		try {
			const ids = (s) => s.state.huawei.data.store.listOf(K.PARTNER_DOMAIN.id).map((e) => s.state.huawei.data.store.entryId(e));
			assert.deepEqual(ids(a), ids(b));
			for (const id of ids(a)) assert.deepEqual(a.control.huawei.getCustomer(id), b.control.huawei.getCustomer(id));
			assert.deepEqual(a.state.huawei.data.orders.list, b.state.huawei.data.orders.list);
			a.control.huawei.reset({ seed: 8, customers: 30, anchor: '2026-01-01T00:00:00Z' });
			assert.notDeepEqual(ids(a).slice(1), ids(b).slice(1));
		} finally {
			await a.close();
			await b.close();
		}
	});

	// ------------------------------------------------------------ every API once

	hw('every BSS API and the 2 IAM calls answer a valid request', async ({ client, call, hw: c, sandbox }) => {
		const customers = await firstCustomers(call, 100, { association_type: '3' });
		const target = customers.find((x) => x.is_frozen === 0);
		const order = expectOk(await call('GET', ORDERS, { query: { limit: 1 } })).order_infos[0];
		const month = lastBillMonth(sandbox);
		const refund = expectOk(await call('GET', ORDERS, { query: { limit: 1, order_type: '4' } })).order_infos[0];
		const [unverified, unverified2] = customers.filter((x) => x.verified_status === '-1');
		const individual = customers.find((x) => x.verified_status === '2' && x.customer_type === 0);
		const product = { id: '1', cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm', resource_spec: 's6.large.2.linux', region: 'eu-west-101', subscription_num: 1 };
		const organization = { identify_type: 1, certificate_type: 0, verified_file_url: ['c/front.jpg', 'c/back.jpg', 'p/front.jpg', 'p/back.jpg'], corp_name: 'Every API Ltd', verified_number: 'REG-1', reg_country: 'DE', reg_address: 'Main Street 1', xaccount_type: K.XACCOUNT_TYPE, enterprise_person: { legel_name: 'A. Person', legel_id_number: 'ID-1', certifier_role: 'legalPerson' } };
		expectOk(await call('POST', '/v2/bases/verificationcode/send', { body: { receiver_type: 2, email: 'every@example.com' } }), 204);
		const code = c.getVerificationCode('every@example.com').code;
		const P = K.partnerKey;
		const C = K.customerKey;
		const pending = c.addOrders({ customer_id: K.CUSTOMER_DOMAIN.id, count: 3, status: 6 }).added;
		const discount = expectOk(await call('GET', '/v2/orders/customer-orders/order-discounts', { query: { order_id: pending[0] }, key: C })).discounts.find((d) => d.discount_type === 3).discount_id;
		const mains = c.getOwnResources().resources.filter((r) => r.is_main_resource);
		const calls = {
			CheckUserIdentity: [P, 'POST', { body: { search_type: 'name', search_value: 'brand-new-name' } }],
			SendVerificationMessageCode: [P, 'POST', { body: { receiver_type: 2, email: 'every2@example.com', timeout: 30, lang: 'zh-cn' } }, 204],
			CreateSubCustomer: [P, 'POST', { body: { domain_name: 'every-api-01', email: 'every@example.com', verification_code: code, domain_area: 'MX', xaccount_id: 'crm-every-1', xaccount_type: K.XACCOUNT_TYPE, password: 'Ev3ry-Passw0rd', is_close_market_ms: 'false', indirect_partner_id: K.RESELLER_DOMAIN.id, include_association_result: true } }],
			ListSubCustomers: [P, 'POST', { body: { offset: 0, limit: 100, association_type: '3', associated_on_begin: '2020-01-01T00:00:00Z', associated_on_end: '2099-01-01T00:00:00Z' } }],
			FreezeSubCustomers: [P, 'POST', { body: { customer_ids: [target.customer_id], reason: 'selfcheck', freeze_type: 'ACCOUNT' } }],
			UnfreezeSubCustomers: [P, 'POST', { body: { customer_ids: [target.customer_id], reason: 'selfcheck', unfreeze_type: 'ACCOUNT' } }],
			ListIndirectPartners: [P, 'POST', { body: { offset: 0, limit: 10, associated_on_begin: '2020-01-01T00:00:00Z' } }],
			ListCustomerOrders: [P, 'GET', { query: { limit: 10, offset: 0, status: 5, order_type: '1', order_by: 'createTime' } }],
			ShowCustomerOrderDetails: [P, 'GET', { query: { limit: 10, offset: 0 }, headers: { 'X-Language': 'en_US' }, pathId: order.order_id }],
			ShowSubCustomerBudget: [P, 'GET', { query: { customer_id: target.customer_id } }],
			UpdateSubCustomerBudget: [P, 'POST', { body: { customer_id: target.customer_id, budget_amount: 500.0, budget_type: 'MONTHLY', cancel_partner_frozen: '1', frozen_operate_type: 1 } }, 204],
			ListPostpaidBillSum: [P, 'GET', { query: { bill_cycle: month } }],
			ListSubCustomerBudget: [P, 'POST', { body: { customer_ids: customers.slice(0, 100).map((x) => x.customer_id) } }],
			ListSubCustomerBudgetRecords: [P, 'GET', { query: { customer_id: target.customer_id, operation_type: 'SETTING', budget_type: 'MONTHLY', offset: 0, limit: 10 } }],
			ShowPartnerConsumptionQuota: [P, 'GET', {}],
			ListCustomerOnDemandResources: [P, 'POST', { body: { customer_id: target.customer_id, offset: 0, limit: 10, region_code: 'eu-west-101' }, headers: { 'X-Language': 'en_US' } }],
			ListPayPerUseCustomerResources: [P, 'POST', { body: { customer_id: target.customer_id, expire_time_begin: '2020-01-01T00:00:00Z', status_list: [2, 4], only_main_resource: 0, offset: 0, limit: 10 } }],
			ListSubCustomerCoupons: [P, 'GET', { query: { status: 2, coupon_type: 1, limit: 10 } }],
			ShowCustomerAccountBalances: [C, 'GET', {}],
			ShowCustomerMonthlySum: [C, 'GET', { query: { bill_cycle: month, method: 'oneself', enterprise_project_id: '0' } }],
			ShowCustomerExpenditureQuota: [C, 'GET', {}],
			ListMeasureUnits: [C, 'GET', { headers: { 'X-Language': 'en_US' } }],
			ShowRefundOrderDetails: [P, 'GET', { query: { order_id: refund.order_id, customer_id: refund.customer_id } }],
			CreatePersonalRealnameAuth: [P, 'POST', { body: { customer_id: unverified.customer_id, identify_type: 0, verified_type: 3, verified_file_url: ['a/page.jpg', 'a/holding.jpg'], name: 'A. Person', verified_number: 'P-1', change_type: -1, xaccount_type: K.XACCOUNT_TYPE } }],
			CreateEnterpriseRealnameAuthentication: [P, 'POST', { body: { customer_id: unverified2.customer_id, ...organization } }],
			ChangeEnterpriseRealnameAuthentication: [P, 'PUT', { body: { customer_id: individual.customer_id, change_type: 1, ...organization, verified_number: 'REG-2' } }],
			ShowRealnameAuthenticationReviewResult: [P, 'GET', { query: { customer_id: unverified.customer_id } }],
			ListServiceTypes: [C, 'GET', { query: { offset: 0, limit: 10, service_type_name: 'Elastic' }, headers: { 'X-Language': 'en_US' } }],
			ListResourceTypes: [P, 'GET', { query: { offset: 0, limit: 10 } }],
			ListServiceResources: [P, 'GET', { query: { service_type_code: 'hws.service.type.ec2', offset: 0, limit: 10 } }],
			ListUsageTypes: [P, 'GET', { query: { resource_type_code: 'hws.resource.type.vm', offset: 0, limit: 10 } }],
			ListConversions: [P, 'GET', { query: { measure_type: 3 } }],
			ListOnDemandResourceRatings: [P, 'POST', { body: { project_id: 'a'.repeat(32), inquiry_precision: 1, product_infos: [{ ...product, available_zone: 'eu-west-101a', usage_factor: 'Duration', usage_value: 1, usage_measure_id: 4 }] } }],
			ListRateOnPeriodDetail: [C, 'POST', { body: { project_id: 'a'.repeat(32), product_infos: [{ ...product, period_type: 2, period_num: 1, fee_installment_mode: 'NA' }] } }],
			ListRenewRateOnPeriod: [P, 'POST', { body: { resource_ids: ['2c2f8f3c-6a1d-4f0e-9f6b-0a9d1f3b5e11'], period_type: 3, period_num: 1, include_relative_resources: true } }],
			ListResourceSpecs: [P, 'POST', { body: { cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm', region_code: 'eu-west-101', charge_mode: '3', filters: [{ key: 'RESOURCE_SPEC', value: 's6.large.2.linux' }], limit: 10 } }],
			ListResourceSpecsPrice: [P, 'POST', { body: { region_code: 'eu-west-101', need_attributes: true, need_price: true, filters: [{ key: 'CHARGING_MODE', value: 'ON_DEMAND' }], limit: 10 } }],
			PayOrders: [C, 'POST', { body: { order_id: pending[0], use_coupon: 'NO', use_discount: 'YES', discount_infos: [{ id: discount, type: 3 }] } }, 204],
			CancelCustomerOrder: [C, 'PUT', { body: { order_id: pending[1] } }, 204],
			ListOrderDiscounts: [C, 'GET', { query: { order_id: pending[2] } }],
			RenewalResources: [C, 'POST', { body: { resource_ids: [mains[0].resource_id], period_type: 2, period_num: 1, is_auto_pay: 1 } }],
			AutoRenewalResources: [C, 'POST', { body: { auto_renew_times: 2, period_type: 'MONTH' }, pathId: mains[1].resource_id }, 204],
			CancelAutoRenewalResources: [C, 'DELETE', { pathId: mains[1].resource_id }, 204],
			SetResourcesRenewConfig: [C, 'POST', { body: { config_name: 'DEDUCTION_DATE', config_value: '3' } }, 204],
			UpdatePeriodToOnDemand: [C, 'POST', { body: { operation: 'SET_UP', resource_ids: [mains[2].resource_id] } }],
			CancelResourcesSubscription: [C, 'POST', { body: { resource_ids: [mains[3].resource_id], unsubscribe_type: 1, unsubscribe_reason_type: 5, unsubscribe_reason: 'selfcheck' } }],
			ListCustomerselfResourceRecords: [C, 'GET', { query: { cycle: month, limit: 10, offset: 0, statistic_type: 3, include_zero_record: true }, headers: { 'X-Language': 'en_US' } }],
			ListCustomerselfResourceRecordDetails: [C, 'POST', { body: { cycle: month, statistic_type: 2, query_type: 'DAILY', bill_cycle_begin: `${month}-01`, bill_cycle_end: `${month}-05`, offset: 0, limit: 10 } }],
			ListFreeResourceInfos: [C, 'POST', { body: { status: 1, offset: 0, limit: 10, service_type_code_list: ['hws.service.type.obs'] } }],
			ListFreeResourceUsages: [C, 'POST', { body: { free_resource_ids: ['0123456789abcdef0123456789abcdef'] } }],
			ListFreeResourcesUsageRecords: [C, 'GET', { query: { deduct_time_begin: `${month}-01`, deduct_time_end: `${month}-28`, offset: 0, limit: 10 } }],
			ListCosts: [C, 'POST', { body: { time_condition: { time_measure_id: 2, begin_time: month, end_time: month }, groupby: [{ type: 'dimension', key: 'REGION_CODE' }], cost_type: 'ORIGINAL_COST', amount_type: 'PAYMENT_AMOUNT', filters: [{ operator: 1, filter_factor: { key: 'CHARGING_MODE', value: ['10'] } }] } }],
			ListInvoices: [C, 'GET', { query: { start_time: '2020-01-01T00:00:00Z', end_time: '2099-01-01T00:00:00Z', offset: 0, limit: 10 }, pathId: C.domainId }],
			CreateEnterpriseProjectAuth: [C, 'POST', { body: {} }, 204],
			ListEnterpriseSubCustomers: [C, 'GET', { query: { sub_customer_account_name: 'sub', fuzzy_query: 1, offset: 0, limit: 10 } }],
		};
		assert.equal(APIS.size, Object.keys(calls).length);
		for (const [name, api] of APIS) {
			assert.ok(calls[name], `no sample call for ${name}`);
			const [key, method, o, status = 200] = calls[name];
			assert.equal(method, api.method, name);
			const path = api.path.replace(/\{\w+\}/, o.pathId || '');
			const res = await call(method, path, { ...o, key, ...(o.headers ? { extraSigned: o.headers, headers: undefined } : {}) });
			try {
				expectOk(res, status);
			} catch (error) {
				throw new Error(`${name}: ${error.message}`);
			}
		}
		assert.equal((await client.getToken(K.iamUser)).status, 201);
		expectOk(await call('GET', '/v3/auth/domains', { domainId: null }));
		const log = sandbox.control.getRequests({ provider: 'huawei' });
		assert.ok(log.every((e) => !e.detail), `sandbox bug: ${JSON.stringify(log.find((e) => e.detail))}`);
	});
}

module.exports = { registerHuaweiChecks };
