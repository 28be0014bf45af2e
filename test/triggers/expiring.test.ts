/**
 * Huawei's Resource Expiring event: each customer resource whose expiry is within the chosen days,
 * once per resource and expiry, on Huawei's clock (the sandbox's, moved with setClockOffset; this
 * machine's clock never decides what is due), with the stored-state rules of every event.
 */
import type { IDataObject } from 'n8n-workflow';

import { AKSK } from '../harness/huawei';
import { utcAt } from '../harness/clock';
import { pollSequence, pollTrigger } from '../harness/trigger';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['huawei'] });
const huawei = () => sandbox.control.huawei as Record<string, (body?: unknown) => IDataObject>;
const credentials = { huaweiCloudPartnerApi: { id: AKSK, name: 'aksk' } };
const DAY = 86400;
const base = { provider: 'huawei', authentication: 'accessKey', event: 'resourceExpiring', daysBeforeExpiry: 30 };
const trigger = (parameters: IDataObject = {}, persisted: IDataObject = {}) => pollSequence({ ...base, ...parameters }, credentials, persisted);
const idsOf = (items: IDataObject[]) => items.map((i) => `${String(i.resourceId)}@${String(i.expiresAt)}`).sort();
const resourceRequests = () => sandbox.control.getRequests({ provider: 'huawei', action: 'ListPayPerUseCustomerResources' });

/** Moves Huawei's clock (the sandbox's) `seconds` ahead of real time; signed calls allow 15 minutes of skew. */
const huaweiClockAhead = (seconds: number) => sandbox.control.setClockOffset({ offsetMs: seconds * 1000 });

let customers: string[];
beforeEach(() => {
	// No seeded customers: every resource in a test is one it added.
	huawei().seed({ customers: 0 });
	customers = [0, 1].map(() => String(huawei().addCustomer({ associated_on: utcAt(-30 * DAY) }).customer_id));
});
afterEach(() => huaweiClockAhead(0));

/** Adds a resource of `customer` expiring `expiresIn` seconds from real now, in effect since `effectiveAgo` seconds. */
function resource(customer: string, expiresIn: number, effectiveAgo = 90 * DAY): string {
	const expireTime = utcAt(expiresIn);
	const { added } = huawei().addSubscriptions({ customer_id: customer, expire_time: expireTime, effective_time: utcAt(-effectiveAgo) });
	return `${(added as string[])[0]}@${expireTime}`;
}

it('emits each resource once when its expiry comes within the days, on Huawei\'s clock, and a renewal again at its new expiry', async () => {
	const polls = trigger();
	const already = resource(customers[0], 10 * DAY);
	expect((await polls.poll()).items).toEqual([]);
	// Due in 5 minutes (expiry 30 days and 5 minutes away), another in 8 minutes, one next year.
	const soon = resource(customers[0], 30 * DAY + 300);
	const later = resource(customers[1], 30 * DAY + 480);
	resource(customers[1], 365 * DAY);
	expect((await polls.poll()).items).toEqual([]);

	// Huawei's clock moves 6 minutes on: only the first is due, whatever this machine's clock says.
	huaweiClockAhead(360);
	const first = await polls.poll();
	expect(idsOf(first.items)).toEqual([soon]);
	expect(first.items[0]).toEqual(
		expect.objectContaining({ provider: 'huawei', event: 'resourceExpiring', customerId: customers[0], expiresAt: soon.split('@')[1], daysLeft: 30, status: 2, raw: expect.any(Object) }),
	);
	expect((await polls.poll()).items).toEqual([]);

	huaweiClockAhead(540);
	expect(idsOf((await polls.poll()).items)).toEqual([later]);
	expect((await polls.poll()).items).toEqual([]);

	// Renewed: its new expiry is a new record, emitted when that one is due (here 12 minutes on).
	const [resourceId] = soon.split('@');
	const newExpiry = utcAt(30 * DAY + 720);
	huawei().renewSubscription({ resource_id: resourceId, expire_time: newExpiry });
	expect((await polls.poll()).items).toEqual([]);
	huaweiClockAhead(780);
	const renewed = await polls.poll();
	expect(idsOf(renewed.items)).toEqual([`${resourceId}@${newExpiry}`]);
	for (let i = 0; i < 3; i++) expect((await polls.poll()).items).toEqual([]);
	expect(idsOf(renewed.items)).not.toContain(already);
	expect(renewed.stateBytes).toBeLessThan(1024);
});

it('a resource bought inside the window is emitted when it appears', async () => {
	const polls = trigger();
	await polls.poll();
	const bought = resource(customers[1], 20 * DAY, 60);
	expect(idsOf((await polls.poll()).items)).toEqual([bought]);
	expect((await polls.poll()).items).toEqual([]);
});

it('Emit Existing on First Activation emits every resource already within the days, once; expired ones never', async () => {
	const inside = [resource(customers[0], 2 * DAY), resource(customers[1], 29 * DAY)];
	resource(customers[0], 31 * DAY);
	resource(customers[0], -DAY, 200 * DAY);
	const polls = trigger({ options: { emitExisting: true } });
	expect(idsOf((await polls.poll()).items)).toEqual(inside.sort());
	expect((await polls.poll()).items).toEqual([]);
});

it('reads every customer\'s resources, or with Only These Customers only theirs, in any case', async () => {
	const all = trigger();
	const watched = trigger({ options: { customerIds: customers[1].toUpperCase() } });
	await all.poll();
	await watched.poll();
	const mine = resource(customers[1], 30 * DAY - 1, 60);
	const other = resource(customers[0], 30 * DAY - 1, 60);
	sandbox.control.clearRequests();
	const result = await watched.poll();
	expect(idsOf(result.items)).toEqual([mine]);
	expect(resourceRequests().map((r) => (r.body as IDataObject).customer_id)).toEqual([customers[1]]);
	expect(sandbox.control.getRequests({ provider: 'huawei', action: 'ListSubCustomers' }).length).toBeLessThanOrEqual(1);
	expect(idsOf((await all.poll()).items)).toEqual([mine, other].sort());

	sandbox.control.clearRequests();
	const typo = await pollTrigger({ ...base, options: { customerIds: `${customers[0]}, customer-one` } } as never, credentials as never, {});
	expect(typo.error?.message).toContain('"Only These Customers"');
	expect(typo.error?.message).toContain('"customer-one"');
	expect(sandbox.control.getRequests({ provider: 'huawei' })).toEqual([]);
});

it('asks Huawei only for renewable resources expiring from the watermark to its own now plus the days', async () => {
	const polls = trigger();
	await polls.poll();
	sandbox.control.clearRequests();
	await polls.poll();
	const [request] = resourceRequests();
	const body = request.body as IDataObject;
	expect(body).toEqual(expect.objectContaining({ customer_id: customers[0], status_list: [2, 4], offset: 0, limit: 100 }));
	// The end is Huawei's now (its Date header) plus 30 days, not this machine's: ahead by 10 minutes here.
	huaweiClockAhead(600);
	sandbox.control.clearRequests();
	await polls.poll();
	const end = Date.parse(String((resourceRequests()[0].body as IDataObject).expire_time_end));
	expect(end).toBeGreaterThanOrEqual(Date.parse(utcAt(30 * DAY + 590)));
});

it.each([
	['a number', 1767225600],
	['"garbage"', 'garbage'],
	['a watermark a day in the future', { at: utcAt(DAY), recent: [] }],
])('stored state that is %s: logged, a fresh baseline without a flood, then each new one once', async (_what, damaged) => {
	resource(customers[0], 5 * DAY);
	const polls = trigger({}, { 'node:Trigger': { resourceExpiring: damaged } });
	const first = await polls.poll();
	expect(first.error).toBeUndefined();
	expect(first.items).toEqual([]);
	expect(first.warnings).toEqual([expect.stringContaining('stored Resource Expiring state cannot be read')]);
	const fresh = resource(customers[1], 30 * DAY - 1, 60);
	const second = await polls.poll();
	expect(idsOf(second.items)).toEqual([fresh]);
	expect(second.warnings).toEqual([]);
	expect((await polls.poll()).items).toEqual([]);
});

it('a manual run samples the resources expiring soonest and leaves the state; a failed poll changes nothing', async () => {
	const polls = trigger();
	await polls.poll();
	const saved = JSON.stringify(polls.persisted);
	const first = resource(customers[0], 3 * DAY);
	resource(customers[0], 40 * DAY);
	const sample = await polls.poll('manual');
	expect(sample.error).toBeUndefined();
	expect(sample.items.map((i) => [`${String(i.resourceId)}@${String(i.expiresAt)}`, i.sample])).toEqual([[first, true]]);
	expect(JSON.stringify(sample.staticData)).toBe(saved);

	resource(customers[1], 30 * DAY - 1, 60);
	sandbox.control.addFault({ provider: 'huawei', action: 'ListPayPerUseCustomerResources', kind: 'http500', count: 10 });
	const failed = await polls.poll();
	expect(failed.error).toBeDefined();
	expect(JSON.stringify(polls.persisted)).toBe(saved);
});

it('"Days Before Expiry" must be a whole number from 1 to 365', async () => {
	const result = await pollTrigger({ ...base, daysBeforeExpiry: 0 } as never, credentials as never, {});
	expect(result.error?.message).toContain('"Days Before Expiry" must be a whole number from 1 to 365');
});
