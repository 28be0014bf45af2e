/**
 * Tencent writes date-times in China Standard Time without an offset; every node gives users the
 * same instant as ISO-8601 UTC, so n8n's date functions read it right whatever the instance's zone.
 * Only the fields Tencent's SDK model declares as date-times are converted, and only real times:
 * names, remarks and every other text pass through exactly as written, and so do zero dates,
 * impossible dates and anything else Tencent writes in a date-time field.
 */
import type { IDataObject } from 'n8n-workflow';

import { chinaTimesToUtc, TENCENT_DATE_TIME_FIELDS, utcFromChinaTime } from '../../nodes/TencentCloudPartner/chinaTime';
import { chinaTimeAt } from '../harness/clock';
import { TENCENT_KEYS } from '../harness/sandbox';
import { byId, PARTNER_CREDENTIAL, runTencent } from '../harness/tencent';
import { pollSequence } from '../harness/trigger';
import { useSandbox } from '../harness/useSandbox';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { tencentDateTimeFields } = require('../harness/vendorModels') as { tencentDateTimeFields(): Record<string, string[]> };

const sandbox = useSandbox({ vendors: ['tencent'] });
const tencent = () => sandbox.control.tencent as unknown as Record<string, (body?: unknown) => IDataObject>;
const tencentCredentials = { tencentCloudPartnerApi: { id: PARTNER_CREDENTIAL, name: 'partner' } };


/** User text shaped like Tencent's date-times, and the other shapes the old conversion rewrote. */
const TEXT_LIKE_TIMES = ['2026-03-01 15:30:00', '0000-00-00 00:00:00', '2026-02-30 10:00:00', '2026-01-01 24:00:00', '2026-13-01 10:00:00'];
/** What Tencent may write in a date-time field that is no real time: passed through as written. */
const NOT_TIMES: Array<string | null> = ['0000-00-00 00:00:00', '2026-02-30 10:00:00', '2026-03-01 24:00:00', '2026-13-01 10:00:00', '2026-03-01 10:61:00', '0001-01-01 00:00:00', '', 'soon', null];

it('the table of date-time fields is the one the vendor model declares, action by action', () => {
	expect(TENCENT_DATE_TIME_FIELDS).toEqual(tencentDateTimeFields());
});

it('converts only real full date-times; calendar dates, months, zero and impossible dates stay as written', () => {
	expect(utcFromChinaTime('2026-03-01 07:30:00')).toBe('2026-02-28T23:30:00Z');
	expect(utcFromChinaTime('2024-02-29 23:59:59')).toBe('2024-02-29T15:59:59Z');
	for (const value of [...NOT_TIMES, '2026-03-01', '2025-12', '2026-02-28T23:30:00Z', ' 2026-03-01 07:30:00']) expect(utcFromChinaTime(value)).toBeUndefined();

	const answer = {
		Data: [
			{ AssociationTime: '2026-01-01 00:00:00', RecentExpiry: '2026-02-30 00:00:00', Name: '2026-01-01 00:00:00', Remark: '2026-01-01 00:00:00', Credit: 5 },
			{ AssociationTime: '0000-00-00 00:00:00', RecentExpiry: '2026-06-01', Name: 'x', Remark: '' },
		],
		Total: 2,
		Month: '2025-12',
	};
	expect(chinaTimesToUtc('QueryCustomersCredit', answer)).toEqual({
		...answer,
		Data: [
			{ ...answer.Data[0], AssociationTime: '2025-12-31T16:00:00Z' },
			{ ...answer.Data[1] },
		],
	});
	// An action the model does not list (a custom one) is returned as Tencent wrote it.
	expect(chinaTimesToUtc('SomeNewAction', answer)).toEqual(answer);
	expect(chinaTimesToUtc('QueryCustomersCredit', { Data: null, Total: 0 })).toEqual({ Data: null, Total: 0 });
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

describe.each(TEXT_LIKE_TIMES)('user text "%s" comes back byte-identical', (text) => {
	it('in Get Details (Name, Mark), Get Many Customer Credits (Name, Remark) and the New Customer trigger (name)', async () => {
		const trigger = pollSequence({ provider: 'tencent', event: 'newCustomer' }, tencentCredentials);
		await trigger.poll();
		const customer = tencent().addCustomer({ Name: text, Remark: text, AssociationTime: chinaTimeAt(-5) });
		const uin = Number(customer.ClientUin);

		const details = await runTencent({ resource: 'customer', operation: 'getDetails', customerUins: [String(uin)] });
		expect(details.error).toBeUndefined();
		expect(details.json[0]).toEqual(expect.objectContaining({ Name: text, Mark: text, BindTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/) }));

		const credits = await runTencent({ resource: 'credit', operation: 'getManyCustomers', returnAll: true, additionalFields: { filterType: 'ClientUin', filter: String(uin) } });
		expect(credits.error).toBeUndefined();
		expect(credits.json[0]).toEqual(expect.objectContaining({ Name: text, Remark: text, AssociationTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/) }));

		const polled = await trigger.poll();
		expect(polled.items).toEqual([expect.objectContaining({ customerId: String(uin), name: text, raw: expect.objectContaining({ Name: text, Remark: text }) })]);
	});

	it('in Update Remark and in the remark of a credit allocation, while the allocation time is converted', async () => {
		const uin = TENCENT_KEYS.FIRST_CUSTOMER_UIN;
		const updated = await runTencent({ resource: 'customer', operation: 'updateRemark', customerUin: byId(uin), remark: text });
		expect(updated.error).toBeUndefined();
		expect(updated.json[0]).toEqual(expect.objectContaining({ ClientRemark: text }));

		const allocated = await runTencent({ resource: 'credit', operation: 'allocateToCustomer', customerUin: byId(uin), addedCredit: 1, additionalFields: { remark: text } });
		expect(allocated.error).toBeUndefined();
		const history = await runTencent({ resource: 'credit', operation: 'getAllocationHistory', customerUin: byId(uin), returnAll: false, limit: 1, additionalFields: {} });
		expect(history.error).toBeUndefined();
		expect(history.json[0]).toEqual(expect.objectContaining({ Remark: text, AllocatedTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/) }));
	});
});

it('zero, impossible and empty values in date-time fields pass through as Tencent wrote them; real ones are converted', async () => {
	const uin = TENCENT_KEYS.FIRST_CUSTOMER_UIN;
	for (const value of NOT_TIMES) {
		tencent().setRawTimes({ ClientUin: uin, AssociationTime: value, RecentExpiry: value, BindTime: value, UinRegisterTime: value, AuthPassTime: value, CidRegisterTime: '2026-03-01 15:30:00' });
		const details = await runTencent({ resource: 'customer', operation: 'getDetails', customerUins: [String(uin)] });
		expect(details.error).toBeUndefined();
		expect(details.json[0]).toEqual(expect.objectContaining({ BindTime: value, UinRegisterTime: value, AuthPassTime: value, CidRegisterTime: '2026-03-01T07:30:00Z' }));
		const credits = await runTencent({ resource: 'credit', operation: 'getManyCustomers', returnAll: true, additionalFields: { filterType: 'ClientUin', filter: String(uin) } });
		expect(credits.error).toBeUndefined();
		expect(credits.json[0]).toEqual(expect.objectContaining({ AssociationTime: value, RecentExpiry: value }));
	}
});
