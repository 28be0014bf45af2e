/**
 * The triggers on n8n 2.x's durable scheduler with durable poll cursors (test/harness/durableHost.ts
 * runs n8n-core 2.41's PollContext and cursor hooks the way n8n 2.41.1 does): no event is lost after
 * publishing or republishing, although n8n keeps nothing of the poll it runs at activation, and
 * what at-least-once delivery means when a poll's commit is lost: the same events again, none lost.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { chinaTimeAt, utcAt } from '../harness/clock';
import { durableHost } from '../harness/durableHost';
import { AKSK } from '../harness/huawei';
import { PARTNER_CREDENTIAL } from '../harness/tencent';
import { pollSequence } from '../harness/trigger';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['tencent', 'huawei'] });
type Control = Record<string, (body?: unknown) => IDataObject>;
const tencent = () => sandbox.control.tencent as unknown as Control;
const huawei = () => sandbox.control.huawei as unknown as Control;
const tencentCredentials = { tencentCloudPartnerApi: { id: PARTNER_CREDENTIAL, name: 'partner' } };
const huaweiCredentials = { huaweiCloudPartnerApi: { id: AKSK, name: 'aksk' } };

interface EventCase {
	label: string;
	triggerType: string;
	credentials: IDataObject;
	parameters: INodeParameters;
	/** Prepares what the baseline must see; returns the parameters' extra options. */
	prepare?: () => void;
	/** Makes one new event at the vendor; returns its id. */
	add: () => string;
	idOf: (item: IDataObject) => string;
}

const LOW_UIN = 100000000077;
let lowCustomer = 0;

const EVENTS: EventCase[] = [
	{
		label: 'Tencent New Customer',
		triggerType: 'tencentCloudPartnerTrigger',
		credentials: tencentCredentials,
		parameters: { event: 'newCustomer' },
		add: () => String(tencent().addCustomer({ AssociationTime: chinaTimeAt(-1) }).ClientUin),
		idOf: (item) => String(item.customerId),
	},
	{
		label: 'Tencent New Customer Application',
		triggerType: 'tencentCloudPartnerTrigger',
		credentials: tencentCredentials,
		parameters: { event: 'newCustomerApplication' },
		add: () => String((tencent().addPendingApplications({ kind: 'client' }).added as number[])[0]),
		idOf: (item) => String(item.customerId),
	},
	{
		label: 'Huawei New Customer Order',
		triggerType: 'huaweiCloudPartnerTrigger',
		credentials: huaweiCredentials,
		parameters: { authentication: 'accessKey', event: 'newCustomerOrder' },
		add: () => (huawei().addOrders({ create_time: utcAt(-1) }).added as string[])[0],
		idOf: (item) => String(item.orderId),
	},
	{
		label: 'Tencent Low Credit',
		triggerType: 'tencentCloudPartnerTrigger',
		credentials: tencentCredentials,
		parameters: { event: 'lowCredit', thresholdType: 'amount', threshold: 100, rearmMargin: 0 },
		prepare: () => {
			lowCustomer = Number(tencent().addCustomer({ ClientUin: LOW_UIN + Math.floor(Math.random() * 1000) }).ClientUin);
			tencent().setCredit({ ClientUin: lowCustomer, Credit: 1000, RemainingCredit: 500 });
		},
		add: () => {
			tencent().setCredit({ ClientUin: lowCustomer, Credit: 1000, RemainingCredit: 40 });
			return String(lowCustomer);
		},
		idOf: (item) => String(item.customerId),
	},
];

const host = (e: EventCase) => {
	e.prepare?.();
	const options = e.parameters.event === 'lowCredit' ? { customerIds: String(lowCustomer) } : {};
	return durableHost({ ...e.parameters, options }, e.credentials as never, e.triggerType);
};

describe.each(EVENTS.map((e) => [e.label, e] as const))('%s on the durable scheduler', (_label, e) => {
	it('an event between publishing and the first scheduled poll is emitted once, by that poll', async () => {
		const n8n = host(e);
		expect((await n8n.activate()).items).toEqual([]);
		// n8n keeps nothing of the activation poll: the cursor stays as it was created.
		expect(n8n.cursor).toEqual({});
		const added = e.add();
		expect((await n8n.scheduledPoll()).items.map(e.idOf)).toEqual([added]);
		expect(n8n.executions.map((items) => items.map(e.idOf))).toEqual([[added]]);
		expect(n8n.cursor?.[String(e.parameters.event)]).toBeDefined();
		// The following poll finds nothing new, and the kept baseline is dropped with the next save.
		expect((await n8n.scheduledPoll()).items).toEqual([]);
		const later = e.parameters.event === 'lowCredit' ? undefined : e.add();
		const after = await n8n.scheduledPoll();
		if (later) {
			expect(after.items.map(e.idOf)).toEqual([later]);
			expect((n8n.savedStaticData.global as IDataObject | undefined)?.activationBaselines).toBeUndefined();
		}
		expect(n8n.executions).toHaveLength(later ? 2 : 1);
	});
});

describe('Tencent New Customer: republishing and at-least-once on the durable scheduler', () => {
	const newCustomer = EVENTS[0];
	const application = EVENTS[1];

	it('the watermark in the committed cursor is the vendor’s time, never past its now', async () => {
		const n8n = host(newCustomer);
		await n8n.activate();
		newCustomer.add();
		await n8n.scheduledPoll();
		const state = n8n.cursor?.newCustomer as IDataObject;
		expect(String(state.at) <= utcAt(0)).toBe(true);
	});

	it('republishing with another event: what happens before its first scheduled poll is emitted once', async () => {
		const n8n = host(newCustomer);
		await n8n.activate();
		const first = newCustomer.add();
		expect((await n8n.scheduledPoll()).items.map(newCustomer.idOf)).toEqual([first]);

		// A modified trigger is registered again: a new activation poll, on the same node's cursor.
		expect((await n8n.activate({ event: 'newCustomerApplication', options: {} })).items).toEqual([]);
		const applied = application.add();
		expect((await n8n.scheduledPoll()).items.map(application.idOf)).toEqual([applied]);
		expect((await n8n.scheduledPoll()).items).toEqual([]);
	});

	it('a lost commit (at least once): the next poll emits the same customers again, and loses none', async () => {
		const n8n = host(newCustomer);
		await n8n.activate();
		const a = newCustomer.add();
		const b = newCustomer.add();
		// The first scheduled poll emits from the kept baseline, but its execution and cursor are never committed.
		expect((await n8n.scheduledPoll({ lostCommit: true })).items.map(newCustomer.idOf).sort()).toEqual([a, b].sort());
		expect(n8n.executions).toEqual([]);
		expect(n8n.cursor).toEqual({});
		const c = newCustomer.add();
		// Run again from the cursor committed before: the same two again, and the one added meanwhile.
		expect((await n8n.scheduledPoll()).items.map(newCustomer.idOf).sort()).toEqual([a, b, c].sort());
		// A later lost commit: the next poll repeats exactly what that one emitted.
		const d = newCustomer.add();
		expect((await n8n.scheduledPoll({ lostCommit: true })).items.map(newCustomer.idOf)).toEqual([d]);
		expect((await n8n.scheduledPoll()).items.map(newCustomer.idOf)).toEqual([d]);
		expect((await n8n.scheduledPoll()).items).toEqual([]);
		expect(n8n.executions.map((items) => items.map(newCustomer.idOf).sort())).toEqual([[a, b, c].sort(), [d]]);
	});

	it('a lost cursor-only commit after a poll that emitted nothing repeats that poll: nothing emitted, nothing lost', async () => {
		const n8n = host(newCustomer);
		await n8n.activate();
		expect((await n8n.scheduledPoll({ lostCommit: true })).items).toEqual([]);
		expect(n8n.cursor).toEqual({});
		const a = newCustomer.add();
		expect((await n8n.scheduledPoll()).items.map(newCustomer.idOf)).toEqual([a]);
	});

	it('on n8n’s defaults (the workflow’s own static data) nothing is kept besides the node’s state', async () => {
		const trigger = pollSequence({ provider: 'tencent', event: 'newCustomer' }, tencentCredentials);
		expect((await trigger.poll()).items).toEqual([]);
		expect(Object.keys(trigger.persisted.global ?? {})).toEqual([]);
		const a = newCustomer.add();
		expect((await trigger.poll()).items.map(newCustomer.idOf)).toEqual([a]);
	});

	it('switching the durable cursors off: the baseline kept at their activation is dropped, never replayed', async () => {
		const n8n = host(newCustomer);
		await n8n.activate();
		const a = newCustomer.add();
		expect((await n8n.scheduledPoll()).items.map(newCustomer.idOf)).toEqual([a]);
		expect((n8n.savedStaticData.global as IDataObject).activationBaselines).toBeDefined();
		// n8n's defaults read the workflow's own node state, which the durable cursors never wrote.
		const defaults = pollSequence({ provider: 'tencent', event: 'newCustomer' }, tencentCredentials, n8n.savedStaticData);
		expect((await defaults.poll()).items).toEqual([]);
		expect(Object.keys(defaults.persisted.global as IDataObject)).toEqual([]);
		const b = newCustomer.add();
		expect((await defaults.poll()).items.map(newCustomer.idOf)).toEqual([b]);
	});
});
