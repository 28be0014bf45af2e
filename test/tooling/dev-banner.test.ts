/**
 * `npm run dev` prints the owner-account line whenever n8n asks for one, also when n8n's first
 * settings answer is slow (it was dropped after 2 s), and says it conditionally when n8n is silent.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { needsOwnerSetup, printWelcome } = require('../../e2e/modes/dev') as {
	needsOwnerSetup: (port: number, options?: { timeoutMs?: number; attempts?: number }) => Promise<boolean | null>;
	printWelcome: (context: Record<string, unknown>) => void;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { settingsServer } = require('../harness/settingsServer') as {
	settingsServer: (showSetupOnFirstLoad: boolean, stalls: number) => Promise<{ port: number; requests: () => number; close: () => Promise<void> }>;
};

const quick = { timeoutMs: 300 };

it('asks again when the settings answer stalls, and reports what n8n says', async () => {
	const slow = await settingsServer(true, 2);
	expect(await needsOwnerSetup(slow.port, quick)).toBe(true);
	expect(slow.requests()).toBe(3);
	await slow.close();
	const done = await settingsServer(false, 0);
	expect(await needsOwnerSetup(done.port, quick)).toBe(false);
	await done.close();
});

it('gives up with null when n8n never answers', async () => {
	const silent = await settingsServer(true, 99);
	expect(await needsOwnerSetup(silent.port, { ...quick, attempts: 2 })).toBeNull();
	await silent.close();
});

it.each([
	[true, 'First visit: n8n asks you to create a local owner account'],
	[null, 'If n8n asks for an owner account on your first visit, create one'],
])('the banner prints the owner line for %s', (ownerSetup, line) => {
	const printed: string[] = [];
	const log = jest.spyOn(console, 'log').mockImplementation((text?: unknown) => void printed.push(String(text ?? '')));
	printWelcome({ port: 5678, sandbox: { url: 'http://127.0.0.1:1' }, creds: [{ name: 'c' }], examples: [], ownerSetup });
	log.mockRestore();
	expect(printed.join('\n')).toContain(line);
});

it('the banner has no owner line when n8n already has an owner', () => {
	const printed: string[] = [];
	const log = jest.spyOn(console, 'log').mockImplementation((text?: unknown) => void printed.push(String(text ?? '')));
	printWelcome({ port: 5678, sandbox: { url: 'http://127.0.0.1:1' }, creds: [{ name: 'c' }], examples: [], ownerSetup: false });
	log.mockRestore();
	expect(printed.join('\n')).not.toMatch(/owner account/);
});
