/**
 * Second-level reseller and reference data operations, plus the node's dropdowns and pickers.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { TencentCloudPartner } from '../../nodes/TencentCloudPartner/TencentCloudPartner.node';
import { loadOptionsContext } from '../harness/methods';
import { TENCENT_KEYS } from '../harness/sandbox';
import { byId, PARTNER_CREDENTIAL, runTencent } from '../harness/tencent';
import { useSandbox } from '../harness/useSandbox';
import { onTestClock, turnedAway } from '../harness/clock';

const sandbox = useSandbox({ vendors: ['tencent'] });
const node = new TencentCloudPartner();


const requests = (action?: string) => sandbox.control.getRequests({ provider: 'tencent', action });
const context = (parameters: Record<string, unknown> = {}) =>
	loadOptionsContext('tencentCloudPartner', parameters as never, { tencentCloudPartnerApi: { id: PARTNER_CREDENTIAL, name: 'partner' } });

describe('Second-Level Reseller', () => {
	it('Get Many lists resellers with their pools, with search', async () => {
		const all = await runTencent({ resource: 'subAgent', operation: 'getMany', returnAll: true, additionalFields: {} });
		expect(all.error).toBeUndefined();
		expect(all.json.length).toBe(10);
		expect(all.json[0]).toEqual(expect.objectContaining({ SubAgentUin: expect.any(Number), Credit: expect.any(Number) }));
		const one = await runTencent({ resource: 'subAgent', operation: 'getMany', returnAll: true, additionalFields: { filterType: 'SubAgentUin', filter: String(all.json[3].SubAgentUin) } });
		expect(one.json.map((r) => r.SubAgentUin)).toEqual([all.json[3].SubAgentUin]);
	});

	it('Get Many Pending Applications, then approve one with Review Application', async () => {
		const pending = await runTencent({ resource: 'subAgent', operation: 'getPendingApplications', returnAll: true, additionalFields: {} });
		expect(pending.error).toBeUndefined();
		expect(pending.json.length).toBeGreaterThan(0);
		const approvable = pending.json.find((a) => a.AuthState === 3) ?? pending.json[0];
		const result = await runTencent({ resource: 'subAgent', operation: 'reviewApplication', applicantUin: byId(approvable.SubAgentUin as number), approveType: 'pass', additionalFields: {} }, { continueOnFail: true });
		expect(requests('ApproveSubAgentApply')[0].body).toEqual({ SubAgentUin: approvable.SubAgentUin, ApproveType: 'pass' });
		expect(result.json[0].RequestId ?? result.json[0].vendorCode).toEqual(expect.any(String));
		const rejected = await runTencent({ resource: 'subAgent', operation: 'reviewApplication', applicantUin: byId(pending.json[pending.json.length - 1].SubAgentUin as number), approveType: 'reject', additionalFields: { rejectReason: 'missing account info' } });
		expect(rejected.error).toBeUndefined();
	});

	it("Get Customers lists one reseller's customers across pages", async () => {
		const resellers = await runTencent({ resource: 'subAgent', operation: 'getMany', returnAll: true, additionalFields: {} });
		const busiest = [...resellers.json].sort((a, b) => Number(b.CountOfCustomers) - Number(a.CountOfCustomers))[0];
		const { value: result, starts } = await onTestClock(sandbox, async () =>
			await runTencent({ resource: 'subAgent', operation: 'getCustomers', subAgentUin: byId(busiest.SubAgentUin as number), returnAll: true, additionalFields: { pageSize: 2 } }),
		);
		expect(result.error).toBeUndefined();
		expect(turnedAway(starts, 20)).toEqual([]);
		expect(result.json).toHaveLength(Number(busiest.CountOfCustomers));
		expect(requests('QueryT1IndirectCustomersDetail').length).toBe(Math.ceil(result.json.length / 2));
	});
});

describe('Reference Data', () => {
	it('Get Country Codes, with a limit', async () => {
		const all = await runTencent({ resource: 'referenceData', operation: 'getCountryCodes', returnAll: true });
		expect(all.json.find((c) => c.IOS2 === 'HK')).toEqual(expect.objectContaining({ Code: '852' }));
		const two = await runTencent({ resource: 'referenceData', operation: 'getCountryCodes', returnAll: false, limit: 2 });
		expect(two.json).toHaveLength(2);
	});

	it('Get Trade Configurations', async () => {
		const result = await runTencent({ resource: 'referenceData', operation: 'getTradeConfigurations', returnAll: true });
		expect(result.json[0]).toEqual(expect.objectContaining({ Id: expect.any(String), Children: expect.any(Array) }));
	});

	it('Get Policy Products pages and filters', async () => {
		const { value: result, starts } = await onTestClock(sandbox, async () =>
			await runTencent({ resource: 'referenceData', operation: 'getPolicyProducts', policyCode: 'StandardPolicy2024', returnAll: true, additionalFields: { pageSize: 5 } }),
		);
		expect(result.error).toBeUndefined();
		expect(turnedAway(starts, 20)).toEqual([]);
		expect(result.json.length).toBeGreaterThan(5);
		expect(requests('QueryPolicyProductListByCode').length).toBe(Math.ceil(result.json.length / 5));
		const code = String(result.json.find((p) => p.ProductCode !== '*')?.ProductCode);
		const filtered = await runTencent({ resource: 'referenceData', operation: 'getPolicyProducts', policyCode: 'StandardPolicy2024', returnAll: true, additionalFields: { productCode: code } });
		expect(filtered.json.every((p) => p.ProductCode === code)).toBe(true);
	});
});

describe('dropdowns and pickers', () => {
	const loadOptions = node.methods.loadOptions;
	const listSearch = node.methods.listSearch;
	const call = async <T>(fn: (this: ILoadOptionsFunctions, ...args: string[]) => Promise<T>, parameters: Record<string, unknown>, ...args: string[]) =>
		await fn.call(context(parameters), ...args);

	it('Country Code and Area come from GetCountryCodes; 7, 380 and 86 are left out', async () => {
		const codes = (await call(loadOptions.getCountryCodes, {})) as INodePropertyOptions[];
		expect(codes.find((o) => o.value === '852')?.name).toMatch(/\(\+852\)/);
		expect(codes.map((o) => o.value)).not.toEqual(expect.arrayContaining(['86']));
		const areas = (await call(loadOptions.getAreas, {})) as INodePropertyOptions[];
		expect(areas.map((o) => o.value)).toContain('HK');
		// Area offers exactly the countries Country Code offers (no CN, RU, UA).
		expect(areas.map((o) => String(o.description))).toEqual(expect.arrayContaining(codes.map((o) => `Dialing code +${String(o.value)}`)));
		expect(areas).toHaveLength(codes.length);
		expect(areas.map((o) => o.value)).not.toEqual(expect.arrayContaining(['CN']));
	});

	it('layer-2 industries follow the chosen layer-1 industry', async () => {
		const layer1 = (await call(loadOptions.getTradeOne, {})) as INodePropertyOptions[];
		const first = String(layer1[0].value);
		const layer2 = (await call(loadOptions.getTradeTwo, { resource: 'customer', operation: 'createAccount', tradeOne: first })) as INodePropertyOptions[];
		expect(layer2.length).toBeGreaterThan(0);
		expect(layer2.every((o) => String(o.value).startsWith(first))).toBe(true);
		// Before a layer-1 industry is chosen the list is empty, not every sub-industry.
		expect(await call(loadOptions.getTradeTwo, { resource: 'customer', operation: 'createAccount', tradeOne: '' })).toEqual([]);
	});

	it('the customer picker searches by name, UIN or e-mail and pages', async () => {
		const firstPage = (await call(listSearch.searchCustomers, {})) as INodeListSearchResult;
		expect(firstPage.results).toHaveLength(50);
		expect(firstPage.paginationToken).toBe('2');
		const byUin = (await call(listSearch.searchCustomers, {}, String(TENCENT_KEYS.FIRST_CUSTOMER_UIN))) as INodeListSearchResult;
		expect(byUin.results.map((r) => r.value)).toEqual([String(TENCENT_KEYS.FIRST_CUSTOMER_UIN)]);
		expect(requests('QueryCustomersCredit').map((r) => r.body.FilterType)).toEqual([undefined, 'ClientUin']);
	});

	it('the reseller and applicant pickers list their records', async () => {
		const resellers = (await call(listSearch.searchSubAgents, {})) as INodeListSearchResult;
		expect(resellers.results.length).toBe(10);
		const applicants = (await call(listSearch.searchPendingClients, {})) as INodeListSearchResult;
		expect(applicants.results.length).toBeGreaterThan(0);
		const resellerApplicants = (await call(listSearch.searchPendingSubAgents, {})) as INodeListSearchResult;
		expect(resellerApplicants.results.length).toBeGreaterThan(0);
	});
});
