/**
 * No trigger event is lost: watermarks come from the vendor's clock, never this machine's (a host
 * clock minutes or hours off, later corrected, loses nothing); a pending application is emitted
 * once whatever its ApplyTime; an order is emitted when it reaches a chosen status, however long
 * after its creation.
 */
import type { IDataObject } from 'n8n-workflow';

import { ORDER_WATCH_MAX } from '../../nodes/HuaweiCloudPartner/orderSource';
import { restoreHostClock, setHostClockOffset, utcAt } from '../harness/clock';
import { AKSK, IAM } from '../harness/huawei';
import { PARTNER_CREDENTIAL } from '../harness/tencent';
import { pollSequence } from '../harness/trigger';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['tencent', 'huawei'] });
type Control = Record<string, (body?: unknown) => IDataObject>;
const huawei = () => sandbox.control.huawei as unknown as Control;
const tencent = () => sandbox.control.tencent as unknown as Control;
const tencentCredentials = { tencentCloudPartnerApi: { id: PARTNER_CREDENTIAL, name: 'partner' } };
const aksk = { huaweiCloudPartnerApi: { id: AKSK, name: 'aksk' } };
const iam = { huaweiCloudPartnerIamApi: { id: IAM, name: 'iam' } };

afterEach(() => restoreHostClock());

const HUAWEI_EVENTS = [
	{
		event: 'newCustomer',
		add: () => String(huawei().addCustomer({ associated_on: utcAt(-1) }).customer_id),
		idOf: (item: IDataObject) => String(item.customerId),
	},
	{
		event: 'newCustomerOrder',
		add: () => (huawei().addOrders({ create_time: utcAt(-1) }).added as string[])[0],
		idOf: (item: IDataObject) => String(item.orderId),
	},
];

describe.each([
	['AK/SK', aksk, 'accessKey', 12 * 60],
	['IAM token', iam, 'iamToken', 2 * 3600],
])('Huawei (%s): a host clock off the vendor, later corrected, loses nothing', (_label, credentials, authentication, skew) => {
	it.each(HUAWEI_EVENTS.map((e) => [e.event, e] as const))('%s: each record created meanwhile is emitted exactly once', async (_event, e) => {
		// This machine's clock, poll by poll: ahead, corrected, behind, corrected.
		const hostOffsets = [skew, 0, -skew, 0];
		setHostClockOffset(hostOffsets[0]);
		const trigger = pollSequence({ provider: 'huawei', authentication, event: e.event }, credentials);
		const baseline = await trigger.poll();
		expect(baseline.error).toBeUndefined();
		expect(baseline.items).toEqual([]);
		for (const offset of hostOffsets) {
			setHostClockOffset(offset);
			const created = e.add();
			const polled = await trigger.poll();
			expect(polled.error).toBeUndefined();
			expect(polled.warnings).toEqual([]);
			expect(polled.items.map(e.idOf)).toEqual([created]);
			// The watermark is a vendor time: never past the vendor's now, whatever this machine says.
			const state = (polled.staticData['node:Trigger'] as IDataObject)[e.event] as IDataObject;
			expect(String(state.at) <= utcAt(0)).toBe(true);
			expect((await trigger.poll()).items).toEqual([]);
		}
	});
});

describe.each([
	['New Customer Application', 'newCustomerApplication', 'client', 'customerId'],
	['New Reseller Application', 'newResellerApplication', 'subAgent', 'resellerId'],
])('Tencent %s: each pending application once, whatever its ApplyTime', (_label, event, kind, idField) => {
	const apply = (body: IDataObject) => (tencent().addPendingApplications({ kind, ...body }).added as number[])[0];
	const UNREADABLE: Array<string | null> = ['', null, '0000-00-00 00:00:00', 'soon', '2026-02-30 10:00:00', '2026-03-01 24:00:00'];

	it('an empty, null, zero, textual or impossible ApplyTime is emitted once, as Tencent wrote it', async () => {
		const knownBefore = apply({ rawApplyTime: '' });
		const trigger = pollSequence({ provider: 'tencent', event }, tencentCredentials);
		expect((await trigger.poll()).items).toEqual([]);

		const added = UNREADABLE.map((raw) => apply({ rawApplyTime: raw }));
		const dated = apply({});
		const polled = await trigger.poll();
		expect(polled.error).toBeUndefined();
		const byId = new Map(polled.items.map((i) => [Number(i[idField]), i]));
		expect([...byId.keys()].sort()).toEqual([...added, dated].sort());
		expect(polled.items).toHaveLength(added.length + 1);
		UNREADABLE.forEach((raw, index) => {
			const item = byId.get(added[index])!;
			expect(item.appliedAt).toBeNull();
			expect((item.raw as IDataObject).ApplyTime).toBe(raw);
		});
		expect(byId.get(dated)!.appliedAt).toEqual(expect.stringMatching(/Z$/));
		expect(byId.has(knownBefore)).toBe(false);
		expect(polled.stateBytes).toBeLessThan(1024);

		expect((await trigger.poll()).items).toEqual([]);
		const later = apply({ rawApplyTime: null });
		expect((await trigger.poll()).items.map((i) => Number(i[idField]))).toEqual([later]);
		expect((await trigger.poll()).items).toEqual([]);
	});
});

describe.each([
	['AK/SK', aksk, 'accessKey'],
	['IAM token', iam, 'iamToken'],
])('Huawei New Customer Order with Order Statuses (%s): emitted when an order reaches one', (_label, credentials, authentication) => {
	const base = { provider: 'huawei', authentication, event: 'newCustomerOrder' };
	const order = (body: IDataObject) => (huawei().addOrders(body).added as string[])[0];
	/** Moves both clocks on, as time passes for the vendor and for this machine alike. */
	const minutesPass = (minutes: number) => {
		sandbox.control.setClockOffset({ offsetMs: minutes * 60000 });
		setHostClockOffset(minutes * 60);
	};

	it('an order created unpaid and paid 20 minutes later is emitted once, when paid', async () => {
		const known = order({ status: 6, create_time: utcAt(-60) });
		const trigger = pollSequence({ ...base, orderStatuses: [5] }, credentials);
		expect((await trigger.poll()).items).toEqual([]);
		const unpaid = order({ status: 6, create_time: utcAt(-1) });
		const paidAtOnce = order({ status: 5, create_time: utcAt(-1) });
		const first = await trigger.poll();
		expect(first.items.map((i) => i.orderId)).toEqual([paidAtOnce]);

		minutesPass(20);
		expect((await trigger.poll()).items).toEqual([]);
		// A newer order carries the watermark past the 15-minute window of the unpaid ones.
		const newer = order({ status: 5, create_time: utcAt(20 * 60 - 1) });
		expect((await trigger.poll()).items.map((i) => i.orderId)).toEqual([newer]);
		huawei().setOrderStatus({ order_id: unpaid, status: 5 });
		huawei().setOrderStatus({ order_id: known, status: 5 });
		const paid = await trigger.poll();
		expect(paid.error).toBeUndefined();
		expect(paid.items.map((i) => i.orderId).sort()).toEqual([unpaid, known].sort());
		expect(paid.items.every((i) => i.status === 5)).toBe(true);
		expect((await trigger.poll()).items).toEqual([]);
		// Orders in a final status are watched no more: nothing is left to keep.
		expect((paid.staticData['node:Trigger'] as IDataObject).newCustomerOrderFollowUp).toBeUndefined();
	});

	it('once per order and chosen status reached; a cancelled order is let go; the state stays small', async () => {
		const trigger = pollSequence({ ...base, orderStatuses: [3, 5] }, credentials);
		await trigger.poll();
		const a = order({ status: 6, create_time: utcAt(-1) });
		const cancelled = order({ status: 6, create_time: utcAt(-1) });
		const watching = await trigger.poll();
		expect(watching.items).toEqual([]);
		expect(watching.stateBytes).toBeLessThan(1024);

		minutesPass(30);
		huawei().setOrderStatus({ order_id: a, status: 3 });
		huawei().setOrderStatus({ order_id: cancelled, status: 4 });
		expect((await trigger.poll()).items.map((i) => [i.orderId, i.status])).toEqual([[a, 3]]);
		expect((await trigger.poll()).items).toEqual([]);
		minutesPass(90);
		huawei().setOrderStatus({ order_id: a, status: 5 });
		const completed = await trigger.poll();
		expect(completed.items.map((i) => [i.orderId, i.status])).toEqual([[a, 5]]);
		expect((await trigger.poll()).items).toEqual([]);
		// Completed is final: that order is watched no more. The cancelled one never shows in a chosen
		// status again; it stays watched (bounded) until 7 days after its creation.
		const followUp = (completed.staticData['node:Trigger'] as IDataObject).newCustomerOrderFollowUp as { watching: Array<[string, string, number[]]> };
		expect(followUp.watching.map(([id]) => id)).toEqual([cancelled]);
	});

	it('a damaged follow-up state is logged and watching starts afresh, without failing the poll', async () => {
		const trigger = pollSequence({ ...base, orderStatuses: [5] }, credentials);
		await trigger.poll();
		const saved = JSON.parse(JSON.stringify(trigger.persisted)) as IDataObject;
		(saved['node:Trigger'] as IDataObject).newCustomerOrderFollowUp = { watching: [['x', 'garbage', []]] };
		trigger.restartFrom(saved);
		const paid = order({ status: 5, create_time: utcAt(-1) });
		const polled = await trigger.poll();
		expect(polled.error).toBeUndefined();
		expect(polled.warnings).toEqual([expect.stringContaining('follow-up state cannot be read')]);
		expect(polled.items.map((i) => i.orderId)).toEqual([paid]);
	});

	it(`at most ${ORDER_WATCH_MAX} orders are watched: the oldest beyond are let go with a warning`, async () => {
		const trigger = pollSequence({ ...base, orderStatuses: [5] }, credentials);
		await trigger.poll();
		huawei().addOrders({ status: 6, count: ORDER_WATCH_MAX + 5, create_time: utcAt(-1), spreadDays: 0 });
		const polled = await trigger.poll();
		expect(polled.warnings).toEqual([expect.stringContaining(`more than ${ORDER_WATCH_MAX}`)]);
		const followUp = (polled.staticData['node:Trigger'] as IDataObject).newCustomerOrderFollowUp as { watching: unknown[] };
		expect(followUp.watching).toHaveLength(ORDER_WATCH_MAX);
		// The watch list at its bound, plus the watermark's window of the same 205 new orders.
		expect(polled.stateBytes).toBeLessThan(20 * 1024);
	});
});
