/**
 * The Tencent Cloud Partner Trigger: scripted sequences against the sandbox's control API.
 */
import type { IDataObject } from 'n8n-workflow';

import { TENCENT_KEYS } from '../harness/sandbox';
import { PARTNER_CREDENTIAL, useTencentSandbox } from '../harness/tencent';
import { chinaTimeAt } from '../harness/clock';
import { pollSequence } from '../harness/trigger';
import { useSandbox } from '../harness/useSandbox';
import { startGate, until } from '../harness/gate';
import { setCredential } from '../harness/runWorkflow';

const sandbox = useSandbox({ vendors: ['tencent'] });
const tencent = () => sandbox.control.tencent as Record<string, (body?: unknown) => IDataObject>;
const credentials = { tencentCloudPartnerApi: { id: PARTNER_CREDENTIAL, name: 'partner' } };
const requests = () => sandbox.control.getRequests({ provider: 'tencent' });


const sequence = (parameters: IDataObject) => pollSequence({ provider: 'tencent', ...parameters }, credentials);

const chinaTime = chinaTimeAt;

const ids = (items: IDataObject[]) => items.map((i) => i.customerId);

describe('New Customer', () => {
	it('baseline, then new customers in one poll and across polls, identical timestamps, no repeats', async () => {
		const trigger = sequence({ event: 'newCustomer' });
		expect((await trigger.poll()).items).toEqual([]);
		expect((await trigger.poll()).items).toEqual([]);

		const same = chinaTime(5);
		const a = tencent().addCustomer({ Name: 'Alpha', AssociationTime: same });
		const b = tencent().addCustomer({ Name: 'Beta', AssociationTime: same });
		const first = await trigger.poll();
		expect(ids(first.items)).toEqual([String(a.ClientUin), String(b.ClientUin)].sort());
		expect(first.items[0]).toEqual(
			expect.objectContaining({ provider: 'tencent', event: 'newCustomer', currency: 'USD', associatedAt: expect.stringMatching(/Z$/), raw: expect.any(Object) }),
		);

		// A latecomer with exactly the same timestamp as the watermark is still new, once.
		const c = tencent().addCustomer({ Name: 'Gamma', AssociationTime: same });
		expect(ids((await trigger.poll()).items)).toEqual([String(c.ClientUin)]);
		expect((await trigger.poll()).items).toEqual([]);

		const d = tencent().addCustomer({ Name: 'Delta', AssociationTime: chinaTime(10) });
		expect(ids((await trigger.poll()).items)).toEqual([String(d.ClientUin)]);
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('costs one request for a few new customers, whatever the number of customers, and keeps its state small', async () => {
		tencent().seed({ customers: 5000 });
		const trigger = sequence({ event: 'newCustomer' });
		await trigger.poll();
		for (let i = 0; i < 10; i++) tencent().addCustomer({ AssociationTime: chinaTime(i + 1) });
		sandbox.control.clearRequests();
		const result = await trigger.poll();
		expect(result.items).toHaveLength(10);
		expect(requests()).toHaveLength(1);
		expect(result.stateBytes).toBeLessThan(4096);
	});

	it('a customer added while a poll pages is emitted exactly once', async () => {
		const trigger = sequence({ event: 'newCustomer' });
		await trigger.poll();
		const batch = Array.from({ length: 150 }, (_, i) => tencent().addCustomer({ AssociationTime: chinaTime(1 + Math.floor(i / 10)) }));
		sandbox.control.clearRequests();
		// Page 2 is held at a gate; once it has been asked for (page 1 already answered), a customer
		// is associated, and only then does the vendor read page 2, from a list that moved under the poll.
		let pagesSeen = 0;
		const gate = await startGate(sandbox.url, (req) => req.headers['x-tc-action'] === 'QueryCustomersCredit' && ++pagesSeen === 2);
		setCredential(PARTNER_CREDENTIAL, { ...TENCENT_KEYS.partnerKey, sessionToken: '', endpoint: gate.url, language: 'en-US' });
		let late: IDataObject;
		let first: Awaited<ReturnType<typeof trigger.poll>>;
		try {
			const polling = trigger.poll();
			await until(() => gate.waiting() === 1, 'page 2 asked for');
			late = tencent().addCustomer({ AssociationTime: chinaTime(30) });
			await gate.release();
			first = await polling;
		} finally {
			await gate.close();
			useTencentSandbox(sandbox);
		}
		expect(requests().length).toBeGreaterThan(2); // the moved list was read again
		const second = await trigger.poll();
		const emitted = [...ids(first.items), ...ids(second.items)];
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(emitted.sort()).toEqual([...batch.map((c) => String(c.ClientUin)), String(late.ClientUin)].sort());
	});

	it('removals while customers arrive do not cause misses or repeats', async () => {
		const trigger = sequence({ event: 'newCustomer' });
		await trigger.poll();
		const fresh = Array.from({ length: 120 }, (_, i) => tencent().addCustomer({ AssociationTime: chinaTime(1 + i) }));
		tencent().removeCustomer({ ClientUin: TENCENT_KEYS.FIRST_CUSTOMER_UIN + 5 });
		tencent().removeCustomer({ ClientUin: fresh[7].ClientUin });
		const result = await trigger.poll();
		expect(ids(result.items).sort()).toEqual(fresh.filter((_, i) => i !== 7).map((c) => String(c.ClientUin)).sort());
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('a failing poll changes no state and surfaces the error; the next good poll catches up', async () => {
		const trigger = sequence({ event: 'newCustomer' });
		await trigger.poll();
		const before = JSON.stringify(trigger.persisted);
		const e = tencent().addCustomer({ AssociationTime: chinaTime(2) });
		sandbox.control.addFault({ provider: 'tencent', action: 'QueryCustomersCredit', kind: 'internalError', count: 10 });
		const failed = await trigger.poll();
		expect(failed.error?.message).toContain('InternalError');
		expect(JSON.stringify(failed.staticData)).toBe(before);
		sandbox.control.clearFaults();
		expect(ids((await trigger.poll()).items)).toEqual([String(e.ClientUin)]);
	});

	it('restarts from persisted static data, emits existing ones on request, samples in manual runs without state, and honours the id list', async () => {
		const trigger = sequence({ event: 'newCustomer' });
		await trigger.poll();
		const saved = JSON.parse(JSON.stringify(trigger.persisted));
		const f = tencent().addCustomer({ AssociationTime: chinaTime(3) });
		const restarted = sequence({ event: 'newCustomer' });
		restarted.restartFrom(saved);
		expect(ids((await restarted.poll()).items)).toEqual([String(f.ClientUin)]);

		const manual = await trigger.poll('manual');
		expect(manual.items.length).toBe(3);
		expect(manual.items.every((i) => i.sample === true)).toBe(true);
		expect(JSON.stringify(manual.staticData)).toBe(JSON.stringify(trigger.persisted));

		tencent().seed({ customers: 30 });
		const everyone = sequence({ event: 'newCustomer', options: { emitExisting: true } });
		expect((await everyone.poll()).items).toHaveLength(30);

		const watched = sequence({ event: 'newCustomer', options: { customerIds: '999900000001' } });
		await watched.poll();
		tencent().addCustomer({ AssociationTime: chinaTime(4) });
		const g = tencent().addCustomer({ ClientUin: 999900000001, AssociationTime: chinaTime(4) });
		expect(ids((await watched.poll()).items)).toEqual([String(g.ClientUin)]);
	});
});

describe('Low Credit', () => {
	const uin = TENCENT_KEYS.FIRST_CUSTOMER_UIN;
	const setRemaining = (RemainingCredit: number, Credit = 1000) => tencent().setCredit({ ClientUin: uin, Credit, RemainingCredit });

	it('drop fires once, staying low does not repeat, recovery re-arms above threshold plus margin, a second drop fires again', async () => {
		setRemaining(500);
		const trigger = sequence({ event: 'lowCredit', thresholdType: 'amount', threshold: 100, rearmMargin: 50, options: { customerIds: String(uin) } });
		expect((await trigger.poll()).items).toEqual([]);

		setRemaining(80);
		const dropped = await trigger.poll();
		expect(dropped.items).toEqual([
			expect.objectContaining({ provider: 'tencent', event: 'lowCredit', customerId: String(uin), remainingCredit: 80, credit: 1000, threshold: 100, thresholdType: 'amount', name: expect.any(String) }),
		]);
		setRemaining(60);
		expect((await trigger.poll()).items).toEqual([]);
		setRemaining(120); // above the threshold, but not above threshold + margin: still not re-armed
		expect((await trigger.poll()).items).toEqual([]);
		setRemaining(90);
		expect((await trigger.poll()).items).toEqual([]);
		setRemaining(200); // recovered above 150: re-armed
		expect((await trigger.poll()).items).toEqual([]);
		setRemaining(20);
		expect(ids((await trigger.poll()).items)).toEqual([String(uin)]);
	});

	it('percentage thresholds over all direct customers, with a small state', async () => {
		tencent().seed({ customers: 200 });
		const trigger = sequence({ event: 'lowCredit', thresholdType: 'percentage', thresholdPercent: 10, rearmMargin: 5 });
		await trigger.poll();
		setRemaining(50, 1000); // 5%
		const result = await trigger.poll();
		expect(ids(result.items)).toEqual([String(uin)]);
		expect(result.items[0]).toEqual(expect.objectContaining({ thresholdType: 'percentage', remainingCredit: 50 }));
		expect(result.stateBytes).toBeLessThan(4096);
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('a failing poll changes nothing; the next one catches up', async () => {
		setRemaining(500);
		const trigger = sequence({ event: 'lowCredit', thresholdType: 'amount', threshold: 100, rearmMargin: 0, options: { customerIds: String(uin) } });
		await trigger.poll();
		setRemaining(10);
		sandbox.control.addFault({ provider: 'tencent', action: 'QueryCreditByUinList', kind: 'internalError', count: 10 });
		const failed = await trigger.poll();
		expect(failed.error).toBeDefined();
		sandbox.control.clearFaults();
		expect(ids((await trigger.poll()).items)).toEqual([String(uin)]);
	});
});
