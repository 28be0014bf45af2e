/**
 * The sandbox's own self-checks (`node sandbox/selfcheck.js`, with the Huawei and dotdigital parts it
 * registers), one test per check, so the suite fails when the strict stand-in for the vendors drifts.
 * They run in order against one sandbox, as the command line runs them.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const selfcheck = require('../../sandbox/selfcheck') as {
	checks: Array<{ name: string; fn: (context: unknown) => Promise<void> | void }>;
	openCheckContext(): Promise<{ context: unknown; close(): Promise<void> }>;
};

let opened: { context: unknown; close(): Promise<void> };

beforeAll(async () => {
	opened = await selfcheck.openCheckContext();
});
afterAll(async () => await opened.close());

it('registers the Tencent, Huawei and dotdigital checks', () => {
	expect(selfcheck.checks.length).toBeGreaterThanOrEqual(98);
});

it.each(selfcheck.checks.map((c) => [c.name, c.fn] as const))('%s', async (_name, fn) => {
	await fn(opened.context);
});
