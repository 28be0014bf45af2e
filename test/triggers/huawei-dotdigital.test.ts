/**
 * The Huawei Cloud Partner Trigger (budgets as credit) and the dotdigital CPaaS Reseller Trigger (inferred reads).
 */
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { RESELLER } from '../harness/dotdigital';
import { AKSK, IAM, storedCredential, useHuaweiSandbox } from '../harness/huawei';
import { utcAt } from '../harness/clock';
import { pollSequence, pollTrigger } from '../harness/trigger';
import { useSandbox } from '../harness/useSandbox';
import { startGate, until } from '../harness/gate';
import { setCredential } from '../harness/runWorkflow';

const sandbox = useSandbox({ vendors: ['huawei', 'dotdigital'] });
const huawei = () => sandbox.control.huawei as Record<string, (body?: unknown) => IDataObject>;
const dotdigital = () => sandbox.control.dotdigital as Record<string, (body?: unknown) => IDataObject>;


const sequence = pollSequence;

const ids = (items: IDataObject[]) => items.map((i) => i.customerId);
const utc = utcAt;

describe.each([
	['AK/SK', { huaweiCloudPartnerApi: { id: AKSK, name: 'aksk' } }, 'accessKey'],
	['IAM token', { huaweiCloudPartnerIamApi: { id: IAM, name: 'iam' } }, 'iamToken'],
])('Huawei (%s)', (_label, credentials, authentication) => {
	const base = { provider: 'huawei', authentication };
	const requests = () => sandbox.control.getRequests({ provider: 'huawei', action: 'ListSubCustomers' });

	it('New Customer: baseline, new ones, identical seconds, late visibility inside the overlap, removals, failures', async () => {
		const trigger = sequence({ ...base, event: 'newCustomer' }, credentials);
		expect((await trigger.poll()).items).toEqual([]);
		const now = utc(-1);
		const a = huawei().addCustomer({ associated_on: now, account_name: 'alpha-customer' });
		const b = huawei().addCustomer({ associated_on: now, account_name: 'beta-customer' });
		const first = await trigger.poll();
		expect(ids(first.items).sort()).toEqual([a.customer_id, b.customer_id].sort());
		expect(first.items[0]).toEqual(expect.objectContaining({ provider: 'huawei', event: 'newCustomer', associatedAt: now, name: expect.any(String) }));
		expect((await trigger.poll()).items).toEqual([]);

		// Associated a minute before the last poll but visible only now (association is asynchronous).
		const late = huawei().addCustomer({ associated_on: utc(-60), account_name: 'late-customer' });
		const c = huawei().addCustomer({ associated_on: utc(-1), account_name: 'gamma-customer' });
		const d = huawei().addCustomer({ associated_on: utc(-1), account_name: 'delta-customer' });
		huawei().removeCustomer({ customer_id: d.customer_id });
		expect(ids((await trigger.poll()).items).sort()).toEqual([late.customer_id, c.customer_id].sort());

		const before = JSON.stringify(trigger.persisted);
		const e = huawei().addCustomer({ associated_on: utc(-1), account_name: 'epsilon-customer' });
		sandbox.control.addFault({ provider: 'huawei', action: 'ListSubCustomers', kind: 'internalError', count: 10 });
		const failed = await trigger.poll();
		expect(failed.error).toBeDefined();
		expect(JSON.stringify(failed.staticData)).toBe(before);
		sandbox.control.clearFaults();
		expect(ids((await trigger.poll()).items)).toEqual([e.customer_id]);
	});

	it('New Customer: customers associated while a poll pages are emitted exactly once', async () => {
		const trigger = sequence({ ...base, event: 'newCustomer' }, credentials);
		await trigger.poll();
		const batch = Array.from({ length: 150 }, () => huawei().addCustomer({ associated_on: utc(-1) }));
		sandbox.control.clearRequests();
		// Page 2 is held at a gate while two customers are associated: the vendor reads it from a list
		// that moved under the poll.
		let pagesSeen = 0;
		const gate = await startGate(sandbox.url, (req) => String(req.url).includes('/sub-customers/query') && ++pagesSeen === 2, { keepHost: true });
		const credential = String((Object.values(credentials as IDataObject)[0] as IDataObject).id);
		setCredential(credential, { ...storedCredential(credential), endpoint: gate.url });
		let during: IDataObject[];
		let first: Awaited<ReturnType<typeof trigger.poll>>;
		try {
			const polling = trigger.poll();
			await until(() => gate.waiting() === 1, 'page 2 asked for');
			during = [huawei().addCustomer({ associated_on: utc(-1) }), huawei().addCustomer({ associated_on: utc(0) })];
			await gate.release();
			first = await polling;
		} finally {
			await gate.close();
			useHuaweiSandbox(sandbox);
		}
		await sleep(1100); // the next poll's window ends a second later
		const second = await trigger.poll();
		const emitted = [...ids(first.items), ...ids(second.items)];
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(emitted.sort()).toEqual([...batch, ...during].map((c) => String(c.customer_id)).sort());
	});

	it('New Customer costs one request for 10 new customers among thousands, with a small state', async () => {
		huawei().seed({ customers: 5000 });
		const trigger = sequence({ ...base, event: 'newCustomer' }, credentials);
		await trigger.poll();
		for (let i = 0; i < 10; i++) huawei().addCustomer({ associated_on: utc(-1) });
		sandbox.control.clearRequests();
		const result = await trigger.poll();
		expect(result.items).toHaveLength(10);
		expect(requests().length).toBeLessThanOrEqual(2);
		expect(result.stateBytes).toBeLessThan(4096);
	});

	it('Low Credit on budgets: drop, stay low, recover above the margin, drop again; percentage of the budget', async () => {
		const customer = huawei().addCustomer({ association_type: '3', budget_amount: 1000, used_amount: 100, account_name: 'budget-customer' });
		const id = String(customer.customer_id);
		const trigger = sequence({ ...base, event: 'lowCredit', thresholdType: 'percentage', thresholdPercent: 20, rearmMargin: 10, options: { customerIds: id } }, credentials);
		expect((await trigger.poll()).items).toEqual([]);
		huawei().setBudget({ customer_id: id, used_amount: 850 });
		const dropped = await trigger.poll();
		expect(dropped.items).toEqual([
			expect.objectContaining({ provider: 'huawei', event: 'lowCredit', customerId: id, credit: 1000, remainingCredit: 150, currency: 'USD', thresholdType: 'percentage' }),
		]);
		huawei().setBudget({ customer_id: id, used_amount: 900 });
		expect((await trigger.poll()).items).toEqual([]);
		huawei().setBudget({ customer_id: id, used_amount: 750 }); // 25 %: not above 30 %
		expect((await trigger.poll()).items).toEqual([]);
		huawei().setBudget({ customer_id: id, used_amount: 600 }); // 40 %: re-armed
		expect((await trigger.poll()).items).toEqual([]);
		huawei().setBudget({ customer_id: id, used_amount: 990 });
		expect(ids((await trigger.poll()).items)).toEqual([id]);
	});

	it('Low Credit over every reseller customer, and a manual run samples without state', async () => {
		const trigger = sequence({ ...base, event: 'lowCredit', thresholdType: 'amount', threshold: 50, rearmMargin: 0 }, credentials);
		await trigger.poll();
		const customer = huawei().addCustomer({ association_type: '3', budget_amount: 300, used_amount: 0 });
		await trigger.poll();
		huawei().setBudget({ customer_id: customer.customer_id, used_amount: 290 });
		const result = await trigger.poll();
		expect(ids(result.items)).toEqual([customer.customer_id]);
		const manual = await trigger.poll('manual');
		expect(manual.items.length).toBeGreaterThan(0);
		expect(manual.items.every((i) => i.sample === true)).toBe(true);
		expect(JSON.stringify(manual.staticData)).toBe(JSON.stringify(trigger.persisted));
	});
});

describe('dotdigital', () => {
	const credentials = { dotdigitalResellerApi: { id: RESELLER, name: 'reseller' } };
	const base = { provider: 'dotdigital' };

	it('New Customer on growing account ids: baseline, new accounts, removals, no repeats', async () => {
		const trigger = sequence({ ...base, event: 'newCustomer' }, credentials);
		expect((await trigger.poll()).items).toEqual([]);
		const a = dotdigital().addAccount({ AccountName: 'New Co' });
		const b = dotdigital().addAccount({ AccountName: 'Newer Co' });
		dotdigital().removeAccount({ AccountId: 10001 });
		const result = await trigger.poll();
		expect(ids(result.items)).toEqual([String(a.AccountId), String(b.AccountId)]);
		expect(result.items[0]).toEqual(expect.objectContaining({ provider: 'dotdigital', name: 'New Co', currency: 'credits' }));
		expect((await trigger.poll()).items).toEqual([]);
		expect(result.stateBytes).toBeLessThan(4096);
	});

	it('New Customer: an account removed while a poll pages shifts the list, which is read again, so no new account is missed', async () => {
		const requests = () => sandbox.control.getRequests({ provider: 'dotdigital', action: 'GetAccounts' });
		dotdigital().seed({ accounts: 450 });
		const trigger = sequence({ ...base, event: 'newCustomer' }, credentials);
		expect((await trigger.poll()).items).toEqual([]);
		// 550 accounts: a full first page of 500 (new ones from the 451st), then 50.
		const fresh = Array.from({ length: 100 }, (_, i) => dotdigital().addAccount({ AccountName: `Fresh ${i}` }));
		sandbox.control.clearRequests();
		sandbox.control.addFault({ provider: 'dotdigital', action: 'GetAccounts', kind: 'slow', count: 2, delayMs: 300 });
		const polling = trigger.poll();
		while (requests().length < 2) await sleep(5);
		// Page 1 is answered; page 2 is read after an old account on page 1 went: every later account
		// moves up one place, and the 501st (a new one) is on neither page as read.
		dotdigital().removeAccount({ AccountId: 10450 });
		const first = await polling;
		expect(requests().length).toBeGreaterThan(2); // the moved list was read again
		const second = await trigger.poll();
		const emitted = [...ids(first.items), ...ids(second.items)];
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(emitted.sort()).toEqual(fresh.map((a) => String(a.AccountId)).sort());
	});

	it('Low Credit on balances, with the inferred method renamed', async () => {
		dotdigital().renameMethod({ from: 'GetAccounts', to: 'ListAccounts' });
		const account = dotdigital().addAccount({ AccountName: 'Low Co', CreditBalance: 1000 });
		const trigger = sequence({ ...base, event: 'lowCredit', thresholdType: 'amount', threshold: 100, rearmMargin: 50, options: { listAccountsMethod: 'ListAccounts' } }, credentials);
		await trigger.poll();
		dotdigital().setCreditBalance({ AccountId: account.AccountId, CreditBalance: 40 });
		expect(ids((await trigger.poll()).items)).toEqual([String(account.AccountId)]);
		expect((await trigger.poll()).items).toEqual([]);
		dotdigital().setCreditBalance({ AccountId: account.AccountId, CreditBalance: 500 });
		await trigger.poll();
		dotdigital().setCreditBalance({ AccountId: account.AccountId, CreditBalance: 10 });
		expect(ids((await trigger.poll()).items)).toEqual([String(account.AccountId)]);
	});

	it('a percentage threshold needs the watched accounts, and then reads their allocations', async () => {
		const all = await pollTrigger({ ...base, event: 'lowCredit', thresholdType: 'percentage', thresholdPercent: 10, rearmMargin: 0 } as never, credentials as never, {});
		expect(all.error?.message).toContain('needs "Only These Customers"');
		const account = dotdigital().addAccount({ AccountName: 'Pct Co', CreditBalance: 1000 });
		const trigger = sequence({ ...base, event: 'lowCredit', thresholdType: 'percentage', thresholdPercent: 10, rearmMargin: 0, options: { customerIds: String(account.AccountId) } }, credentials);
		await trigger.poll();
		expect((await trigger.poll()).items).toEqual([]);
	});
});
