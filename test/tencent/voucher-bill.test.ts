/**
 * Voucher, Bill and the end customer's own Bill operations, through n8n-core against the sandbox.
 */
import type { IDataObject } from 'n8n-workflow';

import { TENCENT_KEYS } from '../harness/sandbox';
import { byId, CUSTOMER_CREDENTIAL, runTencent } from '../harness/tencent';
import { useSandbox } from '../harness/useSandbox';
import { onTestClock, turnedAway } from '../harness/clock';

const sandbox = useSandbox({ vendors: ['tencent'] });
const customer = TENCENT_KEYS.FIRST_CUSTOMER_UIN;
const DECIMAL_8 = /^-?\d+\.\d{8}$/;

/** The last complete month, as an n8n date picker gives it. */
function lastMonthPicked(): { picked: string; month: string } {
	const now = new Date();
	const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
	const month = d.toISOString().slice(0, 7);
	return { picked: `${month}-15T00:00:00.000+08:00`, month };
}


const requests = (action?: string) => sandbox.control.getRequests({ provider: 'tencent', action });

describe('Voucher', () => {
	it('Get Voucher Pool', async () => {
		const result = await runTencent({ resource: 'voucher', operation: 'getPool' });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toEqual(expect.objectContaining({ TotalQuota: expect.any(Number), RemainingQuota: expect.any(Number), AccountType: expect.any(Number) }));
	});

	it('Get Amounts by UINs: 45 UINs on a 20-per-call action make 3 calls', async () => {
		const uins = Array.from({ length: 45 }, (_, i) => customer + i);
		const result = await runTencent({ resource: 'voucher', operation: 'getAmountsByUins', customerUins: uins.map(String) });
		expect(result.error).toBeUndefined();
		expect(requests('QueryVoucherAmountByUin').map((r) => (r.body.ClientUins as number[]).length)).toEqual([20, 20, 5]);
		expect(result.json.map((r) => r.ClientUin).sort()).toEqual(uins.sort());
	});

	it('Get Many by UINs returns one item per customer with its vouchers, filtered by status', async () => {
		const result = await runTencent({ resource: 'voucher', operation: 'getManyByUins', customerUins: [`${customer}, ${customer + 1}`], additionalFields: { status: 'Unused' } });
		expect(result.error).toBeUndefined();
		expect(result.json.map((r) => r.ClientUin)).toEqual([customer, customer + 1]);
		for (const entry of result.json) {
			for (const voucher of entry.Data as IDataObject[]) expect(voucher.VoucherStatus).toBe('Unused');
		}
		expect(requests('QueryVoucherListByUin')[0].body).toEqual({ ClientUins: [customer, customer + 1], Status: 'Unused' });
	});

	it('Get Many pages through every voucher (TotalCount) and filters', async () => {
		const { value: all, starts } = await onTestClock(sandbox, async () => await runTencent({ resource: 'voucher', operation: 'getMany', returnAll: true, additionalFields: { pageSize: 10 } }));
		expect(all.error).toBeUndefined();
		expect(turnedAway(starts, 20)).toEqual([]);
		const calls = requests('DescribeCustomerVoucherList');
		expect(calls.length).toBe(Math.ceil(all.json.length / 10));
		expect(all.json.length).toBeGreaterThan(10);
		const one = all.json[0];
		const filtered = await runTencent({
			resource: 'voucher',
			operation: 'getMany',
			returnAll: true,
			additionalFields: { customerUin: byId(one.CustomerUin as number), voucherStatus: one.VoucherStatus as string },
		});
		expect(filtered.json.length).toBeGreaterThan(0);
		expect(filtered.json.every((v) => v.CustomerUin === one.CustomerUin && v.VoucherStatus === one.VoucherStatus)).toBe(true);
	});

	it("Get Usage lists a voucher's usage records", async () => {
		const vouchers = await runTencent({ resource: 'voucher', operation: 'getMany', returnAll: true, additionalFields: { voucherStatus: 'Used' } });
		const used = vouchers.json[0];
		const result = await runTencent({ resource: 'voucher', operation: 'getUsage', customerUin: byId(used.CustomerUin as number), voucherId: used.VoucherId as string, returnAll: true, additionalFields: {} });
		expect(result.error).toBeUndefined();
		expect(result.json.length).toBeGreaterThan(0);
		expect(result.json[0]).toEqual(expect.objectContaining({ Amount: expect.any(Number), DealName: expect.any(String) }));
	});

	it("Get Own Vouchers and Get Own Voucher Usage use the customer's key", async () => {
		const own = await runTencent({ resource: 'voucher', operation: 'getOwnVouchers', returnAll: true, additionalFields: {} }, { credential: CUSTOMER_CREDENTIAL });
		expect(own.error).toBeUndefined();
		expect(own.json.length).toBeGreaterThan(0);
		expect(own.json.every((v) => v.CustomerUin === customer)).toBe(true);
		const withUsage = own.json.find((v) => v.VoucherStatus === 'Used') ?? own.json[0];
		const usage = await runTencent(
			{ resource: 'voucher', operation: 'getOwnVoucherUsage', voucherId: withUsage.VoucherId as string, returnAll: true, additionalFields: {} },
			{ credential: CUSTOMER_CREDENTIAL },
		);
		expect(usage.error).toBeUndefined();
		expect(requests('DescribeCustomerOwnVoucherUsageDetails')[0].body).toEqual(expect.objectContaining({ VoucherId: withUsage.VoucherId, Page: 1 }));
	});
});

describe('Bill (partner view)', () => {
	const { picked, month } = lastMonthPicked();

	it('Get Customer Summary converts a picked date to YYYY-MM', async () => {
		const result = await runTencent({ resource: 'bill', operation: 'getSummary', customerUin: byId(customer), month: picked, additionalFields: { payMode: 'postPay' } });
		expect(result.error).toBeUndefined();
		expect(typeof result.json[0].TotalCost).toBe('number');
		expect(requests('DescribeCustomerBillSummary')[0].body).toEqual({ CustomerUin: customer, Month: month, PayMode: 'postPay' });
	});

	it('Get Customer Details pages through the lines and keeps amounts as exact decimal strings', async () => {
		const { value: result, starts } = await onTestClock(sandbox, async () =>
			await runTencent({ resource: 'bill', operation: 'getDetails', customerUin: byId(customer), month, returnAll: true, additionalFields: { pageSize: 50 } }),
		);
		expect(result.error).toBeUndefined();
		expect(turnedAway(starts, 5)).toEqual([]);
		expect(result.json.length).toBeGreaterThan(50);
		expect(requests('DescribeCustomerBillDetail').length).toBe(Math.ceil(result.json.length / 50));
		for (const line of result.json) {
			expect(line.TotalCost).toMatch(DECIMAL_8);
			expect(line.OriginalCost).toMatch(DECIMAL_8);
		}

		const simple = await runTencent({ resource: 'bill', operation: 'getDetails', customerUin: byId(customer), month, returnAll: false, limit: 3, simplify: true, additionalFields: {} });
		expect(simple.json).toHaveLength(3);
		expect(typeof simple.json[0].TotalCost).toBe('number');
		expect(simple.json[0].TotalCost).toBeCloseTo(Number(result.json[0].TotalCost), 8);
	});

	it('Get Customer Day Total accepts a date and refuses days before 2025-06-01 without sending', async () => {
		const ok = await runTencent({ resource: 'bill', operation: 'getDayTotal', customerUin: byId(customer), date: '2025-06-25T00:00:00' });
		expect(ok.error).toBeUndefined();
		expect(ok.json[0].TotalCost).toMatch(/^\d+(\.\d+)?$/);
		expect(requests('DescribeCustomerBillDetailByDay')[0].body).toEqual({ CustomerUin: customer, Date: '2025-06-25' });
		const early = await runTencent({ resource: 'bill', operation: 'getDayTotal', customerUin: byId(customer), date: '2025-05-31' });
		expect(early.error?.message).toMatch(/"Date" must be 2025-06-01 or later/);
		expect(requests('DescribeCustomerBillDetailByDay')).toHaveLength(1);
	});

	it.each([
		['getSummaryByPayMode', 'DescribeBillSummaryByPayMode', 'PayMode'],
		['getSummaryByProduct', 'DescribeBillSummaryByProduct', 'BusinessCode'],
		['getSummaryByRegion', 'DescribeBillSummaryByRegion', 'RegionId'],
	])('%s returns one item per group with exact amounts, and Simplify flattens them', async (operation, action, key) => {
		const result = await runTencent({ resource: 'bill', operation, billMonth: month, customerUin: byId(customer) });
		expect(result.error).toBeUndefined();
		expect(result.json.length).toBeGreaterThan(1);
		expect(result.json.every((g) => typeof g[key] === 'string' && DECIMAL_8.test(String(g.TotalCost)))).toBe(true);
		expect(requests(action)[0].body).toEqual({ BillMonth: month, CustomerUin: customer });
		const simple = await runTencent({ resource: 'bill', operation, billMonth: month, customerUin: byId(customer), simplify: true });
		expect(typeof simple.json[0].TotalCost).toBe('number');
		expect(Object.values(simple.json[0]).every((v) => v === null || typeof v !== 'object')).toBe(true);
	});

	it('Get Bill File waits until the file is ready (ready on the third check) and downloads it', async () => {
		sandbox.control.tencent.setDownloadReadyAfter({ polls: 2 });
		const result = await runTencent({
			resource: 'bill',
			operation: 'getDownloadUrl',
			month,
			fileType: 'billDetail',
			customerUinType: 'Customer',
			waitUntilReady: true,
			maxPolls: 5,
			pollIntervalSeconds: 0,
			downloadFile: true,
			additionalFields: { customerUin: byId(customer) },
		});
		expect(result.error).toBeUndefined();
		expect(requests('DescribeCustomerBillDownloadUrl')).toHaveLength(3);
		expect(result.json[0]).toEqual(expect.objectContaining({ Ready: 1, DownloadUrl: expect.stringContaining('/_files/') }));
		const binary = result.items[0].binary?.data;
		expect(binary?.fileName).toMatch(/\.csv$/);
		expect(Buffer.from(binary?.data ?? '', 'base64').toString('utf8').length).toBeGreaterThan(20);
	});

	it('Get Bill File gives a clear error when the file never becomes ready', async () => {
		sandbox.control.tencent.setDownloadReadyAfter({ polls: -1 });
		const result = await runTencent({
			resource: 'bill',
			operation: 'getDownloadUrl',
			month,
			fileType: 'billDetail',
			customerUinType: 'Customer',
			waitUntilReady: true,
			maxPolls: 3,
			pollIntervalSeconds: 0,
			additionalFields: { customerUin: byId(customer) },
		});
		expect(result.error?.message).toMatch(/still not ready after 3 checks/);
		expect(requests('DescribeCustomerBillDownloadUrl')).toHaveLength(3);
	});

	it('Get Commission File returns the URL once ready', async () => {
		sandbox.control.tencent.setDownloadReadyAfter({ polls: 0 });
		const result = await runTencent({ resource: 'bill', operation: 'getRebateDownloadUrl', month, fileType: 'CommissionDetail', waitUntilReady: true, maxPolls: 2, pollIntervalSeconds: 0 });
		expect(result.error).toBeUndefined();
		expect(result.json[0].DownloadUrl).toEqual(expect.stringContaining('http'));
	});
});

describe("Bill (customer's own key)", () => {
	const { month } = lastMonthPicked();
	const own = { credential: CUSTOMER_CREDENTIAL };

	it('Get Summary groups by product', async () => {
		const result = await runTencent({ resource: 'ownBill', operation: 'getSummary', month, groupType: 'product', additionalFields: {} }, own);
		expect(result.error).toBeUndefined();
		expect(result.json.length).toBeGreaterThan(0);
		expect(result.json[0].TotalCost).toMatch(/^\d+\.\d+$/);
	});

	it('Get Details pages', async () => {
		const { value: result, starts } = await onTestClock(sandbox, async () =>
			await runTencent({ resource: 'ownBill', operation: 'getDetails', month, returnAll: true, additionalFields: { pageSize: 100 } }, own),
		);
		expect(result.error).toBeUndefined();
		expect(turnedAway(starts, 1)).toEqual([]);
		expect(result.json.length).toBeGreaterThan(100);
		expect(requests('DescribeBillDetail').length).toBe(Math.ceil(result.json.length / 100));
	});

	it('Get Bill File', async () => {
		sandbox.control.tencent.setDownloadReadyAfter({ polls: 0 });
		const result = await runTencent({ resource: 'ownBill', operation: 'getDownloadUrl', month, fileType: 'L3', waitUntilReady: true, maxPolls: 2, pollIntervalSeconds: 0 }, own);
		expect(result.error).toBeUndefined();
		expect(result.json[0].Ready).toBe(1);
	});

	it('Get Cost Filters and Get Cost Summary (with a JSON filter)', async () => {
		const range = { startTime: `${month}-01 00:00:00`, endTime: `${month}-28T23:59:59`, periodType: 'day' };
		const filters = await runTencent({ resource: 'ownBill', operation: 'getCostFilters', ...range }, own);
		expect(filters.error).toBeUndefined();
		expect(Array.isArray(filters.json[0].Business)).toBe(true);
		const business = String(((filters.json[0].Business as IDataObject[])[0] ?? {}).Key);
		const summary = await runTencent(
			{ resource: 'ownBill', operation: 'getCostSummary', dimension: 'Business', feeType: 'totalCost', ...range, returnAll: true, additionalFields: { filter: JSON.stringify({ BusinessIn: [business] }) } },
			own,
		);
		expect(summary.error).toBeUndefined();
		const [request] = requests('DescribeCustomerOwnCostExplorerSummary');
		expect(request.body).toEqual(expect.objectContaining({ BillType: 1, StartTime: `${month}-01 00:00:00`, EndTime: `${month}-28 23:59:59`, Filter: { BusinessIn: [business] } }));
		expect(summary.json.every((row) => row.Code === business)).toBe(true);
	});
});
