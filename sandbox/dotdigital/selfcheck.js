'use strict';
/**
 * The dotdigital part of `node sandbox/selfcheck.js`: protocol (401, 404, 405, XML without Accept),
 * the null-request 400, every validation failure the README lists, each method's happy path, the
 * faults (above all: a 504 after AddCredit was applied applies it exactly once), the rename control,
 * the request log, the control routes, seeding 100 000 accounts, and determinism.
 *
 * sandbox/selfcheck.js calls registerDotdigitalChecks(check); every check starts from a freshly
 * reset dotdigital provider and talks to it through client.js.
 */
const assert = require('assert/strict');
const crypto = require('crypto');
const { startSandbox } = require('../server');
const { createDotdigitalClient, basic, SINGULAR_BASE } = require('./client');
const { resellerUser } = require('./keys');
const { METHODS } = require('./methods');

const NULL_MESSAGE = 'Value cannot be null. Parameter name: request';
const LEGACY = /^\/Date\(\d+\+0000\)\/$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DAY = 86400000;

/** Asserts a 200 JSON answer and returns the parsed body. */
function expectOk(res, status = 200) {
	assert.equal(res.status, status, `HTTP ${res.status}: ${res.text.slice(0, 300)}`);
	if (status === 204) {
		assert.equal(res.text, '');
		return null;
	}
	assert.match(String(res.headers['content-type']), /^application\/json; charset=utf-8$/);
	return res.json;
}

/** Asserts a 400 fault of `type` whose message matches `message` (string = exact). */
function expectFault(res, type, message) {
	assert.equal(res.status, 400, `expected 400 ${type}, got HTTP ${res.status}: ${res.text.slice(0, 300)}`);
	assert.ok(res.json && res.json.ErrorDetail, `no fault body: ${res.text.slice(0, 200)}`);
	assert.deepEqual(Object.keys(res.json).sort(), ['ErrorDetail', 'ErrorType']);
	assert.equal(res.json.ErrorType, type, `expected ${type}, got ${res.json.ErrorType}: ${res.json.ErrorDetail.Message}`);
	if (typeof message === 'string') assert.equal(res.json.ErrorDetail.Message, message);
	else assert.match(res.json.ErrorDetail.Message, message);
	return res.json.ErrorDetail.Message;
}

/** JSON over HTTP to the control API. */
async function control(baseUrl, method, path, body) {
	const res = await fetch(new URL(path, baseUrl), { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** A valid AddUserToAccount body (CONFIRMED member names), unique per call. */
let userSerial = 0;
function newUser(overrides = {}) {
	userSerial += 1;
	return {
		AccountId: 10001,
		Username: `check.user${userSerial}@example.org`,
		Password: 'S0me-Complex-Pass!',
		Firstname: 'Jane',
		LastName: 'Doe',
		EmailAddress: 'jane.doe@example.org',
		MobilePhoneNumber: '447700900123',
		LandlinePhoneNumber: '441632960123',
		Notes: 'Created by selfcheck',
		ChangePasswordAtNextLogon: true,
		...overrides,
	};
}

/**
 * @param {(name: string, fn: Function) => void} check the self-check's registration function
 */
function registerDotdigitalChecks(check) {
	/** Registers a check that gets a fresh dotdigital provider and a client. */
	const dd = (name, fn) =>
		check(`dotdigital: ${name}`, async ({ sandbox }) => {
			sandbox.control.dotdigital.reset();
			sandbox.control.clearFaults();
			sandbox.control.setClockOffset({ offsetMs: 0 });
			const client = createDotdigitalClient(sandbox.url);
			try {
				await fn({ sandbox, client, call: client.call, dd: sandbox.control.dotdigital });
			} finally {
				client.close();
				sandbox.control.clearFaults();
				sandbox.control.setClockOffset({ offsetMs: 0 });
			}
		});

	// ------------------------------------------------------------ protocol

	dd('wrong or missing credentials -> 401, empty body, Basic challenge', async ({ call }) => {
		const attempts = [
			{ password: 'wrong-password' },
			{ username: 'someone@example.com' },
			{ authorization: null },
			{ authorization: 'Bearer abc' },
			{ authorization: 'Basic !!!' },
			{ authorization: basic(resellerUser.username, `${resellerUser.password} `) },
		];
		for (const o of attempts) {
			const res = await call('GetRoles', {}, o);
			assert.equal(res.status, 401, JSON.stringify(o));
			assert.equal(res.text, '');
			assert.equal(res.headers['www-authenticate'], 'Basic realm="ResellerServices"');
		}
		// The login name is e-mail-like and compared case-insensitively; the password is exact.
		expectOk(await call('GetRoles', {}, { username: resellerUser.username.toUpperCase() }));
	});

	dd('singular base -> IIS 404 page; unknown method -> empty 404; GET -> 405; names case-insensitive', async ({ call, sandbox }) => {
		for (const o of [{}, { authorization: null }]) {
			const res = await call('AddUserToAccount', null, { base: SINGULAR_BASE, ...o });
			assert.equal(res.status, 404);
			assert.match(String(res.headers['content-type']), /^text\/html/);
			assert.match(res.text, /404 - File or directory not found/);
		}
		const unknown = await call('AddCreditToAccount', {});
		assert.equal(unknown.status, 404);
		assert.equal(unknown.text, '');
		const bare = await fetch(`${sandbox.url}/WebApi/ResellerServices`, { method: 'POST', headers: { Authorization: basic(resellerUser.username, resellerUser.password) } });
		assert.equal(bare.status, 404);
		for (const verb of ['GET', 'PUT', 'DELETE']) {
			const res = await call('GetRoles', null, { httpMethod: verb });
			assert.equal(res.status, 405, verb);
			assert.equal(res.headers.allow, 'POST');
			assert.equal(res.json.Message, `The requested resource does not support http method '${verb}'.`);
		}
		assert.equal((await call('GetRoles', null, { httpMethod: 'GET', authorization: null })).status, 401);
		for (const name of ['getroles', 'GETROLES', 'GetRoles', 'GetRoles/']) assert.equal(expectOk(await call(name, {})).length, 6, name);
	});

	dd('XML unless Accept asks for application/json; faults and dates too', async ({ call }) => {
		for (const accept of [null, '*/*', 'application/xml', 'text/xml', 'application/json;q=0']) {
			const res = await call('GetRoles', {}, { accept });
			assert.equal(res.status, 200, String(accept));
			assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8', String(accept));
			assert.match(res.text, /^<ArrayOfRole xmlns="http:\/\/schemas\.datacontract\.org\/2004\/07\/[^"]+" xmlns:i="http:\/\/www\.w3\.org\/2001\/XMLSchema-instance"><Role><Description>/);
		}
		for (const accept of ['application/json', 'application/json, text/plain, */*', 'text/html;q=0.9, application/json;q=0.8']) {
			assert.equal((await call('GetRoles', {}, { accept })).headers['content-type'], 'application/json; charset=utf-8', accept);
		}
		const fault = await call('GetAccount', { AccountId: 99 }, { accept: null });
		assert.equal(fault.status, 400);
		assert.match(fault.text, /<ErrorDetail><Message>AccountId 99 was not found<\/Message><\/ErrorDetail><ErrorType>ArgumentFaultContract<\/ErrorType>/);
		const even = await call('GetAccount', { AccountId: 10002 }, { accept: null });
		assert.match(even.text, /<CreatedDate>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z<\/CreatedDate>/);
		assert.doesNotMatch(even.text, /Date\(/);
		assert.match(even.text, /<Roles xmlns:d2p1="http:\/\/schemas\.microsoft\.com\/2003\/10\/Serialization\/Arrays">/);
		const nil = await call('GetAccount', { AccountId: 1000 }, { accept: null });
		assert.match(nil.text, /<ParentAccountId i:nil="true"\/>/);
	});

	dd('empty or non-object body -> the null-request 400; non-JSON Content-Type -> 415', async ({ call }) => {
		for (const body of [null, '', '   ', 'null', '[]', '[{"AccountId":1}]', '"text"', '42', 'true', '{"AccountId":', '\uFEFF']) {
			for (const method of ['AddUserToAccount', 'GetRoles', 'AddCredit']) {
				expectFault(await call(method, body), 'ArgumentFaultContract', NULL_MESSAGE);
			}
		}
		// The credential test of the reference (2.1): empty body, no Content-Type.
		expectFault(await call('AddUserToAccount', null, { contentType: null }), 'ArgumentFaultContract', NULL_MESSAGE);
		expectOk(await call('GetRoles', '\uFEFF{}'));
		expectOk(await call('GetRoles', {}, { contentType: 'text/json; charset=utf-8' }));
		for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', null]) {
			const res = await call('GetRoles', {}, { contentType });
			assert.equal(res.status, 415, String(contentType));
			assert.match(res.json.Message, /media type '[^']+' is not supported/);
		}
	});

	// ------------------------------------------------------------ validation

	dd('each validation failure -> 400 ArgumentFaultContract naming the member', async ({ call, dd: ctl }) => {
		ctl.setCreditBalance({ AccountId: 10001, CreditBalance: 10 }); // so that adding 2147483647 overflows
		const cases = [
			['AddUserToAccount', newUser({ Password: 'Sh0rt-1!' }), 'Password must be longer than 8 characters'],
			['AddUserToAccount', newUser({ Password: 'alllowercase1!' }), 'Password must contain an upper-case letter, a lower-case letter, a digit and a symbol'],
			['AddUserToAccount', newUser({ Password: 'NoSymbols123' }), /^Password must contain/],
			['AddUserToAccount', newUser({ AccountId: 99 }), 'AccountId 99 was not found'],
			['AddUserToAccount', newUser({ MobilePhoneNumber: '07700900123' }), 'MobilePhoneNumber must be in E.164 format'],
			['AddUserToAccount', newUser({ MobilePhoneNumber: '+44 7700 900123' }), 'MobilePhoneNumber must be in E.164 format'],
			['AddUserToAccount', newUser({ MobilePhoneNumber: '1234567' }), 'MobilePhoneNumber must be in E.164 format'],
			['AddUserToAccount', newUser({ LandlinePhoneNumber: undefined }), 'LandlinePhoneNumber is required'],
			['AddUserToAccount', newUser({ LandlinePhoneNumber: 'n/a' }), 'LandlinePhoneNumber must be in E.164 format'],
			['AddUserToAccount', { ...newUser({ Firstname: undefined }), FirstName: 'Jane' }, 'Firstname is required'],
			['AddUserToAccount', newUser({ LastName: '' }), 'LastName must be between 1 and 50 characters'],
			['AddUserToAccount', newUser({ EmailAddress: 'not-an-address' }), 'EmailAddress must be a valid e-mail address'],
			['AddUserToAccount', newUser({ AccountId: '10001' }), 'AccountId must be a 32-bit integer'],
			['AddUserToAccount', newUser({ AccountId: 2147483648 }), 'AccountId must be a 32-bit integer'],
			['AddUserToAccount', newUser({ AccountId: null }), 'AccountId is required'],
			['AddUserToAccount', newUser({ ChangePasswordAtNextLogon: 'yes' }), 'ChangePasswordAtNextLogon must be true or false'],
			['AddUserToAccount', newUser({ Username: resellerUser.username }), 'Username already exists'],
			['AddUserToAccount', newUser({ Username: resellerUser.username.toUpperCase() }), 'Username already exists'],
			['AddUserToAccount', newUser({ Username: 'two words' }), 'Username must not contain spaces'],
			['AddUserToAccount', { request: newUser() }, 'AccountId is required'],
			['AddCredit', { AccountId: 10001, Credits: 0 }, 'Credits must be a positive number'],
			['AddCredit', { AccountId: 10001, Credits: -5 }, 'Credits must be a positive number'],
			['AddCredit', { AccountId: 10001, Credits: 1.5 }, 'Credits must be a 32-bit integer'],
			['AddCredit', { AccountId: 10001 }, 'Credits is required'],
			['AddCredit', { Credits: 10 }, 'AccountId is required'],
			['AddCredit', { AccountId: 10001, Credits: 10, ExpiryMonths: 13 }, 'ExpiryMonths must be between 1 and 12'],
			['AddCredit', { AccountId: 10001, Credits: 10, ExpiryMonths: 0 }, 'ExpiryMonths must be between 1 and 12'],
			['AddCredit', { AccountId: 99, Credits: 10 }, 'AccountId 99 was not found'],
			['AddCredit', { AccountId: 10001, Credits: 2147483647 }, /would exceed 2147483647/],
			['CreateAccount', { AccountName: '' }, 'AccountName must be between 1 and 100 characters'],
			['CreateAccount', { AccountName: 'x'.repeat(101) }, 'AccountName must be between 1 and 100 characters'],
			['CreateAccount', {}, 'AccountName is required'],
			['CreateAccount', { AccountName: 'A', CountryIsoCode: 'GB' }, 'CountryIsoCode must be an ISO 3166-1 alpha-3 code, e.g. GBR'],
			['CreateAccount', { AccountName: 'A', ParentAccountId: 99 }, 'ParentAccountId 99 was not found'],
			['GetAccounts', { PageSize: 501 }, 'PageSize must be between 1 and 500'],
			['GetAccounts', { PageSize: 0 }, 'PageSize must be between 1 and 500'],
			['GetAccounts', { PageNumber: 0 }, 'PageNumber must be 1 or more'],
			['GetAccounts', { Status: 'Closed' }, 'Status must be Active or Suspended'],
			['GetAccounts', { ParentAccountId: 99 }, 'ParentAccountId 99 was not found'],
			['UpdateAccount', { AccountId: 10001, AccountName: ' ' }, 'AccountName must be between 1 and 100 characters'],
			['GetChargeableActivity', { StartDate: 'yesterday', EndDate: '2026-01-01' }, 'StartDate must be an ISO-8601 date, e.g. 2024-01-31T00:00:00Z'],
			['GetChargeableActivity', { StartDate: '2026-02-30', EndDate: '2026-03-01' }, /^StartDate must be an ISO-8601 date/],
			['GetChargeableActivity', { StartDate: '/Date(1516703911000+0000)/', EndDate: '2026-03-01' }, /^StartDate must be an ISO-8601 date/],
			['GetChargeableActivity', { StartDate: '2026-01-01' }, 'EndDate is required'],
			['GetChargeableActivity', { StartDate: '2026-02-01', EndDate: '2026-01-01' }, 'EndDate must be after StartDate'],
			['GetChargeableActivity', { StartDate: '2026-01-01', EndDate: '2026-01-01' }, 'EndDate must be after StartDate'],
			['GetChargeableActivity', { StartDate: '2025-01-01', EndDate: '2026-01-02' }, 'The date range must not be longer than 12 months'],
			['GetAvailableInboundNumbers', { NumberType: 'Mobile' }, 'NumberType must be Dedicated, Shortcode or Keyword'],
			['GetAvailableInboundNumbers', { CountryIsoCode: 'XXX' }, /^CountryIsoCode must be/],
			['AllocateInboundNumber', { AccountId: 10001, Number: '447700900000' }, 'Number 447700900000 is not available'],
			['AllocateInboundNumber', { AccountId: 10001, Number: 'abc' }, 'Number must be 3 to 15 digits'],
			['AllocateInboundNumber', { AccountId: 10001, Number: '88440' }, 'Keyword is required for shared shortcode 88440'],
			['ReleaseInboundNumber', { AccountId: 10001, Number: '447700900000' }, 'Number 447700900000 is not allocated to AccountId 10001'],
			['AddRoleToUser', { AccountId: 10001, UserId: 1000000, RoleId: 99 }, 'RoleId 99 was not found'],
			['AddRoleToUser', { AccountId: 10002, UserId: 1000000, RoleId: 2 }, 'UserId 1000000 does not belong to AccountId 10002'],
			['RemoveRoleFromUser', { AccountId: 10001, UserId: 1000000, RoleId: 6 }, 'UserId 1000000 does not have RoleId 6'],
			['UpdateUser', { UserId: 42, Firstname: 'X' }, 'UserId 42 was not found'],
			['SetUserPassword', { UserId: 1000000, Password: 'password' }, 'Password must be longer than 8 characters'],
			['GetUsers', {}, 'AccountId is required'],
		];
		for (const [method, body, message] of cases) {
			try {
				expectFault(await call(method, body), 'ArgumentFaultContract', message);
			} catch (error) {
				throw new Error(`${method} ${JSON.stringify(body).slice(0, 120)}: ${error.message}`);
			}
		}
	});

	dd("another reseller's accounts and users -> 400 SecurityFaultContract", async ({ call }) => {
		const cases = [
			['GetAccount', { AccountId: 501 }],
			['GetAccount', { AccountId: 500 }],
			['AddCredit', { AccountId: 502, Credits: 10 }],
			['AddCredit', { AccountId: 1000, Credits: 10 }],
			['GetUsers', { AccountId: 503 }],
			['AddUserToAccount', newUser({ AccountId: 501 })],
			['UpdateUser', { UserId: 601, Firstname: 'X' }],
			['SetUserPassword', { UserId: 100, Password: 'An0ther-Pass!' }],
			['RemoveUserFromAccount', { AccountId: 1000, UserId: 100 }],
			['CreateAccount', { AccountName: 'Sneaky', ParentAccountId: 500 }],
			['GetAccounts', { ParentAccountId: 500 }],
			['GetChargeableActivity', { StartDate: '2026-01-01', EndDate: '2026-02-01', AccountId: 503 }],
			['AllocateInboundNumber', { AccountId: 502, Number: '447700900000' }],
		];
		for (const [method, body] of cases) {
			try {
				expectFault(await call(method, body), 'SecurityFaultContract', /./);
			} catch (error) {
				throw new Error(`${method}: ${error.message}`);
			}
		}
	});

	// ------------------------------------------------------------ happy paths

	dd('accounts: CreateAccount, GetAccounts, GetAccount, UpdateAccount', async ({ call, dd: ctl }) => {
		const created = expectOk(await call('CreateAccount', { AccountName: 'Selfcheck Widgets Ltd', CountryIsoCode: 'gbr', TimeZone: 'GMT Standard Time', Unknown: 1 }));
		assert.deepEqual(Object.keys(created), ['AccountId']);
		assert.ok(Number.isInteger(created.AccountId) && created.AccountId > 10040);
		const child = expectOk(await call('CreateAccount', { AccountName: 'Selfcheck Child', ParentAccountId: created.AccountId, CompanyName: 'Child Co', Notes: 'n' }));
		const account = expectOk(await call('GetAccount', { AccountId: created.AccountId }));
		assert.equal(account.AccountName, 'Selfcheck Widgets Ltd');
		assert.equal(account.ParentAccountId, 1000);
		assert.equal(account.Status, 'Active');
		assert.equal(account.CountryIsoCode, 'GBR');
		assert.equal(account.CreditBalance, 0);
		assert.deepEqual(account.Roles, []);
		assert.ok(LEGACY.test(account.CreatedDate) || ISO.test(account.CreatedDate));
		const updated = expectOk(await call('UpdateAccount', { AccountId: created.AccountId, AccountName: 'Renamed Widgets', Notes: 'vip' }));
		assert.equal(updated.AccountName, 'Renamed Widgets');
		assert.equal(updated.Notes, 'vip');
		assert.equal(updated.TimeZone, 'GMT Standard Time');
		assert.equal(ctl.getAccount(created.AccountId).AccountName, 'Renamed Widgets');

		const all = expectOk(await call('GetAccounts', {}));
		assert.equal(all.TotalCount, 42);
		assert.equal(all.Accounts.length, 42);
		assert.deepEqual(Object.keys(all.Accounts[0]), ['AccountId', 'AccountName', 'ParentAccountId', 'Status', 'CreatedDate', 'CreditBalance']);
		const ids = all.Accounts.map((a) => a.AccountId);
		assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
		assert.ok(!ids.includes(1000) && !ids.includes(501));
		assert.ok(all.Accounts.some((a) => a.ParentAccountId !== 1000), 'no grandchildren seeded');
		const paged = [];
		for (let page = 1; page <= 5; page++) {
			const r = expectOk(await call('GetAccounts', { PageNumber: page, PageSize: 10 }));
			assert.equal(r.TotalCount, 42);
			paged.push(...r.Accounts.map((a) => a.AccountId));
		}
		assert.deepEqual(paged, ids);
		assert.deepEqual(expectOk(await call('GetAccounts', { PageNumber: 99, PageSize: 10 })).Accounts, []);
		const children = expectOk(await call('GetAccounts', { ParentAccountId: created.AccountId }));
		assert.deepEqual(children.Accounts.map((a) => a.AccountId), [child.AccountId]);
		const byName = expectOk(await call('GetAccounts', { Name: 'renamed WIDG' }));
		assert.deepEqual(byName.Accounts.map((a) => a.AccountId), [created.AccountId]);
		const suspended = expectOk(await call('GetAccounts', { Status: 'suspended' }));
		assert.ok(suspended.TotalCount > 0 && suspended.Accounts.every((a) => a.Status === 'Suspended'));
	});

	dd('users: AddUserToAccount, GetUsers, UpdateUser, SetUserPassword, RemoveUserFromAccount', async ({ call, dd: ctl }) => {
		const body = { ...newUser({ AccountId: 10002 }), FirstName: 'ignored', Extra: { nested: true } };
		const added = expectOk(await call('AddUserToAccount', body));
		assert.deepEqual(Object.keys(added), ['UserId']);
		expectFault(await call('AddUserToAccount', { ...body, Username: body.Username.toUpperCase() }), 'ArgumentFaultContract', 'Username already exists');
		const users = expectOk(await call('GetUsers', { AccountId: 10002 }));
		assert.ok(Array.isArray(users));
		const mine = users.find((u) => u.UserId === added.UserId);
		assert.equal(mine.Username, body.Username);
		assert.equal(mine.Firstname, 'Jane');
		assert.equal(mine.Enabled, true);
		assert.deepEqual(mine.Roles, []);
		for (const key of ['UserId', 'Username', 'Firstname', 'LastName', 'EmailAddress', 'MobilePhoneNumber', 'LandlinePhoneNumber', 'Enabled', 'Roles']) assert.ok(key in mine, key);
		const stored = ctl.getUsers(10002).find((u) => u.UserId === added.UserId);
		assert.equal(stored.passwordSha256, crypto.createHash('sha256').update(body.Password).digest('hex'));
		assert.equal(stored.ChangePasswordAtNextLogon, true);

		const updated = expectOk(await call('UpdateUser', { UserId: added.UserId, LastName: 'Smith', MobilePhoneNumber: '+447700900999' }));
		assert.equal(updated.LastName, 'Smith');
		assert.equal(updated.Firstname, 'Jane');
		assert.equal(updated.MobilePhoneNumber, '+447700900999');
		expectOk(await call('SetUserPassword', { UserId: added.UserId, Password: 'N3w-Password!' }), 204);
		const after = ctl.getUsers(10002).find((u) => u.UserId === added.UserId);
		assert.equal(after.passwordSha256, crypto.createHash('sha256').update('N3w-Password!').digest('hex'));
		assert.equal(after.ChangePasswordAtNextLogon, false);
		expectFault(await call('RemoveUserFromAccount', { AccountId: 10001, UserId: added.UserId }), 'ArgumentFaultContract', `UserId ${added.UserId} does not belong to AccountId 10001`);
		expectOk(await call('RemoveUserFromAccount', { AccountId: 10002, UserId: added.UserId }), 204);
		assert.ok(!expectOk(await call('GetUsers', { AccountId: 10002 })).some((u) => u.UserId === added.UserId));
		// The username is free again once its user is gone.
		expectOk(await call('AddUserToAccount', { ...body, AccountId: 10003 }));
		// Seeded users can be changed and removed as well.
		const seeded = expectOk(await call('GetUsers', { AccountId: 10001 }))[0];
		expectFault(await call('AddUserToAccount', newUser({ Username: seeded.Username })), 'ArgumentFaultContract', 'Username already exists');
		expectOk(await call('RemoveUserFromAccount', { AccountId: 10001, UserId: seeded.UserId }), 204);
		expectFault(await call('UpdateUser', { UserId: seeded.UserId }), 'ArgumentFaultContract', `UserId ${seeded.UserId} was not found`);
	});

	dd('roles: GetRoles, Add/RemoveRoleToUser, Add/RemoveRoleFromAccount, GetUserRoles, GetAccountRoles', async ({ call }) => {
		const roles = expectOk(await call('GetRoles', {}));
		assert.deepEqual(roles.map((r) => r.RoleName), ['Administrator', 'Messaging User', 'Reporting', 'Billing', 'Developer', 'Read Only']);
		assert.deepEqual(Object.keys(roles[0]), ['RoleId', 'RoleName', 'Description']);
		const user = expectOk(await call('GetUsers', { AccountId: 10004 }))[0];
		expectOk(await call('AddRoleToUser', { AccountId: 10004, UserId: user.UserId, RoleId: 4 }), 204);
		expectOk(await call('AddRoleToUser', { AccountId: 10004, UserId: user.UserId, RoleId: 4 }), 204);
		let userRoles = expectOk(await call('GetUserRoles', { AccountId: 10004, UserId: user.UserId }));
		assert.ok(userRoles.some((r) => r.RoleId === 4 && r.RoleName === 'Billing'));
		assert.ok(expectOk(await call('GetUsers', { AccountId: 10004 }))[0].Roles.includes('Billing'));
		expectOk(await call('RemoveRoleFromUser', { AccountId: 10004, UserId: user.UserId, RoleId: 4 }), 204);
		userRoles = expectOk(await call('GetUserRoles', { AccountId: 10004, UserId: user.UserId }));
		assert.ok(!userRoles.some((r) => r.RoleId === 4));
		expectOk(await call('AddRoleToAccount', { AccountId: 10004, RoleId: 5 }), 204);
		assert.ok(expectOk(await call('GetAccountRoles', { AccountId: 10004 })).some((r) => r.RoleName === 'Developer'));
		assert.ok(expectOk(await call('GetAccount', { AccountId: 10004 })).Roles.includes('Developer'));
		expectOk(await call('RemoveRoleFromAccount', { AccountId: 10004, RoleId: 5 }), 204);
		expectFault(await call('RemoveRoleFromAccount', { AccountId: 10004, RoleId: 5 }), 'ArgumentFaultContract', 'AccountId 10004 does not have RoleId 5');
	});

	dd('credit: AddCredit and GetAccountCredit; expiry follows the sandbox clock', async ({ call, sandbox, dd: ctl }) => {
		ctl.setCreditBalance({ AccountId: 10005, CreditBalance: 100 });
		const added = expectOk(await call('AddCredit', { AccountId: 10005, Credits: 50, ExpiryMonths: 1 }));
		assert.deepEqual(Object.keys(added), ['AccountId', 'CreditBalance', 'AllocationId']);
		assert.equal(added.AccountId, 10005);
		assert.equal(added.CreditBalance, 150);
		const defaulted = expectOk(await call('AddCredit', { AccountId: 10005, Credits: 7 }));
		assert.equal(defaulted.CreditBalance, 157);
		assert.notEqual(defaulted.AllocationId, added.AllocationId);
		const credit = expectOk(await call('GetAccountCredit', { AccountId: 10005 }));
		assert.equal(credit.CreditBalance, 157);
		assert.equal(credit.Allocations.length, 3);
		for (const a of credit.Allocations) {
			assert.match(a.AllocatedDate, LEGACY);
			assert.match(a.ExpiryDate, LEGACY);
		}
		const ms = (d) => Number(/\d+/.exec(d)[0]);
		const oneMonth = credit.Allocations.find((a) => a.AllocationId === added.AllocationId);
		const twelve = credit.Allocations.find((a) => a.AllocationId === defaulted.AllocationId);
		assert.ok(ms(oneMonth.ExpiryDate) - ms(oneMonth.AllocatedDate) >= 28 * DAY && ms(oneMonth.ExpiryDate) - ms(oneMonth.AllocatedDate) <= 31 * DAY);
		assert.ok(ms(twelve.ExpiryDate) - ms(twelve.AllocatedDate) >= 365 * DAY);
		assert.equal(expectOk(await call('GetAccount', { AccountId: 10005 })).CreditBalance, 157);
		sandbox.control.setClockOffset({ offsetMs: 40 * DAY });
		const later = expectOk(await call('GetAccountCredit', { AccountId: 10005 }));
		assert.equal(later.CreditBalance, 107);
		assert.equal(later.Allocations.length, 2);
		// Seeded allocations: some accounts have credit that expires within 20 days of the anchor.
		sandbox.control.setClockOffset({ offsetMs: 0 });
		const soon = [];
		for (let id = 10001; id <= 10040; id++) {
			for (const a of expectOk(await call('GetAccountCredit', { AccountId: id })).Allocations) if (ms(a.ExpiryDate) - Date.now() < 21 * DAY) soon.push(id);
		}
		assert.ok(soon.length > 0, 'no seeded allocation expires soon');
	});

	dd('report: GetChargeableActivity rows, range and AccountId filter', async ({ call }) => {
		const end = new Date(Math.floor(Date.now() / DAY) * DAY);
		const start = new Date(end.getTime() - 30 * DAY);
		const rows = expectOk(await call('GetChargeableActivity', { StartDate: start.toISOString(), EndDate: end.toISOString() }));
		assert.ok(rows.length > 100, `only ${rows.length} rows`);
		assert.deepEqual(Object.keys(rows[0]), ['AccountId', 'AccountName', 'Date', 'Channel', 'Description', 'Quantity', 'Credits']);
		for (const r of rows) {
			const t = Date.parse(r.Date);
			assert.ok(t >= start.getTime() && t < end.getTime(), r.Date);
			assert.ok(Number.isInteger(r.Quantity) && r.Quantity > 0 && Number.isInteger(r.Credits));
		}
		assert.ok(new Set(rows.map((r) => r.Channel)).has('SMS'));
		const sorted = [...rows].sort((a, b) => Date.parse(a.Date) - Date.parse(b.Date) || a.AccountId - b.AccountId);
		assert.deepEqual(rows.map((r) => `${r.Date}/${r.AccountId}`), sorted.map((r) => `${r.Date}/${r.AccountId}`));
		const active = rows[0].AccountId;
		const one = expectOk(await call('GetChargeableActivity', { StartDate: start.toISOString().slice(0, 10), EndDate: end.toISOString().slice(0, 10), AccountId: active }));
		assert.deepEqual(one, rows.filter((r) => r.AccountId === active));
		const year = expectOk(await call('GetChargeableActivity', { StartDate: new Date(end.getTime() - 365 * DAY).toISOString(), EndDate: end.toISOString() }));
		assert.ok(year.length > rows.length * 6);
	});

	dd('inbound numbers: available, allocate, list, release', async ({ call }) => {
		const all = expectOk(await call('GetAvailableInboundNumbers', {}));
		assert.deepEqual([...new Set(all.map((n) => n.CountryIsoCode))].sort(), ['DEU', 'GBR', 'USA']);
		assert.deepEqual([...new Set(all.map((n) => n.NumberType))].sort(), ['Dedicated', 'Keyword', 'Shortcode']);
		const gbr = expectOk(await call('GetAvailableInboundNumbers', { CountryIsoCode: 'GBR', NumberType: 'dedicated' }));
		assert.ok(gbr.length > 3 && gbr.every((n) => n.CountryIsoCode === 'GBR' && n.NumberType === 'Dedicated' && n.Keyword === null));
		const number = gbr[0].Number;
		const allocation = expectOk(await call('AllocateInboundNumber', { AccountId: 10006, Number: `+${number}` }));
		assert.equal(allocation.AccountId, 10006);
		assert.equal(allocation.Number, number);
		assert.match(allocation.AllocatedDate, ISO);
		expectFault(await call('AllocateInboundNumber', { AccountId: 10007, Number: number }), 'ArgumentFaultContract', `Number ${number} is not available`);
		expectFault(await call('AllocateInboundNumber', { AccountId: 10006, Number: number }), 'ArgumentFaultContract', `Number ${number} is already allocated to AccountId 10006`);
		assert.ok(!expectOk(await call('GetAvailableInboundNumbers', { CountryIsoCode: 'GBR' })).some((n) => n.Number === number));
		assert.ok(expectOk(await call('GetInboundNumbers', { AccountId: 10006 })).some((n) => n.Number === number));
		const keyword = expectOk(await call('GetAvailableInboundNumbers', { NumberType: 'Keyword', CountryIsoCode: 'USA' }))[0];
		const kw = expectOk(await call('AllocateInboundNumber', { AccountId: 10006, Number: keyword.Number, Keyword: keyword.Keyword.toLowerCase() }));
		assert.equal(kw.Keyword, keyword.Keyword);
		expectOk(await call('ReleaseInboundNumber', { AccountId: 10006, Number: number }), 204);
		expectOk(await call('ReleaseInboundNumber', { AccountId: 10006, Number: keyword.Number, Keyword: keyword.Keyword }), 204);
		expectFault(await call('ReleaseInboundNumber', { AccountId: 10006, Number: number }), 'ArgumentFaultContract', `Number ${number} is not allocated to AccountId 10006`);
		assert.equal(expectOk(await call('GetAvailableInboundNumbers', {})).length, all.length);
		// The first ten seeded accounts start with a number each.
		assert.equal(expectOk(await call('GetInboundNumbers', { AccountId: 10001 })).length, 1);
	});

	dd('every method answers a valid request (a one-call tour)', async ({ call, sandbox }) => {
		const tour = {
			CreateAccount: { AccountName: 'Tour' }, GetAccounts: { PageSize: 1 }, GetAccount: { AccountId: 10001 }, UpdateAccount: { AccountId: 10001, Notes: 'x' },
			AddUserToAccount: newUser(), GetUsers: { AccountId: 10001 }, UpdateUser: { UserId: 1000000, Notes: 'x' }, SetUserPassword: { UserId: 1000000, Password: 'Tour-Pass-123' },
			GetRoles: {}, AddRoleToUser: { AccountId: 10001, UserId: 1000000, RoleId: 6 }, GetUserRoles: { AccountId: 10001, UserId: 1000000 },
			RemoveRoleFromUser: { AccountId: 10001, UserId: 1000000, RoleId: 6 }, AddRoleToAccount: { AccountId: 10001, RoleId: 6 }, GetAccountRoles: { AccountId: 10001 },
			RemoveRoleFromAccount: { AccountId: 10001, RoleId: 6 }, AddCredit: { AccountId: 10001, Credits: 1 }, GetAccountCredit: { AccountId: 10001 },
			GetChargeableActivity: { StartDate: '2026-01-01', EndDate: '2026-01-02' }, GetAvailableInboundNumbers: {}, GetInboundNumbers: { AccountId: 10001 },
		};
		const free = expectOk(await call('GetAvailableInboundNumbers', { NumberType: 'Shortcode' }))[0];
		tour.AllocateInboundNumber = { AccountId: 10001, Number: free.Number };
		tour.ReleaseInboundNumber = { AccountId: 10001, Number: free.Number };
		tour.RemoveUserFromAccount = { AccountId: 10001, UserId: 1000000 };
		assert.deepEqual(Object.keys(tour).sort(), [...METHODS.keys()].sort());
		for (const [method, body] of Object.entries(tour)) {
			const res = await call(method, body);
			assert.ok(res.status === 200 || res.status === 204, `${method}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
		}
		const log = sandbox.control.getRequests({ provider: 'dotdigital' });
		assert.ok(log.every((e) => !e.detail), `sandbox bug: ${JSON.stringify(log.find((e) => e.detail))}`);
	});

	dd('CreatedDate comes both as \\/Date(ms+0000)\\/ and as ISO-8601', async ({ call }) => {
		const res = await call('GetAccounts', {});
		assert.match(res.text, /"CreatedDate":"\\\/Date\(\d+\+0000\)\\\/"/);
		const dates = res.json.Accounts.map((a) => a.CreatedDate);
		assert.ok(dates.some((d) => LEGACY.test(d)) && dates.some((d) => ISO.test(d)));
		assert.ok(dates.every((d) => LEGACY.test(d) || ISO.test(d)));
		for (const a of res.json.Accounts) assert.equal(LEGACY.test(a.CreatedDate), a.AccountId % 2 === 0);
	});

	// ------------------------------------------------------------ faults

	dd('http504 after apply: AddCredit is applied exactly once; a gateway 504 applies nothing', async ({ call, sandbox, dd: ctl }) => {
		const before = ctl.getAccount(10008);
		sandbox.control.addFault({ provider: 'dotdigital', action: 'AddCredit', kind: 'http504', afterApply: true });
		const timedOut = await call('AddCredit', { AccountId: 10008, Credits: 25 });
		assert.equal(timedOut.status, 504);
		assert.deepEqual(timedOut.json, { Message: 'The operation has timed out' });
		const after = ctl.getAccount(10008);
		assert.equal(after.CreditBalance, before.CreditBalance + 25);
		assert.equal(after.Allocations.length, before.Allocations.length + 1);
		const entry = sandbox.control.getRequests({ provider: 'dotdigital', action: 'AddCredit' }).pop();
		assert.equal(entry.outcome, 'http504');
		assert.equal(entry.status, 504);
		assert.equal(entry.appliedBeforeFault, true);
		assert.equal(sandbox.control.listFaults().length, 0);

		sandbox.control.addFault({ provider: 'dotdigital', action: 'AddCredit', kind: 'http504' });
		const gateway = await call('AddCredit', { AccountId: 10008, Credits: 25 });
		assert.equal(gateway.status, 504);
		assert.equal(gateway.text, '');
		assert.equal(ctl.getAccount(10008).CreditBalance, after.CreditBalance);
		// XML callers get the timeout message as XML.
		sandbox.control.addFault({ provider: 'dotdigital', action: 'GetRoles', kind: 'http504', afterApply: true });
		assert.match((await call('GetRoles', {}, { accept: null })).text, /^<Error [^>]*><Message>The operation has timed out<\/Message><\/Error>$/);
	});

	dd('faults: http500, drop, slow, throttle, serviceBusy, internalError, count and action matching', async ({ call, sandbox }) => {
		const add = (spec) => sandbox.control.addFault({ provider: 'dotdigital', ...spec });
		add({ kind: 'http500', action: 'GetRoles' });
		const e500 = await call('GetRoles', {});
		assert.equal(e500.status, 500);
		assert.deepEqual(e500.json, { Message: 'An error has occurred.' });
		expectOk(await call('GetRoles', {}));
		add({ kind: 'http502' });
		const e502 = await call('GetAccounts', {});
		assert.equal(e502.status, 502);
		assert.match(e502.headers['content-type'], /^text\/html/);
		add({ kind: 'drop', action: 'GetAccounts' });
		await assert.rejects(call('GetAccounts', {}), /socket hang up|ECONNRESET/);
		add({ kind: 'slow', delayMs: 300, action: 'GetAccount' });
		const t0 = Date.now();
		expectOk(await call('GetAccount', { AccountId: 10001 }));
		assert.ok(Date.now() - t0 >= 280, `slow answered after ${Date.now() - t0} ms`);
		add({ kind: 'throttle', count: 2 });
		assert.equal((await call('GetRoles', {})).status, 429);
		const second = await call('GetRoles', {});
		assert.equal(second.status, 429);
		assert.equal(second.headers['retry-after'], '1');
		expectOk(await call('GetRoles', {}));
		add({ kind: 'serviceBusy' });
		assert.equal((await call('GetRoles', {})).status, 503);
		add({ kind: 'internalError' });
		const internal = await call('GetRoles', {});
		assert.equal(internal.status, 500);
		assert.equal(internal.json.ErrorType, 'InternalFaultContract');
		// Service faults only count authenticated requests.
		add({ kind: 'internalError' });
		assert.equal((await call('GetRoles', {}, { password: 'x' })).status, 401);
		assert.equal((await call('GetRoles', {})).status, 500);
		// A fault queued for the canonical name also hits the method under an overriding name.
		sandbox.control.dotdigital.renameMethod({ from: 'GetRoles', to: 'ListRoles' });
		add({ kind: 'http500', action: 'GetRoles' });
		assert.equal((await call('ListRoles', {})).status, 500);
		assert.equal(sandbox.control.listFaults().length, 0);
	});

	// ------------------------------------------------------------ control

	dd('renameMethod: the old name answers 404, the new one works, reset restores', async ({ call, sandbox, dd: ctl }) => {
		assert.deepEqual(ctl.renameMethod({ from: 'AddCredit', to: 'AddCreditToAccount' }), { from: 'AddCredit', to: 'AddCreditToAccount', method: 'AddCredit' });
		const old = await call('AddCredit', { AccountId: 10001, Credits: 5 });
		assert.equal(old.status, 404);
		assert.equal(old.text, '');
		const renamed = expectOk(await call('addcredittoaccount', { AccountId: 10001, Credits: 5 }));
		assert.equal(renamed.AccountId, 10001);
		const entry = sandbox.control.getRequests({ provider: 'dotdigital' }).pop();
		assert.equal(entry.action, 'addcredittoaccount');
		assert.equal(entry.outcome, 'ok');
		const viaHttp = await control(sandbox.url, 'POST', '/_control/dotdigital/rename-method', { from: 'GetRoles', to: 'GetAvailableRoles' });
		assert.equal(viaHttp.status, 200);
		expectOk(await call('GetAvailableRoles', {}));
		assert.equal((await call('GetRoles', {})).status, 404);
		assert.equal((await control(sandbox.url, 'POST', '/_control/dotdigital/rename-method', { from: 'GetRoles', to: 'X' })).status, 404);
		assert.equal((await control(sandbox.url, 'POST', '/_control/dotdigital/rename-method', { from: 'GetUsers', to: 'GetAccounts' })).status, 409);
		assert.equal((await control(sandbox.url, 'POST', '/_control/dotdigital/rename-method', { from: 'GetUsers', to: 'bad name' })).status, 400);
		const methods = (await control(sandbox.url, 'GET', '/_control/dotdigital/methods')).json;
		assert.deepEqual(methods.find((m) => m.method === 'AddCredit'), { name: 'AddCreditToAccount', method: 'AddCredit' });
		sandbox.control.reset();
		expectOk(await call('AddCredit', { AccountId: 10001, Credits: 5 }));
		assert.equal((await call('AddCreditToAccount', {})).status, 404);
	});

	dd('request log: method as called, redacted passwords, header names, hasAccept, outcome', async ({ call, sandbox }) => {
		sandbox.control.clearRequests();
		await call('AddUserToAccount', newUser({ Password: 'Sup3r-Secret-Pass!' }));
		await call('getRoles', {}, { accept: null });
		await call('GetRoles', {}, { password: 'nope' });
		await call('GetRoles', {}, { base: SINGULAR_BASE });
		await call('GetAccount', { AccountId: 501 });
		await call('SetUserPassword', { request: { UserId: 1, Password: 'Sup3r-Secret-Pass!' } });
		const log = sandbox.control.getRequests({ provider: 'dotdigital' });
		assert.equal(log.length, 6);
		const [added, xml, unauthorized, singular, security, nested] = log;
		assert.equal(added.action, 'AddUserToAccount');
		assert.equal(added.outcome, 'ok');
		assert.equal(added.status, 200);
		assert.equal(added.body.Password, '[redacted]');
		assert.equal(added.body.Firstname, 'Jane');
		assert.equal(added.hasAccept, true);
		assert.ok(added.headerNames.includes('authorization') && added.headerNames.includes('accept'));
		assert.ok(!JSON.stringify(log).includes('Sup3r-Secret-Pass!'));
		assert.ok(!JSON.stringify(log).includes(basic(resellerUser.username, resellerUser.password).slice(6)));
		assert.equal(typeof added.at, 'number');
		assert.equal(xml.action, 'getRoles');
		assert.equal(xml.hasAccept, false);
		assert.ok(!xml.headerNames.includes('accept'));
		assert.equal(unauthorized.outcome, 401);
		assert.equal(singular.outcome, 404);
		assert.equal(singular.path, '/WebApi/ResellerService/GetRoles');
		assert.equal(singular.action, 'GetRoles');
		assert.equal(security.outcome, 'SecurityFaultContract');
		assert.equal(nested.body.request.Password, '[redacted]');
		assert.equal(nested.outcome, 'ArgumentFaultContract');
	});

	dd('control routes: add/remove account, set credit, state', async ({ call, sandbox }) => {
		const added = await control(sandbox.url, 'POST', '/_control/dotdigital/accounts', { AccountName: 'Control Co', CreditBalance: 250, ParentAccountId: 10001, Status: 'Suspended' });
		assert.equal(added.status, 200);
		const id = added.json.AccountId;
		assert.equal(added.json.CreditBalance, 250);
		const viaApi = expectOk(await call('GetAccount', { AccountId: id }));
		assert.equal(viaApi.CreditBalance, 250);
		assert.equal(viaApi.Status, 'Suspended');
		assert.ok(expectOk(await call('GetAccounts', { ParentAccountId: 10001 })).Accounts.some((a) => a.AccountId === id));
		const set = await control(sandbox.url, 'POST', '/_control/dotdigital/credit', { AccountId: id, CreditBalance: 5 });
		assert.equal(set.json.CreditBalance, 5);
		assert.equal(expectOk(await call('GetAccountCredit', { AccountId: id })).CreditBalance, 5);
		const state = await control(sandbox.url, 'GET', '/_control/state/dotdigital/account?AccountId=10001');
		assert.ok(state.json.Users.length >= 1 && 'passwordSha256' in state.json.Users[0]);
		assert.ok(state.json.ChildAccountIds.includes(id));
		assert.ok(Array.isArray(state.json.Allocations));
		assert.equal((await control(sandbox.url, 'GET', '/_control/state/dotdigital/users?AccountId=10001')).json.length, state.json.Users.length);
		assert.equal((await control(sandbox.url, 'GET', '/_control/state/dotdigital/account?AccountId=99')).status, 404);
		assert.equal((await control(sandbox.url, 'POST', '/_control/dotdigital/accounts', { AccountId: id })).status, 409);
		assert.equal((await control(sandbox.url, 'POST', '/_control/dotdigital/accounts', { Bogus: 1 })).status, 400);
		assert.equal((await control(sandbox.url, 'POST', '/_control/dotdigital/accounts', { ParentAccountId: 99 })).status, 400);
		const removed = await control(sandbox.url, 'POST', '/_control/dotdigital/accounts/remove', { AccountId: 10001 });
		assert.ok(removed.json.removed.includes(10001) && removed.json.removed.includes(id));
		expectFault(await call('GetAccount', { AccountId: id }), 'ArgumentFaultContract', `AccountId ${id} was not found`);
		expectFault(await call('GetUsers', { AccountId: 10001 }), 'ArgumentFaultContract', 'AccountId 10001 was not found');
		assert.equal((await control(sandbox.url, 'POST', '/_control/dotdigital/accounts/remove', { AccountId: 1000 })).status, 400);
		// A foreign account can be added for security tests.
		const foreign = sandbox.control.dotdigital.addAccount({ ParentAccountId: 500, AccountName: 'Elsewhere' });
		assert.equal(foreign.managed, false);
		expectFault(await call('GetAccount', { AccountId: foreign.AccountId }), 'SecurityFaultContract', `AccountId ${foreign.AccountId} is not managed by this reseller`);
		const reset = await control(sandbox.url, 'POST', '/_control/reset', { dotdigital: { accounts: 5 } });
		assert.equal(reset.status, 200);
		assert.equal(expectOk(await call('GetAccounts', {})).TotalCount, 5);
	});

	dd('seeding 100 000 accounts is compact and pages correctly', async ({ call, sandbox }) => {
		const seeded = await control(sandbox.url, 'POST', '/_control/dotdigital/seed', { accounts: 100000 });
		assert.equal(seeded.status, 200);
		assert.equal(seeded.json.ManagedAccounts, 100000);
		const { structure } = sandbox.state.dotdigital.data.accounts;
		assert.ok(structure.parent.byteLength + structure.createdSec.byteLength + structure.suspended.byteLength <= 900000);
		const last = expectOk(await call('GetAccounts', { PageNumber: 200, PageSize: 500 }));
		assert.equal(last.TotalCount, 100000);
		assert.equal(last.Accounts.length, 500);
		assert.equal(last.Accounts[499].AccountId, 110000);
		const named = expectOk(await call('GetAccounts', { Name: 'harbour', PageSize: 5 }));
		assert.ok(named.TotalCount > 100);
		assert.ok(expectOk(await call('GetUsers', { AccountId: 110000 })).length >= 1);
		expectFault(await call('GetChargeableActivity', { StartDate: '2026-01-01', EndDate: '2026-06-01' }), 'ArgumentFaultContract', /too large/);
		assert.ok(expectOk(await call('GetChargeableActivity', { StartDate: '2026-01-01', EndDate: '2026-06-01', AccountId: 60000 })).length >= 0);
		sandbox.control.dotdigital.reset();
	});

	check('dotdigital: same seed and anchor give the same data', async () => {
		const options = { dotdigital: { seed: 7, accounts: 30, anchor: '2026-01-01T00:00:00Z' } };
		const a = await startSandbox(options);
		const b = await startSandbox(options);
		const ca = createDotdigitalClient(a.url);
		const cb = createDotdigitalClient(b.url);
		try {
			for (let id = 10001; id <= 10030; id++) assert.deepEqual(a.control.dotdigital.getAccount(id), b.control.dotdigital.getAccount(id));
			const range = { StartDate: '2025-06-01', EndDate: '2026-01-01' };
			const ra = expectOk(await ca.call('GetChargeableActivity', range));
			assert.ok(ra.length > 0);
			assert.deepEqual(ra, expectOk(await cb.call('GetChargeableActivity', range)));
			assert.deepEqual(expectOk(await ca.call('GetAvailableInboundNumbers', {})), expectOk(await cb.call('GetAvailableInboundNumbers', {})));
			b.control.reset({ dotdigital: { seed: 8, accounts: 30, anchor: '2026-01-01T00:00:00Z' } });
			assert.notDeepEqual(a.control.dotdigital.getAccount(10001), b.control.dotdigital.getAccount(10001));
			// The first accounts of a bigger seed are the same accounts (parents, names, users).
			b.control.reset({ dotdigital: { seed: 7, accounts: 300, anchor: '2026-01-01T00:00:00Z' } });
			for (let id = 10001; id <= 10030; id++) {
				const [x, y] = [a.control.dotdigital.getAccount(id), b.control.dotdigital.getAccount(id)];
				assert.equal(x.AccountName, y.AccountName);
				assert.equal(x.ParentAccountId, y.ParentAccountId);
				assert.deepEqual(x.Users.map((u) => u.Username), y.Users.map((u) => u.Username));
			}
		} finally {
			ca.close();
			cb.close();
			await a.close();
			await b.close();
		}
	});
}

module.exports = { registerDotdigitalChecks };
