/**
 * The Cloud Partner nodes of the custom-call and trigger-event examples, run as the examples set
 * them against the sandbox (the real-n8n e2e runs the whole workflows, with n8n's own nodes).
 */
import type { IDataObject } from 'n8n-workflow';
import { readRepoJson } from '../harness/repoFiles';
import { runHuawei, AKSK } from '../harness/huawei';
import { runTencent } from '../harness/tencent';
import { pollTrigger } from '../harness/trigger';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['tencent', 'huawei'], resetEachTest: false });
const nodeOf = (file: string, name: string) => (readRepoJson(`examples/${file}`) as { nodes: Array<{ name: string; parameters: IDataObject }> }).nodes.find((n) => n.name === name)!.parameters;
const c = (p: string) => (sandbox.control as unknown as Record<string, Record<string, (b?: unknown) => IDataObject>>)[p];

it('the custom call examples answer with records', async () => {
	const t = await runTencent(nodeOf('tencent-custom-action.json', 'QueryCustomersCredit by name') as never);
	expect(t.error).toBeUndefined();
	expect((t.json[0].Data as unknown[]).length).toBe(5);
	const h = await runHuawei(nodeOf('huawei-custom-api-call.json', 'Newest orders by path') as never);
	expect(h.error).toBeUndefined();
	expect((h.json[0].order_infos as unknown[]).length).toBe(5);
});
it('New reseller application: the verified applicant is approved', async () => {
	const params = nodeOf('trigger-reseller-application-review.json', 'New reseller application');
	const creds = { tencentCloudPartnerApi: { id: 'tencent-partner', name: 'x' } };
	const first = await pollTrigger({ provider: 'tencent', ...params } as never, creds as never, {});
	c('tencent').addPendingApplications({ kind: 'subAgent', AuthState: 3 });
	const second = await pollTrigger({ provider: 'tencent', ...params } as never, creds as never, first.staticData);
	expect(second.items).toHaveLength(1);
	const approve = await runTencent(nodeOf('trigger-reseller-application-review.json', 'Approve') as never, { items: second.items });
	expect(approve.error).toBeUndefined();
	expect(approve.json[0].RequestId).toEqual(expect.any(String));
	expect(sandbox.control.getRequests({ provider: 'tencent', action: 'ApproveSubAgentApply' }).map((r) => r.outcome)).toEqual(['ok']);
});
it('New customer order: only the new purchase fires, and its details are fetched', async () => {
	const params = nodeOf('trigger-new-customer-order.json', 'New purchase order');
	const creds = { huaweiCloudPartnerApi: { id: AKSK, name: 'x' } };
	const first = await pollTrigger({ provider: 'huawei', ...params } as never, creds as never, {});
	expect(first.error).toBeUndefined();
	c('huawei').addOrders({ order_type: 1, status: 5 });
	c('huawei').addOrders({ order_type: 2, status: 5 });
	const second = await pollTrigger({ provider: 'huawei', ...params } as never, creds as never, first.staticData);
	expect(second.items).toHaveLength(1);
	const get = await runHuawei(nodeOf('trigger-new-customer-order.json', 'Order with line items') as never, { items: second.items });
	expect(get.error).toBeUndefined();
	expect((get.json[0].order_info as IDataObject).order_id).toBe(second.items[0].orderId);
});
it('Renewal digest: the trigger emits each new customer resource due within 30 days, once', async () => {
	// Fewer seeded customers, so that reading every customer's resources stays a few requests.
	c('huawei').seed({ customers: 20 });
	const params = nodeOf('trigger-expiring-renewal-digest.json', 'Resources expiring in 30 days');
	const creds = { huaweiCloudPartnerApi: { id: AKSK, name: 'x' } };
	const first = await pollTrigger({ provider: 'huawei', ...params } as never, creds as never, {});
	expect(first.error).toBeUndefined();
	const customer = String(c('huawei').addCustomer({}).customer_id);
	const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const due = c('huawei').addSubscriptions({ customer_id: customer, count: 2, expire_time: inDays(20) }).added as string[];
	c('huawei').addSubscriptions({ customer_id: customer, expire_time: inDays(60) });
	const second = await pollTrigger({ provider: 'huawei', ...params } as never, creds as never, first.staticData);
	expect(second.error).toBeUndefined();
	expect(second.items.map((i) => i.resourceId).sort()).toEqual([...due].sort());
	expect(second.items[0]).not.toHaveProperty('raw');
	const third = await pollTrigger({ provider: 'huawei', ...params } as never, creds as never, second.staticData);
	expect(third.items).toEqual([]);
	sandbox.control.reset();
});
