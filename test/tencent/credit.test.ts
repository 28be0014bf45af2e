/**
 * Every Credit operation of the Tencent Cloud Partner node, through n8n-core against the sandbox.
 */
import { TENCENT_KEYS } from '../harness/sandbox';
import { byId, CUSTOMER_CREDENTIAL, runTencent } from '../harness/tencent';
import { useSandbox } from '../harness/useSandbox';
import { onTestClock, turnedAway } from '../harness/clock';

const sandbox = useSandbox({ vendors: ['tencent'] });
const customer = TENCENT_KEYS.FIRST_CUSTOMER_UIN;


const requests = (action?: string) => sandbox.control.getRequests({ provider: 'tencent', action });
const stored = (uin: number) => sandbox.control.tencent.getCustomer(uin) as { Credit: number; RemainingCredit: number };

describe('Credit', () => {
	it('Get Partner Credit returns the partner figures as numbers', async () => {
		const result = await runTencent({ resource: 'credit', operation: 'getPartnerCredit' });
		expect(result.error).toBeUndefined();
		const partner = sandbox.control.tencent.getPartner() as { RemainingCredit: number; TotalCredit: number };
		expect(result.json[0]).toEqual(
			expect.objectContaining({ RemainingCredit: partner.RemainingCredit, TotalCredit: partner.TotalCredit, RequestId: expect.any(String) }),
		);
	});

	it('Get Many Customer Credits: Return All pages through every customer, newest first', async () => {
		const result = await runTencent({ resource: 'credit', operation: 'getManyCustomers', returnAll: true, additionalFields: {} });
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(300);
		expect(new Set(result.json.map((c) => c.ClientUin)).size).toBe(300);
		const times = result.json.map((c) => String(c.AssociationTime));
		expect([...times].sort().reverse()).toEqual(times);
		expect(requests('QueryCustomersCredit').map((r) => r.body)).toEqual([
			{ Page: 1, PageSize: 100 },
			{ Page: 2, PageSize: 100 },
			{ Page: 3, PageSize: 100 },
		]);
		// Every item is paired with the one input item.
		expect(result.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Get Many Customer Credits: Limit, search and order', async () => {
		const limited = await runTencent({ resource: 'credit', operation: 'getManyCustomers', returnAll: false, limit: 5, additionalFields: { order: 'asc' } });
		expect(limited.json).toHaveLength(5);
		expect(requests('QueryCustomersCredit').map((r) => r.body)).toEqual([{ Page: 1, PageSize: 5, Order: 'asc' }]);

		const byUin = await runTencent({
			resource: 'credit',
			operation: 'getManyCustomers',
			returnAll: true,
			additionalFields: { filterType: 'ClientUin', filter: String(customer) },
		});
		expect(byUin.json.map((c) => c.ClientUin)).toEqual([customer]);
	});

	it('Get Direct Customer Credits returns every direct customer in one call, with a client-side limit', async () => {
		const all = await runTencent({ resource: 'credit', operation: 'getDirectCustomers', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.json.length).toBeGreaterThanOrEqual(300);
		expect(all.json[0]).toEqual(expect.objectContaining({ Uin: expect.any(Number), TotalCredit: expect.any(Number), RemainingCredit: expect.any(Number) }));
		const few = await runTencent({ resource: 'credit', operation: 'getDirectCustomers', returnAll: false, limit: 3 });
		expect(few.json).toHaveLength(3);
		expect(requests('QueryDirectCustomersCredit')).toHaveLength(2);
	});

	it('Get Credit by UINs splits 60 UINs into calls of 50 and 10', async () => {
		const uins = Array.from({ length: 60 }, (_, i) => customer + i);
		const result = await runTencent({ resource: 'credit', operation: 'getByUins', customerUins: [uins.join(',')] });
		expect(result.error).toBeUndefined();
		expect(result.json.map((r) => r.Uin).sort()).toEqual(uins.sort());
		expect(requests('QueryCreditByUinList').map((r) => (r.body.UinList as number[]).length)).toEqual([50, 10]);
	});

	it('Allocate to Customer changes the credit by the amount and records it in the history', async () => {
		const before = stored(customer);
		const result = await runTencent({
			resource: 'credit',
			operation: 'allocateToCustomer',
			customerUin: byId(customer),
			addedCredit: 25.5,
			additionalFields: { remark: 'monthly top-up' },
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0].RemainingCredit).toBeCloseTo(before.RemainingCredit + 25.5, 2);
		expect(stored(customer).RemainingCredit).toBeCloseTo(before.RemainingCredit + 25.5, 2);
		expect(requests('AllocateCustomerCredit')[0].body).toEqual({ ClientUin: customer, AddedCredit: 25.5, Remark: 'monthly top-up' });

		const history = await runTencent({ resource: 'credit', operation: 'getAllocationHistory', customerUin: byId(customer), returnAll: false, limit: 1, additionalFields: {} });
		expect(history.error).toBeUndefined();
		expect(history.json[0]).toEqual(expect.objectContaining({ Credit: 25.5, Remark: 'monthly top-up' }));
	});

	it('Get Allocation History pages with Return All', async () => {
		for (let i = 1; i <= 3; i++) {
			await runTencent({ resource: 'credit', operation: 'allocateToCustomer', customerUin: byId(customer), addedCredit: i, additionalFields: {} });
		}
		const { value: result, starts } = await onTestClock(sandbox, async () =>
			await runTencent({ resource: 'credit', operation: 'getAllocationHistory', customerUin: byId(customer), returnAll: true, additionalFields: { pageSize: 2 } }),
		);
		expect(result.error).toBeUndefined();
		expect(turnedAway(starts, 5)).toEqual([]);
		expect(result.json.length).toBeGreaterThanOrEqual(3);
		const calls = requests('QueryCreditAllocationHistory');
		expect(calls.length).toBe(Math.ceil(result.json.length / 2));
		expect(calls.every((c) => c.body.ClientUin === customer && c.body.PageSize === 2)).toBe(true);
	});

	it("Allocate to Second-Level Reseller moves credit into the reseller's pool", async () => {
		const resellers = await runTencent({ resource: 'subAgent', operation: 'getMany', returnAll: false, limit: 1, additionalFields: {} });
		const reseller = resellers.json[0];
		const result = await runTencent({ resource: 'credit', operation: 'allocateToSubAgent', subAgentUin: byId(reseller.SubAgentUin as number), credit: 500 });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toEqual(expect.objectContaining({ TotalCredit: expect.any(Number), RemainingCredit: expect.any(Number) }));
		expect(requests('AllocateCreditPool')[0].body).toEqual({ SubAgentUin: reseller.SubAgentUin, Credit: 500 });
	});

	it("Get Own Billing Quota works with the customer's key and says so with the partner's", async () => {
		const own = await runTencent({ resource: 'credit', operation: 'getOwnBillingQuota' }, { credential: CUSTOMER_CREDENTIAL });
		expect(own.error).toBeUndefined();
		expect(own.json[0]).toEqual(expect.objectContaining({ TotalCredit: expect.any(Number), RemainingCredit: expect.any(Number), RequestId: expect.any(String) }));

		const partner = await runTencent({ resource: 'credit', operation: 'getOwnBillingQuota' });
		expect(partner.error?.message).toContain('UnauthorizedOperation.UinNoAuth');
		expect(String(partner.error?.description)).toContain("end customer's own key");
	});
});
