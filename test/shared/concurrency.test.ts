/**
 * Requests in flight at once, through n8n-core against the sandbox with its latency setting: items
 * keep their order and pairing, Continue On Fail is unchanged, a stopped run of writes says which
 * items were applied, unknown or never sent, pages and split calls run concurrently with the same
 * result, cancelling stops new requests, and the limiter counts per vendor key, not per credential
 * record. Concurrency is observed as requests in flight at the sandbox, never by timing.
 */
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { sendInBatches } from '../../nodes/shared/batch';
import { ApiCallError } from '../../nodes/shared/failure';
import { DEFAULT_RETRY_POLICY, withRetries } from '../../nodes/shared/retry';
import { itemRanges, RequestSlots, runInOrder } from '../../nodes/shared/concurrency';
import { StoppedBeforeSending, stopControl } from '../../nodes/shared/stopping';
import { AdaptiveRateLimiter, vendorRateLimiter } from '../../nodes/shared/rateLimiter';
import { itemStanding } from '../../nodes/shared/itemRun';
import { ManualClock, paceOnManualClock, turnedAway } from '../harness/clock';
import { runDotdigital, account, DOTDIGITAL_KEYS, RESELLER } from '../harness/dotdigital';
import { runHuawei, AKSK, storedCredential, useHuaweiSandbox } from '../harness/huawei';
import { outputOf, setCredential, startWorkflow } from '../harness/runWorkflow';
import { TENCENT_KEYS } from '../harness/sandbox';
import { byId, PARTNER_CREDENTIAL, runTencent } from '../harness/tencent';
import { NODE_NAME, singleNodeWorkflow } from '../harness/workflows';
import { useSandbox } from '../harness/useSandbox';
import type { Gate, HeldRequest } from '../harness/gate';
import { bodyOf, gateUntilOpenAtOnce, startGate, until } from '../harness/gate';

const sandbox = useSandbox({ vendors: ['tencent', 'huawei', 'dotdigital'], credentials: 'eachTest' });
const control = () => sandbox.control as unknown as Record<string, (body?: unknown) => IDataObject>;
const requests = (provider: string, action?: string) => sandbox.control.getRequests({ provider, action });
const maxInFlight = (provider: string) => (control().getInFlight()[provider] as IDataObject).max as number;
const setLatency = (provider: string, latencyMs: number, jitterMs = 0) => control().setLatency({ provider, latencyMs, jitterMs });
const credit = (uin: number) => Number((sandbox.control.tencent.getCustomer(uin) as IDataObject).Credit);

/** New customers with no credit, so each item's write shows in the sandbox's state on its own. */
function newCustomers(count: number): number[] {
	return Array.from({ length: count }, (_, i) => Number((sandbox.control.tencent.addCustomer({ Name: `Concurrency ${i}`, Credit: 0 }) as IDataObject).ClientUin));
}

/** Lets the next call waiting for its turn on the test's clock start, once one waits. */
async function nextStart(clock: ManualClock): Promise<void> {
	await until(() => clock.pending() > 0, 'a call waiting for its turn');
	clock.advanceToNext();
}

/**
 * A gate in front of the sandbox holding the requests `held` picks, with the vendor's credential
 * pointed at it (restored for the next test by beforeEach). Pacing is not under test where the
 * gate sets the order: the sandbox's own rate limit is off meanwhile.
 */
async function gateTencent(held: (action: string) => boolean): Promise<Gate> {
	sandbox.control.setRateLimit({ enabled: false });
	const gate = await startGate(sandbox.url, (req) => held(String(req.headers['x-tc-action'])));
	setCredential(PARTNER_CREDENTIAL, { ...TENCENT_KEYS.partnerKey, sessionToken: '', endpoint: gate.url, language: 'en-US' });
	return gate;
}

async function gateDotdigital(held: () => boolean): Promise<Gate> {
	sandbox.control.setRateLimit({ enabled: false });
	const gate = await startGate(sandbox.url, () => held());
	const { username, password } = DOTDIGITAL_KEYS.resellerUser;
	setCredential(RESELLER, { username, password, baseUrl: `${gate.url}/WebApi/ResellerServices` });
	return gate;
}

/** Huawei's freeze calls, and the one carrying a customer id. */
const isFreeze = (request: HeldRequest) => request.method === 'POST' && request.url.includes('/sub-customers/freeze');
const carrying = (id: string) => (request: HeldRequest) => ((bodyOf(request).customer_ids as string[] | undefined) ?? []).includes(id);

async function gateHuawei(held: (request: HeldRequest) => boolean): Promise<Gate> {
	sandbox.control.setRateLimit({ enabled: false });
	const gate = await startGate(sandbox.url, (req, body) => held({ method: String(req.method), url: String(req.url), body }), { keepHost: true });
	setCredential(AKSK, { ...storedCredential(AKSK), endpoint: gate.url });
	return gate;
}

const allocateEach = { resource: 'credit', operation: 'allocateToCustomer', customerUin: byId('={{ $json.uin }}'), addedCredit: 1, additionalFields: {} };

beforeEach(() => vendorRateLimiter.reset());

describe('items in flight at once', () => {
	it('keep their order and pairedItem, with several requests open at the sandbox', async () => {
		const uins = newCustomers(24);
		setLatency('tencent', 40, 60); // jitter: answers come back out of order
		const opening = await gateUntilOpenAtOnce(gateTencent);
		try {
			const running = runTencent(
				{ resource: 'customer', operation: 'getVerificationStatus', customerUin: byId('={{ $json.uin }}') },
				{ items: uins.map((uin) => ({ uin })) },
			);
			await opening.letThrough(); // the first two open at once are answered newest first
			const result = await running;
			expect(result.error).toBeUndefined();
			expect(opening.gate.mostWaiting()).toBeGreaterThan(1);
			expect(result.items.map((item) => item.pairedItem)).toEqual(uins.map((_, index) => ({ item: index })));
			const asked = requests('tencent', 'QueryAccountVerificationStatus')
				.filter((r) => r.outcome === 'ok')
				.map((r) => Number(r.body.ClientUin));
			expect([...asked].sort()).toEqual([...uins].sort());
		} finally {
			await opening.gate.close();
		}
	});

	it('Max Concurrent Requests 1 sends one at a time', async () => {
		const uins = newCustomers(6);
		setLatency('tencent', 30);
		const result = await runTencent(
			{ resource: 'customer', operation: 'getVerificationStatus', customerUin: byId('={{ $json.uin }}'), options: { maxConcurrentRequests: 1 } },
			{ items: uins.map((uin) => ({ uin })) },
		);
		expect(result.error).toBeUndefined();
		expect(maxInFlight('tencent')).toBe(1);
	});

	it('rejects a Max Concurrent Requests that is not a whole number in range, before sending', async () => {
		const result = await runTencent({ ...allocateEach, customerUin: byId(TENCENT_KEYS.FIRST_CUSTOMER_UIN), options: { maxConcurrentRequests: 2.5 } });
		expect(result.error?.message).toMatch(/Max Concurrent Requests/);
		expect(requests('tencent')).toHaveLength(0);
	});

	it('Continue On Fail: every item runs, failures become error items in place, the rest succeed', async () => {
		const uins = newCustomers(10);
		setLatency('tencent', 30, 40);
		const items = uins.map((uin, index) => ({ uin: index === 3 ? 'not-a-uin' : index === 6 ? 999999999999 : uin }));
		const result = await runTencent(allocateEach, { items, continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual(uins.map((_, index) => ({ item: index })));
		expect(result.json[3].error).toMatch(/Item 4/);
		expect(result.json[6].error).toBeDefined();
		const succeeded = uins.filter((_, index) => index !== 3 && index !== 6);
		expect(succeeded.map(credit)).toEqual(succeeded.map(() => 1));
		expect(result.json.filter((json) => json.error)).toHaveLength(2);
	});
});
describe('custom calls in flight at once', () => {
	it("a custom action's own rate sets how many calls a run keeps in flight", async () => {
		// Pacing on a clock the test controls, judged by the sandbox's window on that clock.
		const paced = paceOnManualClock(vendorRateLimiter);
		const opening = await gateUntilOpenAtOnce(gateTencent);
		try {
			const items = Array.from({ length: 10 }, () => ({}));
			const running = runTencent(
				{ resource: 'custom', operation: 'customAction', actionName: 'QueryPartnerCredit', apiVersion: '2022-09-28', jsonBody: '{}', additionalFields: { rateLimitPerSecond: 5, retryAsRead: true } },
				{ items },
			);
			await opening.letThrough();
			const run = await running;
			expect(run.error).toBeUndefined();
			expect(requests('tencent', 'QueryPartnerCredit')).toHaveLength(10);
			expect(turnedAway(paced.starts, 5)).toEqual([]);
			// At the default 1/s of an unknown action only one call would be open at a time.
			expect(opening.gate.mostWaiting()).toBeGreaterThan(1);
		} finally {
			paced.restore();
			await opening.gate.close();
		}
	});
});


describe('stop on error with writes in flight', () => {
	it('sends nothing after the failure and says which items were applied, unknown and never sent', async () => {
		const uins = newCustomers(12);
		// The test decides when each item may start (the limiter on its clock) and when the vendor
		// answers it (the gate): items 1 to 3 fill the 3 slots; item 1 is answered, so item 4 takes its
		// slot; item 2 then fails while items 3 and 4 are on their way, and items 5 to 12 are not sent.
		const paced = paceOnManualClock(vendorRateLimiter, new ManualClock(1_000_000, false));
		const gate = await gateTencent(() => true);
		try {
			sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'internalError', skip: 1 });
			const running = runTencent({ ...allocateEach, options: { maxConcurrentRequests: 3 } }, { items: uins.map((uin) => ({ uin })) });
			const heldUins = () => gate.held().map((request) => Number(bodyOf(request).ClientUin));
			await until(() => gate.waiting() === 1, 'item 1 on its way');
			for (const count of [2, 3]) {
				await nextStart(paced.clock);
				await until(() => gate.waiting() === count, `item ${count} on its way`);
			}
			expect(heldUins()).toEqual(uins.slice(0, 3));
			await gate.release(); // item 1: applied
			await nextStart(paced.clock);
			await until(() => gate.waiting() === 3, 'item 4 on its way');
			expect(heldUins()).toEqual(uins.slice(1, 4));
			await gate.release(); // item 2: fails, the run stops
			await gate.release(); // items 3 and 4 were on their way: applied after the failure
			await gate.release();
			const result = await running;
			// Every slot of the schedule has come: nothing may start now.
			paced.clock.advance(60000);
			await sleep(20);
			expect(paced.starts).toHaveLength(4);
			expect(gate.arrivals).toHaveLength(4);
			const error = result.error as Error & { context?: IDataObject; description?: string };
			expect(error.message).toMatch(/outcome unknown.*\[items: 3 applied, 1 outcome unknown, 8 never sent\]/);
			expect(error.context?.items).toEqual({ applied: [1, 3, 4], partlyApplied: [], unknown: [2], notApplied: [], turnedAway: [], notSent: [5, 6, 7, 8, 9, 10, 11, 12] });
			expect(error.description).toContain('Applied: items 1, 3-4. Outcome unknown: item 2. Never sent: items 5-12.');
			// The sandbox agrees: applied items were applied once, never-sent ones never arrived.
			expect([0, 2, 3].map((index) => credit(uins[index]))).toEqual([1, 1, 1]);
			const arrived = new Set(requests('tencent', 'AllocateCustomerCredit').map((r) => Number(r.body.ClientUin)));
			expect(uins.slice(4).filter((uin) => arrived.has(uin))).toEqual([]);
			expect(uins.slice(4).map(credit)).toEqual(uins.slice(4).map(() => 0));
		} finally {
			paced.restore();
			await gate.close();
		}
	});

	it('holds back calls still waiting for the rate limiter when a write fails: nothing goes out after it', async () => {
		const uins = newCustomers(12);
		// The limiter runs on a clock only the test moves: item 1 goes at once, item 2 once the clock
		// reaches its slot (210 ms on), and items 3 to 5 hold a slot but wait for a time that never
		// comes before item 2 fails. What is held back follows from the schedule, not from load.
		const paced = paceOnManualClock(vendorRateLimiter, new ManualClock(1_000_000, false));
		try {
			sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'internalError', skip: 1 });
			const running = startWorkflow(
				singleNodeWorkflow('tencentCloudPartner', allocateEach, {
					items: uins.map((uin) => ({ uin })),
					credentials: { tencentCloudPartnerApi: { id: PARTNER_CREDENTIAL, name: PARTNER_CREDENTIAL } },
				}),
			);
			while (paced.starts.length < 1) await sleep(5);
			paced.clock.advance(210);
			const run = await running.done;
			const error = run.data.resultData.error as (Error & { context?: IDataObject }) | undefined;
			expect(error?.message).toMatch(/\[items: 1 applied, 1 outcome unknown, 10 never sent\]/);
			expect(error?.context?.items).toEqual(expect.objectContaining({ applied: [1], unknown: [2], notSent: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }));
			expect(requests('tencent', 'AllocateCustomerCredit')).toHaveLength(2);
			expect(uins.map(credit)).toEqual([1, 0, ...uins.slice(2).map(() => 0)]);
		} finally {
			paced.restore();
		}
	});

	it('a split call with parts in flight names the ids applied after the failure and those never sent', async () => {
		const listed = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 60, additionalFields: { associationType: '3' } });
		const ids = listed.json.map((c) => String(c.customer_id));
		expect(ids.length).toBeGreaterThanOrEqual(41);
		const parts = [ids.slice(0, 10), ids.slice(10, 20), ids.slice(20, 30), ids.slice(30, 40)];
		vendorRateLimiter.reset();
		const paced = paceOnManualClock(vendorRateLimiter, new ManualClock(1_000_000, false));
		const gate = await gateHuawei(isFreeze);
		try {
			sandbox.control.addFault({ provider: 'huawei', action: 'FreezeSubCustomers', kind: 'http500', skip: 1, afterApply: true });
			const running = runHuawei({
				resource: 'customer',
				operation: 'freeze',
				customerIds: ids.slice(0, 41),
				reason: 'overdue',
				additionalFields: {},
				options: { maxConcurrentRequests: 2 },
			});
			// Parts 1 and 2 start together; part 1's answer frees a slot for part 3 before part 2 fails.
			await until(() => gate.waiting() === 1, 'part 1 on its way');
			await nextStart(paced.clock);
			await until(() => gate.waiting() === 2, 'part 2 on its way');
			await gate.release(carrying(parts[0][0])); // applied
			await nextStart(paced.clock);
			await until(() => gate.held().some(carrying(parts[2][0])), 'part 3 on its way');
			await gate.release(carrying(parts[1][0])); // applied, but answered 500: outcome unknown
			await gate.release(carrying(parts[2][0])); // on its way before the failure: applied
			const result = await running;
			expect(result.error?.message).toMatch(/\[split call: 20 applied, 10 outcome unknown, 11 never sent\]/);
			const batch = (result.error?.context as IDataObject).batch as IDataObject;
			expect(batch).toEqual({ done: [...parts[0], ...parts[2]], unknown: parts[1], failed: [], turnedAway: [], notSent: [...parts[3], ids[40]] });
			const sent = requests('huawei', 'FreezeSubCustomers').flatMap((r) => r.body.customer_ids as string[]);
			expect(sent).not.toEqual(expect.arrayContaining([ids[30]]));
			expect(gate.arrivals).toHaveLength(3);
		} finally {
			paced.restore();
			await gate.close();
		}
	});
});

describe('stop on error: the failure reported is the one that stopped the run', () => {
	/** Customer ids the sandbox knows, listed once (freeze accepts them). */
	async function customerIds(count: number): Promise<string[]> {
		const listed = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 60, additionalFields: { associationType: '3' } });
		const ids = listed.json.map((c) => String(c.customer_id));
		expect(ids.length).toBeGreaterThanOrEqual(count);
		sandbox.control.clearRequests();
		return ids.slice(0, count);
	}
	const freezeEach = { resource: 'customer', operation: 'freeze', customerIds: '={{ $json.ids }}', reason: 'overdue', additionalFields: {} };

	/** The limiter on a clock the test moves and a gate holding every freeze: the test orders the calls. */
	async function orderedFreezes() {
		vendorRateLimiter.reset();
		const paced = paceOnManualClock(vendorRateLimiter, new ManualClock(1_000_000, false));
		return { paced, gate: await gateHuawei(isFreeze) };
	}

	/** Lets `count` calls start one after another, in the limiter's order, each held at the gate. */
	async function startInTurn(clock: ManualClock, gate: Gate, count: number): Promise<void> {
		await until(() => gate.waiting() === 1, 'the first call on its way');
		for (let held = 2; held <= count; held++) {
			await nextStart(clock);
			await until(() => gate.waiting() === held, `call ${held} on its way`);
		}
	}

	it('a split list whose calls were all applied while another item failed is reported as applied, not partly applied', async () => {
		const ids = await customerIds(21);
		// Item 1's call goes first, then both calls of item 2; item 1 fails while both are on their way.
		const { paced, gate } = await orderedFreezes();
		try {
			sandbox.control.addFault({ provider: 'huawei', action: 'FreezeSubCustomers', kind: 'internalError' });
			const running = runHuawei({ ...freezeEach, options: { maxConcurrentRequests: 4 } }, { items: [{ ids: [ids[20]] }, { ids: ids.slice(0, 20) }] });
			await startInTurn(paced.clock, gate, 3);
			await gate.release(carrying(ids[20])); // item 1 fails: the run stops
			await gate.release(carrying(ids[0]));
			await gate.release(carrying(ids[10]));
			const result = await running;
			const error = result.error as Error & { context?: IDataObject };
			expect(error.message).not.toMatch(/part of the list was sent/);
			expect(error.message).toMatch(/\[items: 1 applied, 1 outcome unknown\]$/);
			expect(error.context?.items).toEqual(expect.objectContaining({ applied: [2], partlyApplied: [], unknown: [1], notSent: [] }));
			const sent = requests('huawei', 'FreezeSubCustomers').filter((r) => r.outcome === 'ok');
			expect(sent.flatMap((r) => r.body.customer_ids as string[]).sort()).toEqual(ids.slice(0, 20).sort());
		} finally {
			paced.restore();
			await gate.close();
		}
	});

	it('an item stopped midway by the failure does not take its place, though it settles first', async () => {
		const ids = await customerIds(40);
		// Item 1's two calls and item 2's first fill the 3 slots. Item 1's first call fails; item 2's
		// first call is then applied and answered, its second is held back: item 2 settles while item
		// 1's second call is still on its way, and is only answered after that.
		const { paced, gate } = await orderedFreezes();
		try {
			sandbox.control.addFault({ provider: 'huawei', action: 'FreezeSubCustomers', kind: 'internalError' });
			const running = runHuawei({ ...freezeEach, options: { maxConcurrentRequests: 3 } }, { items: [{ ids: ids.slice(0, 20) }, { ids: ids.slice(20, 40) }] });
			await startInTurn(paced.clock, gate, 3);
			await gate.release(carrying(ids[0])); // item 1, first call: fails, the run stops
			await gate.release(carrying(ids[20])); // item 2, first call: applied
			await gate.release(carrying(ids[10])); // item 1, second call: applied, last
			const result = await running;
			const error = result.error as Error & { context?: IDataObject; description?: string };
			expect(error.message).not.toMatch(/Stopped at an earlier failure/);
			expect(error.message).toMatch(/\[split call: 10 applied, 10 outcome unknown\] \[items: 1 partly applied \(split list stopped midway\), 1 outcome unknown\]$/);
			expect(error.context?.batch).toEqual({ done: ids.slice(10, 20), unknown: ids.slice(0, 10), failed: [], turnedAway: [], notSent: [] });
			expect(error.context?.items).toEqual(expect.objectContaining({ partlyApplied: [2], unknown: [1] }));
			// Item 2's own standing is kept in the description: which of its ids were applied.
			expect(error.description).toContain('Partly applied (split list stopped midway): item 2.');
			const sent = requests('huawei', 'FreezeSubCustomers').flatMap((r) => r.body.customer_ids as string[]);
			expect(sent).not.toEqual(expect.arrayContaining([ids[30]]));
		} finally {
			paced.restore();
			await gate.close();
		}
	});

	it('a call turned away after the stop, whose retry is held back, does not take the place of the failure', async () => {
		const ids = await customerIds(21);
		// Item 1's two calls and item 2's call are on their way. Item 1's first call fails; item 2's
		// call is throttled after the stop, so its retry is never sent: it was answered but not
		// applied, and settles before item 1's second call is answered.
		const { paced, gate } = await orderedFreezes();
		try {
			sandbox.control.addFault({ provider: 'huawei', action: 'FreezeSubCustomers', kind: 'internalError' });
			sandbox.control.addFault({ provider: 'huawei', action: 'FreezeSubCustomers', kind: 'throttle' });
			const running = runHuawei({ ...freezeEach, options: { maxConcurrentRequests: 4 } }, { items: [{ ids: ids.slice(0, 20) }, { ids: [ids[20]] }] });
			await startInTurn(paced.clock, gate, 3);
			await gate.release(carrying(ids[0])); // item 1, first call: fails, the run stops
			await gate.release(carrying(ids[20])); // item 2: throttled
			await gate.release(carrying(ids[10])); // item 1, second call: applied, last
			const result = await running;
			const error = result.error as Error & { context?: IDataObject };
			const item2 = requests('huawei', 'FreezeSubCustomers').filter((r) => (r.body.customer_ids as string[]).includes(ids[20]));
			expect(item2.map((r) => r.outcome)).toEqual(['APIG.0308']);
			expect(error.message).toMatch(/\[split call: 10 applied, 10 outcome unknown\] \[items: 1 outcome unknown, 1 not applied \(turned away\)\]$/);
			expect(error.context?.items).toEqual(expect.objectContaining({ applied: [], unknown: [1], turnedAway: [2], notSent: [] }));
			expect(gate.arrivals).toHaveLength(3);
		} finally {
			paced.restore();
			await gate.close();
		}
	});
});

describe('Return All with concurrent pages', () => {
	it('returns the same records in the same order as one page at a time (Tencent pages)', async () => {
		setLatency('tencent', 0, 60); // jitter: answers come back out of order
		const parameters = { resource: 'credit', operation: 'getManyCustomers', returnAll: true, additionalFields: { pageSize: 23 } };
		const sequential = await runTencent({ ...parameters, options: { maxConcurrentRequests: 1 } });
		const opening = await gateUntilOpenAtOnce(gateTencent, { passFirst: 1 });
		try {
			const running = runTencent(parameters);
			await opening.letThrough(); // after the first, two pages open at once, answered newest first
			const concurrent = await running;
			expect(concurrent.error).toBeUndefined();
			expect(opening.gate.mostWaiting()).toBeGreaterThan(1);
			expect(concurrent.json.length).toBeGreaterThan(100);
			expect(concurrent.json).toEqual(sequential.json);
		} finally {
			await opening.gate.close();
		}
	});

	it('returns the same records in the same order as one page at a time (Huawei offsets), and stops at the limit', async () => {
		setLatency('huawei', 0, 60); // jitter: answers come back out of order
		const parameters = { resource: 'customer', operation: 'getMany', returnAll: true, additionalFields: { pageSize: 25 } };
		const sequential = await runHuawei({ ...parameters, options: { maxConcurrentRequests: 1 } });
		const opening = await gateUntilOpenAtOnce(gateHuawei, { passFirst: 1 });
		try {
			const running = runHuawei(parameters);
			await opening.letThrough(); // after the first, two pages open at once, answered newest first
			const concurrent = await running;
			expect(concurrent.error).toBeUndefined();
			expect(opening.gate.mostWaiting()).toBeGreaterThan(1);
			expect(concurrent.json).toEqual(sequential.json);
		} finally {
			await opening.gate.close();
		}
		useHuaweiSandbox(sandbox);
		sandbox.control.clearRequests();
		const limited = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 60, additionalFields: { pageSize: 25 } });
		expect(limited.json).toEqual(sequential.json.slice(0, 60));
		expect(requests('huawei', 'ListSubCustomers')).toHaveLength(3);
	});
});

describe('Return All when the total overstates the list', () => {
	it('stops at the first short page: at most one window of requests past the end, not every page the Total implies', async () => {
		const parameters = { resource: 'credit', operation: 'getManyCustomers', returnAll: true, additionalFields: { pageSize: 23 } };
		const truth = await runTencent({ ...parameters, options: { maxConcurrentRequests: 1 } });
		const pages = Math.floor(truth.json.length / 23) + 1; // full pages, then the short (or empty) one
		sandbox.control.clearRequests();
		setLatency('tencent', 50, 40);
		sandbox.control.addFault({ provider: 'tencent', action: 'QueryCustomersCredit', kind: 'inflateTotal', factor: 20, count: 1000 } as never);
		// Pacing on a clock the test controls, judged by the sandbox's window on that clock: every
		// request logged is a page asked for, none a retry after a throttle on a busy machine.
		const paced = paceOnManualClock(vendorRateLimiter);
		sandbox.control.setRateLimit({ enabled: false });
		try {
			const inflated = await runTencent(parameters); // 5 requests at once for a 5/s action
			expect(inflated.error).toBeUndefined();
			expect(inflated.json).toEqual(truth.json);
			expect(turnedAway(paced.starts, 5)).toEqual([]);
			const sent = requests('tencent', 'QueryCustomersCredit').length;
			expect(sent).toBeGreaterThanOrEqual(pages);
			expect(sent).toBeLessThanOrEqual(pages + 5);
		} finally {
			paced.restore();
		}
	});
});

describe('cancelling an execution', () => {
	it('stops new requests at once', async () => {
		const uins = newCustomers(40);
		// The limiter runs on a clock only the test moves (20/s: a slot every 52.5 ms): exactly four
		// calls have started when the run is cancelled, and no later slot may start one.
		const paced = paceOnManualClock(vendorRateLimiter, new ManualClock(1_000_000, false));
		try {
			const running = startWorkflow(
				singleNodeWorkflow(
					'tencentCloudPartner',
					{ resource: 'customer', operation: 'getVerificationStatus', customerUin: byId('={{ $json.uin }}'), options: { maxConcurrentRequests: 2 } },
					{ items: uins.map((uin) => ({ uin })), credentials: { tencentCloudPartnerApi: { id: PARTNER_CREDENTIAL, name: PARTNER_CREDENTIAL } } },
				),
			);
			for (let started = 1; started < 4; started++) {
				while (paced.starts.length < started) await sleep(5);
				paced.clock.advance(53);
			}
			while (paced.starts.length < 4) await sleep(5);
			running.cancel();
			const run = await running.done;
			paced.clock.advance(60000); // every slot of the schedule has come: none may start now
			await sleep(50);
			expect(paced.starts).toHaveLength(4);
			expect(requests('tencent').length).toBeLessThanOrEqual(4);
			expect(outputOf(run, NODE_NAME).length).toBeLessThan(uins.length);
		} finally {
			paced.restore();
		}
	});
});

describe('the limiter counts per vendor account', () => {
	// Pacing runs on a clock the test controls and the sandbox's own window judges the schedule on
	// that clock, so these hold at any load; the sandbox's real-time limit is off meanwhile.
	let paced: ReturnType<typeof paceOnManualClock>;
	beforeEach(() => {
		paced = paceOnManualClock(vendorRateLimiter);
		sandbox.control.setRateLimit({ enabled: false });
	});
	afterEach(() => paced.restore());

	it.each([
		['a trailing slash', (url: string) => `${url}/`],
		['a capital scheme and host', (url: string) => url.replace('http://127.0.0.1', 'HTTP://127.0.0.1').toUpperCase()],
	])('two credential records holding one SecretId, endpoints differing by %s, share one budget', async (_label, spell) => {
		setCredential('tencent-partner-copy', { ...TENCENT_KEYS.partnerKey, sessionToken: '', endpoint: spell(sandbox.url), language: 'en-US' });
		const [first, second] = [newCustomers(8), newCustomers(8)];
		const [a, b] = await Promise.all([
			runTencent(allocateEach, { items: first.map((uin) => ({ uin })) }),
			runTencent(allocateEach, { items: second.map((uin) => ({ uin })), credential: 'tencent-partner-copy' }),
		]);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect([...first, ...second].map(credit)).toEqual([...first, ...second].map(() => 1));
		expect(new Set(paced.starts.map((start) => start.key)).size).toBe(1);
		expect(paced.starts).toHaveLength(16);
		expect(turnedAway(paced.starts, 5)).toEqual([]);
	});

	it('throttling answers slow the account down; the throttled writes are retried and applied once, none fails', async () => {
		const uins = newCustomers(16);
		// Another client on the same key, as the vendor would report it: three calls turned away.
		sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'throttle', count: 3, skip: 2 });
		const result = await runTencent(allocateEach, { items: uins.map((uin) => ({ uin })) });
		expect(result.error).toBeUndefined();
		expect(result.json.filter((json) => json.error)).toEqual([]);
		expect(uins.map(credit)).toEqual(uins.map(() => 1));
		const outcomes = requests('tencent', 'AllocateCustomerCredit').map((r) => r.outcome);
		expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(16);
		expect(outcomes.filter((outcome) => outcome !== 'ok')).toEqual(['RequestLimitExceeded', 'RequestLimitExceeded', 'RequestLimitExceeded']);
		// Never faster than the limit (5/s: 210 ms apart), and slower after the throttling answers:
		// 60% of the rate is 350 ms apart, climbing back over seconds, so the 19 starts span well
		// over the 18 gaps of the full rate.
		expect(paced.starts).toHaveLength(19);
		const gaps = paced.starts.slice(1).map((start, index) => start.at - paced.starts[index].at);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(210);
		expect(Math.max(...gaps)).toBeGreaterThanOrEqual(350);
		expect(paced.starts[18].at - paced.starts[0].at).toBeGreaterThan(18 * 210 + 500);
	});
});

describe('dotdigital (no published limit)', () => {
	it('keeps several calls open, and a 429 makes it slow down and retry: every credit added once, no error', async () => {
		const dotdigital = (sandbox.control as unknown as { dotdigital: Record<string, (body?: unknown) => IDataObject> }).dotdigital;
		const accounts = await runDotdigital({ resource: 'account', operation: 'getMany', returnAll: false, limit: 1, additionalFields: {} });
		const id = Number(accounts.json[0].AccountId);
		const before = Number(dotdigital.getAccount(id).CreditBalance);
		sandbox.control.addFault({ provider: 'dotdigital', action: 'AddCredit', kind: 'throttle', count: 2, skip: 3 });
		const opening = await gateUntilOpenAtOnce(gateDotdigital);
		let result;
		try {
			const running = runDotdigital(
				{ resource: 'credit', operation: 'add', accountId: account(id), credits: 1, additionalFields: {} },
				{ items: Array.from({ length: 10 }, (_, i) => ({ i })) },
			);
			await opening.letThrough();
			result = await running;
		} finally {
			await opening.gate.close();
		}
		expect(result.error).toBeUndefined();
		expect(result.json.filter((json) => json.error)).toEqual([]);
		expect(opening.gate.mostWaiting()).toBeGreaterThan(1);
		expect(Number(dotdigital.getAccount(id).CreditBalance)).toBe(before + 10);
		expect(requests('dotdigital', 'AddCredit').map((r) => r.outcome).filter((outcome) => outcome !== 'ok')).toEqual(['throttle', 'throttle']);
	});
});

describe('adaptive pacing (units)', () => {
	it('drops the rate on throttling once per event, paces whole calls per window, then climbs back slowly at first, faster the longer none comes', () => {
		let now = 100;
		const limiter = new AdaptiveRateLimiter({}, () => now);
		expect(limiter.rateOf('k', 10)).toBe(10);
		limiter.throttled('k', 10, 100);
		// Cut to 7.5: paced as 7 whole calls per window.
		expect(limiter.rateOf('k', 10)).toBe(7);
		// Calls that started before the decrease were paced at the old rate: no second cut for them.
		limiter.throttled('k', 10, 50);
		expect(limiter.rateOf('k', 10)).toBe(7);
		// 7.72 a second later: still 7.
		now = 1100;
		expect(limiter.rateOf('k', 10)).toBe(7);
		// A throttle of a call started after the decrease cuts again, from where the pace stands: 5.25.
		limiter.throttled('k', 10, 1000);
		expect(limiter.rateOf('k', 10)).toBe(5);
		now = 1100 + 5000; // 6.75
		expect(limiter.rateOf('k', 10)).toBe(6);
		now = 1100 + 8000; // 8.13: the climb speeds up
		expect(limiter.rateOf('k', 10)).toBe(8);
		now = 1100 + 12000;
		expect(limiter.rateOf('k', 10)).toBe(10);
		expect(limiter.rateOf('other', 10)).toBe(10);
	});

	it('processes slowed to whole calls per window that add up to the limit never overfill a window, whatever their phases', () => {
		// Three processes on one account, each with its own limiter, slowed by throttling to 2.25, 2.25
		// and 1.5 calls per second (6 together, over the limit of 5), climbing back for 3 seconds.
		// Paced as whole calls (2 + 2 + 1), no window of the vendor's ever holds more than 5 starts;
		// paced at their fractional rates, some windows would hold 6 or 7.
		let now = 0;
		for (const phase of [0, 37, 137, 311, 500, 733]) {
			const limiters = [2, 2, 3].map((cuts) => {
				const limiter = new AdaptiveRateLimiter({}, () => now);
				for (let cut = 0; cut < cuts; cut++) limiter.throttled('k', 5, now);
				return limiter;
			});
			const starts: number[] = [];
			const nextAt = limiters.map((limiter, index) => (index === 0 ? 0 : phase * index) + limiter.delayFor('k', 5));
			const from = now;
			while (Math.min(...nextAt) < from + 3000) {
				const index = nextAt.indexOf(Math.min(...nextAt));
				now = nextAt[index];
				starts.push(limiters[index].record('k', 5));
				nextAt[index] = now + limiters[index].delayFor('k', 5);
			}
			const busiest = Math.max(...starts.map((at) => starts.filter((other) => other >= at && other < at + 1000).length));
			expect(busiest).toBeLessThanOrEqual(5);
			expect(starts.length).toBeGreaterThanOrEqual(12);
		}
	});

	it('never goes below a floor, and spaces calls at the lowered rate', () => {
		let now = 0;
		const limiter = new AdaptiveRateLimiter({}, () => now);
		for (let i = 0; i < 30; i++) {
			now += 1;
			limiter.throttled('k', 16, now);
		}
		expect(limiter.rateOf('k', 16)).toBeGreaterThanOrEqual(1);
		const at = limiter.record('k', 16);
		expect(limiter.delayFor('k', 16)).toBeGreaterThan(500);
		expect(at).toBe(now);
	});

	it('lets callers start in the order they asked; one that is stopped leaves the line without letting others overtake', async () => {
		const limiter = new AdaptiveRateLimiter({ windowMs: 100, marginMs: 0 });
		const order: number[] = [];
		const second = stopControl();
		const callers = [0, 1, 2, 3].map(async (index) => {
			const signal = index === 1 ? second.signal : undefined;
			await limiter.acquire('k', 10, signal).then(
				() => order.push(index),
				() => order.push(-index),
			);
		});
		second.stop();
		await Promise.all(callers);
		expect(order).toEqual([0, -1, 2, 3]);
	});

	it('learns a ceiling for an action with no published limit after a throttle, then forgets it', () => {
		let now = 0;
		const limiter = new AdaptiveRateLimiter({}, () => now);
		expect(limiter.delayFor('k', 0)).toBe(0);
		for (let i = 0; i < 8; i++) {
			now += 50;
			limiter.record('k', 0);
		}
		limiter.throttled('k', 0, now);
		expect(limiter.rateOf('k', 0)).toBe(6); // 8 seen in the window, cut to 6
		now += 60000;
		expect(limiter.rateOf('k', 0)).toBe(0);
		expect(limiter.delayFor('k', 0)).toBe(0);
	});
});

describe('idle limiter entries (units)', () => {
	const limiterOnManualClock = () => {
		const clock = new ManualClock();
		return { clock, limiter: new AdaptiveRateLimiter({}, clock.now, clock.sleep) };
	};

	it('drops entries once idle: 50,000 keys used once, or 300 custom action names, do not stay', async () => {
		const { clock, limiter } = limiterOnManualClock();
		for (let i = 0; i < 50000; i++) await limiter.acquire(`account-${i}:Action`, 5);
		expect(limiter.size).toBe(50000);
		clock.advance(1000);
		await limiter.acquire('account-0:Action', 5);
		expect(limiter.size).toBe(1);
		for (let i = 0; i < 300; i++) await limiter.acquire(`account:Custom${i}`, 0);
		clock.advance(1000);
		await limiter.acquire('account:Custom0', 0);
		expect(limiter.size).toBe(1);
	});

	it('keeps an entry while calls wait in it or it has a slowdown to remember', async () => {
		const { clock, limiter } = limiterOnManualClock();
		const started = await limiter.acquire('slowed', 5);
		limiter.throttled('slowed', 5, started);
		clock.advance(5000);
		await limiter.acquire('other', 5);
		expect(limiter.size).toBe(2);
		// Recovered after a quiet minute: nothing left to remember, so it goes.
		clock.advance(60000);
		await limiter.acquire('other', 5);
		expect(limiter.size).toBe(1);
	});

	it('dropping and re-creating an entry never lets a burst exceed the limit', async () => {
		const { clock, limiter } = limiterOnManualClock();
		const starts: Array<{ key: string; at: number }> = [];
		let dropped = 0;
		// Bursts separated by pauses around the window (some long enough to drop the entry, some
		// not), with another key's calls in between so that sweeps run at every moment.
		for (const pause of [0, 990, 1000, 1010, 1500, 2100, 10, 999, 1001, 3000]) {
			clock.advance(pause);
			await limiter.acquire(`other-${pause}`, 5);
			if (limiter.size === 1) dropped++;
			const burst = Array.from({ length: 7 }, async () => starts.push({ key: 'k', at: await limiter.acquire('k', 5) }));
			await Promise.all(burst);
		}
		expect(dropped).toBeGreaterThan(2);
		expect(starts).toHaveLength(70);
		expect(turnedAway(starts, 5)).toEqual([]);
	});
});

describe('scheduling (units)', () => {
	it('runs tasks in order with a cap, stops starting after the first failure, and reports each', async () => {
		let running = 0;
		let most = 0;
		const run = await runInOrder(
			8,
			3,
			async (index) => {
				running++;
				most = Math.max(most, running);
				await sleep(5);
				running--;
				if (index === 1) throw new Error('no');
				return index;
			},
			{ stopOnError: true },
		);
		expect(most).toBe(3);
		expect(run.firstFailure).toBe(1);
		expect(run.settled.map((s) => s.state)).toEqual(['done', 'failed', 'done', 'done', 'notStarted', 'notStarted', 'notStarted', 'notStarted']);
	});

	it('starts nothing once the signal is aborted', async () => {
		const controller = new AbortController();
		const started: number[] = [];
		const run = await runInOrder(
			5,
			1,
			async (index) => {
				started.push(index);
				if (index === 1) controller.abort();
				return index;
			},
			{ stopOnError: false, signal: controller.signal },
		);
		expect(started).toEqual([0, 1]);
		expect(run.cancelled).toBe(true);
	});

	it('request slots cap the calls open at once and refuse new ones after cancelling', async () => {
		const controller = new AbortController();
		const slots = new RequestSlots(2);
		let open = 0;
		let most = 0;
		const work = async () => {
			open++;
			most = Math.max(most, open);
			await sleep(5);
			open--;
		};
		await Promise.all(Array.from({ length: 6 }, async () => await slots.run(work, controller.signal)));
		expect(most).toBe(2);
		controller.abort();
		await expect(slots.run(work, controller.signal)).rejects.toThrow(/cancelled/);
	});

	it('a split list stopped by another item after some calls went out says where every id stands', async () => {
		const run = stopControl();
		const ids = Array.from({ length: 25 }, (_, i) => `id${i}`);
		const sent: number[] = [];
		const stopped = sendInBatches(
			ids,
			10,
			true,
			async (_part, index) => {
				sent.push(index);
				run.stop(); // another item failed while this call was on its way
				return {};
			},
			undefined,
			{ limit: 1, signal: run.signal },
		);
		await expect(stopped).rejects.toMatchObject({
			message: expect.stringMatching(/part of the list was sent \[split call: 10 applied, 15 never sent\]/),
			context: { outcome: 'partial' },
		});
		expect(sent).toEqual([0]);
		const held = new StoppedBeforeSending();
		expect(itemStanding([{ state: 'failed', error: await stopped.catch((e: unknown) => e) }, { state: 'failed', error: held }])).toEqual(
			expect.objectContaining({ partlyApplied: [0], notSent: [1] }),
		);
	});

	it('a split list whose calls were all on their way when the run stopped returns every answer', async () => {
		const run = stopControl();
		const ids = Array.from({ length: 25 }, (_, i) => `id${i}`);
		const answers = await sendInBatches(
			ids,
			10,
			true,
			async (_part, index) => {
				if (index === 2) run.stop(); // another item failed once the last call was on its way
				await sleep(5);
				return { index };
			},
			undefined,
			{ limit: 3, signal: run.signal },
		);
		expect(answers).toEqual([{ index: 0 }, { index: 1 }, { index: 2 }]);
		// The same holds for the scheduler: every task started and ended, so nothing was cut short.
		const controller = new AbortController();
		const ordered = await runInOrder(2, 2, async (index) => (index === 1 ? controller.abort() : index), { stopOnError: true, signal: controller.signal });
		expect(ordered.cancelled).toBe(false);
	});

	it('a retry that is due after the run stopped ends with the stop, not with the answer that asked for it', async () => {
		const run = stopControl();
		let attempts = 0;
		const busy = new ApiCallError({ message: 'busy', httpStatus: 503 }, 'notProcessed');
		const retried = withRetries(
			async () => {
				attempts++;
				run.stop(); // another call failed while this one was on its way
				throw busy;
			},
			{ write: true, signal: run.signal, policy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1 } },
		);
		await expect(retried).rejects.toBeInstanceOf(StoppedBeforeSending);
		expect(attempts).toBe(1);
		// An answer that is not retried is the item's own failure, stop or not.
		const refused = new ApiCallError({ message: 'refused', httpStatus: 400 }, 'permanent');
		await expect(withRetries(async () => await Promise.reject(refused), { write: true, signal: run.signal })).rejects.toBe(refused);
	});

	it('names items by ranges and groups them by outcome', () => {
		expect(itemRanges([0, 1, 2, 5, 7, 8])).toBe('1-3, 6, 8-9');
		const unknown = Object.assign(new Error('x'), { context: { outcome: 'unknown' } });
		const refused = Object.assign(new Error('y'), { context: {} });
		expect(
			itemStanding([
				{ state: 'done', value: [] },
				{ state: 'failed', error: unknown },
				{ state: 'failed', error: refused },
				{ state: 'notStarted' },
			]),
		).toEqual({ applied: [0], partlyApplied: [], unknown: [1], notApplied: [2], turnedAway: [], notSent: [3] });
	});
});
