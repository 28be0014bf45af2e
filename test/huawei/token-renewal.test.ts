/**
 * n8n re-sends a request after renewing an expired IAM token (Huawei answered 401 and carried
 * nothing out). That re-send obeys the run's rules: it goes out while the run goes on, and not once
 * the run has stopped at another failure. The IAM logins pass a gate the test opens, so the order
 * of events is set by the test, not by the clock.
 */
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import * as gateModule from '../../sandbox/gate';
import { IAM, ref, runHuawei, storedCredential } from '../harness/huawei';
import { errorOf, setCredential, startWorkflow } from '../harness/runWorkflow';
import { singleNodeWorkflow } from '../harness/workflows';
import { useSandbox } from '../harness/useSandbox';

interface Gate {
	url: string;
	waiting(): number;
	arrivals: string[];
	release(): void;
	close(): Promise<void>;
}
const startGate = (gateModule as unknown as { startGate: (target: string, held: (req: { url?: string }) => boolean) => Promise<Gate> }).startGate;

// The order of calls is under test, not pacing: no throttling answers in between.
const sandbox = useSandbox({ vendors: ['huawei'], credentials: 'eachTest', rateLimit: false });
let gate: Gate;
const control = () => sandbox.control.huawei;
const requests = (action: string) => sandbox.control.getRequests({ provider: 'huawei', action });
const budgetOf = (customerId: string) => (control().getBudget(customerId) as IDataObject).budget_amount;

/** Resolves once `condition` holds, looking again every few milliseconds (a wait, not a measure). */
async function until(condition: () => boolean): Promise<void> {
	while (!condition()) await sleep(2);
}

beforeEach(async () => {
	// A token that Huawei has since revoked, as after 24 hours: every call is first answered 401.
	expect((await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: IAM })).error).toBeUndefined();
	control().revokeTokens();
	gate = await startGate(sandbox.url, (req) => String(req.url).startsWith('/v3/auth/tokens'));
	setCredential(IAM, { ...storedCredential(IAM), iamEndpoint: gate.url });
	sandbox.control.clearRequests();
});
afterEach(async () => await gate.close());

async function twoCustomers(): Promise<string[]> {
	const result = await runHuawei({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 2, additionalFields: { associationType: '3' } });
	sandbox.control.clearRequests();
	return result.json.map((c) => String(c.customer_id));
}

const budgetSet = {
	authentication: 'iamToken',
	resource: 'budget',
	operation: 'set',
	customerId: ref('={{ $json.id }}'),
	budgetAmount: 321,
	additionalFields: {},
	options: { maxConcurrentRequests: 2 },
};

describe('the write re-sent after an IAM token renewal', () => {
	it('goes out while the run goes on: Huawei refused it, so sending it again cannot apply it twice', async () => {
		const [customer] = await twoCustomers();
		const run = startWorkflow(
			singleNodeWorkflow('huaweiCloudPartner', budgetSet, { items: [{ id: customer }], credentials: { huaweiCloudPartnerIamApi: { id: IAM, name: IAM } } }),
		);
		await until(() => gate.waiting() === 1);
		gate.release();
		expect(errorOf(await run.done)).toBeUndefined();
		expect(requests('UpdateSubCustomerBudget').map((r) => r.outcome)).toEqual(['APIG.0307', 'ok']);
		expect(budgetOf(customer)).toBe(321);
	});

	it('is not sent once the run has stopped at another failure, and the item is reported not applied', async () => {
		const customers = await twoCustomers();
		const before = customers.map(budgetOf);
		// Both writes are turned away (401); the first one re-sent after its renewal meets a 500.
		sandbox.control.addFault({ provider: 'huawei', action: 'UpdateSubCustomerBudget', kind: 'http500', count: 1, skip: 2 });
		const run = startWorkflow(
			singleNodeWorkflow('huaweiCloudPartner', budgetSet, {
				items: customers.map((id) => ({ id })),
				credentials: { huaweiCloudPartnerIamApi: { id: IAM, name: IAM } },
			}),
		);
		// Both writes were turned away and wait for a new token.
		await until(() => gate.waiting() === 2);
		gate.release();
		// The first renewal's re-send failed with a 500: the run stops there.
		await until(() => requests('UpdateSubCustomerBudget').some((r) => r.outcome === 'http500'));
		// Only now does the second renewal finish; n8n would re-send its write.
		gate.release();
		const error = errorOf(await run.done);

		expect(requests('UpdateSubCustomerBudget').map((r) => r.outcome)).toEqual(['APIG.0307', 'APIG.0307', 'http500']);
		expect(customers.map(budgetOf)).toEqual(before);
		expect(gate.arrivals.filter((a) => a.startsWith('POST /v3/auth/tokens'))).toHaveLength(2);
		expect(error?.message).toMatch(/UpdateSubCustomerBudget: outcome unknown, it may have been applied; not repeated/);
		expect(error?.message).toMatch(/\[items: 1 outcome unknown, 1 not applied\]/);
		expect((error?.context as IDataObject).items).toEqual(expect.objectContaining({ applied: [], notSent: [] }));
	});
});
