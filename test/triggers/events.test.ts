/**
 * The trigger events beyond New Customer and Low Credit: Tencent's New Customer Application and
 * New Reseller Application, Huawei's New Customer Order. Same guarantees as New Customer: each
 * record once, nothing missed, small state, a failed poll changes nothing.
 */
import type { IDataObject } from 'n8n-workflow';

import { yearRanges } from '../../nodes/HuaweiCloudPartner/orderSource';
import { AKSK, IAM } from '../harness/huawei';
import { PARTNER_CREDENTIAL } from '../harness/tencent';
import { chinaTimeAt, utcAt } from '../harness/clock';
import { pollSequence, pollTrigger } from '../harness/trigger';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['tencent', 'huawei'] });
const control = (provider: string) => (sandbox.control as unknown as Record<string, Record<string, (body?: unknown) => IDataObject>>)[provider];
const tencentCredentials = { tencentCloudPartnerApi: { id: PARTNER_CREDENTIAL, name: 'partner' } };


const sequence = pollSequence;

const chinaTime = chinaTimeAt;
const utc = utcAt;

describe.each([
	['New Customer Application', 'newCustomerApplication', 'client', 'QueryPendingClientsV2', 'customerId'],
	['New Reseller Application', 'newResellerApplication', 'subAgent', 'QueryPendingSubAgentsV2', 'resellerId'],
])('Tencent %s', (_label, event, kind, action, idField) => {
	const apply = (body: IDataObject = {}) => control('tencent').addPendingApplications({ kind, ...body }).added as number[];
	const idsOf = (items: IDataObject[]) => items.map((i) => Number(i[idField]));
	const requests = () => sandbox.control.getRequests({ provider: 'tencent', action });

	it('baseline, then each new application once, including two at the same second and one seen late', async () => {
		const trigger = sequence({ provider: 'tencent', event }, tencentCredentials);
		expect((await trigger.poll()).items).toEqual([]);
		expect((await trigger.poll()).items).toEqual([]);

		const same = chinaTime(-1);
		const pair = apply({ count: 2, ApplyTime: same });
		const first = await trigger.poll();
		expect(idsOf(first.items).sort()).toEqual([...pair].sort());
		expect(first.items[0]).toEqual(expect.objectContaining({ provider: 'tencent', event, appliedAt: expect.stringMatching(/Z$/), raw: expect.any(Object) }));
		expect((await trigger.poll()).items).toEqual([]);

		// Shown only now, stamped a few minutes before the newest one already emitted.
		const late = apply({ ApplyTime: chinaTime(-300) });
		const next = apply({ ApplyTime: chinaTime(0) });
		expect(idsOf((await trigger.poll()).items).sort()).toEqual([...late, ...next].sort());
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('a failed poll changes nothing and the next good poll catches up', async () => {
		const trigger = sequence({ provider: 'tencent', event }, tencentCredentials);
		await trigger.poll();
		const before = JSON.stringify(trigger.persisted);
		const added = apply({ count: 3, ApplyTime: chinaTime(-1) });
		sandbox.control.addFault({ provider: 'tencent', action, kind: 'internalError', count: 10 });
		const failed = await trigger.poll();
		expect(failed.error?.message).toContain('InternalError');
		expect(JSON.stringify(failed.staticData)).toBe(before);
		(sandbox.control as unknown as { clearFaults(): void }).clearFaults();
		expect(idsOf((await trigger.poll()).items).sort()).toEqual([...added].sort());
	});

	it('pages a long pending list and keeps a small state', async () => {
		// Counts pages, not pacing: on a busy machine the sandbox's real-time window may see the two
		// polls' calls bunched and throttle one, which would add a retry to the count.
		sandbox.control.setRateLimit({ enabled: false });
		apply({ count: 450, spreadDays: 30, ApplyTime: chinaTime(-3600) });
		const trigger = sequence({ provider: 'tencent', event }, tencentCredentials);
		await trigger.poll();
		const added = apply({ count: 10, ApplyTime: chinaTime(-1) });
		sandbox.control.clearRequests();
		const poll = await trigger.poll();
		expect(idsOf(poll.items).sort()).toEqual([...added].sort());
		expect(requests()).toHaveLength(5);
		expect(poll.stateBytes).toBeLessThan(4096);
	});

	it('an applicant who applies again later is a new application and fires again', async () => {
		const trigger = sequence({ provider: 'tencent', event }, tencentCredentials);
		await trigger.poll();
		const [uin] = apply({ ApplyTime: chinaTime(-20) });
		expect(idsOf((await trigger.poll()).items)).toEqual([uin]);
		apply({ uin, ApplyTime: chinaTime(-1) });
		expect(idsOf((await trigger.poll()).items)).toEqual([uin]);
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('Emit Existing emits every pending application once; a manual run returns samples and changes nothing', async () => {
		const manual = await pollTrigger({ provider: 'tencent', event } as never, tencentCredentials as never, {}, 'manual');
		expect(manual.items.length).toBeGreaterThan(0);
		expect(manual.items.length).toBeLessThanOrEqual(3);
		expect(manual.items.every((i) => i.sample === true)).toBe(true);
		expect(manual.staticData['node:Trigger']).toBeUndefined();

		const trigger = sequence({ provider: 'tencent', event, options: { emitExisting: true } }, tencentCredentials);
		const all = await trigger.poll();
		expect(all.items.length).toBeGreaterThan(3);
		expect(new Set(idsOf(all.items)).size).toBe(all.items.length);
		expect((await trigger.poll()).items).toEqual([]);
	});
});

it('New Reseller Application says whether the applicant is verified, for automatic approval', async () => {
	const trigger = sequence({ provider: 'tencent', event: 'newResellerApplication' }, tencentCredentials);
	await trigger.poll();
	const [verified] = control('tencent').addPendingApplications({ kind: 'subAgent', AuthState: 3, ApplyTime: chinaTime(-2) }).added as number[];
	const [pending] = control('tencent').addPendingApplications({ kind: 'subAgent', AuthState: 1, ApplyTime: chinaTime(-1) }).added as number[];
	const items = (await trigger.poll()).items;
	expect(items.map((i) => [Number(i.resellerId), i.verified, i.authState])).toEqual([
		[verified, true, 3],
		[pending, false, 1],
	]);
});

describe.each([
	['AK/SK', AKSK, 'accessKey'],
	['IAM token', IAM, 'iamToken'],
])('Huawei New Customer Order (%s)', (_label, credential, authentication) => {
	const credentials = authentication === 'iamToken' ? { huaweiCloudPartnerIamApi: { id: credential, name: 'iam' } } : { huaweiCloudPartnerApi: { id: credential, name: 'aksk' } };
	const base = { provider: 'huawei', authentication, event: 'newCustomerOrder' };
	const order = (body: IDataObject = {}) => control('huawei').addOrders(body).added as string[];
	const requests = () => sandbox.control.getRequests({ provider: 'huawei', action: 'ListCustomerOrders' });

	it('baseline, then each new order once, with orders sharing a second and one shown late', async () => {
		const trigger = sequence(base, credentials);
		expect((await trigger.poll()).items).toEqual([]);
		const same = utc(-1);
		const pair = order({ count: 2, create_time: same });
		const first = await trigger.poll();
		expect(first.items.map((i) => i.orderId).sort()).toEqual([...pair].sort());
		expect(first.items[0]).toEqual(expect.objectContaining({ provider: 'huawei', event: 'newCustomerOrder', createdAt: same, customerId: expect.any(String), amount: expect.any(Number) }));
		expect((await trigger.poll()).items).toEqual([]);
		const late = order({ create_time: utc(-600) });
		expect((await trigger.poll()).items.map((i) => i.orderId)).toEqual(late);

		const before = JSON.stringify(trigger.persisted);
		order({ create_time: utc(-1) });
		sandbox.control.addFault({ provider: 'huawei', action: 'ListCustomerOrders', kind: 'http500', count: 10 });
		const failed = await trigger.poll();
		expect(failed.error).toBeDefined();
		expect(JSON.stringify(trigger.persisted)).toBe(before);
	});

	it('costs one request per poll and a small state, whatever the number of older orders', async () => {
		order({ count: 3000, spreadDays: 300, create_time: utc(-86400) });
		const trigger = sequence(base, credentials);
		await trigger.poll();
		const added = order({ count: 10, create_time: utc(-1) });
		sandbox.control.clearRequests();
		const poll = await trigger.poll();
		expect(poll.items.map((i) => i.orderId).sort()).toEqual([...added].sort());
		expect(requests()).toHaveLength(1);
		expect(requests()[0]).toEqual(expect.objectContaining({ query: expect.objectContaining({ create_time_begin: expect.any(String), order_by: 'createTime' }) }));
		// No end from this machine's clock, which may be behind Huawei's and would hide the newest orders.
		expect(requests()[0].query).not.toHaveProperty('create_time_end');
		expect(poll.stateBytes).toBeLessThan(4096);
	});

	it('limits to chosen order types and statuses: one value is filtered by Huawei, several here', async () => {
		const one = sequence({ ...base, orderTypes: ['2'] }, credentials);
		const several = sequence({ ...base, orderTypes: ['1', '2'], orderStatuses: [5, 6] }, credentials);
		await one.poll();
		await several.poll();
		const renewal = order({ order_type: 2, status: 5, create_time: utc(-3) });
		const newPaid = order({ order_type: 1, status: 6, create_time: utc(-2) });
		order({ order_type: 4, status: 5, create_time: utc(-2) });
		order({ order_type: 1, status: 4, create_time: utc(-1) });
		sandbox.control.clearRequests();
		expect((await one.poll()).items.map((i) => i.orderId)).toEqual(renewal);
		expect(requests()[0]).toEqual(expect.objectContaining({ query: expect.objectContaining({ order_type: '2' }) }));
		expect((await several.poll()).items.map((i) => i.orderId)).toEqual([...renewal, ...newPaid]);
	});
});

it('a long pause is read in ranges of at most a year, as ListCustomerOrders requires', () => {
	const ranges = yearRanges('2024-01-01T00:00:00Z', '2026-03-01T00:00:00Z');
	expect(ranges).toHaveLength(3);
	expect(ranges[0]).toEqual(['2024-01-01T00:00:00Z', '2024-12-31T00:00:00Z']);
	expect(ranges[1][0]).toBe('2024-12-31T00:00:01Z');
	expect(ranges.at(-1)![1]).toBe('2026-03-01T00:00:00Z');
	expect(yearRanges('', '2026-03-01T00:00:00Z')).toEqual([['2025-03-01T00:00:00Z', '2026-03-01T00:00:00Z']]);
});

/** Each event as the checks below drive it: how to add a record and how its items name it. */
interface EventCase {
	label: string;
	provider: 'tencent' | 'huawei';
	event: string;
	credentials: IDataObject;
	/** Adds a record `offsetSeconds` from now and returns its id as the items name it. */
	add(offsetSeconds: number): string;
	idOf(item: IDataObject): string;
	typos: Array<[string, string]>;
}

const TENCENT_TYPOS: Array<[string, string]> = [
	['200000000001, 20000000000l', '20000000000l'],
	['200000000001;-5', '-5'],
];

const EVENTS: EventCase[] = [
	{
		label: 'New Customer Application',
		provider: 'tencent',
		event: 'newCustomerApplication',
		credentials: tencentCredentials,
		add: (s) => String((control('tencent').addPendingApplications({ kind: 'client', ApplyTime: chinaTime(s) }).added as number[])[0]),
		idOf: (i) => String(i.customerId),
		typos: TENCENT_TYPOS,
	},
	{
		label: 'New Reseller Application',
		provider: 'tencent',
		event: 'newResellerApplication',
		credentials: tencentCredentials,
		add: (s) => String((control('tencent').addPendingApplications({ kind: 'subAgent', ApplyTime: chinaTime(s) }).added as number[])[0]),
		idOf: (i) => String(i.resellerId),
		typos: TENCENT_TYPOS,
	},
	{
		label: 'New Customer Order',
		provider: 'huawei',
		event: 'newCustomerOrder',
		credentials: { huaweiCloudPartnerApi: { id: AKSK, name: 'aksk' } },
		add: (s) => (control('huawei').addOrders({ create_time: utc(s) }).added as string[])[0],
		idOf: (i) => String(i.orderId),
		typos: [
			['06ffbcd46880d3f30f62c001a49be460, 06ffbcd46880d3f30f62c001a49be46', '06ffbcd46880d3f30f62c001a49be46'],
			['customer-one', 'customer-one'],
		],
	},
];

describe.each(EVENTS.map((e) => [e.label, e] as const))('%s: the same checks as New Customer', (label, e) => {
	const trigger = (options: IDataObject = {}, persisted: IDataObject = {}) =>
		sequence({ provider: e.provider, event: e.event, options }, e.credentials, persisted);
	const idsOf = (items: IDataObject[]) => items.map(e.idOf);
	const watermark = (state: IDataObject) => ((state['node:Trigger'] as IDataObject)[e.event] as IDataObject).at as string;

	it.each([
		['a number', 1767225600],
		['"garbage"', 'garbage'],
		['an empty object', {}],
		['a watermark a day in the future', 'future'],
	])('stored state that is %s: logged once, a fresh baseline without a flood, then each new record once', async (_what, damaged) => {
		const state = damaged === 'future' ? { at: utc(86400), recent: [] } : damaged;
		const polls = trigger({}, { 'node:Trigger': { [e.event]: state } });
		const first = await polls.poll();
		expect(first.error).toBeUndefined();
		expect(first.items).toEqual([]);
		expect(first.warnings).toEqual([expect.stringContaining(`stored ${label} state cannot be read`)]);
		expect(watermark(first.staticData) <= utc(15 * 60)).toBe(true);

		const fresh = e.add(-1);
		const second = await polls.poll();
		expect(second.error).toBeUndefined();
		expect(idsOf(second.items)).toEqual([fresh]);
		expect(second.warnings).toEqual([]);
		expect((await polls.poll()).items).toEqual([]);
	});

	it('a record dated a day in the future does not carry the watermark past shortly after now, nor silence the event', async () => {
		const polls = trigger();
		await polls.poll();
		const ahead = e.add(86400);
		const first = await polls.poll();
		// Every vendor lists it now (no end of the range comes from this machine's clock): emitted once.
		expect(idsOf(first.items)).toEqual([ahead]);
		expect(watermark(first.staticData) <= utc(15 * 60)).toBe(true);

		const next = e.add(-1);
		const second = await polls.poll();
		expect(idsOf(second.items)).toEqual([next]);
		expect(second.warnings).toEqual([]);
		expect((await polls.poll()).items).toEqual([]);
	});

	it.each(e.typos)('Only These Customers "%s" fails naming the option and the entry, before any request', async (list, bad) => {
		for (const mode of ['trigger', 'manual'] as const) {
			sandbox.control.clearRequests();
			const result = await pollTrigger({ provider: e.provider, event: e.event, options: { customerIds: list } } as never, e.credentials as never, {}, mode);
			expect(result.error?.message).toContain('"Only These Customers"');
			expect(result.error?.message).toContain(`"${bad}"`);
			expect(sandbox.control.getRequests({ provider: e.provider })).toEqual([]);
			expect(result.staticData).toEqual({});
		}
	});
});

it('Only These Customers in the vendor\'s form still filters the events: a Tencent UIN, a Huawei id in any case', async () => {
	const applications = sequence({ provider: 'tencent', event: 'newCustomerApplication', options: { customerIds: ' 1; ' } }, tencentCredentials);
	const [uin, other] = control('tencent').addPendingApplications({ kind: 'client', count: 2, ApplyTime: chinaTime(-600) }).added as number[];
	const watched = sequence({ provider: 'tencent', event: 'newCustomerApplication', options: { customerIds: `${uin} ,` } }, tencentCredentials);
	await applications.poll();
	await watched.poll();
	control('tencent').addPendingApplications({ kind: 'client', uin, ApplyTime: chinaTime(-1) });
	control('tencent').addPendingApplications({ kind: 'client', uin: other, ApplyTime: chinaTime(-1) });
	expect((await watched.poll()).items.map((i) => Number(i.customerId))).toEqual([uin]);
	expect((await applications.poll()).items).toEqual([]);

	const id = String(control('huawei').addCustomer({ associated_on: utc(-3600) }).customer_id);
	const orders = sequence({ provider: 'huawei', event: 'newCustomerOrder', options: { customerIds: id.toUpperCase() } }, { huaweiCloudPartnerApi: { id: AKSK, name: 'aksk' } });
	await orders.poll();
	const [mine] = control('huawei').addOrders({ customer_id: id, create_time: utc(-2) }).added as string[];
	control('huawei').addOrders({ create_time: utc(-1) });
	const result = await orders.poll();
	expect(result.error).toBeUndefined();
	expect(result.items.map((i) => [i.orderId, i.customerId])).toEqual([[mine, id]]);
});

it('Only These Customers watches the applicant for reseller applications too', async () => {
	const [uin, other] = control('tencent').addPendingApplications({ kind: 'subAgent', count: 2, ApplyTime: chinaTime(-600) }).added as number[];
	const watched = sequence({ provider: 'tencent', event: 'newResellerApplication', options: { customerIds: String(uin) } }, tencentCredentials);
	await watched.poll();
	control('tencent').addPendingApplications({ kind: 'subAgent', uin, ApplyTime: chinaTime(-1) });
	control('tencent').addPendingApplications({ kind: 'subAgent', uin: other, ApplyTime: chinaTime(-1) });
	const result = await watched.poll();
	expect(result.error).toBeUndefined();
	expect(result.items.map((i) => Number(i.resellerId))).toEqual([uin]);
});
