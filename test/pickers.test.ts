/**
 * The Huawei customer picker and the dotdigital account picker (Tencent's are in
 * tencent-reseller-reference): a page at a time through the shared pager, the next page's position
 * handed back as the token until the list ends.
 */
import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import { DotdigitalReseller } from '../nodes/DotdigitalReseller/DotdigitalReseller.node';
import { HuaweiCloudPartner } from '../nodes/HuaweiCloudPartner/HuaweiCloudPartner.node';
import { RESELLER, useDotdigitalSandbox } from './harness/dotdigital';
import { AKSK, useHuaweiSandbox } from './harness/huawei';
import { loadOptionsContext } from './harness/methods';
import type { Sandbox } from './harness/sandbox';
import { startSandbox } from './harness/sandbox';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
	useHuaweiSandbox(sandbox);
	useDotdigitalSandbox(sandbox);
});
beforeEach(() => sandbox.control.reset());
afterAll(async () => await sandbox.close());

const requests = (provider: string, action: string) => sandbox.control.getRequests({ provider, action }).map((r) => r.body ?? {});

describe('Huawei customer picker', () => {
	const searchCustomers = new HuaweiCloudPartner().methods.listSearch.searchCustomers;
	const context = loadOptionsContext('huaweiCloudPartner', { authentication: 'accessKey' }, { huaweiCloudPartnerApi: { id: AKSK, name: 'aksk' } });
	const search = async (filter?: string, token?: string) => (await searchCustomers.call(context, filter, token)) as INodeListSearchResult;

	it('pages 50 customers at a time by offset, ends at the total, and looks a 32-character id up as an id', async () => {
		const first = await search();
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('50');
		const second = await search(undefined, first.paginationToken);
		expect(second.results).toHaveLength(50);
		expect(second.results.map((r) => r.value)).not.toContain(first.results[0].value);
		expect(second.paginationToken).toBe('100');
		// The sandbox holds 250 customers: the page at 200 is the last one.
		const last = await search(undefined, '200');
		expect(last.results).toHaveLength(50);
		expect(last.paginationToken).toBeUndefined();
		const id = String(first.results[7].value);
		const byId = await search(id);
		expect(byId.results.map((r) => r.value)).toEqual([id]);
		expect(requests('huawei', 'ListSubCustomers').map((b: IDataObject) => [b.offset, b.limit, b.customer_id])).toEqual([
			[0, 50, undefined],
			[50, 50, undefined],
			[200, 50, undefined],
			[0, 50, id],
		]);
	});
});

describe('dotdigital account picker', () => {
	const searchAccounts = new DotdigitalReseller().methods.listSearch.searchAccounts;
	const context = loadOptionsContext('dotdigitalReseller', {}, { dotdigitalResellerApi: { id: RESELLER, name: 'reseller' } });
	const search = async (filter?: string, token?: string) => (await searchAccounts.call(context, filter, token)) as INodeListSearchResult;
	const dotdigital = () => sandbox.control.dotdigital as Record<string, (body?: unknown) => IDataObject>;

	it('pages 100 accounts at a time by page number, ends at the total, and searches names', async () => {
		dotdigital().seed({ accounts: 250 });
		const first = await search();
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const last = await search(undefined, '3');
		expect(last.results).toHaveLength(50);
		expect(last.paginationToken).toBeUndefined();
		const account = dotdigital().addAccount({ AccountName: 'Picker Unique Co' });
		const found = await search('  picker unique ');
		expect(found.results).toEqual([{ name: `Picker Unique Co (${String(account.AccountId)})`, value: String(account.AccountId) }]);
		expect(found.paginationToken).toBeUndefined();
		expect(requests('dotdigital', 'GetAccounts').map((b: IDataObject) => [b.PageNumber, b.PageSize, b.Name])).toEqual([
			[1, 100, undefined],
			[3, 100, undefined],
			[1, 100, 'picker unique'],
		]);
	});
});
