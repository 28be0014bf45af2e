/**
 * Trying an example must not move money. Every example, run as the editor's "Execute workflow" does
 * (a test run: the Manual Trigger, or a polling trigger's samples), sends no write to the vendor:
 * each writing example passes its items through "Live run?" and, on a test run, shows what it
 * would write instead. Live runs (`n8n execute`, a published workflow) and a test run with
 * Settings > writeOnTestRuns on do write. Which calls write is what the operation specs say.
 */
import type { IDataObject, IRun } from 'n8n-workflow';

import { dotdigitalOperations } from '../../nodes/DotdigitalReseller/resources';
import { huaweiOperations } from '../../nodes/HuaweiCloudPartner/resources';
import { tencentOperations } from '../../nodes/TencentCloudPartner/resources';
import type { Example } from '../harness/examples';
import { nodeOutput, readExamples, runExample, useExampleCredentials } from '../harness/examples';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox();
beforeAll(() => useExampleCredentials(sandbox.url));
beforeEach(() => {
	sandbox.control.clearRequests();
});

/** Whether each vendor action writes, as the node's operation specs declare it. */
const writes = new Map<string, boolean>();
for (const [provider, specs] of [['tencent', tencentOperations], ['huawei', huaweiOperations], ['dotdigital', dotdigitalOperations]] as const) {
	for (const spec of specs) if (spec.vendorAction) writes.set(`${provider}.${spec.vendorAction}`, spec.write);
}
/** Calls the credentials make themselves: the IAM login and the account-id lookup read. */
for (const call of ['huawei.KeystoneCreateUserTokenByPassword', 'huawei.KeystoneListAuthDomains']) writes.set(call, false);

function callsSent(): Array<{ call: string; write: boolean }> {
	return sandbox.control.getRequests().map((r) => {
		const call = `${r.provider}.${r.action}`;
		const write = writes.get(call);
		if (write === undefined) throw new Error(`${call} reached the sandbox, but no operation spec says whether it writes`);
		return { call, write };
	});
}

const examples = readExamples();
const writingExamples = examples.filter((e) => e.workflow.nodes.some((n) => n.name === 'Live run?'));
const PREVIEW = /^Test run: would /;
const previewOf = (example: Example) => example.workflow.nodes.find((n) => PREVIEW.test(n.name))!.name;
const withSetting = (example: Example, writeOnTestRuns: boolean): Example['workflow'] => {
	const workflow = JSON.parse(JSON.stringify(example.workflow)) as Example['workflow'];
	const settings = workflow.nodes.find((n) => n.name === 'Settings')!;
	((settings.parameters.assignments as IDataObject).assignments as IDataObject[])[0].value = writeOnTestRuns;
	return workflow;
};
const failure = (run: IRun) => run.data.resultData.error?.message;

it('the examples that write are the seven that call a writing operation', () => {
	expect(writingExamples.map((e) => e.file)).toEqual([
		'dotdigital-add-user-and-credit.json',
		'huawei-customer-onboarding.json',
		'tencent-allocate-credit.json',
		'tencent-approve-reseller-applications.json',
		'trigger-low-credit-top-up.json',
		'trigger-new-customer-welcome.json',
		'trigger-reseller-application-review.json',
	]);
	for (const example of writingExamples) {
		const settings = example.workflow.nodes.find((n) => n.name === 'Settings');
		expect(((settings?.parameters.assignments as IDataObject).assignments as IDataObject[])[0]).toEqual(expect.objectContaining({ name: 'writeOnTestRuns', value: false }));
	}
});

it.each(examples.map((e) => [e.file, e] as const))('a test run of %s succeeds and sends no write', async (_file, example) => {
	const run = await runExample(example.workflow, 'manual');
	expect(failure(run)).toBeUndefined();
	const sent = callsSent();
	expect(sent.filter((c) => c.write)).toEqual([]);
	// dotdigital's example has no read before its write: for it, the preview below is the proof.
	if (example.file !== 'dotdigital-add-user-and-credit.json') expect(sent.length).toBeGreaterThan(0);
	if (writingExamples.includes(example)) {
		// It got as far as the write, and showed what it would have done.
		const previews = nodeOutput(run, previewOf(example)) ?? [];
		expect(previews.length).toBeGreaterThan(0);
		for (const { json } of previews) {
			expect(json.wouldDo).toMatch(/^Would /);
			expect(json.wouldDo).not.toMatch(/undefined|null/);
		}
	}
});

// Huawei onboarding's step after the write reads the code from the sandbox over HTTP Request, which
// the harness does not run; the e2e runs that example live.
const switchable = writingExamples.filter((e) => e.file !== 'huawei-customer-onboarding.json');
it.each(switchable.map((e) => [e.file, e] as const))('%s writes on a test run once Settings > writeOnTestRuns is on', async (_file, example) => {
	const run = await runExample(withSetting(example, true), 'manual');
	expect(failure(run)).toBeUndefined();
	expect(callsSent().filter((c) => c.write).length).toBeGreaterThan(0);
	expect(nodeOutput(run, previewOf(example))).toBeUndefined();
});

it('a live run (n8n execute) writes: the top-up of a manual example reaches the sandbox once', async () => {
	const example = examples.find((e) => e.file === 'tencent-allocate-credit.json')!;
	const run = await runExample(example.workflow, 'cli');
	expect(failure(run)).toBeUndefined();
	expect(callsSent().filter((c) => c.write).map((c) => c.call)).toEqual(['tencent.AllocateCustomerCredit']);
	expect(nodeOutput(run, previewOf(example))).toBeUndefined();
});

describe('Approve resellers tells the truth', () => {
	it('a live run approves the company applicants and lists each refusal with Tencent\'s reason', async () => {
		const example = examples.find((e) => e.file === 'tencent-approve-reseller-applications.json')!;
		const run = await runExample(example.workflow, 'cli');
		expect(failure(run)).toBeUndefined();
		const verified = nodeOutput(run, 'Identity verified') ?? [];
		const approved = nodeOutput(run, 'Approved?', 0) ?? [];
		const refused = nodeOutput(run, 'Not approved: follow up by hand') ?? [];
		expect(approved.length).toBeGreaterThan(0);
		expect(approved.length + refused.length).toBe(verified.length);
		expect(refused.length).toBeGreaterThan(0);
		for (const { json } of refused) {
			expect(json).toEqual({ resellerId: expect.stringMatching(/^\d+$/), name: expect.any(String), reason: expect.stringContaining('Only company accounts'), vendorCode: 'FailedOperation.AccountTypeNotCompany' });
		}
		const outcomes = sandbox.control.getRequests({ provider: 'tencent', action: 'ApproveSubAgentApply' }).map((r) => r.outcome);
		expect(outcomes.filter((o) => o === 'ok')).toHaveLength(approved.length);
	});
});
