/**
 * Hostile input through n8n-core: exact decimals, settings from expressions, impossible dates,
 * ids that go into paths or lists, and string lists whose values contain separators. Every bad
 * value stops its item with a message naming the field and the item, and nothing is sent.
 */
import type { IDataObject, INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { dotdigitalOperations } from '../../nodes/DotdigitalReseller/resources';
import { huaweiOperations } from '../../nodes/HuaweiCloudPartner/resources';
import { MAX_CHECKS_SETTING } from '../../nodes/TencentCloudPartner/download';
import { tencentOperations } from '../../nodes/TencentCloudPartner/resources';
import { paramNameOf } from '../../nodes/shared/fields';
import { listSettings, maxConcurrentRequestsSetting } from '../../nodes/shared/properties';
import { decimalPlaces } from '../../nodes/shared/validation';
import { ref, runHuawei } from '../harness/huawei';
import { nodes, PACKAGE } from '../harness/nodeTypes';
import { errorOf, startWorkflow } from '../harness/runWorkflow';
import { byId, CUSTOMER_CREDENTIAL, PARTNER_CREDENTIAL, runTencent } from '../harness/tencent';
import { singleNodeWorkflow } from '../harness/workflows';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['tencent', 'huawei'], credentials: 'eachTest' });
const requests = (provider: string, action?: string) => sandbox.control.getRequests({ provider, action });


async function huaweiCustomer(): Promise<string> {
	const result = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 1, additionalFields: { associationType: '3' } });
	return String(result.json[0].customer_id);
}

describe('decimal amounts are checked exactly', () => {
	it('counts decimals on the number as written, never through binary floating point', () => {
		for (const value of [19.99, 0.29, 1.15, 0.01, 100, 99.99, '19.990', 1e2]) expect(decimalPlaces(value)).toBeLessThanOrEqual(2);
		expect(decimalPlaces(19.999)).toBe(3);
		expect(decimalPlaces(1e-7)).toBe(7);
		// Every amount from 0.01 to 100.00 has at most two decimals.
		for (let cents = 1; cents <= 10000; cents++) expect(decimalPlaces(cents / 100)).toBeLessThanOrEqual(2);
	});

	it('Huawei Budget > Set accepts 19.99, 0.29 and 1.15 and rejects 19.999 before sending', async () => {
		const customer = await huaweiCustomer();
		for (const amount of [19.99, 0.29, 1.15]) {
			const result = await runHuawei({ resource: 'budget', operation: 'set', customerId: ref(customer), budgetAmount: amount });
			expect(result.error).toBeUndefined();
			expect(requests('huawei', 'UpdateSubCustomerBudget').at(-1)!.body.budget_amount).toBe(amount);
		}
		sandbox.control.clearRequests();
		const result = await runHuawei({ resource: 'budget', operation: 'set', customerId: ref(customer), budgetAmount: '={{ 19.999 }}' });
		expect(result.error?.message).toMatch(/Item 1: "Budget Amount" must be a number with at most 2 decimals; got 19\.999/);
		expect(requests('huawei', 'UpdateSubCustomerBudget')).toHaveLength(0);
	});
});

describe('settings from expressions are checked like fields', () => {
	it.each([
		['a negative timeout', { options: { timeout: '={{ -5 }}' } }, /"Timeout \(Seconds\)" must be a number from 1 to 3600; got -5/],
		['a zero timeout', { options: { timeout: '={{ 0 }}' } }, /"Timeout \(Seconds\)" must be .* got 0/],
		['a text timeout', { options: { timeout: '={{ "soon" }}' } }, /"Timeout \(Seconds\)" must be .* got "soon"/],
		['an infinite timeout', { options: { timeout: '={{ Infinity }}' } }, /"Timeout \(Seconds\)" must be .* got Infinity/],
		['a limit of 2.5', { limit: '={{ 2.5 }}' }, /"Limit" must be a whole number of at least 1; got 2\.5/],
		['a limit of 0', { limit: '={{ 0 }}' }, /"Limit" must be a whole number of at least 1; got 0/],
		['a page size of 0', { additionalFields: { pageSize: '={{ 0 }}' } }, /"Page Size" must be a whole number from 1 to 100; got 0/],
		['a page size above the maximum', { additionalFields: { pageSize: '={{ 1000 }}' } }, /"Page Size" must be a whole number from 1 to 100; got 1000/],
		['a start page of 0', { additionalFields: { startAt: '={{ 0 }}' } }, /"Start Page" must be a whole number of at least 1; got 0/],
		['a start page of 1.5', { additionalFields: { startAt: '={{ 1.5 }}' } }, /"Start Page" must be a whole number of at least 1; got 1\.5/],
	])('Tencent: %s stops the item and sends nothing', async (_label, parameters, message) => {
		const result = await runTencent({ resource: 'customer', operation: 'getManyUins', returnAll: false, limit: 5, ...(parameters as IDataObject) });
		expect(result.error?.message).toMatch(/^Item 1: /);
		expect(result.error?.message).toMatch(message);
		expect(requests('tencent')).toHaveLength(0);
	});

	it('Huawei: a negative start offset stops the item; a good one is sent as a whole number', async () => {
		const bad = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 2, additionalFields: { startAt: '={{ -1 }}' } });
		expect(bad.error?.message).toMatch(/Item 1: "Start Offset" must be a whole number of at least 0; got -1/);
		expect(requests('huawei', 'ListSubCustomers')).toHaveLength(0);
		const good = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 2, additionalFields: { startAt: '={{ "1" }}', pageSize: '={{ "2" }}' } });
		expect(good.error).toBeUndefined();
		expect(requests('huawei', 'ListSubCustomers')[0].body).toEqual(expect.objectContaining({ offset: 1, limit: 2 }));
	});

	it('a valid timeout from an expression is used', async () => {
		const result = await runTencent({ resource: 'credit', operation: 'getPartnerCredit', options: { timeout: '={{ "20" }}' } });
		expect(result.error).toBeUndefined();
	});
});

describe('bill file downloads check their settings and stop waiting when the run stops', () => {
	const month = new Date().toISOString().slice(0, 7);
	const commissionFile = { resource: 'bill', operation: 'getRebateDownloadUrl', month, fileType: 'CommissionDetail', waitUntilReady: true };

	it.each([
		['Max Checks of 0', { maxPolls: '={{ 0 }}' }, /"Max Checks" must be a whole number from 1 to 100; got 0/],
		['Max Checks as text', { maxPolls: '={{ "ten" }}' }, /"Max Checks" must be a whole number from 1 to 100; got "ten"/],
		['Max Checks of 2.5', { maxPolls: '={{ 2.5 }}' }, /"Max Checks" must be a whole number from 1 to 100; got 2\.5/],
		['negative Seconds Between Checks', { pollIntervalSeconds: '={{ -1 }}' }, /"Seconds Between Checks" must be a number from 0 to 3600; got -1/],
		['Seconds Between Checks as text', { pollIntervalSeconds: '={{ "soon" }}' }, /"Seconds Between Checks" must be a number from 0 to 3600; got "soon"/],
		['two hours between checks', { pollIntervalSeconds: '={{ 7200 }}' }, /"Seconds Between Checks" must be a number from 0 to 3600; got 7200/],
	])('%s stops the item and sends nothing', async (_label, parameters, message) => {
		const result = await runTencent({ ...commissionFile, maxPolls: 2, pollIntervalSeconds: 0, ...parameters });
		expect(result.error?.message).toMatch(/^Item 1: /);
		expect(result.error?.message).toMatch(message);
		expect(result.json).toEqual([]);
		expect(requests('tencent')).toHaveLength(0);
	});

	it('a valid Max Checks from an expression is used', async () => {
		sandbox.control.tencent.setDownloadReadyAfter({ polls: -1 });
		const result = await runTencent({ ...commissionFile, maxPolls: '={{ "2" }}', pollIntervalSeconds: '={{ 0 }}' });
		expect(result.error?.message).toMatch(/still not ready after 2 checks/);
		expect(requests('tencent', 'DescribeRebateDownloadUrl')).toHaveLength(2);
	});

	it('a run stopped by another item\'s failure ends the wait between checks, instead of holding the report for an hour', async () => {
		sandbox.control.tencent.setDownloadReadyAfter({ polls: -1 });
		const parameters = { ...commissionFile, month: '={{ $json.month }}', maxPolls: 5, pollIntervalSeconds: 3600, options: { maxConcurrentRequests: 2 } };
		const running = startWorkflow(
			singleNodeWorkflow('tencentCloudPartner', parameters, {
				items: [{ month }, { month: '2099-01' }],
				credentials: { tencentCloudPartnerApi: { id: PARTNER_CREDENTIAL, name: PARTNER_CREDENTIAL } },
			}),
		);
		// Item 1 is answered "not ready" and waits; Tencent refuses item 2's future month, which stops
		// the run. The node returns only when item 1 does: a wait that ignored the stop would hold the
		// run, and its error, for an hour.
		const giveUp = new AbortController();
		const ended = await Promise.race([running.done, sleep(20000, giveUp.signal).then(() => undefined, () => undefined)]);
		giveUp.abort();
		expect(ended && errorOf(ended)?.message).toMatch(/DescribeRebateDownloadUrl failed: InvalidParameterValue/);
		expect(requests('tencent', 'DescribeRebateDownloadUrl').map((r) => r.body.Month)).toEqual([month, '2099-01']);
	}, 30000);
});

describe('whole numbers say so to the editor', () => {
	/** Every number property of a node by its path (collection options and fixed collection values too). */
	function numberProperties(properties: INodeProperties[], prefix = ''): Array<[string, INodeProperties]> {
		return properties.flatMap((property): Array<[string, INodeProperties]> => {
			const path = `${prefix}${property.name}`;
			if (property.type === 'number') return [[path, property]];
			if (property.type === 'collection') return numberProperties((property.options ?? []) as INodeProperties[], `${path}.`);
			if (property.type === 'fixedCollection') {
				return ((property.options ?? []) as INodePropertyCollection[]).flatMap((group) => numberProperties(group.values, `${path}.${group.name}.`));
			}
			return [];
		});
	}

	/** Where each field and setting the nodes check as a whole number sits in the editor. */
	function wholeNumberPaths(): Set<string> {
		const specs = [...tencentOperations, ...huaweiOperations, ...dotdigitalOperations];
		const fields = specs.flatMap((spec) => spec.fields.filter((field) => field.kind === 'integer').map((field) => `${field.required ? '' : 'additionalFields.'}${paramNameOf(field)}`));
		const lists = specs.flatMap((spec) => {
			const { limit, pageSize, startAt } = listSettings(spec.paging);
			return [limit.name, ...[pageSize, startAt].filter((setting) => setting !== undefined).map((setting) => `additionalFields.${setting!.name}`)];
		});
		return new Set([...fields, ...lists, `options.${maxConcurrentRequestsSetting.name}`, MAX_CHECKS_SETTING.name]);
	}

	it('every number field of the three nodes and their triggers that is checked as a whole number declares numberPrecision 0', () => {
		const wholeNumbers = wholeNumberPaths();
		const seen = new Set<string>();
		const wrong: string[] = [];
		for (const [type, node] of Object.entries(nodes).filter(([type]) => type.startsWith(`${PACKAGE}.`))) {
			for (const [path, property] of numberProperties(node.description.properties)) {
				if (!wholeNumbers.has(path)) continue;
				seen.add(path);
				if (property.typeOptions?.numberPrecision !== 0) wrong.push(`${type} ${path}`);
			}
		}
		expect(wrong).toEqual([]);
		// Every whole-number check has its editor field: the walk above missed none.
		expect([...wholeNumbers].filter((path) => !seen.has(path))).toEqual([]);
		for (const path of ['limit', 'additionalFields.pageSize', 'additionalFields.startAt', 'options.maxConcurrentRequests', 'maxPolls']) expect(seen.has(path)).toBe(true);
	});

	it('Max Concurrent Requests of 20.5 from an expression stops the item, naming the field', async () => {
		const result = await runTencent({ resource: 'credit', operation: 'getPartnerCredit', options: { maxConcurrentRequests: '={{ 20.5 }}' } });
		expect(result.error?.message).toMatch(/^Item 1: "Max Concurrent Requests" must be a whole number from 0 to 50; got 20\.5/);
		expect(requests('tencent')).toHaveLength(0);
	});
});

describe('impossible dates and times are rejected, not rolled over', () => {
	const range = (startTime: string) => ({ resource: 'ownBill', operation: 'getCostFilters', startTime, endTime: '2025-06-28 00:00:00', periodType: 'day' });

	it.each(['2025-06-01 25:61:61', '2025-06-01 23:60:00', '2025-02-30 00:00:00', '0025-06-01 00:00:00', '2025-06-01T10:00:00+99:99'])(
		'Tencent sends no "%s"',
		async (startTime) => {
			const result = await runTencent(range(startTime), { credential: CUSTOMER_CREDENTIAL });
			expect(result.error?.message).toMatch(/Item 1: "Start" must be a date and time such as/);
			expect(requests('tencent')).toHaveLength(0);
		},
	);

	it.each(['2025-01-31T25:61:00Z', '2025-01-31T10:00:00+99:99', '0025-01-31T10:00:00Z', '2025-13-01T00:00:00Z'])(
		'Huawei sends no "%s"',
		async (begin) => {
			const result = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 1, additionalFields: { associatedOnBegin: begin } });
			expect(result.error?.message).toMatch(/Item 1: "Associated From" must be a date and time such as/);
			expect(requests('huawei')).toHaveLength(0);
		},
	);

	it('a real time with an offset is converted to UTC', async () => {
		const result = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 1, additionalFields: { associatedOnBegin: '2025-01-31T23:30:00-01:00' } });
		expect(result.error).toBeUndefined();
		expect(requests('huawei', 'ListSubCustomers')[0].body.associated_on_begin).toBe('2025-02-01T00:30:00Z');
	});
});

describe('ids that go into paths or lists are checked against the vendor form', () => {
	it.each(['..', '.', 'CS21/../../budget', 'a b', 'x\u0000y'])('Huawei Order > Get refuses the order id %j', async (orderId) => {
		const result = await runHuawei({ resource: 'order', operation: 'get', orderId });
		expect(result.error?.message).toMatch(/^Item 1: "Order ID" must be/);
		expect(requests('huawei')).toHaveLength(0);
	});

	it.each([
		['an object', '={{ [{ "token": 1 }] }}', /an object/],
		['null in a list', '={{ ["abc123", null] }}', /null/],
		['a 100 KB string', '={{ "a".repeat(100000) }}', /entries of at most 1024 characters/],
		['a NUL byte', '={{ "abc\\u0000def" }}', /control characters; got "abc\\u0000def"/],
		['a malformed percent-escape in a link', 'https://intl.cloud.tencent.com/invite?RegisterToken=%E0%A4%A', /RegisterToken; got "https/],
	])('Tencent invitation tokens: %s is refused naming the field and entry', async (_label, token, message) => {
		const result = await runTencent({ resource: 'customer', operation: 'getInvitations', invitationToken: [token] });
		expect(result.error?.message).toMatch(/^Item 1: "Invitation Tokens" must be /);
		expect(result.error?.message).toMatch(message);
		expect(requests('tencent')).toHaveLength(0);
	});

	it('with Continue On Fail the error names the item that was wrong', async () => {
		const result = await runTencent(
			{ resource: 'customer', operation: 'getInvitations', invitationToken: ['={{ $json.token }}'] },
			{ items: [{ token: 'abc123' }, { token: '%%%' }], continueOnFail: true },
		);
		const failed = result.items.filter((item) => item.json.error !== undefined);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 1 });
		expect(String(failed[0].json.error)).toMatch(/^Item 2: "Invitation Tokens" must be/);
		expect(requests('tencent', 'QueryInvitationInfo')).toHaveLength(1);
	});
});

describe('string lists take one value per entry unless the values cannot hold the separator', () => {
	it('a Tencent tag key "cost center" is sent as one key', async () => {
		const month = new Date().toISOString().slice(0, 7);
		await runTencent(
			{ resource: 'ownBill', operation: 'getSummary', month, groupType: 'tag', additionalFields: { tagKey: ['cost center', 'team;a,b'] } },
			{ credential: CUSTOMER_CREDENTIAL },
		);
		expect(requests('tencent', 'DescribeBillSummary')[0].body.TagKey).toEqual(['cost center', 'team;a,b']);
	});

	it('Huawei customer ids (letters, digits, _ and -) still split at commas and spaces', async () => {
		const listed = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 3, additionalFields: { associationType: '3' } });
		const [a, b, c] = listed.json.map((customer) => String(customer.customer_id));
		const result = await runHuawei({ resource: 'budget', operation: 'getMany', customerIds: [`${a}, ${b} ${c},${a}`] });
		expect(result.error).toBeUndefined();
		// Split at commas and spaces; an id named twice is asked for once.
		expect(requests('huawei', 'ListSubCustomerBudget')[0].body.customer_ids).toEqual([a, b, c]);
	});

	it('Tencent UIN lists still split at commas', async () => {
		const result = await runTencent({ resource: 'customer', operation: 'getDetails', customerUins: ['abc, 200000000001'] });
		expect(result.error?.message).toMatch(/"Customer UINs" must be a list of account IDs/);
		void byId;
	});
});
