/**
 * Custom calls: any action or API path, signed by the credential, paced and retried like listed
 * operations, and the one "Custom API Call" entry of every list (n8n adds none of its own).
 */
import type { INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { listedHuaweiApi } from '../../nodes/HuaweiCloudPartner/apiKey';
import { huaweiOperations } from '../../nodes/HuaweiCloudPartner/resources';
import { CUSTOM_API_CALL_NAME, N8N_CUSTOM_API_CALL_KEY } from '../../nodes/shared/customCall';
import { vendorRateLimiter } from '../../nodes/shared/rateLimiter';
import { paceOnManualClock, turnedAway } from '../harness/clock';
import { AKSK, IAM, runHuawei } from '../harness/huawei';
import { nodes, PACKAGE } from '../harness/nodeTypes';
import { TENCENT_KEYS } from '../harness/sandbox';
import { byId, runTencent } from '../harness/tencent';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['tencent', 'huawei'] });
const customer = TENCENT_KEYS.FIRST_CUSTOMER_UIN;


const tencentRequests = (action?: string) => sandbox.control.getRequests({ provider: 'tencent', action });
const huaweiRequests = (action?: string) => sandbox.control.getRequests({ provider: 'huawei', action });
/** What a request carried, without the parts that differ on every call (time, signature). */
const sent = (r: object) => {
	const { at, arrivedMs, requestId, outcome, callerUin, ...rest } = r as Record<string, unknown>;
	void at; void arrivedMs; void requestId; void outcome; void callerUin;
	return rest;
};

const customAction = (actionName: string, jsonBody: string, extra: INodeParameters = {}) => ({
	resource: 'custom',
	operation: 'customAction',
	actionName,
	apiVersion: '2022-09-28',
	jsonBody,
	additionalFields: extra,
});

describe('Tencent Custom API Call (Custom Action)', () => {
	it.each([
		['QueryPartnerCredit', '{}', { resource: 'credit', operation: 'getPartnerCredit' }],
		['QueryCreditByUinList', JSON.stringify({ UinList: [customer] }), { resource: 'credit', operation: 'getByUins', customerUins: [String(customer)] }],
		[
			'ModifyClientRemark',
			JSON.stringify({ ClientUin: String(customer), Remark: 'vip' }),
			{ resource: 'customer', operation: 'updateRemark', customerUin: byId(customer), remark: 'vip' },
		],
	])('%s sends exactly the request the listed operation sends', async (action, body, listed) => {
		const custom = await runTencent(customAction(action, body));
		expect(custom.error).toBeUndefined();
		const viaList = await runTencent(listed);
		expect(viaList.error).toBeUndefined();
		const [first, second] = tencentRequests(action);
		expect(sent(first)).toEqual(sent(second));
		expect(first.outcome).toBe('ok');
	});

	it('returns the answer as one item with its RequestId', async () => {
		const result = await runTencent(customAction('QueryPartnerCredit', '{}'));
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toEqual(expect.objectContaining({ TotalCredit: expect.any(Number), RequestId: expect.any(String) }));
	});

	it('is offered at the end of every operation list and runs from any resource', async () => {
		const result = await runTencent({ ...customAction('QueryPartnerCredit', '{}'), resource: 'bill' });
		expect(result.error).toBeUndefined();
		expect(tencentRequests('QueryPartnerCredit')).toHaveLength(1);
	});

	it('checks the action name and body before sending anything', async () => {
		const badName = await runTencent(customAction('query partner credit', '{}'));
		expect(badName.error?.message).toMatch(/"Action" must be an action name such as QueryCustomersCredit/);
		const badBody = await runTencent(customAction('QueryPartnerCredit', '[1, 2]'));
		expect(badBody.error?.message).toMatch(/"Body \(JSON\)" must be a JSON object/);
		expect(tencentRequests()).toHaveLength(0);
	});

	it("reports Tencent's errors like a listed action, with code, advice and RequestId", async () => {
		const unknown = await runTencent(customAction('QueryEverything', '{}'));
		expect(unknown.error?.message).toContain('Tencent Cloud QueryEverything failed: InvalidAction');
		expect(String(unknown.error?.description)).toContain('RequestId');
		const version = await runTencent({ ...customAction('QueryPartnerCredit', '{}'), apiVersion: '2020-01-01' });
		expect(version.error?.message).toContain('NoSuchVersion');
		expect(tencentRequests('QueryPartnerCredit')[0].version).toBe('2020-01-01');
	});

	it('is treated as a write: never repeated after an unclear outcome', async () => {
		sandbox.control.addFault({ provider: 'tencent', action: 'QueryPartnerCredit', kind: 'http502', count: 1 });
		const result = await runTencent(customAction('QueryPartnerCredit', '{}'));
		expect(result.error?.message).toContain('outcome unknown');
		expect(tencentRequests('QueryPartnerCredit')).toHaveLength(1);
	});

	it.each(['http502', 'internalError', 'drop'])(
		'AllocateCustomerCredit stays a write with Retry as Read on: a %s after the allocation applies it once, not repeated',
		async (kind) => {
			const credit = () => Number((sandbox.control.tencent.getCustomer(customer) as { Credit: number }).Credit);
			const before = credit();
			sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind, count: 1, afterApply: true });
			const body = JSON.stringify({ ClientUin: customer, AddedCredit: 10 });
			const result = await runTencent(customAction('AllocateCustomerCredit', body, { retryAsRead: true }));
			expect(result.error?.message).toMatch(/^Tencent Cloud AllocateCustomerCredit: outcome unknown, it may have been applied; not repeated/);
			expect(String(result.error?.description)).toContain(
				'AllocateCustomerCredit is a write the node lists ("Allocate credit to a customer"), so Retry as Read does not apply to it.',
			);
			expect(String(result.error?.description)).toContain('Check Credit > Get Allocation History');
			expect(tencentRequests('AllocateCustomerCredit')).toHaveLength(1);
			expect(credit()).toBeCloseTo(before + 10, 2);
		},
	);

	it('an unlisted action marked as a read is still retried, and the option says which calls stay writes', async () => {
		sandbox.control.addFault({ provider: 'tencent', action: 'QueryPartnerCredit', kind: 'internalError', count: 1, afterApply: true });
		const result = await runTencent(customAction('QueryPartnerCredit', '{}', { retryAsRead: true }));
		expect(result.error).toBeUndefined();
		expect(tencentRequests('QueryPartnerCredit')).toHaveLength(2);
		const options = nodes[`${PACKAGE}.tencentCloudPartner`].description.properties.find(
			(p) => p.name === 'additionalFields' && JSON.stringify(p.displayOptions).includes('customAction'),
		);
		const retryAsRead = (options?.options as INodeProperties[]).find((o) => o.name === 'retryAsRead');
		expect(retryAsRead?.description).toContain('An action the node lists as a write stays a write whatever this says');
	});

	it('is retried like a read when marked as one', async () => {
		sandbox.control.addFault({ provider: 'tencent', action: 'QueryPartnerCredit', kind: 'http502', count: 2 });
		const result = await runTencent(customAction('QueryPartnerCredit', '{}', { retryAsRead: true }));
		expect(result.error).toBeUndefined();
		expect(tencentRequests('QueryPartnerCredit').map((r) => r.outcome)).toEqual(['http502', 'http502', 'ok']);
	});

	it('a throttled call is retried, read or write, because Tencent did not run it', async () => {
		sandbox.control.addFault({ provider: 'tencent', action: 'QueryPartnerCredit', kind: 'throttle', count: 1 });
		const result = await runTencent(customAction('QueryPartnerCredit', '{}'));
		expect(result.error).toBeUndefined();
		expect(tencentRequests('QueryPartnerCredit').map((r) => r.outcome)).toEqual(['RequestLimitExceeded', 'ok']);
	});

	it('paces calls at the limit the user sets, so a burst over a 5/s action is never throttled', async () => {
		// On a clock the test controls, judged by the sandbox's own window on that clock: load cannot change it.
		const paced = paceOnManualClock(vendorRateLimiter);
		sandbox.control.setRateLimit({ enabled: false });
		try {
			const result = await runTencent(customAction('QueryPartnerCredit', '{}', { rateLimitPerSecond: 5 }), {
				items: Array.from({ length: 12 }, (_, i) => ({ i })),
			});
			expect(result.error).toBeUndefined();
			expect(tencentRequests('QueryPartnerCredit').map((r) => r.outcome)).toEqual(Array.from({ length: 12 }, () => 'ok'));
			expect(paced.starts).toHaveLength(12);
			expect(turnedAway(paced.starts, 5)).toEqual([]);
			// At the user's 5/s, not the 1/s an unknown action gets: 12 calls within about two seconds.
			expect(paced.starts[11].at - paced.starts[0].at).toBeLessThan(3000);
		} finally {
			paced.restore();
		}
	});

	it('keeps the key out of the error and the output', async () => {
		const result = await runTencent(customAction('QueryEverything', '{}'), { continueOnFail: true });
		const text = JSON.stringify(result.json);
		expect(text).toContain('InvalidAction');
		expect(text).not.toContain(TENCENT_KEYS.partnerKey.secretKey);
		expect(text).not.toContain(TENCENT_KEYS.partnerKey.secretId);
	});
});

const customApiCall = (httpMethod: string, path: string, query: object = {}, body: object = {}, extra: INodeParameters = {}) => ({
	resource: 'custom',
	operation: 'customApiCall',
	httpMethod,
	path,
	queryParameters: JSON.stringify(query),
	jsonBody: JSON.stringify(body),
	additionalFields: extra,
});

describe('Huawei Custom API Call', () => {
	it.each([AKSK, IAM])('a GET sends exactly what Order > Get Many sends (%s)', async (credential) => {
		const custom = await runHuawei(customApiCall('GET', '/v2/orders/customer-orders', { limit: 5, offset: 0 }), { credential });
		expect(custom.error).toBeUndefined();
		expect((custom.json[0].order_infos as unknown[]).length).toBe(5);
		const viaList = await runHuawei({ resource: 'order', operation: 'getMany', returnAll: false, limit: 5, additionalFields: {} }, { credential });
		expect(viaList.error).toBeUndefined();
		const [first, second] = huaweiRequests('ListCustomerOrders');
		expect(sent(first)).toEqual(sent(second));
	});

	it('a POST sends exactly what Customer > Get Many sends', async () => {
		const custom = await runHuawei(customApiCall('POST', '/v2/partners/sub-customers/query', {}, { offset: 0, limit: 3 }));
		expect(custom.error).toBeUndefined();
		const viaList = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 3, additionalFields: {} });
		expect(viaList.error).toBeUndefined();
		const [first, second] = huaweiRequests('ListSubCustomers');
		expect(sent(first)).toEqual(sent(second));
	});

	it('stays on the credential site: a host, a query string or .. in the path is refused before sending', async () => {
		for (const path of ['https://example.com/v2/orders', '/v2/orders/customer-orders?limit=1', '/v2/../v3/auth/tokens', 'v2/orders']) {
			const result = await runHuawei(customApiCall('GET', path));
			expect(result.error?.message).toMatch(/"Path" must be/);
		}
		const withBody = await runHuawei(customApiCall('GET', '/v2/orders/customer-orders', {}, { limit: 1 }));
		expect(withBody.error?.message).toMatch(/"Body \(JSON\)" must be empty/);
		const nestedQuery = await runHuawei(customApiCall('GET', '/v2/orders/customer-orders', { filter: { a: 1 } }));
		expect(nestedQuery.error?.message).toMatch(/"Query Parameters \(JSON\)" must be a JSON object of texts/);
		expect(huaweiRequests()).toHaveLength(0);
	});

	it("reports Huawei's errors like a listed API, with code and request ID", async () => {
		const result = await runHuawei(customApiCall('GET', '/v2/orders/customer-orders', { limit: 1000 }));
		expect(result.error?.message).toContain('CBC.0100');
		expect(String(result.error?.description)).toMatch(/Request ID: \S+/);
	});

	it.each(['http504', 'internalError', 'drop'])(
		'the listed Budget > Set path stays a write with Retry as Read on: a %s after it was applied is not repeated',
		async (kind) => {
			const customers = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 1, additionalFields: { associationType: '3' } });
			const customerId = String(customers.json[0].customer_id);
			sandbox.control.addFault({ provider: 'huawei', action: 'UpdateSubCustomerBudget', kind, count: 1, afterApply: true });
			const body = { customer_id: customerId, budget_amount: 321 };
			const result = await runHuawei(customApiCall('POST', '/v2/partners/sub-customers/budget', {}, body, { retryAsRead: true }));
			expect(result.error?.message).toMatch(/outcome unknown, it may have been applied; not repeated/);
			expect(String(result.error?.description)).toContain(
				'POST /v2/partners/sub-customers/budget is a write the node lists ("Set a customer\'s budget"), so Retry as Read does not apply to it.',
			);
			const sent = huaweiRequests('UpdateSubCustomerBudget');
			expect(sent).toHaveLength(1);
			expect(sent[0].body).toEqual(body);
		},
	);

	it('a listed write is recognised by method and path template, whatever the ids, slash or needless escapes', () => {
		const writes = huaweiOperations.filter((spec) => spec.write && !spec.customCall);
		const find = (method: 'GET' | 'POST', path: string) => listedHuaweiApi({ method, path }, writes)?.vendorAction;
		expect(find('POST', '/v2/partners/sub-customers/budget')).toBe('UpdateSubCustomerBudget');
		expect(find('POST', '/v2/partners/sub-customers/budget/')).toBe('UpdateSubCustomerBudget');
		expect(find('POST', '/v2/partners/sub%2Dcustomers/freez%65')).toBe('FreezeSubCustomers');
		expect(find('POST', '/v2/partners/sub-customers')).toBe('CreateSubCustomer');
		expect(find('GET', '/v2/partners/sub-customers/budget')).toBeUndefined();
		expect(find('POST', '/v2/partners/sub-customers/query')).toBeUndefined();
	});

	it('is treated as a write unless marked a read', async () => {
		sandbox.control.addFault({ provider: 'huawei', action: 'ListCustomerOrders', kind: 'http500', count: 1 });
		const asWrite = await runHuawei(customApiCall('GET', '/v2/orders/customer-orders', { limit: 1 }));
		expect(asWrite.error?.message).toContain('outcome unknown');
		expect(huaweiRequests('ListCustomerOrders')).toHaveLength(1);
		sandbox.control.clearRequests();
		sandbox.control.addFault({ provider: 'huawei', action: 'ListCustomerOrders', kind: 'http500', count: 1 });
		const asRead = await runHuawei(customApiCall('GET', '/v2/orders/customer-orders', { limit: 1 }, {}, { retryAsRead: true }));
		expect(asRead.error).toBeUndefined();
		expect(huaweiRequests('ListCustomerOrders')).toHaveLength(2);
	});
});

/** n8n's own injection rule (LoadNodesAndCredentials.injectCustomApiCallOptions), applied to a copy. */
function n8nInjects(properties: INodeProperties[]): string[] {
	return properties
		.filter((p) => ['resource', 'operation'].includes(p.name) && Array.isArray(p.options))
		.filter((p) => (p.options as INodePropertyOptions[]).at(-1)?.name !== CUSTOM_API_CALL_NAME)
		.map((p) => `${p.name} ${JSON.stringify(p.displayOptions ?? {})}`);
}

describe("n8n's own Custom API Call entry", () => {
	it.each(['tencentCloudPartner', 'huaweiCloudPartner', 'dotdigitalReseller'])(
		'%s: every resource and operation list already ends with the signed custom call, so n8n adds nothing',
		(name) => {
			const properties = nodes[`${PACKAGE}.${name}`].description.properties;
			expect(n8nInjects(properties)).toEqual([]);
			const lists = properties.filter((p) => p.name === 'operation');
			const ends = new Set(lists.map((p) => (p.options as INodePropertyOptions[]).at(-1)!.value));
			expect(ends.size).toBe(1);
		},
	);

	it('a workflow that still carries n8n\'s entry gets an error that points to the node\'s own', async () => {
		const result = await runTencent({ resource: 'customer', operation: N8N_CUSTOM_API_CALL_KEY });
		expect(result.error?.message).toContain("n8n's generic Custom API Call cannot sign");
		expect(tencentRequests()).toHaveLength(0);
	});
});
