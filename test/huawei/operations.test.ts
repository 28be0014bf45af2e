/**
 * Every Huawei Cloud Partner operation through n8n-core against the sandbox, with both
 * credentials, plus token renewal, permissions, validation, paging, retries and secrets.
 */
import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import { HuaweiCloudPartner } from '../../nodes/HuaweiCloudPartner/HuaweiCloudPartner.node';
import { testCredential } from '../harness/credentialTester';
import {
	AKSK,
	AKSK_CUSTOMER,
	AKSK_LOOKUP,
	AKSK_TEMP,
	AKSK_WRONG,
	HUAWEI_KEYS,
	IAM,
	IAM_WRONG,
	ref,
	runHuawei,
	storedCredential,
} from '../harness/huawei';
import { loadOptionsContext } from '../harness/methods';
import { credentialsHelper } from '../harness/runWorkflow';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['huawei'], credentials: 'eachTest' });
const control = () => sandbox.control.huawei;
const requests = (action?: string) => sandbox.control.getRequests({ provider: 'huawei', action });


async function someCustomers(count: number, filters: IDataObject = { associationType: '3' }) {
	const result = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: count, additionalFields: { associationType: filters.associationType as string } });
	return result.json.map((c) => String(c.customer_id));
}

describe.each([
	['AK/SK', AKSK],
	['IAM token', IAM],
])('with the %s credential', (_label, credential) => {
	const run = (parameters: IDataObject, options: IDataObject = {}) => runHuawei(parameters as never, { credential, ...options });

	it('Customer > Check Identity, Send Verification Code, Create, then Budget > Set unfreezes it', async () => {
		const email = `new.customer.${credential}@example.com`;
		const check = await run({ resource: 'customer', operation: 'checkIdentity', searchType: 'email', searchValue: email });
		expect(check.error).toBeUndefined();
		expect(check.json[0].check_result).toBe('available');

		const sent = await run({ resource: 'customer', operation: 'sendVerificationCode', email, additionalFields: { lang: 'en-us' } });
		expect(sent.error).toBeUndefined();
		expect(sent.json[0]).toEqual(expect.objectContaining({ success: true, email }));
		expect(requests('SendVerificationMessageCode')[0].body).toEqual({ receiver_type: 2, email, lang: 'en-us' });
		const { code } = control().getVerificationCode(email) as { code: string };

		const created = await run({
			resource: 'customer',
			operation: 'create',
			domainArea: 'DE',
			xaccountId: `crm-${credential}`,
			xaccountType: HUAWEI_KEYS.XACCOUNT_TYPE,
			additionalFields: { email, verificationCode: code, domainName: `acme-${credential.replace(/[^a-z]/g, '')}`, isCloseMarketMs: 'true' },
		});
		expect(created.error).toBeUndefined();
		const customerId = String(created.json[0].domain_id);
		expect(customerId).toMatch(/^[0-9a-f]{32}$/);
		expect((control().getCustomer(customerId) as IDataObject).is_frozen).toBe(1);

		const budget = await run({ resource: 'budget', operation: 'set', customerId: ref(customerId), budgetAmount: 500, additionalFields: { cancelPartnerFrozen: '1', budgetType: 'MONTHLY', frozenOperateType: 1 } });
		expect(budget.error).toBeUndefined();
		expect(budget.json[0]).toEqual(expect.objectContaining({ success: true, customer_id: customerId, budget_amount: 500 }));
		expect((control().getCustomer(customerId) as IDataObject).is_frozen).toBe(0);

		const read = await run({ resource: 'budget', operation: 'get', customerId: ref(customerId), additionalFields: {} });
		expect(read.json[0]).toEqual(expect.objectContaining({ budget_amount: 500, budget_type: 'MONTHLY', remaining_amount: expect.any(Number) }));
		expect(read.json[0].remaining_amount).toBeCloseTo(500 - Number(read.json[0].used_amount), 2);
	});

	it('Customer > Get Many pages with offset/limit to the total, and filters by association time in UTC', async () => {
		const total = (control().getPartner() as { customers: number }).customers;
		const all = await run({ resource: 'customer', operation: 'getMany', returnAll: true, additionalFields: { pageSize: 40 } });
		expect(all.error).toBeUndefined();
		expect(all.json).toHaveLength(total);
		expect(new Set(all.json.map((c) => c.customer_id)).size).toBe(total);
		expect(requests('ListSubCustomers').map((r) => r.body.offset)).toEqual(Array.from({ length: Math.ceil(total / 40) }, (_, i) => i * 40));

		const sorted = all.json.map((c) => String(c.associated_on)).sort();
		const middle = sorted[Math.floor(sorted.length / 2)];
		sandbox.control.clearRequests();
		// The same instant written with a +02:00 offset must reach Huawei as UTC.
		const local = new Date(Date.parse(middle) + 2 * 3600000).toISOString().replace('.000Z', '+02:00');
		const since = await run({ resource: 'customer', operation: 'getMany', returnAll: true, additionalFields: { associatedOnBegin: local } });
		expect(requests('ListSubCustomers')[0].body.associated_on_begin).toBe(middle);
		expect(since.json.length).toBe(sorted.filter((t) => t >= middle).length);
	});

	it('Customer > Freeze and Unfreeze: 12 IDs in calls of 10 and 2, one item per customer, partial failures reported', async () => {
		const ids = await someCustomers(11);
		const unknown = 'ffffffffffffffffffffffffffffffff';
		const frozen = await run({ resource: 'customer', operation: 'freeze', customerIds: [...ids, unknown], reason: 'overdue', additionalFields: { freezeType: 'ACCOUNT' } });
		expect(frozen.error).toBeUndefined();
		expect(requests('FreezeSubCustomers').map((r) => (r.body.customer_ids as string[]).length)).toEqual([10, 2]);
		expect(frozen.json).toHaveLength(12);
		expect(frozen.json.filter((r) => r.success).map((r) => r.customer_id)).toEqual(ids);
		expect(frozen.json.find((r) => r.customer_id === unknown)).toEqual(expect.objectContaining({ success: false, error_code: expect.any(String) }));
		for (const id of ids) expect((control().getCustomer(id) as IDataObject).is_frozen).toBe(1);

		const unfrozen = await run({ resource: 'customer', operation: 'unfreeze', customerIds: ids.slice(0, 2).join(','), reason: 'paid', additionalFields: {} });
		expect(unfrozen.json.map((r) => r.success)).toEqual([true, true]);
		expect((control().getCustomer(ids[0]) as IDataObject).is_frozen).toBe(0);
	});

	it('Reseller > Get Many', async () => {
		const result = await run({ resource: 'reseller', operation: 'getMany', returnAll: true, additionalFields: {} });
		expect(result.error).toBeUndefined();
		expect(result.json.length).toBe(6);
		expect(result.json[0]).toEqual(expect.objectContaining({ indirect_partner_id: expect.any(String), account_name: expect.any(String) }));
	});

	it('Order > Get Many pages through orders; Order > Get returns one with all its line items', async () => {
		const orders = await run({ resource: 'order', operation: 'getMany', returnAll: true, additionalFields: { pageSize: 50 } });
		expect(orders.error).toBeUndefined();
		expect(orders.json.length).toBeGreaterThan(50);
		expect(requests('ListCustomerOrders').every((r) => r.body === null || Object.keys(r.body ?? {}).length === 0)).toBe(true);
		const one = orders.json[0];
		const detail = await run({ resource: 'order', operation: 'get', orderId: one.order_id, additionalFields: {} });
		expect(detail.error).toBeUndefined();
		expect((detail.json[0].order_info as IDataObject).order_id).toBe(one.order_id);
		expect((detail.json[0].order_line_items as IDataObject[]).length).toBe(Number(detail.json[0].total_count));
	});

	it('Budget > Get Many asks 100 IDs at a time; Budget > Get Records lists the settings', async () => {
		const ids = await someCustomers(150);
		const result = await run({ resource: 'budget', operation: 'getMany', customerIds: ids, additionalFields: {} });
		expect(result.error).toBeUndefined();
		expect(requests('ListSubCustomerBudget').map((r) => (r.body.customer_ids as string[]).length)).toEqual([100, ids.length - 100]);
		expect(result.json.length).toBeGreaterThan(0);
		expect(result.json[0]).toEqual(expect.objectContaining({ customer_id: expect.any(String), budget_amount: expect.any(Number) }));

		await run({ resource: 'budget', operation: 'set', customerId: ref(ids[0]), budgetAmount: 123.45, additionalFields: {} });
		const records = await run({ resource: 'budget', operation: 'getRecords', customerId: ref(ids[0]), returnAll: true, additionalFields: {} });
		expect(records.error).toBeUndefined();
		expect(records.json.some((r) => r.budget_amount === 123.45 && r.operation_type === 'SETTING')).toBe(true);
	});

	it('Bill > Get Monthly Summary and the partner extras', async () => {
		const now = new Date();
		const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
		const bill = await run({ resource: 'bill', operation: 'getMonthlySummary', billCycle: `${lastMonth}-20T10:00:00` });
		expect(bill.error).toBeUndefined();
		expect(bill.json[0]).toEqual(expect.objectContaining({ bill_cycle: lastMonth, consume_amount: expect.any(Number) }));

		const quota = await run({ resource: 'partner', operation: 'getConsumptionQuota' });
		expect(typeof quota.json[0].consumption_quota).toBe('string');
		const coupons = await run({ resource: 'partner', operation: 'getCoupons', returnAll: true, additionalFields: {} });
		expect(coupons.error).toBeUndefined();
		const units = await run({ resource: 'partner', operation: 'getMeasureUnits', returnAll: true });
		expect(units.json.find((u) => u.measure_id === 1)).toBeDefined();
		expect(requests('ListMeasureUnits')[0].headerNames).toContain('x-language');
		const [customerId] = await someCustomers(1);
		const resources = await run({ resource: 'partner', operation: 'getCustomerResources', customerId: ref(customerId), returnAll: true, additionalFields: {} });
		expect(resources.error).toBeUndefined();
	});

	it("Yearly/Monthly Resource > Get Many: a customer's resources expiring in a range, Return All through every page or a Limit", async () => {
		const customerId = String(control().addCustomer({}).customer_id);
		const inMonth = (days: number) => new Date(Date.now() + days * 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		control().addSubscriptions({ customer_id: customerId, count: 130, expire_time: inMonth(5), stepSeconds: 3600 });
		control().addSubscriptions({ customer_id: customerId, count: 4, expire_time: inMonth(200) });
		const range = { expireTimeBegin: inMonth(1), expireTimeEnd: inMonth(60), statusList: [2, 4], onlyMainResource: 1 };
		const all = await run({ resource: 'subscription', operation: 'getMany', customerId: ref(customerId), returnAll: true, additionalFields: range });
		expect(all.error).toBeUndefined();
		expect(all.json).toHaveLength(130);
		expect(new Set(all.json.map((r) => r.resource_id)).size).toBe(130);
		expect(all.json[0]).toEqual(expect.objectContaining({ resource_id: expect.any(String), expire_time: expect.stringMatching(/Z$/), status: 2, is_main_resource: 1 }));
		const sent = requests('ListPayPerUseCustomerResources');
		expect(sent.map((r) => [r.method, r.path, r.body.offset, r.body.limit])).toEqual([
			['POST', '/v2/orders/suscriptions/resources/query', 0, 100],
			['POST', '/v2/orders/suscriptions/resources/query', 100, 100],
		]);
		expect(sent[0].body).toEqual(expect.objectContaining({ customer_id: customerId, status_list: [2, 4], only_main_resource: 1, expire_time_begin: range.expireTimeBegin }));

		const few = await run({ resource: 'subscription', operation: 'getMany', customerId: ref(customerId), returnAll: false, limit: 3, additionalFields: {} });
		expect(few.json.map((r) => r.resource_id)).toEqual(all.json.slice(0, 3).map((r) => r.resource_id));

		const unknown = await run({ resource: 'subscription', operation: 'getMany', customerId: ref('ffffffffffffffffffffffffffffffff'), returnAll: true, additionalFields: {} }, { continueOnFail: true });
		expect(String(unknown.json[0].error)).toContain('CBC.5002');
	});
});

describe("customer's own credentials", () => {
	it('Customer Account operations answer with the customer key and name the problem with the partner key', async () => {
		const balances = await runHuawei({ resource: 'customerAccount', operation: 'getBalances' }, { credential: AKSK_CUSTOMER });
		expect(balances.error).toBeUndefined();
		expect(Array.isArray(balances.json[0].account_balances)).toBe(true);
		const now = new Date();
		const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
		const spend = await runHuawei({ resource: 'customerAccount', operation: 'getMonthlySpend', billCycle: month, returnAll: true, additionalFields: {} }, { credential: AKSK_CUSTOMER });
		expect(spend.error).toBeUndefined();
		const quota = await runHuawei({ resource: 'customerAccount', operation: 'getExpenditureQuota' }, { credential: AKSK_CUSTOMER });
		expect(quota.error).toBeUndefined();
		const partner = await runHuawei({ resource: 'customerAccount', operation: 'getBalances' });
		expect(partner.error?.message).toContain('CBC.0151');
	});
});

describe('credentials and tokens', () => {
	it('the AK/SK credential looks the account ID up once when it is not entered', async () => {
		await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: AKSK_LOOKUP });
		await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: AKSK_LOOKUP });
		expect(requests('KeystoneListAuthDomains')).toHaveLength(1);
		expect(storedCredential(AKSK_LOOKUP).resolvedDomainId).toBe(HUAWEI_KEYS.partnerKey.domainId);
	});

	it('temporary AK/SK send X-Security-Token', async () => {
		const result = await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: AKSK_TEMP });
		expect(result.error).toBeUndefined();
		expect(requests('ShowPartnerConsumptionQuota')[0].headerNames).toContain('x-security-token');
	});

	it('an IAM token is fetched once, kept, and renewed after it expires (Huawei answers 401)', async () => {
		const calls = () => credentialsHelper.preAuthenticationCalls;
		const before = calls();
		await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: IAM });
		await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: IAM });
		expect(calls() - before).toBe(1);
		const firstToken = storedCredential(IAM).token;
		expect(firstToken).toEqual(expect.any(String));

		control().revokeTokens();
		const renewed = await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: IAM });
		expect(renewed.error).toBeUndefined();
		expect(calls() - before).toBe(2);
		expect(storedCredential(IAM).token).not.toBe(firstToken);
		expect(requests('ShowPartnerConsumptionQuota').map((r) => r.outcome)).toEqual(['ok', 'ok', 'APIG.0307', 'ok']);
		expect(requests('KeystoneCreateUserTokenByPassword')).toHaveLength(2);
	});

	it('wrong keys and a wrong password fail with a message that says what to check', async () => {
		const wrongKey = await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: AKSK_WRONG });
		expect(wrongKey.error?.message).toContain('APIG.0301');
		expect(String(wrongKey.error?.description)).toContain('Secret Access Key');
		const wrongPassword = await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: IAM_WRONG });
		expect(wrongPassword.error?.message).toMatch(/refused the login \(HTTP 401/);
	});

	it('"Test credential" passes with good credentials and names the codes with bad ones', async () => {
		expect((await testCredential('huaweiCloudPartnerApi', AKSK, storedCredential(AKSK))).status).toBe('OK');
		expect((await testCredential('huaweiCloudPartnerIamApi', IAM, storedCredential(IAM))).status).toBe('OK');
		const wrong = await testCredential('huaweiCloudPartnerApi', AKSK_WRONG, storedCredential(AKSK_WRONG));
		expect(wrong).toEqual({ status: 'Error', message: expect.stringMatching(/^APIG\.0301/) });
	});
});

describe('permissions', () => {
	it('a refusal names the Action codes the operation needs and where to grant them', async () => {
		control().denyActions({ ak: HUAWEI_KEYS.partnerKey.accessKeyId, codes: ['BPC_ITEM_SUBCUSTSERV_010100', 'BPC_ITEM_SUBCUSTSERV_010500'] });
		const refused = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 1, additionalFields: {} });
		expect(refused.error?.message).toContain('CBC.0151');
		expect(String(refused.error?.description)).toContain('BPC_ITEM_SUBCUSTSERV_010100 or BPC_ITEM_SUBCUSTSERV_010500');
		expect(String(refused.error?.description)).toContain('Customer List');
		expect(refused.error?.httpCode).toBe('403');

		control().denyActions({ userName: HUAWEI_KEYS.iamUser.userName, codes: ['BPC_ITEM_SUBCUSTSERV_010118'] });
		const registration = await runHuawei({ resource: 'customer', operation: 'checkIdentity', searchType: 'email', searchValue: 'x@example.com' }, { credential: IAM, continueOnFail: true });
		expect(registration.json[0]).toEqual(expect.objectContaining({ vendorCode: 'CBC.0151', description: expect.stringContaining('Customer Business > Customer Management > Customer List > Register APIs (newly added)') }));
	});

	it('one of the codes is enough', async () => {
		control().denyActions({ ak: HUAWEI_KEYS.partnerKey.accessKeyId, codes: ['BPC_ITEM_SUBCUSTSERV_010100'] });
		const allowed = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 1, additionalFields: {} });
		expect(allowed.error).toBeUndefined();
	});
});

describe('validation, retries and secrets', () => {
	it.each([
		['a mobile number in the wrong form', { resource: 'customer', operation: 'checkIdentity', searchType: 'mobile', searchValue: '+49 151 1234' }, /"Value" must be a mobile number like/],
		['a budget with three decimals', { resource: 'budget', operation: 'set', customerId: ref('0a1b2c3d4e5f60718293a4b5c6d7e8f9'), budgetAmount: 10.555, additionalFields: {} }, /at most 2 decimals/],
		['a zero budget', { resource: 'budget', operation: 'set', customerId: ref('0a1b2c3d4e5f60718293a4b5c6d7e8f9'), budgetAmount: 0, additionalFields: {} }, /"Budget Amount" must be a number from 0.01/],
		['an order range over a year', { resource: 'order', operation: 'getMany', returnAll: true, additionalFields: { createTimeBegin: '2024-01-01', createTimeEnd: '2025-06-01' } }, /at most one year apart/],
		['an e-mail without a code', { resource: 'customer', operation: 'create', domainArea: 'DE', xaccountId: 'x1', xaccountType: 't', additionalFields: { email: 'a@example.com' } }, /"Verification Code" is required/],
		['a lower-case country', { resource: 'customer', operation: 'create', domainArea: 'de', xaccountId: 'x1', xaccountType: 't', additionalFields: {} }, /"Country or Region" must be a two-letter ISO country code/],
		['a time that is not a time', { resource: 'customer', operation: 'getMany', returnAll: true, additionalFields: { associatedOnBegin: 'yesterday' } }, /"Associated From" must be a date and time/],
	])('%s stops the item before anything is sent', async (_label, parameters, message) => {
		const result = await runHuawei(parameters as never);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(requests()).toHaveLength(0);
	});

	it('a throttled read waits for Retry-After and succeeds; a 500 on a read is retried', async () => {
		sandbox.control.addFault({ provider: 'huawei', action: 'ShowPartnerConsumptionQuota', kind: 'throttle', count: 1 });
		sandbox.control.addFault({ provider: 'huawei', action: 'ShowPartnerConsumptionQuota', kind: 'http500', count: 1 });
		const result = await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' });
		expect(result.error).toBeUndefined();
		const calls = requests('ShowPartnerConsumptionQuota');
		expect(calls).toHaveLength(3);
		const throttled = calls.findIndex((c) => c.outcome === 'APIG.0308');
		expect(throttled).toBeGreaterThanOrEqual(0);
		// The sandbox asks for Retry-After: 1; the node waits at least that long.
		expect(calls[throttled + 1].at - calls[throttled].at).toBeGreaterThanOrEqual(950);
	});

	it('a write is not repeated after a 500 that came after it was applied', async () => {
		const [customerId] = await someCustomers(1);
		sandbox.control.addFault({ provider: 'huawei', action: 'UpdateSubCustomerBudget', kind: 'http500', count: 1, afterApply: true });
		const result = await runHuawei({ resource: 'budget', operation: 'set', customerId: ref(customerId), budgetAmount: 77, additionalFields: {} });
		expect(result.error?.message).toContain('outcome unknown');
		expect(requests('UpdateSubCustomerBudget')).toHaveLength(1);
		expect((control().getBudget(customerId) as IDataObject).budget_amount).toBe(77);
	});

	it('no key, password or token appears in errors or output', async () => {
		const runs = [
			await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: AKSK_WRONG }),
			await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: IAM_WRONG }),
			await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: IAM }),
			await runHuawei({ resource: 'customerAccount', operation: 'getBalances' }, { continueOnFail: true }),
		];
		const secrets = [HUAWEI_KEYS.partnerKey.secretAccessKey, 'not-the-right-secret-key', HUAWEI_KEYS.iamUser.password, `${HUAWEI_KEYS.iamUser.password}-but-wrong`, String(storedCredential(IAM).token), 'SDK-HMAC-SHA256 Access'];
		for (const result of runs) {
			const text = JSON.stringify({ json: result.json, message: result.error?.message, description: result.error?.description });
			for (const secret of secrets) expect(text).not.toContain(secret);
		}
	});
});

describe('editor', () => {
	it("every operation's description names the Action codes it needs", async () => {
		const { HuaweiCloudPartner } = await import('../../nodes/HuaweiCloudPartner/HuaweiCloudPartner.node');
		const { huaweiOperations } = await import('../../nodes/HuaweiCloudPartner/resources');
		const options = new HuaweiCloudPartner().description.properties.filter((p) => p.name === 'operation').flatMap((p) => p.options ?? []) as unknown as IDataObject[];
		for (const spec of huaweiOperations.filter((s) => s.access?.permissions?.length)) {
			const option = options.find((o) => o.value === spec.operation && String(o.description).includes(spec.vendorAction));
			for (const code of spec.access!.permissions!) expect(String(option?.description)).toContain(code);
		}
		expect(String(options.find((o) => o.value === 'checkIdentity')?.description)).toContain('BPC_ITEM_SUBCUSTSERV_010118');
	});
});

describe('customer picker', () => {
	const searchCustomers = new HuaweiCloudPartner().methods.listSearch.searchCustomers;
	const search = async (filter?: string, token?: string) => {
		const context = loadOptionsContext('huaweiCloudPartner', { authentication: 'accessKey' }, { huaweiCloudPartnerApi: { id: AKSK, name: 'aksk' } });
		return (await searchCustomers.call(context, filter, token)) as INodeListSearchResult;
	};

	it('pages 50 customers at a time by offset, ends at the total, and looks a 32-character id up as an id', async () => {
		const first = await search();
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('50');
		const second = await search(undefined, first.paginationToken);
		expect(second.results).toHaveLength(50);
		expect(second.results.map((r) => r.value)).not.toContain(first.results[0].value);
		expect(second.paginationToken).toBe('100');
		// The sandbox holds 250 customers: the page at 200 is the last one.
		const last = await search(undefined, '200');
		expect(last.results).toHaveLength(50);
		expect(last.paginationToken).toBeUndefined();
		const id = String(first.results[7].value);
		const byId = await search(id);
		expect(byId.results.map((r) => r.value)).toEqual([id]);
		expect(requests('ListSubCustomers').map((r) => [r.body.offset, r.body.limit, r.body.customer_id])).toEqual([
			[0, 50, undefined],
			[50, 50, undefined],
			[200, 50, undefined],
			[0, 50, id],
		]);
	});
});
