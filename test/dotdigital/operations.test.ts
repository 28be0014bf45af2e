/**
 * Every dotdigital CPaaS Reseller operation through n8n-core against the sandbox, plus the
 * method-name override, Custom Method, XML answers, validation and the no-double-write rule.
 */
import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import { DotdigitalReseller } from '../../nodes/DotdigitalReseller/DotdigitalReseller.node';
import { isDateField, isoDate, normaliseDates } from '../../nodes/DotdigitalReseller/dates';
import { testCredential } from '../harness/credentialTester';
import { account, resellerPassword, RESELLER, runDotdigital, SINGULAR_PATH, WRONG_PASSWORD } from '../harness/dotdigital';
import { loadOptionsContext } from '../harness/methods';
import { credentialsHelper } from '../harness/runWorkflow';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['dotdigital'] });
const control = () => sandbox.control.dotdigital as Record<string, (body?: unknown) => IDataObject & IDataObject[]>;
const requests = (action?: string) => sandbox.control.getRequests({ provider: 'dotdigital', action });
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;


async function firstAccountId(): Promise<number> {
	const accounts = await runDotdigital({ resource: 'account', operation: 'getMany', returnAll: false, limit: 1, additionalFields: {} });
	return Number(accounts.json[0].AccountId);
}

describe('Account', () => {
	it('Create, Get Many (paged), Get (dates as ISO) and Update', async () => {
		const created = await runDotdigital({ resource: 'account', operation: 'create', accountName: 'Acme Ltd', additionalFields: { countryIsoCode: 'GBR', notes: 'from n8n' } });
		expect(created.error).toBeUndefined();
		const id = Number(created.json[0].AccountId);
		expect(id).toBeGreaterThan(0);

		const all = await runDotdigital({ resource: 'account', operation: 'getMany', returnAll: true, additionalFields: { pageSize: 10 } });
		expect(all.error).toBeUndefined();
		expect(all.json.map((a) => a.AccountId)).toContain(id);
		expect(requests('GetAccounts').map((r) => r.body.PageNumber)).toEqual(requests('GetAccounts').map((_, i) => i + 1));
		expect(all.json.every((a) => ISO.test(String(a.CreatedDate)))).toBe(true);

		const one = await runDotdigital({ resource: 'account', operation: 'get', accountId: account(id) });
		expect(one.json[0]).toEqual(expect.objectContaining({ AccountId: id, AccountName: 'Acme Ltd', CountryIsoCode: 'GBR' }));

		const updated = await runDotdigital({ resource: 'account', operation: 'update', accountId: account(id), additionalFields: { accountName: 'Acme Group' } });
		expect(updated.json[0].AccountName).toBe('Acme Group');
	});
});

describe('User', () => {
	it('Add to Account sends the published fields exactly (Firstname), then Get Many, Update, Set Password, Remove', async () => {
		const id = await firstAccountId();
		const added = await runDotdigital({
			resource: 'user',
			operation: 'addToAccount',
			accountId: account(id),
			username: 'jane.doe@example.com',
			password: 'S0me-Complex-Pass!',
			firstname: 'Jane',
			lastName: 'Doe',
			emailAddress: 'jane.doe@example.com',
			mobilePhoneNumber: '447700900123',
			landlinePhoneNumber: '441632960123',
			additionalFields: { changePasswordAtNextLogon: true, notes: 'Created by n8n' },
		});
		expect(added.error).toBeUndefined();
		const userId = Number(added.json[0].UserId);
		expect(Object.keys(requests('AddUserToAccount')[0].body).sort()).toEqual(
			['AccountId', 'ChangePasswordAtNextLogon', 'EmailAddress', 'Firstname', 'LandlinePhoneNumber', 'LastName', 'MobilePhoneNumber', 'Notes', 'Password', 'Username'].sort(),
		);

		const users = await runDotdigital({ resource: 'user', operation: 'getMany', accountId: account(id), returnAll: true });
		expect(users.json.find((u) => u.UserId === userId)).toEqual(expect.objectContaining({ Username: 'jane.doe@example.com', Firstname: 'Jane' }));

		const updated = await runDotdigital({ resource: 'user', operation: 'update', userId, additionalFields: { lastName: 'Smith' } });
		expect(updated.json[0].LastName).toBe('Smith');
		const password = await runDotdigital({ resource: 'user', operation: 'setPassword', userId, password: 'An0ther-Complex!', additionalFields: {} });
		expect(password.json[0]).toEqual({ success: true });
		const removed = await runDotdigital({ resource: 'user', operation: 'remove', accountId: account(id), userId });
		expect(removed.error).toBeUndefined();
		expect((control().getUsers(id) as unknown as IDataObject[]).some((u) => u.UserId === userId)).toBe(false);
	});
});

describe('Role', () => {
	it('Get Many, add to and remove from a user and an account, and read them back', async () => {
		const roles = await runDotdigital({ resource: 'role', operation: 'getMany', returnAll: true });
		expect(roles.json.length).toBeGreaterThanOrEqual(6);
		const roleId = Number(roles.json.find((r) => r.RoleName === 'Reporting')?.RoleId);
		const id = await firstAccountId();
		const users = await runDotdigital({ resource: 'user', operation: 'getMany', accountId: account(id), returnAll: true });
		const userId = Number(users.json[0].UserId);

		expect((await runDotdigital({ resource: 'role', operation: 'addToUser', accountId: account(id), userId, roleId })).error).toBeUndefined();
		const userRoles = await runDotdigital({ resource: 'role', operation: 'getForUser', accountId: account(id), userId, returnAll: true });
		expect(userRoles.json.map((r) => r.RoleId)).toContain(roleId);
		expect((await runDotdigital({ resource: 'role', operation: 'removeFromUser', accountId: account(id), userId, roleId })).error).toBeUndefined();

		expect((await runDotdigital({ resource: 'role', operation: 'addToAccount', accountId: account(id), roleId })).error).toBeUndefined();
		const accountRoles = await runDotdigital({ resource: 'role', operation: 'getForAccount', accountId: account(id), returnAll: true });
		expect(accountRoles.json.map((r) => r.RoleId)).toContain(roleId);
		expect((await runDotdigital({ resource: 'role', operation: 'removeFromAccount', accountId: account(id), roleId })).error).toBeUndefined();
	});
});

describe('Credit, report and inbound numbers', () => {
	it('Credit > Add raises the balance; Credit > Get lists allocations with ISO dates', async () => {
		const id = await firstAccountId();
		const before = Number((control().getAccount(id) as IDataObject).CreditBalance);
		const added = await runDotdigital({ resource: 'credit', operation: 'add', accountId: account(id), credits: 250, additionalFields: { expiryMonths: 6 } });
		expect(added.error).toBeUndefined();
		expect(added.json[0].CreditBalance).toBe(before + 250);
		expect(requests('AddCredit')[0].body).toEqual({ AccountId: id, Credits: 250, ExpiryMonths: 6 });
		const credit = await runDotdigital({ resource: 'credit', operation: 'get', accountId: account(id) });
		const allocations = credit.json[0].Allocations as IDataObject[];
		expect(allocations.some((a) => a.Credits === 250)).toBe(true);
		expect(allocations.every((a) => ISO.test(String(a.ExpiryDate)) && ISO.test(String(a.AllocatedDate)))).toBe(true);
	});

	it('Chargeable Activity Report > Get returns rows for a date range', async () => {
		const now = Date.now();
		const result = await runDotdigital({
			resource: 'report',
			operation: 'get',
			startDate: new Date(now - 30 * 86400000).toISOString(),
			endDate: new Date(now).toISOString(),
			returnAll: true,
			additionalFields: {},
		});
		expect(result.error).toBeUndefined();
		expect(result.json.length).toBeGreaterThan(0);
		expect(result.json[0]).toEqual(expect.objectContaining({ AccountId: expect.any(Number), Channel: expect.any(String), Credits: expect.any(Number) }));
	});

	it('Inbound Number: Get Available, Allocate, Get Many, Release', async () => {
		const id = await firstAccountId();
		const available = await runDotdigital({ resource: 'inboundNumber', operation: 'getAvailable', returnAll: true, additionalFields: { countryIsoCode: 'GBR', numberType: 'Dedicated' } });
		expect(available.error).toBeUndefined();
		const number = String(available.json[0].Number);
		const allocated = await runDotdigital({ resource: 'inboundNumber', operation: 'allocate', accountId: account(id), number, additionalFields: {} });
		expect(allocated.json[0]).toEqual(expect.objectContaining({ AccountId: id, Number: number }));
		const mine = await runDotdigital({ resource: 'inboundNumber', operation: 'getMany', accountId: account(id), returnAll: true });
		expect(mine.json.map((n) => String(n.Number))).toContain(number);
		expect((await runDotdigital({ resource: 'inboundNumber', operation: 'release', accountId: account(id), number, additionalFields: {} })).error).toBeUndefined();
	});
});

describe('inferred methods: overrides and Custom Method', () => {
	it('a renamed method fails with a hint to override it, and works with Options > Method Name', async () => {
		const id = await firstAccountId();
		control().renameMethod({ from: 'AddCredit', to: 'AddCreditToAccount' });
		const before = Number((control().getAccount(id) as IDataObject).CreditBalance);
		const missing = await runDotdigital({ resource: 'credit', operation: 'add', accountId: account(id), credits: 10, additionalFields: {} });
		expect(missing.error?.message).toContain('AddCredit failed');
		expect(String(missing.error?.description)).toContain('Options > Method Name');
		const renamed = await runDotdigital({ resource: 'credit', operation: 'add', accountId: account(id), credits: 10, additionalFields: {}, options: { methodName: 'AddCreditToAccount' } });
		expect(renamed.error).toBeUndefined();
		expect(Number((control().getAccount(id) as IDataObject).CreditBalance)).toBe(before + 10);
	});

	it('Rename Fields and Extra Fields change the body that is sent', async () => {
		const id = await firstAccountId();
		await runDotdigital({
			resource: 'account',
			operation: 'update',
			accountId: account(id),
			additionalFields: { notes: 'n' },
			options: { renameFields: '{"Notes": "Comment"}', extraFields: '{"Status": "Active", "Tag": 7}' },
		});
		expect(requests('UpdateAccount')[0].body).toEqual({ AccountId: id, Comment: 'n', Status: 'Active', Tag: 7 });
		const bad = await runDotdigital({ resource: 'account', operation: 'update', accountId: account(id), additionalFields: {}, options: { extraFields: '{nope' } });
		expect(bad.error?.message).toMatch(/"Extra Fields \(JSON\)" is not valid JSON/);
		expect(requests('UpdateAccount')).toHaveLength(1);
	});

	it('Custom Method posts any body to any method', async () => {
		const result = await runDotdigital({ resource: 'custom', operation: 'callMethod', methodName: 'GetRoles', jsonBody: '{}' });
		expect(result.error).toBeUndefined();
		expect(result.json.length).toBeGreaterThanOrEqual(6);
		const accounts = await runDotdigital({ resource: 'custom', operation: 'callMethod', methodName: 'GetAccounts', jsonBody: '{"PageNumber": 1, "PageSize": 2}' });
		expect((accounts.json[0].Accounts as IDataObject[]).length).toBe(2);
		expect(requests('GetAccounts')[0].body).toEqual({ PageNumber: 1, PageSize: 2 });
	});

	it('every inferred operation says so; the published ones do not', () => {
		const operations = new DotdigitalReseller().description.properties.filter((p) => p.name === 'operation').flatMap((p) => p.options ?? []) as unknown as IDataObject[];
		const described = (value: string) => String(operations.find((o) => o.value === value)?.description);
		expect(described('addToAccount')).not.toContain('Inferred');
		expect(described('create')).toContain('Inferred, not published');
		expect(described('add')).toContain('Inferred, not published');
	});
});

describe('protocol, validation and errors', () => {
	it('an XML answer becomes a clear error instead of garbage output', async () => {
		sandbox.control.addFault({ provider: 'dotdigital', action: 'GetRoles', kind: 'stripAccept', count: 5 });
		const result = await runDotdigital({ resource: 'role', operation: 'getMany', returnAll: true });
		expect(result.error?.message).toContain('answered in XML instead of JSON');
		expect(requests('GetRoles')[0].headerNames).toContain('accept');
	});

	it('every call sends Accept and Content-Type JSON', async () => {
		await runDotdigital({ resource: 'role', operation: 'getMany', returnAll: true });
		const [call] = requests('GetRoles');
		expect(call.headerNames).toEqual(expect.arrayContaining(['accept', 'content-type', 'authorization']));
		expect((call as unknown as IDataObject).hasAccept).toBe(true);
	});

	it.each([
		['a short password', { resource: 'user', operation: 'setPassword', userId: 1, password: 'Sh0rt!', additionalFields: {} }, /"Password" must be longer than 8 characters/],
		['a phone number that is not E.164', { resource: 'user', operation: 'update', userId: 1, additionalFields: { mobilePhoneNumber: '07700 900123' } }, /"Mobile Phone Number" must be a phone number in E.164 form/],
		['zero credits', { resource: 'credit', operation: 'add', accountId: account(10001), credits: 0, additionalFields: {} }, /"Credits" must be a whole number from 1 to 2147483647/],
		['fractional credits', { resource: 'credit', operation: 'add', accountId: account(10001), credits: 2.5, additionalFields: {} }, /"Credits" must be a whole number/],
		['13 months', { resource: 'credit', operation: 'add', accountId: account(10001), credits: 5, additionalFields: { expiryMonths: 13 } }, /"Expiry \(Months\)" must be a whole number from 1 to 12/],
		['an account ID that is not a number', { resource: 'account', operation: 'get', accountId: account('={{ "acme" }}') }, /"Account" must be an account ID made of digits/],
		['an account ID over int32', { resource: 'account', operation: 'get', accountId: account('={{ "3000000000" }}') }, /"Account" must be an account ID/],
	])('%s is refused before anything is sent', async (_label, parameters, message) => {
		const result = await runDotdigital(parameters as never);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(requests()).toHaveLength(0);
	});

	it("dotdigital's own validation errors show ErrorType and the message", async () => {
		const result = await runDotdigital({ resource: 'account', operation: 'get', accountId: account(99) });
		expect(result.error?.message).toMatch(/ArgumentFaultContract: AccountId 99 was not found/);
		const foreign = await runDotdigital({ resource: 'account', operation: 'get', accountId: account(500) });
		expect(foreign.error?.message).toContain('SecurityFaultContract');
	});

	it('Add Credit after a 504 sends exactly one request and reports an unknown outcome', async () => {
		const id = await firstAccountId();
		const before = Number((control().getAccount(id) as IDataObject).CreditBalance);
		sandbox.control.addFault({ provider: 'dotdigital', action: 'AddCredit', kind: 'http504', count: 1, afterApply: true });
		const result = await runDotdigital({ resource: 'credit', operation: 'add', accountId: account(id), credits: 40, additionalFields: {} });
		expect(requests('AddCredit')).toHaveLength(1);
		expect(result.error?.message).toContain('outcome unknown');
		expect(String(result.error?.description)).toContain('Credit > Get');
		expect(Number((control().getAccount(id) as IDataObject).CreditBalance)).toBe(before + 40);
	});

	it('a read is retried after a 504 and a 500', async () => {
		sandbox.control.addFault({ provider: 'dotdigital', action: 'GetRoles', kind: 'http504', count: 1 });
		sandbox.control.addFault({ provider: 'dotdigital', action: 'GetRoles', kind: 'http500', count: 1 });
		const result = await runDotdigital({ resource: 'role', operation: 'getMany', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(requests('GetRoles')).toHaveLength(3);
	});

	it('the default timeout is 130 seconds (the service gives up at 125)', () => {
		const options = new DotdigitalReseller().description.properties.filter((p) => p.name === 'options');
		expect(options.length).toBeGreaterThan(20);
		for (const collection of options) {
			expect((collection.options as unknown as IDataObject[]).find((o) => o.name === 'timeout')?.default).toBe(130);
		}
	});

	it('a wrong password and a wrong base path say so', async () => {
		const wrong = await runDotdigital({ resource: 'role', operation: 'getMany', returnAll: true }, { credential: WRONG_PASSWORD });
		expect(String(wrong.error?.description)).toContain('Wrong username or password');
		const singular = await runDotdigital({ resource: 'role', operation: 'getMany', returnAll: true }, { credential: SINGULAR_PATH });
		expect(String(singular.error?.description)).toMatch(/Base URL spelling is wrong|not at this Base URL/);
	});

	it('"Test credential": OK, wrong password (401) and wrong base path (404)', async () => {
		const data = (id: string) => credentialsHelper.store.get(id) ?? {};
		expect((await testCredential('dotdigitalResellerApi', RESELLER, data(RESELLER))).status).toBe('OK');
		expect(await testCredential('dotdigitalResellerApi', WRONG_PASSWORD, data(WRONG_PASSWORD))).toEqual({ status: 'Error', message: expect.stringContaining('Wrong username or password') });
		expect(await testCredential('dotdigitalResellerApi', SINGULAR_PATH, data(SINGULAR_PATH))).toEqual({ status: 'Error', message: expect.stringContaining('Wrong Base URL') });
		// The test posted an empty body, which can create nothing.
		expect(requests('AddUserToAccount').every((r) => r.body === null)).toBe(true);
	});

	it('converts dates only in date fields: text that looks like a WCF date passes through as written', async () => {
		const wcf = '/Date(1516703911000+0000)/';
		const created = await runDotdigital({ resource: 'account', operation: 'create', accountName: wcf, additionalFields: { notes: '\\/Date(0)\\/' } });
		expect(created.error).toBeUndefined();
		const one = await runDotdigital({ resource: 'account', operation: 'get', accountId: account(Number(created.json[0].AccountId)) });
		expect(one.json[0].AccountName).toBe(wcf);
		expect(one.json[0].Notes).toBe('\\/Date(0)\\/');
		expect(String(one.json[0].CreatedDate)).toMatch(ISO);

		expect(normaliseDates({ Name: wcf, ExpiryDate: wcf, Allocations: [{ Remark: wcf, AllocatedDate: wcf }], Date: wcf })).toEqual({
			Name: wcf,
			ExpiryDate: '2018-01-23T10:38:31.000Z',
			Allocations: [{ Remark: wcf, AllocatedDate: '2018-01-23T10:38:31.000Z' }],
			Date: '2018-01-23T10:38:31.000Z',
		});
		for (const field of ['Date', 'Time', 'CreatedDate', 'ExpiryDate', 'StartTime', 'CreatedOn', 'UpdatedAt']) expect(isDateField(field)).toBe(true);
		for (const field of ['AccountName', 'Notes', 'Description', 'Region', 'Format', 'Dates', 'Update', 'Status', '']) expect(isDateField(field)).toBe(false);
	});

	it('parses both date forms', () => {
		expect(isoDate('/Date(1516703911000+0000)/')).toBe('2018-01-23T10:38:31.000Z');
		expect(isoDate('\\/Date(1516703911000)\\/')).toBe('2018-01-23T10:38:31.000Z');
		expect(isoDate('2018-01-23T10:38:31Z')).toBeUndefined();
	});

	it('no password appears in errors or output', async () => {
		const runs = [
			await runDotdigital({ resource: 'role', operation: 'getMany', returnAll: true }, { credential: WRONG_PASSWORD }),
			await runDotdigital({ resource: 'user', operation: 'setPassword', userId: 1, password: 'Sh0rt!', additionalFields: {} }),
			await runDotdigital({ resource: 'account', operation: 'get', accountId: account(99) }, { continueOnFail: true }),
		];
		for (const result of runs) {
			const text = JSON.stringify({ json: result.json, message: result.error?.message, description: result.error?.description });
			for (const secret of [resellerPassword(), 'Sh0rt!', 'Basic ']) expect(text).not.toContain(secret);
		}
	});
});

describe('account picker', () => {
	const searchAccounts = new DotdigitalReseller().methods.listSearch.searchAccounts;
	const search = async (filter?: string, token?: string) => {
		const context = loadOptionsContext('dotdigitalReseller', {}, { dotdigitalResellerApi: { id: RESELLER, name: 'reseller' } });
		return (await searchAccounts.call(context, filter, token)) as INodeListSearchResult;
	};

	it('pages 100 accounts at a time by page number, ends at the total, and searches names', async () => {
		control().seed({ accounts: 250 });
		const first = await search();
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const last = await search(undefined, '3');
		expect(last.results).toHaveLength(50);
		expect(last.paginationToken).toBeUndefined();
		const account = control().addAccount({ AccountName: 'Picker Unique Co' });
		const found = await search('  picker unique ');
		expect(found.results).toEqual([{ name: `Picker Unique Co (${String(account.AccountId)})`, value: String(account.AccountId) }]);
		expect(found.paginationToken).toBeUndefined();
		expect(requests('GetAccounts').map((r) => [r.body.PageNumber, r.body.PageSize, r.body.Name])).toEqual([
			[1, 100, undefined],
			[3, 100, undefined],
			[1, 100, 'picker unique'],
		]);
	});
});
