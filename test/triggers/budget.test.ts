/**
 * Every trigger poll reads within its budget: a poll whose read reaches the deadline stops, stores a
 * resume point beside the event's watermark, emits what it completed, and the next poll carries on.
 * Polls run on a clock the test controls (the rate limiter's, which the deadline reads): the
 * vendor's paced waits spend the budget as they would in n8n, and nothing here is timed.
 */
import type { IDataObject } from 'n8n-workflow';

import { customerKey } from '../../nodes/HuaweiCloudPartner/expirySource';
import { vendorRateLimiter } from '../../nodes/shared/rateLimiter';
import { DEFAULT_POLL_BUDGET_MS, READING_SHARE } from '../../nodes/shared/trigger/pollBudget';
import { RESELLER } from '../harness/dotdigital';
import { AKSK } from '../harness/huawei';
import { PARTNER_CREDENTIAL } from '../harness/tencent';
import type { ManualClock } from '../harness/clock';
import { chinaTimeAt, paceOnManualClock, utcAt } from '../harness/clock';
import type { PollResult, PollSequence } from '../harness/trigger';
import { pollSequence } from '../harness/trigger';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['tencent', 'huawei', 'dotdigital'] });
const control = (provider: string) => (sandbox.control as unknown as Record<string, Record<string, (body?: unknown) => IDataObject>>)[provider];
const tencent = { tencentCloudPartnerApi: { id: PARTNER_CREDENTIAL, name: 'partner' } };
const huawei = { huaweiCloudPartnerApi: { id: AKSK, name: 'aksk' } };
const dotdigital = { dotdigitalResellerApi: { id: RESELLER, name: 'reseller' } };

/** A budget of 1.5 s on the test's clock: about five pages at Tencent's 5 requests per second. */
const SMALL_BUDGET_MS = 1500;

/**
 * Runs `work` with the process-wide limiter on a ManualClock (a paced wait moves it at once) and
 * the sandbox's real-time rate limit off. `latencyMs` moves the clock by that much per request as
 * well, for a vendor that publishes no rate (dotdigital), whose reads the limiter does not pace.
 */
async function onPollClock<T>(work: (clock: ManualClock) => Promise<T>, latencyMs = 0): Promise<T> {
	vendorRateLimiter.reset();
	const paced = paceOnManualClock(vendorRateLimiter);
	const acquire = vendorRateLimiter.acquire;
	vendorRateLimiter.acquire = async (key, documented, signal) => {
		const at = await acquire.call(vendorRateLimiter, key, documented, signal);
		paced.clock.advance(latencyMs);
		return at;
	};
	sandbox.control.setRateLimit({ enabled: false });
	try {
		return await work(paced.clock);
	} finally {
		vendorRateLimiter.acquire = acquire;
		paced.restore();
		sandbox.control.setRateLimit({ enabled: true });
	}
}

/** One poll, with how long it took on the test's clock. */
async function timedPoll(trigger: PollSequence, clock: ManualClock, mode: 'trigger' | 'manual' = 'trigger'): Promise<PollResult & { tookMs: number }> {
	const startedAt = clock.now();
	const result = await trigger.poll(mode);
	return { ...result, tookMs: clock.now() - startedAt };
}

const stateOf = (trigger: PollSequence) => (trigger.persisted['node:Trigger'] ?? {}) as IDataObject;

/** Polls until no sweep is under way; returns every poll (at most `max`). */
async function pollUntilCaughtUp(trigger: PollSequence, clock: ManualClock, event: string, max = 20) {
	const polls: Array<PollResult & { tookMs: number }> = [];
	do {
		const result = await timedPoll(trigger, clock);
		if (result.error) throw result.error;
		polls.push(result);
	} while (stateOf(trigger)[`${event}Resume`] !== undefined && polls.length < max);
	return polls;
}

/** Every id emitted, in emission order (a repeat shows as a second entry). */
const emittedIds = (polls: PollResult[], idField: string) => polls.flatMap((p) => p.items.map((i) => String(i[idField])));

interface EventCase {
	label: string;
	event: string;
	parameters: IDataObject;
	credentials: IDataObject;
	idField: string;
	/** Adds one new record now; returns its id as items carry it. */
	addOne: (i: number) => string;
	/** Records added for the catch-up (several polls' worth at the small budget). */
	count: number;
	latencyMs?: number;
}

const applicationCase = (label: string, event: string, kind: string, idField: string, count: number): EventCase => ({
	label,
	event,
	parameters: { provider: 'tencent', event },
	credentials: tencent,
	idField,
	addOne: () => String((control('tencent').addPendingApplications({ kind, ApplyTime: chinaTimeAt(-1) }).added as number[])[0]),
	count,
});

const CASES: EventCase[] = [
	{
		label: 'Tencent New Customer (newest first)',
		event: 'newCustomer',
		parameters: { provider: 'tencent', event: 'newCustomer' },
		credentials: tencent,
		idField: 'customerId',
		addOne: (i) => String(control('tencent').addCustomer({ AssociationTime: chinaTimeAt(1 + Math.floor(i / 20)) }).ClientUin),
		count: 1200,
	},
	applicationCase('Tencent New Customer Application (whole pending list)', 'newCustomerApplication', 'client', 'customerId', 1200),
	applicationCase('Tencent New Reseller Application (whole pending list)', 'newResellerApplication', 'subAgent', 'resellerId', 4000),
	{
		label: 'Huawei New Customer (time filter)',
		event: 'newCustomer',
		parameters: { provider: 'huawei', authentication: 'accessKey', event: 'newCustomer' },
		credentials: huawei,
		idField: 'customerId',
		addOne: () => String(control('huawei').addCustomer({ associated_on: utcAt(-1) }).customer_id),
		count: 2200,
	},
	{
		label: 'Huawei New Customer Order (time filter, follow-up)',
		event: 'newCustomerOrder',
		parameters: { provider: 'huawei', authentication: 'accessKey', event: 'newCustomerOrder' },
		credentials: huawei,
		idField: 'orderId',
		addOne: () => String((control('huawei').addOrders({ count: 1, create_time: utcAt(-1) }).added as string[])[0]),
		count: 2200,
	},
	{
		label: 'dotdigital New Customer (id watermark, whole list)',
		event: 'newCustomer',
		parameters: { provider: 'dotdigital', event: 'newCustomer' },
		credentials: dotdigital,
		idField: 'customerId',
		addOne: (i) => String(control('dotdigital').addAccount({ AccountName: `Budget ${i}` }).AccountId),
		count: 2600,
		// dotdigital publishes no rate: each request is taken to cost 250 ms on the test's clock.
		latencyMs: 250,
	},
];

describe.each(CASES)('$label', ({ event, parameters, credentials, idField, addOne, count, latencyMs }) => {
	it('a poll cut off by its budget resumes at the next poll: every new record once, none twice, each poll within its budget', async () => {
		await onPollClock(async (clock) => {
			const trigger = pollSequence(parameters, credentials, {}, SMALL_BUDGET_MS);
			const baseline = await pollUntilCaughtUp(trigger, clock, event);
			expect(baseline.flatMap((p) => p.items)).toEqual([]);

			const added = Array.from({ length: count }, (_, i) => addOne(i));
			const first = await timedPoll(trigger, clock);
			expect(first.error).toBeUndefined();
			// Cut off: it emitted part of the new records and left a resume point for the next poll.
			expect(first.items.length).toBeGreaterThan(0);
			expect(first.items.length).toBeLessThan(count);
			expect(stateOf(trigger)[`${event}Resume`]).toEqual(expect.objectContaining({ from: expect.any(Array) }));
			// Records arriving while the sweep is under way are caught too, once: by this sweep if
			// they land where it has still to read, else by the next one.
			const meanwhile = Array.from({ length: 5 }, (_, i) => addOne(count + i));
			const rest = await pollUntilCaughtUp(trigger, clock, event);
			const next = await pollUntilCaughtUp(trigger, clock, event);
			const polls = [first, ...rest, ...next];

			const emitted = emittedIds(polls, idField);
			expect(new Set(emitted).size).toBe(emitted.length);
			expect([...emitted].sort()).toEqual([...added, ...meanwhile].sort());
			expect(rest.length).toBeGreaterThanOrEqual(1);
			for (const poll of [...baseline, ...polls]) expect(poll.tookMs).toBeLessThanOrEqual(SMALL_BUDGET_MS);
			// A list longer than a poll reads keeps being swept (its records inside the watermark's
			// overlap, or a whole list read each time), and a sweep with nothing new emits nothing.
			expect((await pollUntilCaughtUp(trigger, clock, event)).flatMap((p) => p.items)).toEqual([]);
		}, latencyMs);
	});
});

describe('Resume points', () => {
	const event = 'newCustomerApplication';
	const parameters = { provider: 'tencent', event };
	const apply = (count: number) => control('tencent').addPendingApplications({ kind: 'client', count, ApplyTime: chinaTimeAt(-1) });
	const uinsOf = (polls: PollResult[]) => polls.flatMap((p) => p.items.map((i) => String(i.customerId)));

	it('a baseline that takes several polls emits nothing, then each application that came after it once', async () => {
		await onPollClock(async (clock) => {
			control('tencent').addPendingApplications({ kind: 'client', count: 1500, spreadDays: 30, ApplyTime: chinaTimeAt(-3600) });
			const trigger = pollSequence(parameters, tencent, {}, SMALL_BUDGET_MS);
			const baseline = await pollUntilCaughtUp(trigger, clock, event);
			expect(baseline.length).toBeGreaterThan(1);
			expect(baseline.flatMap((p) => p.items)).toEqual([]);
			const added = Array.from({ length: 3 }, () => String((apply(1).added as number[])[0]));
			const next = await pollUntilCaughtUp(trigger, clock, event);
			expect(uinsOf(next).sort()).toEqual(added.sort());
		});
	});

	it('the watermark a sweep leaves is no later than where it began: an application listed late, where the sweep had read, is still new', async () => {
		await onPollClock(async (clock) => {
			const trigger = pollSequence(parameters, tencent, {}, SMALL_BUDGET_MS);
			await pollUntilCaughtUp(trigger, clock, event);
			// One application stamped 9 minutes ahead (inside the future tolerance) heads the list, and
			// 1,200 from 20 minutes ago follow it: more than one poll reads.
			const ahead = String((control('tencent').addPendingApplications({ kind: 'client', ApplyTime: chinaTimeAt(540) }).added as number[])[0]);
			const older = Array.from({ length: 1200 }, () => String((control('tencent').addPendingApplications({ kind: 'client', ApplyTime: chinaTimeAt(-1200) }).added as number[])[0]));
			const first = await timedPoll(trigger, clock);
			expect(stateOf(trigger)[`${event}Resume`]).toBeDefined();
			// Listed only now, stamped 10 minutes ago: it lands near the top, which this sweep has read.
			const late = String((control('tencent').addPendingApplications({ kind: 'client', ApplyTime: chinaTimeAt(-600) }).added as number[])[0]);
			const rest = await pollUntilCaughtUp(trigger, clock, event);
			const next = await pollUntilCaughtUp(trigger, clock, event);
			const emitted = uinsOf([first, ...rest, ...next]);
			expect(new Set(emitted).size).toBe(emitted.length);
			expect(emitted.sort()).toEqual([ahead, ...older, late].sort());
		});
	});

	it('"Emit Existing" across several polls emits every pending application once', async () => {
		await onPollClock(async (clock) => {
			const before = control('tencent').addPendingApplications({ kind: 'client', count: 1300, spreadDays: 30, ApplyTime: chinaTimeAt(-3600) }).pending as number;
			const trigger = pollSequence({ ...parameters, options: { emitExisting: true } }, tencent, {}, SMALL_BUDGET_MS);
			const polls = await pollUntilCaughtUp(trigger, clock, event);
			expect(polls.length).toBeGreaterThan(1);
			const uins = uinsOf(polls);
			expect(uins).toHaveLength(before);
			expect(new Set(uins).size).toBe(before);
			expect((await trigger.poll()).items).toEqual([]);
		});
	});

	it('on a host without getPollBudgetMs the default budget applies', async () => {
		await onPollClock(async (clock) => {
			const older = pollSequence(parameters, tencent, {}, 'absent');
			await older.poll();
			const current = pollSequence(parameters, tencent, older.persisted);
			// More than the default budget reads at 5 requests per second (about 14,000 in 30 s).
			apply(16000);
			const saved = older.persisted;
			const first = await timedPoll(older, clock);
			expect(first.error).toBeUndefined();
			expect(first.tookMs).toBeLessThanOrEqual(DEFAULT_POLL_BUDGET_MS);
			expect(first.items.length).toBeGreaterThan(10000);
			expect(first.items.length).toBeLessThan(16000);
			const rest = await pollUntilCaughtUp(older, clock, event);
			const all = uinsOf([first, ...rest]);
			expect(all).toHaveLength(16000);
			expect(new Set(all).size).toBe(16000);
			// n8n-core's own default (5 minutes) lets the same read finish in one poll.
			current.restartFrom(saved);
			const whole = await timedPoll(current, clock);
			expect(whole.items).toHaveLength(16000);
			expect(whole.tookMs).toBeGreaterThan(DEFAULT_POLL_BUDGET_MS * READING_SHARE);
			expect(stateOf(current)[`${event}Resume`]).toBeUndefined();
		});
	});

	it('a manual run during a sweep leaves the stored state; a failed poll changes nothing; both carry on', async () => {
		await onPollClock(async (clock) => {
			const trigger = pollSequence(parameters, tencent, {}, SMALL_BUDGET_MS);
			await pollUntilCaughtUp(trigger, clock, event);
			const added = Array.from({ length: 1200 }, () => String((apply(1).added as number[])[0]));
			const first = await timedPoll(trigger, clock);
			const during = JSON.stringify(trigger.persisted);
			expect(stateOf(trigger)[`${event}Resume`]).toBeDefined();

			const manual = await timedPoll(trigger, clock, 'manual');
			expect(manual.items.every((i) => i.sample === true)).toBe(true);
			expect(JSON.stringify(manual.staticData)).toBe(during);

			sandbox.control.addFault({ provider: 'tencent', action: 'QueryPendingClientsV2', kind: 'internalError', count: 10 });
			const failed = await timedPoll(trigger, clock);
			expect(failed.error).toBeDefined();
			expect(JSON.stringify(failed.staticData)).toBe(during);
			sandbox.control.clearFaults();

			const rest = await pollUntilCaughtUp(trigger, clock, event);
			const emitted = uinsOf([first, ...rest]);
			expect(new Set(emitted).size).toBe(emitted.length);
			expect(emitted.sort()).toEqual(added.sort());
		});
	});

	it('an unreadable resume point is logged and dropped: the read starts from the list start, never fails', async () => {
		await onPollClock(async (clock) => {
			const trigger = pollSequence(parameters, tencent, {}, SMALL_BUDGET_MS);
			await pollUntilCaughtUp(trigger, clock, event);
			const added = Array.from({ length: 3 }, () => String((apply(1).added as number[])[0]));
			for (const unreadable of ['garbage', { sweep: 'new', from: [0, -1], boundary: [], watermark: { at: '', recent: [] } }, { sweep: 'new', boundary: [7] }]) {
				trigger.restartFrom({ ...trigger.persisted, 'node:Trigger': { ...stateOf(trigger), [`${event}Resume`]: unreadable } });
				const saved = trigger.persisted;
				const result = await trigger.poll();
				expect(result.error).toBeUndefined();
				expect(result.warnings).toEqual([expect.stringContaining('resume point state cannot be read')]);
				expect(result.warnings[0]).toContain('reading the list from its start');
				expect(uinsOf([result]).sort()).toEqual(added.sort());
				expect(stateOf(trigger)[`${event}Resume`]).toBeUndefined();
				trigger.restartFrom(saved);
			}
		});
	});

	it('a list that lost more than a page before where a sweep stopped is read again from its start: nothing missed, nothing twice', async () => {
		await onPollClock(async (clock) => {
			const trigger = pollSequence({ provider: 'tencent', event: 'newCustomer' }, tencent, {}, SMALL_BUDGET_MS);
			await pollUntilCaughtUp(trigger, clock, 'newCustomer');
			const added = Array.from({ length: 1200 }, (_, i) => String(control('tencent').addCustomer({ AssociationTime: chinaTimeAt(1 + Math.floor(i / 20)) }).ClientUin));
			const first = await timedPoll(trigger, clock);
			const resume = stateOf(trigger).newCustomerResume as IDataObject;
			expect(resume.from).toEqual(expect.any(Array));
			// The newest 150 customers (all read and emitted already) are removed: what was not read
			// yet moves up by a page and a half, past where the sweep would carry on.
			const gone = added.slice(-150);
			for (const uin of gone) control('tencent').removeCustomer({ ClientUin: Number(uin) });
			const rest = await pollUntilCaughtUp(trigger, clock, 'newCustomer');
			const emitted = [first, ...rest].flatMap((p) => p.items.map((i) => String(i.customerId)));
			expect(new Set(emitted).size).toBe(emitted.length);
			expect(emitted.sort()).toEqual(added.sort());
		});
	});
});

describe('Huawei Resource Expiring (every customer, one request each)', () => {
	const event = 'resourceExpiring';
	const parameters = { provider: 'huawei', authentication: 'accessKey', event, daysBeforeExpiry: 30 };
	const DAY = 86400;
	const addCustomer = () => String(control('huawei').addCustomer({ associated_on: utcAt(-30 * DAY) }).customer_id);
	/** A resource of `customer` bought `ago` seconds ago (real time), expiring in 20 days: due as it appears. */
	const dueResource = (customer: string, ago = 60) =>
		String((control('huawei').addSubscriptions({ customer_id: customer, expire_time: utcAt(20 * DAY), effective_time: utcAt(-ago) }).added as string[])[0]);
	/** Runs `work` with Huawei's clock (the sandbox's) `seconds` ahead; signed calls allow 15 minutes of skew. */
	async function huaweiAhead<T>(seconds: number, work: () => Promise<T>): Promise<T> {
		sandbox.control.setClockOffset({ offsetMs: seconds * 1000 });
		try {
			return await work();
		} finally {
			sandbox.control.setClockOffset({ offsetMs: 0 });
		}
	}
	const resourcesOf = (polls: PollResult[]) => polls.flatMap((p) => p.items.map((i) => String(i.resourceId)));
	/** 60 customers (about six polls' worth at the small budget and Huawei's 10/s), and a baseline taken. */
	async function customersAndBaseline(clock: ManualClock) {
		control('huawei').seed({ customers: 0 });
		const customers = Array.from({ length: 60 }, addCustomer);
		// Resources already due at activation, at every customer: known by the baseline, never emitted.
		for (const id of customers) control('huawei').addSubscriptions({ customer_id: id, expire_time: utcAt(10 * DAY), effective_time: utcAt(-90 * DAY) });
		const trigger = pollSequence(parameters, huawei, {}, SMALL_BUDGET_MS);
		const baseline = await pollUntilCaughtUp(trigger, clock, event);
		expect(baseline.length).toBeGreaterThan(1);
		expect(baseline.flatMap((p) => p.items)).toEqual([]);
		for (const poll of baseline) expect(poll.tookMs).toBeLessThanOrEqual(SMALL_BUDGET_MS);
		return { customers, trigger };
	}
	/** The first poll of a sweep for one due resource per customer: cut off, with its resume point. */
	async function firstPollOf(trigger: PollSequence, clock: ManualClock, customers: string[], ago = 60) {
		const added = customers.map((id) => dueResource(id, ago));
		const first = await timedPoll(trigger, clock);
		expect(first.error).toBeUndefined();
		expect(first.items.length).toBeGreaterThan(1);
		expect(first.items.length).toBeLessThan(customers.length);
		const resume = stateOf(trigger)[`${event}Resume`] as IDataObject;
		expect(resume.from).toEqual([expect.any(Number), expect.any(Number)]);
		const read = new Set(first.items.map((i) => String(i.customerId)));
		const resumeAt = customers.find((id) => customerKey(id) === (resume.from as number[])[1]);
		expect(resumeAt !== undefined && read.has(resumeAt)).toBe(true);
		return { added, first, read, resumeAt: resumeAt! };
	}

	it('a sweep cut off by its budget resumes at the next poll: every due resource once, none twice, each poll within its budget', async () => {
		await onPollClock(async (clock) => {
			const { customers, trigger } = await customersAndBaseline(clock);
			const { added, first } = await firstPollOf(trigger, clock, customers);
			// Due meanwhile, at customers read already and still to read: this sweep or the next emits them.
			const meanwhile = [customers[0], customers[1], customers[30], customers[58], customers[59]].map(dueResource);
			const rest = await pollUntilCaughtUp(trigger, clock, event);
			const next = await pollUntilCaughtUp(trigger, clock, event);
			const polls = [first, ...rest, ...next];
			const emitted = resourcesOf(polls);
			expect(new Set(emitted).size).toBe(emitted.length);
			expect([...emitted].sort()).toEqual([...added, ...meanwhile].sort());
			expect(rest.length).toBeGreaterThanOrEqual(1);
			for (const poll of polls) expect(poll.tookMs).toBeLessThanOrEqual(SMALL_BUDGET_MS);
			expect((await pollUntilCaughtUp(trigger, clock, event)).flatMap((p) => p.items)).toEqual([]);
		});
	});

	it('customers added and removed between the polls of a sweep: it carries on after the customer it read last, not at a shifted index', async () => {
		await onPollClock(async (clock) => {
			const { customers, trigger } = await customersAndBaseline(clock);
			// Huawei's clock is 12 minutes on; the resources became visible late, dated 5 minutes before
			// the baseline: this sweep reads back to them (the overlap), the next one no longer does, as
			// one that came due a minute ago moves the watermark on.
			await huaweiAhead(720, async () => {
				const recent = dueResource(customers[0], -660);
				const { added, first, read, resumeAt } = await firstPollOf(trigger, clock, customers, 300);
				added.push(recent);
				// Three customers read already leave (before where the sweep stopped: an index would now
				// skip three unread customers), and two arrive, each with a due resource.
				const gone = customers.filter((id) => read.has(id) && id !== resumeAt).slice(0, 3);
				expect(gone).toHaveLength(3);
				for (const id of gone) control('huawei').removeCustomer({ customer_id: id });
				const arrived = [addCustomer(), addCustomer()].map((id) => dueResource(id));
				const rest = await pollUntilCaughtUp(trigger, clock, event);
				const next = await pollUntilCaughtUp(trigger, clock, event);
				const emitted = resourcesOf([first, ...rest, ...next]);
				expect(new Set(emitted).size).toBe(emitted.length);
				expect([...emitted].sort()).toEqual([...added, ...arrived].sort());
				for (const poll of [first, ...rest, ...next]) expect(poll.tookMs).toBeLessThanOrEqual(SMALL_BUDGET_MS);
			});
		});
	});

	it('the customer a sweep stopped after is removed: the sweep reads every customer again, emitting nothing twice', async () => {
		await onPollClock(async (clock) => {
			const { customers, trigger } = await customersAndBaseline(clock);
			const { added, first, resumeAt } = await firstPollOf(trigger, clock, customers);
			control('huawei').removeCustomer({ customer_id: resumeAt });
			const rest = await pollUntilCaughtUp(trigger, clock, event);
			const emitted = resourcesOf([first, ...rest]);
			expect(new Set(emitted).size).toBe(emitted.length);
			expect([...emitted].sort()).toEqual([...added].sort());
			expect((await pollUntilCaughtUp(trigger, clock, event)).flatMap((p) => p.items)).toEqual([]);
		});
	});

	it('a resource that comes due during a baseline of several polls, at a customer read later in it, is emitted after it', async () => {
		await onPollClock(async (clock) => {
			control('huawei').seed({ customers: 0 });
			const customers = Array.from({ length: 60 }, addCustomer);
			const trigger = pollSequence(parameters, huawei, {}, SMALL_BUDGET_MS);
			const first = await timedPoll(trigger, clock);
			expect(stateOf(trigger)[`${event}Resume`]).toBeDefined();
			// Huawei's clock moves 12 minutes on; the last customer, read later in the baseline, has a
			// resource that came due 11 minutes after the baseline began.
			const late = dueResource(customers[59], -660);
			const rest = await huaweiAhead(720, async () => await pollUntilCaughtUp(trigger, clock, event));
			expect([first, ...rest].flatMap((p) => p.items)).toEqual([]);
			const after = await huaweiAhead(720, async () => await pollUntilCaughtUp(trigger, clock, event));
			expect(resourcesOf(after)).toEqual([late]);
		});
	});

	it('Only These Customers, edited during a sweep: it carries on after the customer it read last', async () => {
		await onPollClock(async (clock) => {
			control('huawei').seed({ customers: 0 });
			const customers = Array.from({ length: 40 }, addCustomer);
			const watched = (ids: string[]) => ({ ...parameters, options: { customerIds: ids.join(',') } });
			const trigger = pollSequence(watched(customers), huawei, {}, SMALL_BUDGET_MS);
			await pollUntilCaughtUp(trigger, clock, event);
			const { added, first, read } = await firstPollOf(trigger, clock, customers);
			// The first two watched customers (read already) are taken off the list: their index
			// would now point two customers further on.
			expect(read.has(customers[0]) && read.has(customers[1])).toBe(true);
			const edited = pollSequence(watched(customers.slice(2)), huawei, trigger.persisted, SMALL_BUDGET_MS);
			const rest = await pollUntilCaughtUp(edited, clock, event);
			const emitted = resourcesOf([first, ...rest]);
			expect(new Set(emitted).size).toBe(emitted.length);
			expect([...emitted].sort()).toEqual([...added].sort());
		});
	});
});

interface LowCreditCase {
	label: string;
	parameters: IDataObject;
	credentials: IDataObject;
	/** Adds (or picks) `count` customers with credit far above the threshold; returns their ids. */
	healthy: (count: number) => string[];
	/** Drops a customer's credit below the threshold. */
	drop: (id: string) => void;
	count: number;
	latencyMs?: number;
}

const LOW_CREDIT_CASES: LowCreditCase[] = [
	{
		label: 'Tencent Low Credit over "Only These Customers" (50 per request)',
		parameters: { provider: 'tencent', event: 'lowCredit', thresholdType: 'amount', threshold: 100, rearmMargin: 0 },
		credentials: tencent,
		healthy: (count) => Array.from({ length: count }, () => String(control('tencent').addCustomer({ Credit: 1000, RemainingCredit: 900 }).ClientUin)),
		drop: (id) => void control('tencent').setCredit({ ClientUin: Number(id), RemainingCredit: 10 }),
		count: 600,
	},
	{
		label: 'Huawei Low Credit over every reseller customer (list, then budgets)',
		parameters: { provider: 'huawei', authentication: 'accessKey', event: 'lowCredit', thresholdType: 'amount', threshold: 100, rearmMargin: 0 },
		credentials: huawei,
		healthy: (count) => Array.from({ length: count }, () => String(control('huawei').addCustomer({ association_type: '3', budget_amount: 1000, used_amount: 0 }).customer_id)),
		drop: (id) => void control('huawei').setBudget({ customer_id: id, used_amount: 950 }),
		count: 1500,
	},
	{
		label: 'dotdigital Low Credit over every account',
		parameters: { provider: 'dotdigital', event: 'lowCredit', thresholdType: 'amount', threshold: 100, rearmMargin: 0 },
		credentials: dotdigital,
		healthy: (count) => Array.from({ length: count }, (_, i) => String(control('dotdigital').addAccount({ AccountName: `Credit ${i}`, CreditBalance: 1000 }).AccountId)),
		drop: (id) => void control('dotdigital').setCreditBalance({ AccountId: Number(id), CreditBalance: 10 }),
		count: 3000,
		latencyMs: 250,
	},
];

describe.each(LOW_CREDIT_CASES)('$label', ({ parameters, credentials, healthy, drop, count, latencyMs }) => {
	it('a reading cut off by its budget carries on at the next poll: each customer that dropped fires once, none twice', async () => {
		await onPollClock(async (clock) => {
			const ids = healthy(count);
			const watched = parameters.provider === 'tencent' ? { options: { customerIds: ids.join(',') } } : {};
			// Some are low already at activation, all along the list.
			for (const id of ids.filter((_, i) => i % 3 === 1)) drop(id);
			const trigger = pollSequence({ ...parameters, ...watched }, credentials, {}, SMALL_BUDGET_MS);
			// The first reading takes several polls and records who is low already: it emits nothing.
			const baseline = await pollUntilCaughtUp(trigger, clock, 'lowCredit');
			expect(baseline.length).toBeGreaterThan(1);
			expect(baseline.flatMap((p) => p.items)).toEqual([]);

			// Every third customer drops below the threshold, spread over the whole list.
			const dropped = ids.filter((_, i) => i % 3 === 0);
			for (const id of dropped) drop(id);
			const polls = [...(await pollUntilCaughtUp(trigger, clock, 'lowCredit')), ...(await pollUntilCaughtUp(trigger, clock, 'lowCredit'))];
			expect(polls[0].items.length).toBeLessThan(dropped.length);
			const emitted = emittedIds(polls, 'customerId');
			expect(new Set(emitted).size).toBe(emitted.length);
			expect([...emitted].sort()).toEqual([...dropped].sort());
			for (const poll of [...baseline, ...polls]) expect(poll.tookMs).toBeLessThanOrEqual(SMALL_BUDGET_MS);
		}, latencyMs);
	});
});
