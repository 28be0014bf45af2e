/**
 * The live check (`npm run live-check`, scripts/live-check/) against the sandbox: it passes as is,
 * never writes, paces itself to the documented rates, keeps secrets and ids out of its report, and
 * reports what a real account could answer differently: a removed, renamed or retyped field
 * (planted with the sandbox's drift control), a throttling answer, a time in another form.
 */
import { TENCENT_KEYS } from '../harness/sandbox';
import * as cliModule from '../../scripts/live-check/cli';
import * as compareModule from '../../scripts/live-check/compare';
import * as credentialsModule from '../../scripts/live-check/credentials';
import * as modelsModule from '../../scripts/live-check/models';
import * as planModule from '../../scripts/live-check/plan';
import * as reportModule from '../../scripts/live-check/report';
import * as tempFilesModule from '../harness/tempFiles';
import * as runnerModule from '../../scripts/live-check/runner';
import { useSandbox } from '../harness/useSandbox';

interface Report {
	text: string;
	problems: number;
}
interface Pace {
	sleep: (ms: number) => Promise<void>;
}
interface OperationSpecLike {
	vendorAction: string;
	write: boolean;
	rateLimitPerSecond: number;
}

const { liveCheck, sandboxCredentials } = cliModule as unknown as {
	liveCheck: (o: { byType: Record<string, Record<string, string>>; vendors?: string[]; pace?: Pace; log?: (line: string) => void }) => Promise<Report>;
	sandboxCredentials: (url: string) => Record<string, Record<string, string>>;
};
const { compare } = compareModule as unknown as { compare: (vendor: string, type: unknown, value: unknown, path?: string) => Array<{ kind: string; path: string }> };
const { loadCredentials, credentialsPerVendor } = credentialsModule as unknown as {
	loadCredentials: (o: { file?: string; env?: Record<string, string>; cwd?: string }) => { source: string; byType: Record<string, unknown> };
	credentialsPerVendor: (byType: Record<string, unknown>) => Record<string, { type: string }>;
};
const { responseModelOf } = modelsModule as unknown as { responseModelOf: (vendor: string, spec: unknown) => { model: unknown; confidence: string } };
const { PLAN } = planModule as unknown as { PLAN: Record<string, Array<{ resource: string; operation: string }>> };
const { maskIds } = reportModule as unknown as { maskIds: (text: string) => string };
const { findSpec, intervalMs, statusOf, VENDORS } = runnerModule as unknown as {
	statusOf: (o: { error?: Error; findings: unknown[]; throttled: number; answers: number }) => string;
	findSpec: (vendor: string, resource: string, operation: string) => OperationSpecLike;
	intervalMs: (spec: OperationSpecLike) => number;
	VENDORS: Record<string, { operations: Array<OperationSpecLike & { resource: string; operation: string }> }>;
};

const { tempFolder, writeText, removeFolder } = tempFilesModule as unknown as {
	tempFolder: (prefix: string, parent?: string) => string;
	writeText: (dir: string, name: string, text: string) => void;
	removeFolder: (dir: string) => void;
};

const sandbox = useSandbox();
let byType: Record<string, Record<string, string>>;
const noWait: Pace = { sleep: async () => {} };
const plant = (spec: Record<string, unknown>) => (sandbox.control as unknown as { plantDrift: (s: unknown) => unknown }).plantDrift(spec);
const check = async (vendors: string[], pace: Pace = noWait) => await liveCheck({ byType, vendors, pace });
const lineOf = (report: Report, checkName: string) => report.text.split('\n').find((l) => l.includes(` ${checkName} (`)) ?? '';
/** The report's lines under a check, up to the next check. */
function detailsOf(report: Report, checkName: string): string[] {
	const lines = report.text.split('\n');
	const at = lines.findIndex((l) => l.includes(` ${checkName} (`));
	const out: string[] = [];
	for (const line of lines.slice(at + 1)) {
		if (!line.startsWith('  - ')) break;
		out.push(line);
	}
	return out;
}

beforeAll(() => {
	byType = sandboxCredentials(sandbox.url);
});

describe('against the sandbox', () => {
	it('passes for every vendor, calling only reads, and says which models are CONFIRMED and which INFERRED', async () => {
		const report = await check(['tencent', 'huawei', 'dotdigital']);
		expect(report.problems).toBe(0);
		expect(report.text).toMatch(/Result: all 15 check\(s\) passed\./);
		expect(lineOf(report, 'credit getManyCustomers')).toMatch(/PASS .*\[model CONFIRMED\] \(2 call\(s\), 2 page\(s\), 101 record\(s\)\)/);
		expect(lineOf(report, 'customer getMany')).toMatch(/PASS .*ListSubCustomers.*2 page\(s\)/);
		expect(lineOf(report, 'account getMany')).toMatch(/PASS .*GetAccounts.*\[model INFERRED\]/);
		const logged = sandbox.control.getRequests();
		expect(logged.length).toBeGreaterThan(15);
		const writes = logged.filter((r) => {
			const spec = Object.values(VENDORS)
				.flatMap((v) => v.operations)
				.find((o) => o.vendorAction === r.action || o.vendorAction.endsWith(` ${r.action}`));
			return !spec || spec.write;
		});
		expect(writes.map((r) => `${r.provider} ${r.action}`)).toEqual([]);
	});

	it('keeps every credential and every id out of the report', async () => {
		const report = await check(['tencent', 'huawei', 'dotdigital']);
		for (const data of Object.values(byType)) {
			for (const value of Object.values(data)) if (typeof value === 'string' && value.length >= 8 && !value.startsWith('http')) expect(report.text).not.toContain(value);
		}
		// The customer the dependent check read (the first UIN of the list) is not named.
		expect(report.text).not.toContain(String(TENCENT_KEYS.FIRST_CUSTOMER_UIN));
		expect(report.text).not.toMatch(/\d{6,}/);
	});

	it('waits the documented interval of each call before the next one', async () => {
		const waits: number[] = [];
		await check(['tencent'], { sleep: async (ms) => void waits.push(ms) });
		const specs = PLAN.tencent.map((e) => findSpec('tencent', e.resource, e.operation));
		// After each check but the last, the interval of the operation just called.
		expect(waits).toEqual(specs.slice(0, -1).map((s) => intervalMs(s)));
		expect(waits).toEqual([200, 50, 50, 200, 200, 50]);
	});
});

describe('reports what a real account could answer differently', () => {
	it('a required field that is missing', async () => {
		plant({ provider: 'tencent', action: 'QueryPartnerCredit', path: 'Response.TotalCredit', change: 'remove' });
		const report = await check(['tencent']);
		expect(lineOf(report, 'credit getPartnerCredit')).toMatch(/^- DRIFT /);
		expect(detailsOf(report, 'credit getPartnerCredit')).toEqual(['  - missing field: Response.TotalCredit, expected number']);
		expect(report.problems).toBe(1);
	});

	it('a renamed field, as missing and as a field the model does not know, on every page', async () => {
		plant({ provider: 'tencent', action: 'QueryCustomersCredit', path: 'Response.Data[].ClientUin', change: 'rename', to: 'ClientUIN', count: 2 });
		const report = await check(['tencent']);
		// Both pages the node read (two full pages of 100 for 101 items) carry the change.
		expect(detailsOf(report, 'credit getManyCustomers')).toEqual([
			'  - missing field: Response.Data[].ClientUin, expected integer, 200 times',
			'  - field not in the model: Response.Data[].ClientUIN, got integer, 200 times',
		]);
	});

	it('a value of another JSON type', async () => {
		plant({ provider: 'huawei', action: '/v2/partners/sub-customers/query', path: 'count', change: 'retype' });
		const report = await check(['huawei']);
		expect(lineOf(report, 'customer getMany')).toMatch(/^- DRIFT /);
		expect(detailsOf(report, 'customer getMany')).toEqual(['  - wrong type: count, expected integer, got string']);
	});

	it('a dotdigital field the reference only infers, labelled INFERRED', async () => {
		plant({ provider: 'dotdigital', action: 'GetRoles', path: '[].RoleName', change: 'rename', to: 'Title' });
		const report = await check(['dotdigital']);
		const details = detailsOf(report, 'role getMany');
		expect(details[0]).toBe('  - INFERRED missing field: [].RoleName, expected string, 6 times');
		expect(details[1]).toBe('  - INFERRED field not in the model: [].Title, got string, 6 times');
		expect(details[2]).toMatch(/the model is dotdigital reference 7 \(INFERRED: no published response body\): the node's assumption differs/);
	});

	it('a throttling answer at the documented pace, which the node waited out and retried', async () => {
		sandbox.control.addFault({ provider: 'tencent', action: 'QueryVoucherPool', kind: 'throttle', count: 1 });
		const report = await check(['tencent']);
		expect(lineOf(report, 'voucher getPool')).toMatch(/^- THROTTLED .*\(2 call\(s\), 1 record\(s\), 1 throttled answer\(s\)\)/);
		expect(detailsOf(report, 'voucher getPool')[0]).toMatch(/throttled: the vendor answered "too many requests" 1 time\(s\) at the documented pace; the node waited and retried/);
		expect(report.problems).toBe(1);
	});

	it('an answer the node could not use, with the node\'s error and ids masked', async () => {
		sandbox.control.addFault({ provider: 'dotdigital', action: 'GetAccounts', kind: 'http500', count: 10 });
		const report = await check(['dotdigital']);
		expect(lineOf(report, 'account getMany')).toMatch(/^- FAIL /);
		expect(detailsOf(report, 'account getMany')[0]).toMatch(/^ {2}- error: /);
		// Without an account, the checks that need one say why they did not run.
		expect(lineOf(report, 'account get')).toMatch(/^- SKIPPED /);
	});
});

describe('the comparison', () => {
	const tencentCredit = () => responseModelOf('tencent', findSpec('tencent', 'credit', 'getAllocationHistory')).model;

	it('judges times by the vendor\'s documented form and the calendar', () => {
		const history = (time: string) => ({ History: [{ ClientUin: 1, Credit: 1, AllocatedCredit: 1, AllocatedTime: time, Operator: 'x', Type: 'allocate' }], Total: 1, RequestId: 'r' });
		const timeFindings = (time: string) => compare('tencent', tencentCredit(), history(time), '').filter((f) => f.kind === 'time');
		expect(timeFindings('2025-07-01 10:00:00')).toEqual([]);
		expect(timeFindings('2025-13-01 10:00:00')).toEqual([expect.objectContaining({ path: 'History[].AllocatedTime' })]);
		expect(timeFindings('2025-07-01T10:00:00Z')).toHaveLength(1);
	});

	it('every check of the plan is a read the models cover', () => {
		for (const [vendor, entries] of Object.entries(PLAN)) {
			for (const entry of entries) {
				const spec = findSpec(vendor, entry.resource, entry.operation);
				expect(spec.write).toBe(false);
				expect(responseModelOf(vendor, spec).confidence).toBe(vendor === 'dotdigital' ? 'INFERRED' : 'CONFIRMED');
			}
		}
		const write = VENDORS.tencent.operations.find((o) => o.write) as { resource: string; operation: string };
		expect(() => findSpec('tencent', write.resource, write.operation)).toThrow(/never calls it/);
	});

	it('fails a check that saw no answer, rather than passing what it did not compare', () => {
		expect(statusOf({ findings: [], throttled: 0, answers: 0 })).toBe('FAIL');
		expect(statusOf({ findings: [], throttled: 0, answers: 1 })).toBe('PASS');
		expect(statusOf({ findings: [], throttled: 1, answers: 2 })).toBe('THROTTLED');
		expect(statusOf({ findings: [{}], throttled: 1, answers: 2 })).toBe('DRIFT');
		expect(statusOf({ error: new Error('x'), findings: [], throttled: 0, answers: 1 })).toBe('FAIL');
	});

	it('masks ids to their last two characters', () => {
		expect(maskIds('UIN 200000000123 domain 0a1b2c3d4e5f60718293a4b5c6d7e8f9 request 2b3c4d5e-1111-2222-3333-444455556666 ok 101')).toBe(
			'UIN **********23 domain ******************************f9 request **********************************66 ok 101',
		);
	});
});

describe('credentials', () => {
	const dir = tempFolder('live-check-creds');
	afterAll(() => removeFolder(dir));

	it('come from a file, the environment or the default file, and pick each vendor\'s credential type', () => {
		const data = { tencentCloudPartnerApi: { secretId: 'AKIDexample', secretKey: 'k' }, huaweiCloudPartnerIamApi: { userName: 'u' } };
		writeText(dir, 'mine.json', JSON.stringify(data));
		expect(loadCredentials({ file: 'mine.json', env: {}, cwd: dir }).byType).toEqual(data);
		expect(loadCredentials({ env: { LIVE_CHECK_CREDENTIALS_FILE: 'mine.json' }, cwd: dir }).source).toBe('file mine.json');
		expect(loadCredentials({ env: { LIVE_CHECK_CREDENTIALS: JSON.stringify(data) }, cwd: dir }).source).toBe('LIVE_CHECK_CREDENTIALS');
		writeText(dir, 'live-check.credentials.json', JSON.stringify(data));
		expect(loadCredentials({ env: {}, cwd: dir }).source).toBe('file live-check.credentials.json');
		expect(credentialsPerVendor(data)).toEqual({ tencent: { type: 'tencentCloudPartnerApi', data: data.tencentCloudPartnerApi }, huawei: { type: 'huaweiCloudPartnerIamApi', data: data.huaweiCloudPartnerIamApi } });
	});

	it('never quote a file that is not valid JSON', () => {
		writeText(dir, 'broken.json', '{ "secretKey": "do-not-print-me" ');
		expect(() => loadCredentials({ file: 'broken.json', env: {}, cwd: dir })).toThrow(/^credentials file broken.json is not valid JSON$/);
		const empty = tempFolder('empty', dir);
		expect(() => loadCredentials({ env: {}, cwd: empty })).toThrow(/no credentials: pass --credentials/);
	});
});
