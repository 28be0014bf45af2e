/**
 * The Huawei partner APIs of refunds, real-name authentication and the product catalog with its
 * price inquiries, through n8n-core against the sandbox with the partner's AK/SK.
 */
import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import { HuaweiCloudPartner } from '../../nodes/HuaweiCloudPartner/HuaweiCloudPartner.node';
import { huaweiOperations } from '../../nodes/HuaweiCloudPartner/resources';
import * as compareModule from '../../scripts/live-check/compare';
import * as modelsModule from '../../scripts/live-check/models';
import { AKSK, HUAWEI_KEYS, ref, runHuawei } from '../harness/huawei';
import { loadOptionsContext } from '../harness/methods';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['huawei'], credentials: 'eachTest' });
const control = () => sandbox.control.huawei;
const requests = (action?: string) => sandbox.control.getRequests({ provider: 'huawei', action });
const run = (parameters: IDataObject) => runHuawei(parameters as never, { credential: AKSK, continueOnFail: true });

interface ModelType {
	kind: string;
	fields?: Record<string, { type: ModelType }>;
	of?: ModelType;
}
const { compare } = compareModule as unknown as { compare: (vendor: string, type: ModelType, value: unknown) => Array<{ kind: string; path: string }> };
const { responseModelOf } = modelsModule as unknown as { responseModelOf: (vendor: string, spec: unknown) => { model: ModelType } };

/**
 * The items an operation output hold exactly the fields of Huawei's SDK response model (a list's
 * records: its record type), with their types, beside the convenience fields the node adds.
 */
function expectAsModelled(resource: string, operation: string, items: IDataObject[]) {
	const spec = huaweiOperations.find((s) => s.resource === resource && s.operation === operation)!;
	const { model } = responseModelOf('huawei', spec);
	const recordsPath = spec.answer?.recordsPath;
	const type = recordsPath ? model.fields![recordsPath].type.of! : model;
	expect(items.length).toBeGreaterThan(0);
	const findings = items.flatMap((item) => {
		const own = { ...item };
		for (const added of Object.keys(spec.answer?.enrich?.(item) ?? {})) delete own[added];
		return compare('huawei', type, own);
	});
	expect(findings).toEqual([]);
}

async function unverifiedCustomers(count: number): Promise<string[]> {
	const all = await run({ resource: 'customer', operation: 'getMany', returnAll: true, additionalFields: {} });
	return all.json.filter((c) => c.verified_status === '-1').slice(0, count).map((c) => String(c.customer_id));
}

describe('Order > Get Refund Details', () => {
	it("lists the refunded, consumed and fee amounts of a customer's unsubscription order, and needs the customer", async () => {
		const orders = await run({ resource: 'order', operation: 'getMany', returnAll: true, additionalFields: { orderType: '4' } });
		const order = orders.json[0];
		expect(order).toBeDefined();
		const refund = await run({ resource: 'order', operation: 'getRefund', orderId: order.order_id, additionalFields: { customerId: ref(String(order.customer_id)) } });
		expect(refund.error).toBeUndefined();
		expect(refund.json.length).toBeGreaterThanOrEqual(2);
		expect(refund.json[0]).toEqual(expect.objectContaining({ customer_id: order.customer_id, measure_id: '1', base_order_id: expect.stringMatching(/^CS/) }));
		expect(Number(refund.json[0].amount)).toBeLessThan(0);
		expect(Number(refund.json[1].amount)).toBeGreaterThanOrEqual(0);
		expect(requests('ShowRefundOrderDetails')[0].query).toEqual({ order_id: order.order_id, customer_id: order.customer_id });
		expectAsModelled('order', 'getRefund', refund.json);

		const without = await run({ resource: 'order', operation: 'getRefund', orderId: order.order_id, additionalFields: {} });
		expect(String(without.json[0].error)).toContain('customer_id');
	});
});

describe('Real-Name Authentication', () => {
	it('an individual submission is reviewed, then the customer changes to an organization with a legal representative', async () => {
		const [customerId] = await unverifiedCustomers(1);
		const submitted = await run({
			resource: 'realnameAuth',
			operation: 'submitIndividual',
			customerId: ref(customerId),
			name: 'Erika Mustermann',
			verifiedNumber: 'C01X00T47',
			verifiedFileUrl: ['passport/erika-page.jpg', 'passport/erika-holding.jpg'],
			xaccountType: HUAWEI_KEYS.XACCOUNT_TYPE,
			additionalFields: { verifiedType: 3 },
		});
		expect(submitted.error).toBeUndefined();
		expect(submitted.json[0]).toEqual(expect.objectContaining({ is_review: 1 }));
		expectAsModelled('realnameAuth', 'submitIndividual', submitted.json);
		expect(requests('CreatePersonalRealnameAuth')[0].body).toEqual({
			identify_type: 0,
			customer_id: customerId,
			name: 'Erika Mustermann',
			verified_number: 'C01X00T47',
			verified_file_url: ['passport/erika-page.jpg', 'passport/erika-holding.jpg'],
			xaccount_type: HUAWEI_KEYS.XACCOUNT_TYPE,
			verified_type: 3,
		});
		const review = async () => (await run({ resource: 'realnameAuth', operation: 'getReviewResult', customerId: ref(customerId) })).json[0];
		expect(await review()).toEqual(expect.objectContaining({ review_result: 0, review_status: 'Under Review' }));

		const again = await run({ resource: 'realnameAuth', operation: 'submitIndividual', customerId: ref(customerId), name: 'Erika Mustermann', verifiedNumber: 'C01X00T47', verifiedFileUrl: ['a.jpg', 'b.jpg'], xaccountType: HUAWEI_KEYS.XACCOUNT_TYPE, additionalFields: { verifiedType: 3 } });
		expect(String(again.json[0].error)).toContain('under review');

		// The sandbox's reviewer finishes a minute after the submission.
		sandbox.control.setClockOffset({ offsetMs: 2 * 60 * 1000 });
		const approved = await review();
		expect(approved).toEqual(expect.objectContaining({ review_result: 2, review_status: 'Approved' }));
		expectAsModelled('realnameAuth', 'getReviewResult', [approved]);
		expect((control().getCustomer(customerId) as IDataObject).verified_status).toBe('2');

		const changed = await run({
			resource: 'realnameAuth',
			operation: 'changeToEnterprise',
			customerId: ref(customerId),
			corpName: 'Mustermann Consulting GmbH',
			verifiedNumber: 'HRB 123456',
			verifiedFileUrl: ['corp/front.png', 'corp/back.png', 'corp/id-front.png', 'corp/id-back.png'],
			xaccountType: HUAWEI_KEYS.XACCOUNT_TYPE,
			additionalFields: { regCountry: 'DE', enterprisePerson: { values: { legelName: 'Erika Mustermann', legelIdNumber: 'L01X00T47', certifierRole: 'legalPerson' } } },
		});
		expect(changed.error).toBeUndefined();
		expectAsModelled('realnameAuth', 'changeToEnterprise', changed.json);
		const body = requests('ChangeEnterpriseRealnameAuthentication')[0].body as IDataObject;
		expect(body).toEqual(
			expect.objectContaining({ identify_type: 1, change_type: 1, corp_name: 'Mustermann Consulting GmbH', reg_country: 'DE', enterprise_person: { legel_name: 'Erika Mustermann', legel_id_number: 'L01X00T47', certifier_role: 'legalPerson' } }),
		);
		expect(requests('ChangeEnterpriseRealnameAuthentication')[0].method).toBe('PUT');
	});

	it('an organization submission without a legal representative sends no enterprise_person; a duplicate document number is rejected', async () => {
		const [first, second] = await unverifiedCustomers(2);
		const submit = (customerId: string) =>
			run({ resource: 'realnameAuth', operation: 'submitEnterprise', customerId: ref(customerId), corpName: 'Acme Trading Ltd', verifiedNumber: 'REG-77881', verifiedFileUrl: ['acme/front.pdf', 'acme/back.pdf'], xaccountType: HUAWEI_KEYS.XACCOUNT_TYPE, additionalFields: { certificateType: 0, enterprisePerson: {} } });
		const organization = await submit(first);
		expect(organization.error).toBeUndefined();
		expectAsModelled('realnameAuth', 'submitEnterprise', organization.json);
		expect(requests('CreateEnterpriseRealnameAuthentication')[0].body).not.toHaveProperty('enterprise_person');
		expect((await submit(second)).error).toBeUndefined();
		sandbox.control.setClockOffset({ offsetMs: 2 * 60 * 1000 });
		const result = await run({ resource: 'realnameAuth', operation: 'getReviewResult', customerId: ref(second) });
		expect(result.json[0]).toEqual(expect.objectContaining({ review_result: 1, review_status: 'Rejected', opinion: expect.stringContaining('already verifies') }));
	});

	it('a submission answered by a 500 after Huawei applied it is not repeated, and the error says to check the review', async () => {
		const [customerId] = await unverifiedCustomers(1);
		sandbox.control.addFault({ provider: 'huawei', action: 'CreatePersonalRealnameAuth', kind: 'http500', count: 1, afterApply: true });
		const result = await runHuawei({ resource: 'realnameAuth', operation: 'submitIndividual', customerId: ref(customerId), name: 'Max Muster', verifiedNumber: 'P1234567', verifiedFileUrl: ['p/1.jpg', 'p/2.jpg'], xaccountType: HUAWEI_KEYS.XACCOUNT_TYPE, additionalFields: { verifiedType: 3 } } as never, { credential: AKSK });
		expect(result.error?.message).toContain('outcome unknown');
		expect(String(result.error?.description)).toContain('Get Review Result');
		expect(requests('CreatePersonalRealnameAuth')).toHaveLength(1);
		expect((control().getCustomer(customerId) as IDataObject).verified_status).toBe('0');
	});

	it('a legal representative without an ID number is refused before anything is sent', async () => {
		const [customerId] = await unverifiedCustomers(1);
		const result = await run({ resource: 'realnameAuth', operation: 'submitEnterprise', customerId: ref(customerId), corpName: 'Acme', verifiedNumber: 'X1', verifiedFileUrl: ['a.pdf'], xaccountType: HUAWEI_KEYS.XACCOUNT_TYPE, additionalFields: { enterprisePerson: { values: { legelName: 'A. Person' } } } });
		expect(String(result.json[0].error)).toContain('"Legal Representative" must be an object with "ID Number"');
		expect(requests('CreateEnterpriseRealnameAuthentication')).toHaveLength(0);
	});
});

describe('Product and Price: the catalog', () => {
	it('Get Service Types pages by offset in English and filters by name; the service type picker searches it', async () => {
		const all = await run({ resource: 'product', operation: 'getServiceTypes', returnAll: true, additionalFields: { pageSize: 5 } });
		expect(all.json).toHaveLength(13);
		expect(requests('ListServiceTypes').map((r) => (r.query as IDataObject).offset)).toEqual(['0', '5', '10']);
		expect(requests('ListServiceTypes')[0].language).toBe('en_US');
		expect(all.json.map((s) => s.service_type_name)).toContain('Elastic Cloud Server');
		expectAsModelled('product', 'getServiceTypes', all.json);
		const elastic = await run({ resource: 'product', operation: 'getServiceTypes', returnAll: true, additionalFields: { serviceTypeName: 'elastic' } });
		expect(elastic.json.map((s) => s.service_type_code)).toEqual(['hws.service.type.ec2', 'hws.service.type.ebs', 'hws.service.type.elb', 'hws.service.type.eip']);

		const context = loadOptionsContext('huaweiCloudPartner', { authentication: 'accessKey' }, { huaweiCloudPartnerApi: { id: AKSK, name: 'aksk' } });
		const picked = (await new HuaweiCloudPartner().methods.listSearch.searchServiceTypes.call(context, 'Object')) as INodeListSearchResult;
		expect(picked.results).toEqual([{ name: 'Object Storage Service (hws.service.type.obs)', value: 'hws.service.type.obs' }]);
	});

	it('Get Resource Types, Get Service Resources, Get Usage Types and Get Unit Conversions', async () => {
		const types = await run({ resource: 'product', operation: 'getResourceTypes', returnAll: true, additionalFields: {} });
		expect(types.json).toHaveLength(13);
		expectAsModelled('product', 'getResourceTypes', types.json);
		const resources = await run({ resource: 'product', operation: 'getServiceResources', serviceTypeCode: ref('hws.service.type.ec2'), returnAll: true, additionalFields: {} });
		expect(resources.json).toEqual([{ basic_info: expect.objectContaining({ resource_type_code: 'hws.resource.type.vm', product_owner_service: 'hws.service.type.ec2' }) }]);
		expectAsModelled('product', 'getServiceResources', resources.json);
		const unknown = await run({ resource: 'product', operation: 'getServiceResources', serviceTypeCode: ref('hws.service.type.nope'), returnAll: true, additionalFields: {} });
		expect(String(unknown.json[0].error)).toContain('CBC.3006');
		const usage = await run({ resource: 'product', operation: 'getUsageTypes', returnAll: true, additionalFields: { resourceTypeCode: 'hws.resource.type.bandwidth' } });
		expect(usage.json.map((u) => u.code)).toEqual(['Duration', 'upflow']);
		expectAsModelled('product', 'getUsageTypes', usage.json);
		const conversions = await run({ resource: 'product', operation: 'getConversions', returnAll: false, limit: 2, additionalFields: { measureType: 3 } });
		expect(conversions.json).toEqual([
			{ measure_id: 12, ref_measure_id: 10, conversion_ratio: 1024, measure_type: 3 },
			{ measure_id: 10, ref_measure_id: 11, conversion_ratio: 1024, measure_type: 3 },
		]);
		expect(requests('ListConversions')[0].query).toEqual({ measure_type: '3' });
		expectAsModelled('product', 'getConversions', conversions.json);
	});

	it('Get Resource Specifications follows the next-page marker to the end; Get Resource Specification Prices stops at the limit', async () => {
		const specs = await run({ resource: 'product', operation: 'getResourceSpecs', cloudServiceType: 'hws.service.type.ec2', resourceType: 'hws.resource.type.vm', regionCode: 'eu-west-101', chargeMode: '1', returnAll: true, additionalFields: { pageSize: 30 } });
		expect(specs.error).toBeUndefined();
		expect(specs.json).toHaveLength(84);
		expect(new Set(specs.json.map((s) => s.resource_spec)).size).toBe(84);
		expectAsModelled('product', 'getResourceSpecs', specs.json);
		const sent = requests('ListResourceSpecs').map((r) => r.body as IDataObject);
		expect(sent.map((b) => b.limit)).toEqual([30, 30, 30]);
		expect(sent[0]).not.toHaveProperty('marker');
		expect(sent[1].marker).toEqual(expect.any(String));
		expect(sent[2].marker).not.toBe(sent[1].marker);

		const prices = await run({
			resource: 'product',
			operation: 'getResourceSpecPrices',
			regionCode: 'eu-west-101',
			returnAll: false,
			limit: 60,
			additionalFields: { cloudServiceType: 'hws.service.type.ec2', needPrice: true, filters: { values: [{ key: 'CHARGING_MODE', value: 'PERIOD' }] } },
		});
		expect(prices.json).toHaveLength(60);
		expect(requests('ListResourceSpecsPrice')).toHaveLength(2);
		expect((requests('ListResourceSpecsPrice')[0].body as IDataObject).filters).toEqual([{ key: 'CHARGING_MODE', value: 'PERIOD' }]);
		for (const info of prices.json) expect((info.price_lists as IDataObject[]).every((p) => p.charging_mode === 'PERIOD')).toBe(true);
		expectAsModelled('product', 'getResourceSpecPrices', prices.json);
		const attributes = await run({ resource: 'product', operation: 'getResourceSpecPrices', regionCode: 'eu-west-101', returnAll: false, limit: 5, additionalFields: { resourceType: 'hws.resource.type.volume', needAttributes: true } });
		expect((attributes.json[0].attributes as IDataObject[])[0]).toEqual(expect.objectContaining({ code: 'size', linear_range: expect.objectContaining({ min: 10 }) }));
		expectAsModelled('product', 'getResourceSpecPrices', attributes.json);
	});
});

describe('Product and Price: nested fields are checked like the SDK model before sending', () => {
	it('more filters than the API takes and a wrong member value are refused, naming the entry', async () => {
		const base = { resource: 'product', operation: 'getResourceSpecPrices', regionCode: 'eu-west-101', returnAll: false, limit: 5 };
		const two = await run({ ...base, additionalFields: { filters: { values: [{ key: 'RESOURCE_SPEC', value: 'SAS' }, { key: 'CHARGING_MODE', value: 'PERIOD' }] } } });
		expect(String(two.json[0].error)).toContain('"Filter" must be at most 1 entries');
		const wrongKey = await run({ ...base, additionalFields: { filters: { values: [{ key: 'REGION', value: 'x' }] } } });
		expect(String(wrongKey.json[0].error)).toContain('"Filter (entry 1): Filter By" must be one of "RESOURCE_SPEC", "CHARGING_MODE"');
		expect(requests('ListResourceSpecsPrice')).toHaveLength(0);
	});
});

describe('Product and Price: price inquiries', () => {
	const PROJECT = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
	const server = { id: 'vm', cloudServiceType: 'hws.service.type.ec2', resourceType: 'hws.resource.type.vm', resourceSpec: 's6.large.2.linux', region: 'eu-west-101', subscriptionNum: 2 };
	const disk = { id: 'disk', cloudServiceType: 'hws.service.type.ebs', resourceType: 'hws.resource.type.volume', resourceSpec: 'SAS', region: 'eu-west-101', resourceSize: 100, sizeMeasureId: 17, subscriptionNum: 1 };

	it('Get Pay-per-Use Price prices each product line and the total; a linear product needs its size', async () => {
		const hour = { usageFactor: 'Duration', usageValue: 1, usageMeasureId: 4 };
		const priced = await run({ resource: 'product', operation: 'getOnDemandPrice', projectId: PROJECT, productInfos: { values: [{ ...server, ...hour }, { ...disk, ...hour }] }, additionalFields: {} });
		expect(priced.error).toBeUndefined();
		const answer = priced.json[0];
		expectAsModelled('product', 'getOnDemandPrice', priced.json);
		const lines = answer.product_rating_results as IDataObject[];
		expect(lines.map((l) => l.id)).toEqual(['vm', 'disk']);
		expect(Number(answer.amount)).toBeCloseTo(lines.reduce((sum, l) => sum + Number(l.amount), 0), 6);
		expect((requests('ListOnDemandResourceRatings')[0].body as IDataObject).product_infos).toEqual([
			{ id: 'vm', cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.vm', resource_spec: 's6.large.2.linux', region: 'eu-west-101', usage_factor: 'Duration', usage_value: 1, usage_measure_id: 4, subscription_num: 2 },
			{ id: 'disk', cloud_service_type: 'hws.service.type.ebs', resource_type: 'hws.resource.type.volume', resource_spec: 'SAS', region: 'eu-west-101', resource_size: 100, size_measure_id: 17, usage_factor: 'Duration', usage_value: 1, usage_measure_id: 4, subscription_num: 1 },
		]);
		const sizeless = { ...disk, resourceSize: undefined };
		const refused = await run({ resource: 'product', operation: 'getOnDemandPrice', projectId: PROJECT, productInfos: { values: [{ ...sizeless, ...hour }] }, additionalFields: {} });
		expect(String(refused.json[0].error)).toContain('resource_size');
	});

	it('Get Yearly/Monthly Price: a year costs less than twelve months', async () => {
		const price = async (periodType: number, periodNum: number) =>
			(await run({ resource: 'product', operation: 'getPeriodPrice', projectId: PROJECT, productInfos: { values: [{ ...server, periodType, periodNum, feeInstallmentMode: 'NA' }] } })).json[0];
		const months = await price(2, 12);
		const year = await price(3, 1);
		expectAsModelled('product', 'getPeriodPrice', [months, year]);
		const official = (answer: IDataObject) => Number((answer.official_website_rating_result as IDataObject).official_website_amount);
		expect(official(year)).toBeLessThan(official(months));
		expect((answer => (answer.optional_discount_rating_results as IDataObject[])[0].best_offer)(year)).toBe(1);
	});

	it('Get Renewal Price prices main resources and lists the ones Huawei cannot price with their codes', async () => {
		const main = '2c2f8f3c-6a1d-4f0e-9f6b-0a9d1f3b5e11';
		const attachedDisk = 'vol-5e1f0a22-8d8a-4c3e-b7b1-1d2e3f4a5b61';
		const result = await run({ resource: 'product', operation: 'getRenewalPrice', resourceIds: [main, attachedDisk, 'no-such-resource'], periodType: 2, periodNum: 3, additionalFields: { includeRelativeResources: true } });
		expect(result.error).toBeUndefined();
		expectAsModelled('product', 'getRenewalPrice', result.json);
		expect((result.json[0].renew_inquiry_results as IDataObject[]).map((r) => r.resource_id)).toEqual([main]);
		expect((result.json[0].fail_resource_infos as IDataObject[]).map((f) => [f.resource_id, f.error_code])).toEqual([
			[attachedDisk, 'CBC.30050007'],
			['no-such-resource', 'CBC.30050009'],
		]);
		const tooLong = await run({ resource: 'product', operation: 'getRenewalPrice', resourceIds: [main], periodType: 3, periodNum: 4, additionalFields: {} });
		expect(String(tooLong.json[0].error)).toContain('at most 3 years');
		expect(requests('ListRenewRateOnPeriod')).toHaveLength(1);
	});
});
