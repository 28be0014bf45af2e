/**
 * Credit > Allocate to Customer with an Idempotency Key, through n8n-core against the sandbox: the
 * same items run twice, a run cut off midway and run again, the vendor dropping the connection
 * after applying, and history that lags, each key applied once, as the customer's ledger shows.
 * The node's waits between looks at the ledger move the sandbox clock instead of passing real time.
 */
import type { IDataObject } from 'n8n-workflow';

import { forgetKeysAppliedHere, LEDGER_RECHECK_DELAYS_MS, ledgerClock } from '../../nodes/TencentCloudPartner/idempotency';
import { vendorRateLimiter } from '../../nodes/shared/rateLimiter';
import { errorOf, outputOf, startWorkflow } from '../harness/runWorkflow';
import { byId, PARTNER_CREDENTIAL, runTencent } from '../harness/tencent';
import { NODE_NAME, singleNodeWorkflow } from '../harness/workflows';
import { useSandbox } from '../harness/useSandbox';
import { ManualClock, paceOnManualClock } from '../harness/clock';
import { until } from '../harness/gate';

const sandbox = useSandbox({ vendors: ['tencent'] });
let clockOffsetMs = 0;
/** Every wait the node asked for between looks at the ledger. */
let waits: number[] = [];
const realSleep = ledgerClock.sleep;

const control = () => sandbox.control as unknown as Record<string, (body?: unknown) => IDataObject>;
const requests = (action: string) => sandbox.control.getRequests({ provider: 'tencent', action });
const ledger = () =>
	(sandbox as unknown as { state: { tencent: { data: IDataObject } } }).state.tencent.data as unknown as {
		credit: { historyNewestFirst: (c: unknown) => IDataObject[] };
		directory: { get: (uin: number) => unknown };
	};
const historyOf = (uin: number) => ledger().credit.historyNewestFirst(ledger().directory.get(uin));
/** How often the customer's ledger holds an allocation carrying `key`. */
const timesApplied = (uin: number, key: string) => historyOf(uin).filter((e) => String(e.Remark).startsWith(`[idem:${key}]`)).length;

function newCustomers(count: number): number[] {
	return Array.from({ length: count }, (_, i) => Number((sandbox.control.tencent.addCustomer({ Name: `Idempotency ${i}`, Credit: 0 }) as IDataObject).ClientUin));
}

const allocate = (extra: IDataObject = {}) => ({
	resource: 'credit',
	operation: 'allocateToCustomer',
	customerUin: byId('={{ $json.uin }}'),
	addedCredit: '={{ $json.amount }}',
	additionalFields: { idempotencyKey: '={{ $json.key }}', ...extra },
});

beforeEach(() => {
	vendorRateLimiter.reset();
	forgetKeysAppliedHere();
	clockOffsetMs = 0;
	waits = [];
	// The test's clock: a wait moves the sandbox clock forward at once.
	ledgerClock.sleep = async (ms: number) => {
		waits.push(ms);
		clockOffsetMs += ms;
		sandbox.control.setClockOffset({ offsetMs: clockOffsetMs });
	};
});
afterAll(() => {
	ledgerClock.sleep = realSleep;
});

describe('Idempotency Key', () => {
	it('goes first in the Remark, the key is looked up before sending, and the output says applied', async () => {
		const [uin] = newCustomers(1);
		const result = await runTencent(allocate({ remark: 'May top-up' }), { items: [{ uin, amount: 25, key: 'order-1001' }] });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toEqual(expect.objectContaining({ outcome: 'applied', idempotencyKey: 'order-1001', TotalCredit: 25 }));
		expect(requests('AllocateCustomerCredit').map((r) => r.body)).toEqual([{ ClientUin: uin, AddedCredit: 25, Remark: '[idem:order-1001] May top-up' }]);
		expect(requests('QueryCreditAllocationHistory').map((r) => r.body)).toEqual([{ ClientUin: uin, Page: 1, PageSize: 100 }]);
		expect(timesApplied(uin, 'order-1001')).toBe(1);
	});

	it('the same items run twice: the second run sends nothing and returns the original allocations', async () => {
		const uins = newCustomers(6);
		const items = uins.map((uin, i) => ({ uin, amount: 10 + i, key: `batch-7-${i}` }));
		const first = await runTencent(allocate(), { items });
		expect(first.error).toBeUndefined();
		forgetKeysAppliedHere(); // as another worker would run it: only the ledger knows
		const second = await runTencent(allocate(), { items });
		expect(second.error).toBeUndefined();
		expect(second.json.map((j) => j.outcome)).toEqual(uins.map(() => 'alreadyApplied'));
		expect((second.json[2].allocation as IDataObject).Credit).toBe(12);
		expect(requests('AllocateCustomerCredit').filter((r) => r.outcome === 'ok')).toHaveLength(6);
		uins.forEach((uin, i) => expect(timesApplied(uin, `batch-7-${i}`)).toBe(1));
	});

	it('two items with the same key in one run: applied once, the second says already applied', async () => {
		const [uin] = newCustomers(1);
		const result = await runTencent(allocate(), { items: [{ uin, amount: 5, key: 'dup' }, { uin, amount: 5, key: 'dup' }] });
		expect(result.error).toBeUndefined();
		expect(result.json.map((j) => j.outcome).sort()).toEqual(['alreadyApplied', 'applied']);
		expect(timesApplied(uin, 'dup')).toBe(1);
	});

	it('a key already used for another amount stops the item and sends nothing', async () => {
		const [uin] = newCustomers(1);
		await runTencent(allocate(), { items: [{ uin, amount: 5, key: 'inv-9' }] });
		forgetKeysAppliedHere();
		const again = await runTencent(allocate(), { items: [{ uin, amount: 7, key: 'inv-9' }] });
		expect(again.error?.message).toMatch(/Idempotency Key "inv-9" was already used for an allocation of 5 USD.*asks for 7 USD/);
		expect(requests('AllocateCustomerCredit')).toHaveLength(1);
	});

	it('a Remark too long for the key, or a key with spaces, is refused before sending, naming the field', async () => {
		const [uin] = newCustomers(1);
		const long = await runTencent(allocate({ remark: 'x'.repeat(250) }), { items: [{ uin, amount: 5, key: 'k-1' }] });
		expect(long.error?.message).toMatch(/"Remark" must be at most 244 characters with this Idempotency Key/);
		const spaced = await runTencent(allocate(), { items: [{ uin, amount: 5, key: 'order 1' }] });
		expect(spaced.error?.message).toMatch(/"Idempotency Key" must be text without spaces or square brackets/);
		expect(requests('AllocateCustomerCredit')).toHaveLength(0);
		expect(requests('QueryCreditAllocationHistory')).toHaveLength(0);
	});

	it('a run cut off midway and run again: every key applied once', async () => {
		const uins = newCustomers(20);
		const items = uins.map((uin, i) => ({ uin, amount: 1, key: `cut-${i}` }));
		// The limiter runs on a clock the test moves one call at a time until five writes are applied;
		// once it is cancelled, no call of the run can start, however long the cancel takes.
		const paced = paceOnManualClock(vendorRateLimiter, new ManualClock(1_000_000, false));
		try {
			const running = startWorkflow(
				singleNodeWorkflow('tencentCloudPartner', allocate(), {
					items,
					credentials: { tencentCloudPartnerApi: { id: PARTNER_CREDENTIAL, name: PARTNER_CREDENTIAL } },
				}),
			);
			const applied = () => requests('AllocateCustomerCredit').filter((r) => r.outcome === 'ok').length;
			await until(() => applied() >= 5, 'five writes applied', () => paced.clock.advanceToNext());
			running.cancel();
			await running.done;
		} finally {
			paced.restore();
		}
		const cutAt = uins.filter((uin, i) => timesApplied(uin, `cut-${i}`) === 1).length;
		expect(cutAt).toBeGreaterThanOrEqual(5);
		expect(cutAt).toBeLessThan(20);
		forgetKeysAppliedHere();
		const rerun = await runTencent(allocate(), { items });
		expect(rerun.error).toBeUndefined();
		expect(rerun.json.filter((j) => j.outcome === 'alreadyApplied')).toHaveLength(cutAt);
		uins.forEach((uin, i) => expect(timesApplied(uin, `cut-${i}`)).toBe(1));
	});

	it('the connection dropped after applying: the ledger settles it as applied, not sent again', async () => {
		const [uin] = newCustomers(1);
		sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'drop', afterApply: true });
		const result = await runTencent(allocate(), { items: [{ uin, amount: 40, key: 'drop-after' }] });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toEqual(
			expect.objectContaining({ outcome: 'applied', idempotencyKey: 'drop-after', allocation: expect.objectContaining({ Credit: 40, Remark: '[idem:drop-after]' }) }),
		);
		expect(String(result.json[0].answerLost)).toMatch(/outcome unknown/);
		expect(requests('AllocateCustomerCredit')).toHaveLength(1);
		expect(timesApplied(uin, 'drop-after')).toBe(1);
	});

	it('the connection dropped before applying: not in the ledger after every look, so sent once more', async () => {
		const [uin] = newCustomers(1);
		sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'drop' });
		const result = await runTencent(allocate(), { items: [{ uin, amount: 40, key: 'drop-before' }] });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toEqual(expect.objectContaining({ outcome: 'applied', TotalCredit: 40 }));
		expect(waits).toEqual(LEDGER_RECHECK_DELAYS_MS.filter((ms) => ms > 0));
		// One look before sending, one per recheck, and the two sends.
		expect(requests('QueryCreditAllocationHistory')).toHaveLength(1 + LEDGER_RECHECK_DELAYS_MS.length);
		expect(requests('AllocateCustomerCredit')).toHaveLength(2);
		expect(timesApplied(uin, 'drop-before')).toBe(1);
	});

	it('history that lags 5 s behind: a dropped answer is still settled as applied, by the test clock', async () => {
		const [uin] = newCustomers(1);
		control().setHistoryLag({ lagMs: 5000 });
		sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'drop', afterApply: true });
		const result = await runTencent(allocate(), { items: [{ uin, amount: 12, key: 'lagging' }] });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toEqual(expect.objectContaining({ outcome: 'applied', allocation: expect.objectContaining({ Credit: 12 }) }));
		// Not listed at 0 s or 2 s after the send; listed at 6 s.
		expect(waits).toEqual([2000, 4000]);
		expect(requests('QueryCreditAllocationHistory')).toHaveLength(4);
		expect(requests('AllocateCustomerCredit')).toHaveLength(1);
		expect(timesApplied(uin, 'lagging')).toBe(1);
	});

	it('every send dropped before applying: reported not applied, safe to run again', async () => {
		const [uin] = newCustomers(1);
		sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'drop', count: 2 });
		const result = await runTencent(allocate(), { items: [{ uin, amount: 3, key: 'never' }], continueOnFail: true });
		expect(result.json[0]).toEqual(expect.objectContaining({ outcome: 'notApplied', error: expect.stringMatching(/not applied; Idempotency Key never is not in the allocation history/) }));
		expect(requests('AllocateCustomerCredit')).toHaveLength(2);
		expect(timesApplied(uin, 'never')).toBe(0);
	});

	it('a ledger that cannot be read after an unclear answer: outcome unknown, not sent again', async () => {
		const [uin] = newCustomers(1);
		sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'drop', afterApply: true });
		// The look before sending passes; every later one fails, retries included.
		sandbox.control.addFault({ provider: 'tencent', action: 'QueryCreditAllocationHistory', kind: 'http502', skip: 1, count: 50 });
		const result = await runTencent(allocate(), { items: [{ uin, amount: 3, key: 'blind' }], continueOnFail: true });
		expect(result.json[0]).toEqual(expect.objectContaining({ outcome: 'unknown' }));
		expect(String(result.json[0].description)).toMatch(/allocation history could not be read to settle it/);
		expect(requests('AllocateCustomerCredit')).toHaveLength(1);
		expect(timesApplied(uin, 'blind')).toBe(1);
	});

	it('a key that cannot be looked up before sending: nothing is sent, and the item says so', async () => {
		const [uin] = newCustomers(1);
		sandbox.control.addFault({ provider: 'tencent', action: 'QueryCreditAllocationHistory', kind: 'http502', count: 50 });
		const result = await runTencent(allocate(), { items: [{ uin, amount: 3, key: 'unlooked' }], continueOnFail: true });
		expect(result.json[0]).toEqual(expect.objectContaining({ outcome: 'notSent', description: expect.stringMatching(/^Nothing was sent: the Idempotency Key could not be looked up/) }));
		expect(requests('AllocateCustomerCredit')).toHaveLength(0);
	});

	it('without a key nothing is looked up and the Remark is sent as typed', async () => {
		const [uin] = newCustomers(1);
		const result = await runTencent({ resource: 'credit', operation: 'allocateToCustomer', customerUin: byId(uin), addedCredit: 2, additionalFields: { remark: 'plain' } });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).not.toHaveProperty('outcome');
		expect(requests('AllocateCustomerCredit').map((r) => r.body.Remark)).toEqual(['plain']);
		expect(requests('QueryCreditAllocationHistory')).toHaveLength(0);
	});
});

it('the run error of a stopped keyed run names the item (no Continue On Fail)', async () => {
	const [uin] = newCustomers(1);
	sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'drop', count: 2 });
	const running = startWorkflow(
		singleNodeWorkflow('tencentCloudPartner', allocate(), {
			items: [{ uin, amount: 3, key: 'stop' }],
			credentials: { tencentCloudPartnerApi: { id: PARTNER_CREDENTIAL, name: PARTNER_CREDENTIAL } },
		}),
	);
	const run = await running.done;
	expect(errorOf(run)?.message).toMatch(/not applied/);
	expect(outputOf(run, NODE_NAME)).toHaveLength(0);
});
