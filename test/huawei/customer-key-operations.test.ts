/**
 * The operations an end customer runs with its own AK/SK (Customer Order, Subscription, Resource
 * Usage, Cost and Enterprise), each through n8n-core against the sandbox: what they send, what
 * they change there, paging, the refusals Huawei answers, and for every write that an unclear
 * outcome is reported as such and never repeated.
 */
import type { IDataObject } from 'n8n-workflow';

import { AKSK, AKSK_CUSTOMER, HUAWEI_KEYS, runHuawei } from '../harness/huawei';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['huawei'], credentials: 'eachTest' });
const control = () => sandbox.control.huawei;
const requests = (action: string) => sandbox.control.getRequests({ provider: 'huawei', action });
const CUSTOMER_ID = HUAWEI_KEYS.CUSTOMER_DOMAIN.id;

const asCustomer = (parameters: IDataObject, options: IDataObject = {}) => runHuawei(parameters as never, { credential: AKSK_CUSTOMER, ...options });

interface OwnResource {
	resource_id: string;
	is_main_resource: boolean;
	main_resource_id: string | null;
	expire_time: string;
	autoRenew: boolean;
	autoRenewTimes: number;
	toOnDemand: boolean;
	renewedPeriods: number;
	unsubscribed: boolean;
}
const ownResources = () => (control().getOwnResources() as { resources: OwnResource[] }).resources;
const resource = (id: string) => ownResources().find((r) => r.resource_id === id)!;
const mainResources = () => ownResources().filter((r) => r.is_main_resource);
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86400000;

/** New orders of the customer key's account, pending payment. */
const pendingOrders = (count: number) => (control().addOrders({ customer_id: CUSTOMER_ID, count, status: 6, order_type: 1 }) as { added: string[] }).added;

async function orderStatus(orderId: string): Promise<number> {
	const found = await asCustomer({ resource: 'order', operation: 'getMany', returnAll: true, additionalFields: { orderId } });
	return Number(found.json[0].status);
}

const thisMonth = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 7);
const monthBefore = (month: string, back: number) => {
	const [y, m] = month.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 7);
};

describe('Customer Order', () => {
	it('Get Discounts, then Pay with a discount: the order is completed, and paying it again is refused', async () => {
		const [orderId] = pendingOrders(1);
		const discounts = await asCustomer({ resource: 'customerOrder', operation: 'getDiscounts', orderId });
		expect(discounts.error).toBeUndefined();
		expect(discounts.json.length).toBeGreaterThan(0);
		const partnerDiscount = discounts.json.find((d) => d.discount_type === 3)!;
		expect(partnerDiscount.orders).toEqual([expect.objectContaining({ order_id: orderId })]);

		const discountInfos = [{ id: partnerDiscount.discount_id, type: 3 }];
		const paid = await asCustomer({ resource: 'customerOrder', operation: 'pay', orderId, useCoupon: 'NO', useDiscount: 'YES', additionalFields: { discountInfos: { values: discountInfos } } });
		expect(paid.error).toBeUndefined();
		expect(paid.json[0]).toEqual(expect.objectContaining({ success: true, order_id: orderId }));
		expect(requests('PayOrders')[0].body).toEqual({ order_id: orderId, use_coupon: 'NO', use_discount: 'YES', discount_infos: discountInfos });
		expect(await orderStatus(orderId)).toBe(5);

		const again = await asCustomer({ resource: 'customerOrder', operation: 'pay', orderId, useCoupon: 'NO', useDiscount: 'NO' });
		expect(again.error?.message).toMatch(/CBC\.30000067/);
		expect(again.error?.message).toMatch(/not pending payment/);
	});

	it("Pay with one of the customer's own coupons; a coupon that is not the customer's is refused and the order stays pending", async () => {
		const [withCoupon, withStranger] = pendingOrders(2);
		const coupons = await asCustomer({ resource: 'partner', operation: 'getCoupons', returnAll: true, additionalFields: {} });
		const usable = coupons.json.find((c) => c.status === 1 || c.status === 2)!;
		const stranger = await asCustomer({ resource: 'customerOrder', operation: 'pay', orderId: withStranger, useCoupon: 'YES', useDiscount: 'NO', additionalFields: { couponInfos: { values: [{ id: 'CP00000000000000', type: 301 }] } } });
		expect(stranger.error?.message).toMatch(/CBC\.0100.*coupon CP00000000000000 cannot be used/);
		expect(await orderStatus(withStranger)).toBe(6);
		const couponInfos = [{ id: usable.coupon_id, type: 301 }];
		const paid = await asCustomer({ resource: 'customerOrder', operation: 'pay', orderId: withCoupon, useCoupon: 'YES', useDiscount: 'NO', additionalFields: { couponInfos: { values: couponInfos } } });
		expect(paid.error).toBeUndefined();
		expect(requests('PayOrders')[1].body).toEqual({ order_id: withCoupon, use_coupon: 'YES', use_discount: 'NO', coupon_infos: couponInfos });
		expect(await orderStatus(withCoupon)).toBe(5);
	});

	it('Pay refuses coupons the switch does not allow before sending anything', async () => {
		const [orderId] = pendingOrders(1);
		const missing = await asCustomer({ resource: 'customerOrder', operation: 'pay', orderId, useCoupon: 'YES', useDiscount: 'NO' });
		expect(missing.error?.message).toMatch(/"Coupons" is required when "Use Coupons" is Yes/);
		const tooMany = await asCustomer({ resource: 'customerOrder', operation: 'pay', orderId, useCoupon: 'YES', useDiscount: 'NO', additionalFields: { couponInfos: { values: [1, 2, 3, 4].map((k) => ({ id: `CP${k}`, type: 301 })) } } });
		expect(tooMany.error?.message).toMatch(/at most 3 entries/);
		const wrongType = await asCustomer({ resource: 'customerOrder', operation: 'pay', orderId, useCoupon: 'YES', useDiscount: 'NO', additionalFields: { couponInfos: { values: [{ id: 'CP1', type: 299 }] } } });
		expect(wrongType.error?.message).toMatch(/Coupon Type/);
		expect(requests('PayOrders')).toHaveLength(0);
		expect(await orderStatus(orderId)).toBe(6);
	});

	it('Cancel cancels a pending order; an order of someone else is unknown to the customer', async () => {
		const [orderId] = pendingOrders(1);
		const cancelled = await asCustomer({ resource: 'customerOrder', operation: 'cancel', orderId });
		expect(cancelled.error).toBeUndefined();
		expect(requests('CancelCustomerOrder')[0]).toEqual(expect.objectContaining({ method: 'PUT', body: { order_id: orderId } }));
		expect(await orderStatus(orderId)).toBe(4);
		const someoneElse = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 1, additionalFields: { associationType: '3' } });
		const other = (control().addOrders({ customer_id: someoneElse.json[0].customer_id, count: 1, status: 6 }) as { added: string[] }).added[0];
		const refused = await asCustomer({ resource: 'customerOrder', operation: 'cancel', orderId: other });
		expect(refused.error?.message).toMatch(/CBC\.30000010/);
	});

	it('the partner key is refused: these APIs need the customer\'s own credentials', async () => {
		const [orderId] = pendingOrders(1);
		const refused = await runHuawei({ resource: 'customerOrder', operation: 'getDiscounts', orderId }, { credential: AKSK });
		expect(refused.error?.message).toContain('CBC.0151');
		expect(`${refused.error?.message} ${refused.error?.description}`).toMatch(/only with the end customer's own credential/);
		expect(requests('ListOrderDiscounts')).toHaveLength(1);
	});
});

describe('Customer Subscription', () => {
	it('Renew without paying creates pending orders; paying one extends its resource and attached disk', async () => {
		const server = ownResources().find((r) => r.is_main_resource && ownResources().some((d) => d.main_resource_id === r.resource_id))!;
		const disk = ownResources().find((d) => d.main_resource_id === server.resource_id)!;
		const other = mainResources().find((r) => r.resource_id !== server.resource_id)!;
		const before = { server: server.expire_time, disk: disk.expire_time, other: other.expire_time };
		const renewed = await asCustomer({ resource: 'customerSubscription', operation: 'renew', resourceIds: [server.resource_id, other.resource_id, 'no-such-resource'], periodType: 2, periodNum: 3, additionalFields: {} });
		expect(renewed.error).toBeUndefined();
		expect(requests('RenewalResources')[0].body).toEqual({ resource_ids: [server.resource_id, other.resource_id, 'no-such-resource'], period_type: 2, period_num: 3 });
		const { order_ids: orderIds, fail_resource_infos: failed } = renewed.json[0] as { order_ids: string[]; fail_resource_infos: IDataObject[] };
		expect(orderIds).toHaveLength(2);
		expect(failed).toEqual([expect.objectContaining({ resource_id: 'no-such-resource', error_code: 'CBC.30050001' })]);
		expect(resource(server.resource_id).expire_time).toBe(before.server);
		expect(await orderStatus(orderIds[0])).toBe(6);

		const paid = await asCustomer({ resource: 'customerOrder', operation: 'pay', orderId: orderIds[0], useCoupon: 'NO', useDiscount: 'NO' });
		expect(paid.error).toBeUndefined();
		expect(days(before.server, resource(server.resource_id).expire_time)).toBe(90);
		expect(days(before.disk, resource(disk.resource_id).expire_time)).toBe(90);
		expect(resource(other.resource_id).expire_time).toBe(before.other);
	});

	it('Renew with Pay Automatically extends at once; more than 3 years is refused before sending', async () => {
		const target = mainResources()[0];
		const renewed = await asCustomer({ resource: 'customerSubscription', operation: 'renew', resourceIds: [target.resource_id], periodType: 3, periodNum: 1, additionalFields: { isAutoPay: 1 } });
		expect(renewed.error).toBeUndefined();
		expect(await orderStatus((renewed.json[0].order_ids as string[])[0])).toBe(5);
		expect(days(target.expire_time, resource(target.resource_id).expire_time)).toBe(365);
		const tooLong = await asCustomer({ resource: 'customerSubscription', operation: 'renew', resourceIds: [target.resource_id], periodType: 3, periodNum: 4, additionalFields: {} });
		expect(tooLong.error?.message).toMatch(/"Periods" may be at most 3 years/);
		expect(requests('RenewalResources')).toHaveLength(1);
	});

	it('Enable Auto-Renewal with times, then Disable Auto-Renewal (DELETE); a disk alone is refused', async () => {
		const target = mainResources().find((r) => !r.autoRenew)!;
		const enabled = await asCustomer({ resource: 'customerSubscription', operation: 'enableAutoRenew', resourceId: target.resource_id, additionalFields: { autoRenewTimes: 3, periodType: 'YEAR' } });
		expect(enabled.error).toBeUndefined();
		expect(requests('AutoRenewalResources')[0]).toEqual(expect.objectContaining({ path: `/v2/orders/subscriptions/resources/autorenew/${target.resource_id}`, body: { auto_renew_times: 3, period_type: 'YEAR' } }));
		expect(resource(target.resource_id)).toEqual(expect.objectContaining({ autoRenew: true, autoRenewTimes: 3 }));
		const disabled = await asCustomer({ resource: 'customerSubscription', operation: 'disableAutoRenew', resourceId: target.resource_id });
		expect(disabled.error).toBeUndefined();
		expect(requests('CancelAutoRenewalResources')[0].method).toBe('DELETE');
		expect(resource(target.resource_id).autoRenew).toBe(false);
		const disk = ownResources().find((r) => !r.is_main_resource)!;
		const refused = await asCustomer({ resource: 'customerSubscription', operation: 'enableAutoRenew', resourceId: disk.resource_id, additionalFields: {} });
		expect(refused.error?.message).toMatch(/CBC\.30050004.*not a main resource/);
	});

	it('Set Renewal Settings sets the common expiry day; a value out of range is refused before sending', async () => {
		const set = await asCustomer({ resource: 'customerSubscription', operation: 'setRenewalSettings', configName: 'EXPIRE_DATE', configValue: '-1' });
		expect(set.error).toBeUndefined();
		expect((control().getOwnResources() as { renewConfig: IDataObject }).renewConfig.EXPIRE_DATE).toBe('-1');
		const wrong = await asCustomer({ resource: 'customerSubscription', operation: 'setRenewalSettings', configName: 'DEDUCTION_DATE', configValue: '9' });
		expect(wrong.error?.message).toMatch(/"Value" must be 2 to 7/);
		expect(requests('SetResourcesRenewConfig')).toHaveLength(1);
	});

	it('Change to Pay-per-Use at Expiry sets up and cancels; refused resources come back in error_details', async () => {
		const [a, b] = mainResources();
		const disk = ownResources().find((r) => !r.is_main_resource)!;
		const set = await asCustomer({ resource: 'customerSubscription', operation: 'changeToPayPerUse', changeAction: 'SET_UP', resourceIds: [a.resource_id, b.resource_id, disk.resource_id] });
		expect(set.error).toBeUndefined();
		expect(requests('UpdatePeriodToOnDemand')[0].body).toEqual({ operation: 'SET_UP', resource_ids: [a.resource_id, b.resource_id, disk.resource_id] });
		expect(set.json[0].error_details).toEqual([expect.objectContaining({ id: disk.resource_id, error_code: 'CBC.30050004' })]);
		expect([resource(a.resource_id).toOnDemand, resource(b.resource_id).toOnDemand]).toEqual([true, true]);
		await asCustomer({ resource: 'customerSubscription', operation: 'changeToPayPerUse', changeAction: 'CANCEL', resourceIds: [a.resource_id] });
		expect([resource(a.resource_id).toOnDemand, resource(b.resource_id).toOnDemand]).toEqual([false, true]);
	});

	it('Unsubscribe renewed periods, then the resource; a second unsubscription is refused and refunds nothing', async () => {
		const target = mainResources()[1];
		await asCustomer({ resource: 'customerSubscription', operation: 'renew', resourceIds: [target.resource_id], periodType: 2, periodNum: 2, additionalFields: { isAutoPay: 1 } });
		const renewedExpiry = resource(target.resource_id).expire_time;
		const periods = await asCustomer({ resource: 'customerSubscription', operation: 'unsubscribe', resourceIds: [target.resource_id], unsubscribeType: 2, additionalFields: { unsubscribeReasonType: 5, unsubscribeReason: 'budget cut' } });
		expect(periods.error).toBeUndefined();
		expect(requests('CancelResourcesSubscription')[0].body).toEqual({ resource_ids: [target.resource_id], unsubscribe_type: 2, unsubscribe_reason_type: 5, unsubscribe_reason: 'budget cut' });
		expect(periods.json[0].order_ids).toHaveLength(1);
		expect(days(resource(target.resource_id).expire_time, renewedExpiry)).toBe(60);
		const whole = await asCustomer({ resource: 'customerSubscription', operation: 'unsubscribe', resourceIds: [target.resource_id], unsubscribeType: 1, additionalFields: {} });
		expect(whole.json[0].order_ids).toHaveLength(1);
		expect(resource(target.resource_id).unsubscribed).toBe(true);
		const again = await asCustomer({ resource: 'customerSubscription', operation: 'unsubscribe', resourceIds: [target.resource_id], unsubscribeType: 1, additionalFields: {} });
		expect(again.json[0]).toEqual({ order_ids: [], fail_resource_infos: [expect.objectContaining({ resource_id: target.resource_id, error_msg: expect.stringMatching(/unsubscribed/) })] });
	});

	it('more than 10 resources in one renewal are refused before sending', async () => {
		const ids = Array.from({ length: 11 }, (_, k) => `res-${k}`);
		const result = await asCustomer({ resource: 'customerSubscription', operation: 'renew', resourceIds: ids, periodType: 2, periodNum: 1, additionalFields: {} });
		expect(result.error?.message).toMatch(/at most 10 entries/);
		expect(requests('RenewalResources')).toHaveLength(0);
	});
});

describe('Customer Resource Usage', () => {
	it('Get Fee Records pages through a month; per-month totals add up to the same amount', async () => {
		const month = monthBefore(thisMonth(), 1);
		const all = await asCustomer({ resource: 'customerResource', operation: 'getFeeRecords', cycle: month, returnAll: true, additionalFields: {} });
		expect(all.error).toBeUndefined();
		expect(all.json.length).toBeGreaterThan(100);
		expect(requests('ListCustomerselfResourceRecords').length).toBe(Math.ceil(all.json.length / 100));
		expect(requests('ListCustomerselfResourceRecords')[0].query).toEqual({ cycle: month, limit: '100', offset: '0' });
		expect(new Set(all.json.map((r) => r.id)).size).toBe(all.json.length);
		const perMonth = await asCustomer({ resource: 'customerResource', operation: 'getFeeRecords', cycle: month, returnAll: true, additionalFields: { statisticType: 1 } });
		const total = (rows: IDataObject[]) => Math.round(rows.reduce((s, r) => s + Number(r.amount) * 100, 0));
		expect(perMonth.json.length).toBeLessThan(all.json.length);
		expect(total(perMonth.json)).toBe(total(all.json));
		const some = await asCustomer({ resource: 'customerResource', operation: 'getFeeRecords', cycle: month, returnAll: false, limit: 5, additionalFields: { chargeMode: '3' } });
		expect(some.json).toHaveLength(5);
		expect(some.json.every((r) => r.charge_mode === '3')).toBe(true);
	});

	it('Get Fee Records refuses a day range outside the month before sending', async () => {
		const result = await asCustomer({ resource: 'customerResource', operation: 'getFeeRecords', cycle: '2026-03', returnAll: true, additionalFields: { billDateBegin: '2026-03-01', billDateEnd: '2026-04-02' } });
		expect(result.error?.message).toMatch(/day range must lie in the Bill Month/);
		expect(requests('ListCustomerselfResourceRecords')).toHaveLength(0);
	});

	it('Get Usage Details per day over a day range, sent in the body with paging', async () => {
		const month = monthBefore(thisMonth(), 1);
		const result = await asCustomer({
			resource: 'customerResource',
			operation: 'getRecordDetails',
			cycle: month,
			returnAll: true,
			additionalFields: { statisticType: 2, queryType: 'DAILY', billCycleBegin: `${month}-01`, billCycleEnd: `${month}-07` },
		});
		expect(result.error).toBeUndefined();
		expect(result.json.length).toBeGreaterThan(0);
		expect(result.json.every((r) => String(r.bill_date) >= `${month}-01` && String(r.bill_date) <= `${month}-07` && r.cycle === month)).toBe(true);
		expect(requests('ListCustomerselfResourceRecordDetails')[0].body).toEqual(expect.objectContaining({ cycle: month, statistic_type: 2, query_type: 'DAILY', offset: 0, limit: 100 }));
		// Huawei totals per month unless told otherwise, which a day range does not allow.
		const monthly = await asCustomer({ resource: 'customerResource', operation: 'getRecordDetails', cycle: month, returnAll: true, additionalFields: { queryType: 'DAILY', billCycleBegin: `${month}-01`, billCycleEnd: `${month}-07` } });
		expect(monthly.error?.message).toMatch(/"Period" Daily needs "Totals" Per Day or Per Record/);
		expect(requests('ListCustomerselfResourceRecordDetails')).toHaveLength(1);
	});

	it('Get Resource Packages, Get Package Usage of their items, and Get Package Usage Records over 60 days', async () => {
		const packages = await asCustomer({ resource: 'customerResource', operation: 'getPackages', returnAll: true, additionalFields: {} });
		expect(packages.error).toBeUndefined();
		expect(packages.json).toHaveLength(7);
		const items = packages.json.flatMap((p) => (p.free_resources as IDataObject[]).map((i) => String(i.free_resource_id)));
		const usage = await asCustomer({ resource: 'customerResource', operation: 'getPackageUsage', freeResourceIds: items.slice(0, 3) });
		expect(usage.json.map((u) => u.free_resource_id)).toEqual(items.slice(0, 3));
		expect(usage.json.every((u) => Number(u.amount) <= Number(u.original_amount))).toBe(true);
		const effective = await asCustomer({ resource: 'customerResource', operation: 'getPackages', returnAll: true, additionalFields: { status: 1 } });
		expect(effective.json.every((p) => p.status === 1)).toBe(true);
		expect(requests('ListFreeResourceInfos')[1].body).toEqual({ status: 1, offset: 0, limit: 100 });

		const end = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
		const begin = new Date(Date.now() - 61 * 86400000).toISOString().slice(0, 10);
		const records = await asCustomer({ resource: 'customerResource', operation: 'getPackageUsageRecords', deductTimeBegin: begin, deductTimeEnd: end, returnAll: true, additionalFields: {} });
		expect(records.error).toBeUndefined();
		expect(records.json.length).toBeGreaterThan(100);
		expect(requests('ListFreeResourcesUsageRecords').length).toBeGreaterThan(1);
		const tooLong = await asCustomer({ resource: 'customerResource', operation: 'getPackageUsageRecords', deductTimeBegin: '2026-01-01', deductTimeEnd: '2026-06-01', returnAll: true, additionalFields: {} });
		expect(tooLong.error?.message).toMatch(/at most 90 days apart/);
	});
});

describe('Customer Cost', () => {
	it('Get Costs per month by service adds up to the fee records of those months', async () => {
		const last = monthBefore(thisMonth(), 1);
		const first = monthBefore(thisMonth(), 2);
		const costs = await asCustomer({ resource: 'customerCost', operation: 'getCosts', timeCondition: { values: { timeMeasureId: 2, beginTime: first, endTime: last } }, groupBy: { values: [{ type: 'dimension', key: 'CLOUD_SERVICE_TYPE' }] }, costType: 'ORIGINAL_COST', amountType: 'PAYMENT_AMOUNT', returnAll: true, additionalFields: {} });
		expect(costs.error).toBeUndefined();
		expect(requests('ListCosts')[0].body).toEqual({
			time_condition: { time_measure_id: 2, begin_time: first, end_time: last },
			groupby: [{ type: 'dimension', key: 'CLOUD_SERVICE_TYPE' }],
			cost_type: 'ORIGINAL_COST',
			amount_type: 'PAYMENT_AMOUNT',
			offset: 0,
			limit: 100,
		});
		const cents = (value: unknown) => Math.round(Number(value) * 100);
		const costTotal = costs.json.reduce((s, c) => s + cents(c.amount_by_costs), 0);
		let feeTotal = 0;
		for (const month of [first, last]) {
			const fees = await asCustomer({ resource: 'customerResource', operation: 'getFeeRecords', cycle: month, returnAll: true, additionalFields: {} });
			feeTotal += fees.json.reduce((s, r) => s + cents(r.amount), 0);
		}
		expect(costTotal).toBe(feeTotal);
		expect(new Set(costs.json.map((c) => (c.dimensions as IDataObject[])[0].value)).size).toBe(costs.json.length);
	});

	it('Get Costs refuses months with Time Unit Day before sending, and passes filters as given', async () => {
		const wrong = await asCustomer({ resource: 'customerCost', operation: 'getCosts', timeCondition: { values: { timeMeasureId: 1, beginTime: '2026-01', endTime: '2026-02' } }, groupBy: { values: [{ type: 'dimension', key: 'REGION_CODE' }] }, costType: 'ORIGINAL_COST', amountType: 'NET_AMOUNT', returnAll: true, additionalFields: {} });
		expect(wrong.error?.message).toMatch(/must be days \(YYYY-MM-DD\) when Time Unit is Day/);
		expect(requests('ListCosts')).toHaveLength(0);
		const month = monthBefore(thisMonth(), 1);
		const filters = [{ operator: 0, filter_factor: { key: 'CHARGING_MODE', value: ['3'] } }];
		const filtered = await asCustomer({
			resource: 'customerCost',
			operation: 'getCosts',
			timeCondition: { values: { timeMeasureId: 2, beginTime: month, endTime: month } },
			groupBy: { values: [{ type: 'dimension', key: 'CHARGING_MODE' }] },
			costType: 'ORIGINAL_COST',
			amountType: 'NET_AMOUNT',
			returnAll: true,
			additionalFields: { filters: { values: [{ operator: 0, filterFactor: { values: { key: 'CHARGING_MODE', value: ['3'] } } }] } },
		});
		expect(filtered.error).toBeUndefined();
		expect(requests('ListCosts')[0].body).toEqual(expect.objectContaining({ filters }));
		expect(filtered.json.map((c) => (c.dimensions as IDataObject[])[0].value)).toEqual(['3']);
	});

	it("Get Invoices of the customer's own account; another account in the path is refused", async () => {
		const now = new Date().toISOString().slice(0, 19) + 'Z';
		const invoices = await asCustomer({ resource: 'customerCost', operation: 'getInvoices', domainId: CUSTOMER_ID, startTime: '2020-01-01T00:00:00Z', endTime: now, returnAll: true, additionalFields: {} });
		expect(invoices.error).toBeUndefined();
		expect(invoices.json).toHaveLength(9);
		expect(requests('ListInvoices')[0].path).toBe(`/v1.0/${CUSTOMER_ID}/payments/intl-invoices`);
		expect(requests('ListInvoices')[0].query).toEqual({ start_time: '2020-01-01T00:00:00Z', end_time: now, offset: '0', limit: '100' });
		const other = await asCustomer({ resource: 'customerCost', operation: 'getInvoices', domainId: HUAWEI_KEYS.partnerKey.domainId, startTime: '2020-01-01T00:00:00Z', endTime: now, returnAll: true, additionalFields: {} });
		expect(other.error?.message).toContain('CBC.0151');
	});
});

describe('Customer Enterprise', () => {
	it('Authorize Enterprise Projects, and Get Sub-Accounts with paging and a partial-name match', async () => {
		const authorized = await asCustomer({ resource: 'customerEnterprise', operation: 'authorizeProjects' });
		expect(authorized.error).toBeUndefined();
		expect(authorized.json[0]).toEqual({ success: true });
		expect((control().getOwnResources() as IDataObject).projectsAuthorized).toBe(true);
		const all = await asCustomer({ resource: 'customerEnterprise', operation: 'getSubAccounts', returnAll: true, additionalFields: {} });
		expect(all.json).toHaveLength(23);
		const some = await asCustomer({ resource: 'customerEnterprise', operation: 'getSubAccounts', returnAll: false, limit: 2, additionalFields: { subCustomerAccountName: 'sub-1', fuzzyQuery: 1 } });
		expect(some.json.map((s) => s.name)).toEqual(['sandbox-sub-10', 'sandbox-sub-11']);
		expect(requests('ListEnterpriseSubCustomers')[1].query).toEqual({ sub_customer_account_name: 'sub-1', fuzzy_query: '1', offset: '0', limit: '2' });
	});
});

/** Every write of these resources, with parameters that would apply it. */
const WRITES: Array<[string, string, () => IDataObject]> = [
	['PayOrders', 'pay', () => ({ resource: 'customerOrder', operation: 'pay', orderId: pendingOrders(1)[0], useCoupon: 'NO', useDiscount: 'NO' })],
	['CancelCustomerOrder', 'cancel', () => ({ resource: 'customerOrder', operation: 'cancel', orderId: pendingOrders(1)[0] })],
	['RenewalResources', 'renew', () => ({ resource: 'customerSubscription', operation: 'renew', resourceIds: [mainResources()[0].resource_id], periodType: 2, periodNum: 1, additionalFields: { isAutoPay: 1 } })],
	['AutoRenewalResources', 'enableAutoRenew', () => ({ resource: 'customerSubscription', operation: 'enableAutoRenew', resourceId: mainResources()[0].resource_id, additionalFields: {} })],
	['CancelAutoRenewalResources', 'disableAutoRenew', () => ({ resource: 'customerSubscription', operation: 'disableAutoRenew', resourceId: mainResources()[0].resource_id })],
	['SetResourcesRenewConfig', 'setRenewalSettings', () => ({ resource: 'customerSubscription', operation: 'setRenewalSettings', configName: 'DEDUCTION_DATE', configValue: '5' })],
	['UpdatePeriodToOnDemand', 'changeToPayPerUse', () => ({ resource: 'customerSubscription', operation: 'changeToPayPerUse', changeAction: 'SET_UP', resourceIds: [mainResources()[0].resource_id] })],
	['CancelResourcesSubscription', 'unsubscribe', () => ({ resource: 'customerSubscription', operation: 'unsubscribe', resourceIds: [mainResources()[0].resource_id], unsubscribeType: 1, additionalFields: {} })],
	['CreateEnterpriseProjectAuth', 'authorizeProjects', () => ({ resource: 'customerEnterprise', operation: 'authorizeProjects' })],
];

describe('writes with an unclear outcome', () => {
	it.each(WRITES)('%s: a 500 after it was applied is "outcome unknown", says what to check, and is not repeated', async (action, _operation, parameters) => {
		sandbox.control.addFault({ provider: 'huawei', action, kind: 'http500', afterApply: true });
		const result = await asCustomer(parameters());
		expect(result.error?.message).toMatch(new RegExp(`^Huawei Cloud ${action}: outcome unknown, it may have been applied; not repeated`));
		expect(`${result.error?.message} ${result.error?.description}`).toMatch(/Check|Look/);
		expect(requests(action)).toHaveLength(1);
	});

	it.each(WRITES.filter(([action]) => ['PayOrders', 'RenewalResources', 'CancelResourcesSubscription', 'UpdatePeriodToOnDemand'].includes(action)))(
		'%s: a dropped connection is "outcome unknown" and not repeated, even with retries allowed for reads',
		async (action, _operation, parameters) => {
			sandbox.control.addFault({ provider: 'huawei', action, kind: 'drop', afterApply: true });
			const result = await asCustomer(parameters());
			expect(result.error?.message).toMatch(/outcome unknown/);
			expect(result.error?.message).not.toMatch(/retry the request immediately/i);
			expect(requests(action)).toHaveLength(1);
		},
	);

	it('a pay whose answer was lost leaves the order paid once: the check the error names finds it Completed', async () => {
		const [orderId] = pendingOrders(1);
		sandbox.control.addFault({ provider: 'huawei', action: 'PayOrders', kind: 'drop', afterApply: true });
		const result = await asCustomer({ resource: 'customerOrder', operation: 'pay', orderId, useCoupon: 'NO', useDiscount: 'NO' });
		expect(`${result.error?.message} ${result.error?.description}`).toMatch(/Order > Get/);
		expect(requests('PayOrders')).toHaveLength(1);
		expect(await orderStatus(orderId)).toBe(5);
	});
});
