/**
 * Tencent writes date-times in China Standard Time without an offset; every node gives users the
 * same instant as ISO-8601 UTC, so n8n's date functions read it right whatever the instance's zone.
 */
import { chinaTimesToUtc, utcFromChinaTime } from '../nodes/TencentCloudPartner/chinaTime';
import type { Sandbox } from './harness/sandbox';
import { startSandbox, TENCENT_KEYS } from './harness/sandbox';
import { runTencent, useTencentSandbox } from './harness/tencent';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
	useTencentSandbox(sandbox);
});
beforeEach(() => sandbox.control.reset());
afterAll(async () => await sandbox.close());

it('converts only full date-times; calendar dates and months stay as Tencent wrote them', () => {
	expect(utcFromChinaTime('2026-03-01 07:30:00')).toBe('2026-02-28T23:30:00Z');
	expect(utcFromChinaTime('2026-02-28T23:30:00Z')).toBe('2026-02-28T23:30:00Z');
	expect(
		chinaTimesToUtc({ AssociationTime: '2026-01-01 00:00:00', Month: '2025-12', BeginDate: '2025-12-01', Nested: [{ CreateTime: '2025-12-31 08:00:00' }], Credit: 5 }),
	).toEqual({ AssociationTime: '2025-12-31T16:00:00Z', Month: '2025-12', BeginDate: '2025-12-01', Nested: [{ CreateTime: '2025-12-31T00:00:00Z' }], Credit: 5 });
});

it('action nodes return the same UTC instants the trigger does', async () => {
	const uin = TENCENT_KEYS.FIRST_CUSTOMER_UIN;
	const stored = sandbox.control.tencent.getCustomer(uin) as { AssociationTime: string };
	expect(stored.AssociationTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
	const result = await runTencent({
		resource: 'credit',
		operation: 'getManyCustomers',
		returnAll: true,
		additionalFields: { filterType: 'ClientUin', filter: String(uin) },
	});
	expect(result.error).toBeUndefined();
	const listed = result.json[0];
	expect(listed.AssociationTime).toBe(utcFromChinaTime(stored.AssociationTime));
	// Eight hours earlier than the wall-clock time Tencent wrote, as an instant n8n parses alike everywhere.
	const wallClockAsUtc = Date.parse(`${stored.AssociationTime.replace(' ', 'T')}Z`);
	expect(Date.parse(String(listed.AssociationTime))).toBe(wallClockAsUtc - 8 * 3600e3);
});
