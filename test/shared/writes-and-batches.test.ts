/**
 * Writes under faults through n8n-core: the error message itself says whether a write's outcome is
 * unknown or nothing was sent, and a write split into several calls says, when a later call
 * fails, which ids were applied, which are unknown and which were never sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { writeOutcome } from '../../nodes/shared/apiError';
import { describeSplitCall } from '../../nodes/shared/failureReport';
import { standingWith } from '../../nodes/shared/outcome';
import { vendorRateLimiter } from '../../nodes/shared/rateLimiter';
import type { OperationSpec } from '../../nodes/shared/types';
import { runDotdigital, account } from '../harness/dotdigital';
import { runHuawei, AKSK, storedCredential } from '../harness/huawei';
import { setCredential } from '../harness/runWorkflow';
import { startSandbox, TENCENT_KEYS } from '../harness/sandbox';
import { byId, runTencent, PARTNER_CREDENTIAL } from '../harness/tencent';
import { useSandbox } from '../harness/useSandbox';
import { ManualClock, paceOnManualClock } from '../harness/clock';
import { startGate, until } from '../harness/gate';

const sandbox = useSandbox({ vendors: ['tencent', 'huawei', 'dotdigital'], credentials: 'eachTest' });
const requests = (provider: string, action?: string) => sandbox.control.getRequests({ provider, action });
const customer = TENCENT_KEYS.FIRST_CUSTOMER_UIN;
const remaining = (uin: number) => (sandbox.control.tencent.getCustomer(uin) as { RemainingCredit: number }).RemainingCredit;

/** A loopback port nobody listens on: connecting to it is refused before anything is sent. */
async function closedPort(): Promise<number> {
	const stopped = await startSandbox();
	await stopped.close();
	return stopped.port;
}


const allocate = { resource: 'credit', operation: 'allocateToCustomer', customerUin: byId(customer), addedCredit: 10, additionalFields: {} };

describe('the error message of a failed write says what became of it', () => {
	it('a connection dropped after the write was applied: "outcome unknown", never n8n\'s "retry immediately"', async () => {
		const before = remaining(customer);
		sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'drop', afterApply: true });
		const result = await runTencent(allocate);
		expect(result.error?.message).toMatch(/^Tencent Cloud AllocateCustomerCredit: outcome unknown, it may have been applied; not repeated/);
		expect(result.error?.message).not.toMatch(/retry the request immediately/i);
		expect(requests('tencent', 'AllocateCustomerCredit')).toHaveLength(1);
		expect(remaining(customer)).toBeCloseTo(before + 10, 2);
	});

	it('a connection dropped before the write reached the service is still "outcome unknown" (the client cannot tell)', async () => {
		sandbox.control.addFault({ provider: 'huawei', action: 'UpdateSubCustomerBudget', kind: 'drop' });
		const customers = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 1, additionalFields: { associationType: '3' } });
		const result = await runHuawei({ resource: 'budget', operation: 'set', customerId: { __rl: true, mode: 'id', value: String(customers.json[0].customer_id) }, budgetAmount: 5 });
		expect(result.error?.message).toMatch(/outcome unknown/);
		expect(result.error?.message).not.toMatch(/retry the request immediately/i);
	});

	it('a refused connection says nothing was sent, in the message and the description, for every vendor', async () => {
		const port = await closedPort();
		const refused = `http://127.0.0.1:${port}`;
		setCredential('tencent-refused', { sessionToken: '', endpoint: refused, language: 'en-US', ...TENCENT_KEYS.partnerKey });
		const tencent = await runTencent(allocate, { credential: 'tencent-refused', continueOnFail: true });
		setCredential('dotdigital-refused', { username: 'reseller', password: 'x', baseUrl: `${refused}/WebApi/ResellerServices` });
		const dotdigital = await runDotdigital(
			{ resource: 'credit', operation: 'add', accountId: account(1), credits: 5, additionalFields: {} },
			{ credential: 'dotdigital-refused', continueOnFail: true },
		);
		for (const json of [tencent.json[0], dotdigital.json[0]]) {
			expect(json.error).toMatch(/nothing was sent \(No connection could be made \(ECONNREFUSED\)\)/);
			expect(json.outcome).toBe('notSent');
			expect(json.description).toMatch(/never received the request, so nothing was applied/);
			expect(json.description).not.toMatch(/was sent but/);
		}
	});
});

describe('a write the vendor turned away is "not applied (turned away)", never "never sent"', () => {
	// The limiter runs on a clock only the test moves, so a retry can never start before the run has
	// stopped; a gate holds the writes so the vendor answers them in the order the test chooses.
	let paced: ReturnType<typeof paceOnManualClock>;
	beforeEach(() => {
		vendorRateLimiter.reset();
		sandbox.control.setRateLimit({ enabled: false });
		paced = paceOnManualClock(vendorRateLimiter, new ManualClock(1_000_000, false));
	});
	afterEach(() => paced.restore());

	it('an item whose only attempt was throttled, its retry held back by another item\'s failure, says so in the item report', async () => {
		const before = remaining(customer);
		// Both items are on their way when item 1 is refused; Tencent then throttles item 2, after
		// the stop, so its retry is held back.
		const gate = await startGate(sandbox.url, (req) => req.headers['x-tc-action'] === 'AllocateCustomerCredit');
		setCredential(PARTNER_CREDENTIAL, { ...TENCENT_KEYS.partnerKey, sessionToken: '', endpoint: gate.url, language: 'en-US' });
		try {
			sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'throttle', skip: 1 });
			const running = runTencent(
				{ ...allocate, customerUin: byId('={{ $json.uin }}'), options: { maxConcurrentRequests: 2 } },
				{ items: [{ uin: 299999999999 }, { uin: customer }] },
			);
			await until(() => gate.waiting() === 1, 'item 1 on its way');
			await until(() => paced.clock.pending() > 0, 'item 2 waiting for its turn');
			paced.clock.advanceToNext();
			await until(() => gate.waiting() === 2, 'item 2 on its way');
			await gate.release(); // item 1: refused, the run stops
			await gate.release(); // item 2: throttled
			const result = await running;
			const error = result.error as Error & { context?: IDataObject; description?: string };
			expect(requests('tencent', 'AllocateCustomerCredit').map((r) => r.outcome)).toEqual([expect.stringMatching(/^(?!ok$)/), 'RequestLimitExceeded']);
			expect(error.message).toMatch(/^Tencent Cloud AllocateCustomerCredit failed: .*\[items: 1 not applied, 1 not applied \(turned away\)\]$/);
			expect(error.context?.items).toEqual(expect.objectContaining({ notApplied: [1], turnedAway: [2], notSent: [] }));
			expect(error.description).toContain('Not applied (turned away): item 2.');
			expect(remaining(customer)).toBeCloseTo(before, 2);
		} finally {
			await gate.close();
		}
	});

	it('the ids of a split call throttled before the stop, and held back by it, are reported as turned away', async () => {
		paced.restore();
		const customers = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 20, additionalFields: { associationType: '3' } });
		const ids = customers.json.map((c) => String(c.customer_id));
		sandbox.control.clearRequests();
		vendorRateLimiter.reset();
		paced = paceOnManualClock(vendorRateLimiter, new ManualClock(1_000_000, false));
		// The first call is throttled; the second, let start only once that answer is in, fails with
		// its outcome unknown and stops the run. The first call's retry waits for a turn on the test's
		// clock, which never comes before the stop: it is never sent.
		sandbox.control.addFault({ provider: 'huawei', action: 'FreezeSubCustomers', kind: 'throttle' });
		sandbox.control.addFault({ provider: 'huawei', action: 'FreezeSubCustomers', kind: 'internalError' });
		let freezesSeen = 0;
		const gate = await startGate(sandbox.url, (req) => String(req.url).includes('/sub-customers/freeze') && ++freezesSeen === 1, { keepHost: true });
		setCredential(AKSK, { ...storedCredential(AKSK), endpoint: gate.url });
		const freezes = () => requests('huawei', 'FreezeSubCustomers');
		let result;
		try {
			const running = runHuawei(
				{ resource: 'customer', operation: 'freeze', customerIds: ids, reason: 'overdue', additionalFields: {}, options: { maxConcurrentRequests: 2 } },
				{ continueOnFail: true },
			);
			await until(() => gate.waiting() === 1, 'the first call on its way');
			await gate.release(); // throttled: the answer is with the client
			await until(() => paced.clock.pending() > 0, 'the second call waiting for its turn');
			paced.clock.advanceToNext();
			result = await running;
		} finally {
			await gate.close();
		}
		const [item] = result.json;
		expect(freezes().map((r) => r.outcome)).toEqual(['APIG.0308', 'CBC.0999']);
		expect(item.error).toMatch(/outcome unknown.*\[split call: 10 outcome unknown, 10 not applied \(turned away\)\]/);
		expect(item.batch).toEqual({ done: [], unknown: ids.slice(10), failed: [], turnedAway: ids.slice(0, 10), notSent: [] });
		expect(item.description).toContain(`Not applied (turned away) (10): ${ids.slice(0, 10).join(', ')}.`);
	});

	it('a write refused for throttling says it was not applied and is safe to run again', () => {
		const spec = { write: true } as OperationSpec;
		expect(writeOutcome(spec, { code: 'RequestLimitExceeded', message: 'slow down' }, 'notProcessed')).toBe('turnedAway');
		expect(writeOutcome(spec, { message: 'refused', notSent: true, network: true }, 'notProcessed')).toBe('notSent');
		expect(writeOutcome({ write: false } as OperationSpec, { code: 'RequestLimitExceeded', message: 'slow down' }, 'notProcessed')).toBeUndefined();
	});
});

describe('a write split into several calls reports where every id stands', () => {
	async function resellerCustomers(count: number): Promise<string[]> {
		const result = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: count, additionalFields: { associationType: '3' } });
		expect(result.json).toHaveLength(count);
		return result.json.map((c) => String(c.customer_id));
	}
	const frozen = (id: string) => (sandbox.control.huawei.getCustomer(id) as IDataObject).is_frozen;

	it('Huawei Freeze of 24 customers with a 500 on the second call: 10 applied, 10 unknown, 4 never sent', async () => {
		const ids = await resellerCustomers(24);
		sandbox.control.addFault({ provider: 'huawei', action: 'FreezeSubCustomers', kind: 'http500', skip: 1, afterApply: true });
		// One call at a time, so the third call is never sent (concurrent split calls: concurrency.test.ts).
		const result = await runHuawei(
			{ resource: 'customer', operation: 'freeze', customerIds: ids, reason: 'overdue', additionalFields: {}, options: { maxConcurrentRequests: 1 } },
			{ continueOnFail: true },
		);
		expect(requests('huawei', 'FreezeSubCustomers')).toHaveLength(2);
		const [item] = result.json;
		expect(item.error).toMatch(/outcome unknown.*\[split call: 10 applied, 10 outcome unknown, 4 never sent\]/);
		expect(item.batch).toEqual({ done: ids.slice(0, 10), unknown: ids.slice(10, 20), failed: [], turnedAway: [], notSent: ids.slice(20) });
		expect(item.description).toContain(`Applied (10): ${ids.slice(0, 10).join(', ')}.`);
		expect(item.description).toContain(`Never sent (4): ${ids.slice(20).join(', ')}.`);
		expect(ids.slice(20).map(frozen)).toEqual([0, 0, 0, 0]);
	});

	it('ids Huawei refused inside a successful call are not counted as applied', async () => {
		const ids = await resellerCustomers(12);
		const unknownId = 'f'.repeat(32);
		sandbox.control.addFault({ provider: 'huawei', action: 'FreezeSubCustomers', kind: 'http503', skip: 1 });
		const result = await runHuawei({ resource: 'customer', operation: 'freeze', customerIds: [unknownId, ...ids.slice(0, 11)], reason: 'overdue', additionalFields: {} });
		// A 503 at the gateway answers before the service: the write may still be unknown to the client.
		expect(result.error?.message).toMatch(/\[split call: 9 applied, .*\]/);
		expect((result.error?.context as IDataObject).batch).toEqual(expect.objectContaining({ done: ids.slice(0, 9) }));
	});

	it('a batched read names the ids that were read and those never asked', async () => {
		const uins = (await runTencent({ resource: 'customer', operation: 'getManyUins', returnAll: true })).json.map((c) => Number(c.CustomerUin ?? c.Uin ?? c));
		expect(uins.length).toBeGreaterThan(40);
		sandbox.control.addFault({ provider: 'tencent', action: 'DescribeCustomerInfo', kind: 'http500', skip: 1, count: 10 });
		const result = await runTencent({
			resource: 'customer',
			operation: 'getDetails',
			customerUins: uins.slice(0, 45).map(String),
			options: { maxConcurrentRequests: 1 },
		});
		expect(result.error?.message).toMatch(/\[split call: 20 read, 20 not read, 5 never sent\]/);
	});

	it('lists at most 30 ids per group, then how many more', () => {
		const ids = Array.from({ length: 35 }, (_, i) => `id${i}`);
		const { summary, detail } = describeSplitCall(standingWith({ applied: ids, notSent: ['x'] }), true);
		expect(summary).toBe('35 applied, 1 never sent');
		expect(detail).toMatch(/^Applied \(35\): id0, .*id29 and 5 more\. Never sent \(1\): x\.$/);
	});
});

describe('a list that names an id more than once', () => {
	it('a read given one id 60 times asks for it once and returns one record', async () => {
		const result = await runTencent({ resource: 'credit', operation: 'getByUins', customerUins: Array.from({ length: 60 }, () => String(customer)) });
		expect(result.error).toBeUndefined();
		expect(requests('tencent', 'QueryCreditByUinList').map((r) => r.body.UinList)).toEqual([[customer]]);
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toEqual(expect.objectContaining({ RemainingCredit: remaining(customer) }));
	});

	it('repeated ids in a split list are sent once each, in the order first given', async () => {
		const uins = (await runTencent({ resource: 'customer', operation: 'getManyUins', returnAll: false, limit: 30 })).json.map((c) => String(c.CustomerUin ?? c.Uin ?? c));
		sandbox.control.clearRequests();
		// 30 distinct ids, each given twice (the copies reversed): 60 entries, 30 asked in 2 calls of 20 and 10.
		const given = [...uins, ...[...uins].reverse()];
		const result = await runTencent({ resource: 'customer', operation: 'getDetails', customerUins: given, options: { maxConcurrentRequests: 1 } });
		expect(result.error).toBeUndefined();
		const sent = requests('tencent', 'DescribeCustomerInfo').map((r) => (r.body.CustomerUin as unknown[]).map(String));
		expect(sent).toEqual([uins.slice(0, 20), uins.slice(20)]);
		expect(result.json).toHaveLength(30);
	});
});
