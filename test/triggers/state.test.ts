/**
 * Trigger state: static data of an unexpected shape, Tencent customers that become visible late,
 * re-associations, and "Only These Customers" checked before any request. Every case runs real
 * polls through n8n-core's PollContext against the sandbox.
 */
import type { IDataObject } from 'n8n-workflow';

import { RESELLER } from '../harness/dotdigital';
import { AKSK } from '../harness/huawei';
import { readLowCreditState, readWatermarkState } from '../../nodes/shared/trigger/storedState';
import { advance, sortableUtc, takeNew } from '../../nodes/shared/trigger/watermark';
import { TENCENT_KEYS } from '../harness/sandbox';
import { PARTNER_CREDENTIAL } from '../harness/tencent';
import { chinaTimeAt, utcAt } from '../harness/clock';
import type { PollResult } from '../harness/trigger';
import { pollSequence, pollTrigger } from '../harness/trigger';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['tencent', 'huawei', 'dotdigital'] });
type Control = Record<string, (body?: unknown) => IDataObject>;
const tencent = () => sandbox.control.tencent as unknown as Control;
const huawei = () => sandbox.control.huawei as unknown as Control;
const dotdigital = () => sandbox.control.dotdigital as unknown as Control;


const ids = (items: IDataObject[]) => items.map((i) => i.customerId);
const utc = utcAt;
/** China Standard Time `YYYY-MM-DD HH:mm:ss` for an offset from now (Tencent's association times). */
const chinaTime = chinaTimeAt;

type ProviderName = 'tencent' | 'huawei' | 'dotdigital';

interface Vendor {
	provider: ProviderName;
	credentials: IDataObject;
	/** Adds a customer that is really new and returns its id as the trigger reports it. */
	addNew(): string;
	/** A customer whose credit can be set, the option that watches only it, and a way to drop its credit to 40. */
	lowCreditSetup(): { options: IDataObject; drop(): void; id: string };
}

const VENDORS: Vendor[] = [
	{
		provider: 'tencent',
		credentials: { tencentCloudPartnerApi: { id: PARTNER_CREDENTIAL, name: 'partner' } },
		addNew: () => String(tencent().addCustomer({ AssociationTime: chinaTime(1) }).ClientUin),
		lowCreditSetup: () => {
			const uin = TENCENT_KEYS.FIRST_CUSTOMER_UIN;
			tencent().setCredit({ ClientUin: uin, Credit: 1000, RemainingCredit: 500 });
			return { id: String(uin), options: { customerIds: String(uin) }, drop: () => tencent().setCredit({ ClientUin: uin, Credit: 1000, RemainingCredit: 40 }) };
		},
	},
	{
		provider: 'huawei',
		credentials: { huaweiCloudPartnerApi: { id: AKSK, name: 'aksk' } },
		addNew: () => String(huawei().addCustomer({ associated_on: utc(-1) }).customer_id),
		lowCreditSetup: () => {
			const id = String(huawei().addCustomer({ association_type: '3', budget_amount: 1000, used_amount: 100 }).customer_id);
			return { id, options: { customerIds: id }, drop: () => huawei().setBudget({ customer_id: id, used_amount: 960 }) };
		},
	},
	{
		provider: 'dotdigital',
		credentials: { dotdigitalResellerApi: { id: RESELLER, name: 'reseller' } },
		addNew: () => String(dotdigital().addAccount({ AccountName: 'New Co' }).AccountId),
		lowCreditSetup: () => {
			const account = dotdigital().addAccount({ AccountName: 'Low Co', CreditBalance: 1000 });
			return { id: String(account.AccountId), options: {}, drop: () => dotdigital().setCreditBalance({ AccountId: account.AccountId, CreditBalance: 40 }) };
		},
	},
];

const sequence = (vendor: Vendor, parameters: IDataObject, persisted: IDataObject = {}) =>
	pollSequence({ provider: vendor.provider, ...parameters }, vendor.credentials as IDataObject, persisted);

/** Static data as n8n keeps it for the node named "Trigger". */
const stored = (state: IDataObject) => ({ 'node:Trigger': state });
const nodeState = (result: PollResult) => result.staticData['node:Trigger'] as IDataObject;

/** New Customer states no trigger can read, by vendor kind. */
function damagedWatermarks(vendor: Vendor): Array<[string, unknown]> {
	const valid = vendor.provider === 'dotdigital' ? '000000010005' : utc(-3600);
	const cases: Array<[string, unknown]> = [
		['a watermark stored as a number', { at: Date.now(), recent: [] }],
		['a watermark of "garbage"', { at: 'garbage', recent: [] }],
		['an empty object', {}],
		['a string', 'garbage'],
		['a number', 1767225600],
		['an array', [['200000000001', '2026-01-01T00:00:00Z']]],
		['null', null],
		['no recent', { at: valid }],
		['recent with entries that are not [id, time] pairs', { at: valid, recent: [['1', 5], 'x', [null, valid]] }],
		['recent with a garbage time', { at: valid, recent: [['1', 'garbage']] }],
	];
	if (vendor.provider === 'dotdigital') cases.push(['a time where an id key belongs', { at: utc(-3600), recent: [] }]);
	else {
		cases.push(['a watermark a day in the future', { at: utc(86400), recent: [] }]);
		cases.push(['an impossible date', { at: '2026-02-30T00:00:00Z', recent: [] }]);
		cases.push(['an id key where a time belongs', { at: '000000010005', recent: [] }]);
	}
	return cases;
}

describe.each(VENDORS.map((v) => [v.provider, v] as const))('%s: New Customer state the trigger cannot read', (_name, vendor) => {
	it.each(damagedWatermarks(vendor))('%s: logged, a fresh baseline without a flood, then normal polls', async (_label, damaged) => {
		const trigger = sequence(vendor, { event: 'newCustomer' }, stored({ newCustomer: damaged as IDataObject }));
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(first.items).toEqual([]);
		expect(first.warnings).toEqual([expect.stringContaining('stored New Customer state cannot be read')]);
		expect(nodeState(first).newCustomer).toEqual({ at: expect.any(String), recent: expect.any(Array) });

		const fresh = vendor.addNew();
		const second = await trigger.poll();
		expect(second.error).toBeUndefined();
		expect(ids(second.items)).toEqual([fresh]);
		expect(second.warnings).toEqual([]);
		expect(second.stateBytes).toBeLessThan(4096);
		const third = await trigger.poll();
		expect(third.items).toEqual([]);
		expect(third.error).toBeUndefined();
	});
});

describe.each(VENDORS.map((v) => [v.provider, v] as const))('%s: Low Credit state the trigger cannot read', (_name, vendor) => {
	it.each([
		['low as a number', { low: 5 }],
		['low with a number in it', { low: [5] }],
		['a string', 'garbage'],
		['an array', ['200000000001']],
		['an empty object', {}],
	])('%s: logged, a fresh baseline, then the next drop fires once', async (_label, damaged) => {
		const setup = vendor.lowCreditSetup();
		const parameters = { event: 'lowCredit', thresholdType: 'amount', threshold: 100, rearmMargin: 10, options: setup.options };
		const trigger = sequence(vendor, parameters, stored({ lowCredit: damaged as IDataObject }));
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(first.items).toEqual([]);
		expect(first.warnings).toEqual([expect.stringContaining('stored Low Credit state cannot be read')]);
		expect(nodeState(first).lowCredit).toEqual({ low: expect.any(Array) });

		setup.drop();
		const second = await trigger.poll();
		expect(ids(second.items)).toEqual([setup.id]);
		expect(second.warnings).toEqual([]);
		expect(second.stateBytes).toBeLessThan(4096);
		expect((await trigger.poll()).items).toEqual([]);
	});
});

describe('unreadable state, more', () => {
	const [tencentVendor, huaweiVendor] = VENDORS;

	it('is treated exactly as a first activation: with Emit Existing on, every customer is emitted once, then only new ones', async () => {
		tencent().seed({ customers: 30 });
		const trigger = sequence(tencentVendor, { event: 'newCustomer', options: { emitExisting: true } }, stored({ newCustomer: { at: 'garbage' } }));
		const first = await trigger.poll();
		expect(first.items).toHaveLength(30);
		expect(first.warnings).toHaveLength(1);
		expect((await trigger.poll()).items).toEqual([]);
		const fresh = tencentVendor.addNew();
		expect(ids((await trigger.poll()).items)).toEqual([fresh]);
	});

	it('a poll run twice on the same unreadable state (at-least-once) records the same baseline and emits nothing either time', async () => {
		const damaged = stored({ newCustomer: { at: 12345, recent: [] } });
		const once = await pollTrigger({ provider: 'tencent', event: 'newCustomer' } as never, tencentVendor.credentials as never, damaged);
		const twice = await pollTrigger({ provider: 'tencent', event: 'newCustomer' } as never, tencentVendor.credentials as never, damaged);
		expect([once.items, twice.items]).toEqual([[], []]);
		expect(twice.staticData).toEqual(once.staticData);
	});

	it('a readable state from before this version is kept as it is: no warning, no baseline', async () => {
		const trigger = sequence(huaweiVendor, { event: 'newCustomer' });
		await trigger.poll();
		const fresh = huaweiVendor.addNew();
		const result = await trigger.poll();
		expect(ids(result.items)).toEqual([fresh]);
		expect(result.warnings).toEqual([]);
	});

	it('a vendor record dated far in the future is emitted once and does not carry the watermark past shortly after now', async () => {
		const trigger = sequence(tencentVendor, { event: 'newCustomer' });
		await trigger.poll();
		const ahead = String(tencent().addCustomer({ AssociationTime: chinaTime(86400) }).ClientUin);
		const first = await trigger.poll();
		expect(ids(first.items)).toEqual([ahead]);
		const watermark = (nodeState(first).newCustomer as IDataObject).at as string;
		expect(watermark <= utc(15 * 60)).toBe(true);

		const next = tencentVendor.addNew();
		const second = await trigger.poll();
		expect(ids(second.items)).toEqual([next]);
		expect(second.warnings).toEqual([]);
		expect((await trigger.poll()).items).toEqual([]);
	});
});

describe('Tencent New Customer: late visibility and re-association', () => {
	const vendor = VENDORS[0];

	it('a customer that becomes visible late is emitted once if associated at most 15 minutes before the newest seen; older ones are not', async () => {
		const trigger = sequence(vendor, { event: 'newCustomer' });
		await trigger.poll();
		const a = String(tencent().addCustomer({ AssociationTime: chinaTime(-1) }).ClientUin);
		expect(ids((await trigger.poll()).items)).toEqual([a]);

		// Associated two minutes before the watermark, but listed only now.
		const late = String(tencent().addCustomer({ AssociationTime: chinaTime(-120) }).ClientUin);
		tencent().addCustomer({ AssociationTime: chinaTime(-3600) }); // an hour before: outside the window
		const result = await trigger.poll();
		expect(ids(result.items)).toEqual([late]);
		expect(result.stateBytes).toBeLessThan(4096);
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('reading the window again costs one request when nothing is new, however many customers there are', async () => {
		tencent().seed({ customers: 5000 });
		const trigger = sequence(vendor, { event: 'newCustomer' });
		await trigger.poll();
		for (let i = 0; i < 20; i++) tencent().addCustomer({ AssociationTime: chinaTime(-i * 30) });
		expect((await trigger.poll()).items).toHaveLength(20);
		sandbox.control.clearRequests();
		const quiet = await trigger.poll();
		expect(quiet.items).toEqual([]);
		expect(sandbox.control.getRequests({ provider: 'tencent' })).toHaveLength(1);
		expect(quiet.stateBytes).toBeLessThan(4096);
	});

	it('a customer removed and associated again is emitted again once; the same association listed again is not', async () => {
		const trigger = sequence(vendor, { event: 'newCustomer' });
		await trigger.poll();
		const firstTime = chinaTime(-60);
		const uin = Number(tencent().addCustomer({ AssociationTime: firstTime }).ClientUin);
		expect(ids((await trigger.poll()).items)).toEqual([String(uin)]);

		// Flapping: gone from one list, back in the next with the same association time.
		tencent().removeCustomer({ ClientUin: uin });
		expect((await trigger.poll()).items).toEqual([]);
		tencent().addCustomer({ ClientUin: uin, AssociationTime: firstTime });
		expect((await trigger.poll()).items).toEqual([]);

		// Removed and associated again: a new association time, a new relationship.
		tencent().removeCustomer({ ClientUin: uin });
		tencent().addCustomer({ ClientUin: uin, AssociationTime: chinaTime(-1) });
		const again = await trigger.poll();
		expect(again.items).toEqual([expect.objectContaining({ customerId: String(uin), associatedAt: expect.any(String) })]);
		expect((await trigger.poll()).items).toEqual([]);
	});
});

describe('Huawei New Customer: re-association', () => {
	const vendor = VENDORS[1];

	it('a customer removed and associated again is emitted again once; the same association listed again is not', async () => {
		const trigger = sequence(vendor, { event: 'newCustomer' });
		await trigger.poll();
		const firstTime = utc(-60);
		const id = String(huawei().addCustomer({ associated_on: firstTime, account_name: 'flapping-customer' }).customer_id);
		expect(ids((await trigger.poll()).items)).toEqual([id]);

		huawei().removeCustomer({ customer_id: id });
		expect((await trigger.poll()).items).toEqual([]);
		huawei().addCustomer({ customer_id: id, associated_on: firstTime, account_name: 'flapping-customer' });
		expect((await trigger.poll()).items).toEqual([]);

		huawei().removeCustomer({ customer_id: id });
		huawei().addCustomer({ customer_id: id, associated_on: utc(-1), account_name: 'flapping-customer' });
		expect(ids((await trigger.poll()).items)).toEqual([id]);
		expect((await trigger.poll()).items).toEqual([]);
	});
});

describe('"Only These Customers" is checked before any request', () => {
	const typos: Record<ProviderName, Array<[string, string]>> = {
		tencent: [
			['200000000001, 20000000000l', '20000000000l'],
			['200000000001;-5', '-5'],
			['1e12', '1e12'],
		],
		huawei: [
			['06ffbcd46880d3f30f62c001a49be460, 06ffbcd46880d3f30f62c001a49be46', '06ffbcd46880d3f30f62c001a49be46'],
			['customer-one', 'customer-one'],
		],
		dotdigital: [
			['1001, 10O1', '10O1'],
			['2147483648', '2147483648'],
			['0', '0'],
		],
	};

	describe.each(VENDORS.map((v) => [v.provider, v] as const))('%s', (_name, vendor) => {
		it.each(typos[vendor.provider])('%s: the error names the option and the entry', async (list, bad) => {
			for (const [event, mode] of [
				['newCustomer', 'trigger'],
				['lowCredit', 'trigger'],
				['newCustomer', 'manual'],
			] as const) {
				sandbox.control.clearRequests();
				const result = await pollTrigger(
					{ provider: vendor.provider, event, thresholdType: 'amount', threshold: 100, rearmMargin: 0, options: { customerIds: list } } as never,
					vendor.credentials as never,
					{},
					mode,
				);
				expect(result.error?.message).toContain('"Only These Customers"');
				expect(result.error?.message).toContain(`"${bad}"`);
				expect(sandbox.control.getRequests({ provider: vendor.provider })).toEqual([]);
				expect(result.staticData).toEqual({});
			}
		});
	});

	it('ids in the vendor\'s form are accepted, whatever the separators and the case of Huawei\'s hex ids', async () => {
		const customer = huawei().addCustomer({ association_type: '3', budget_amount: 1000, used_amount: 100 });
		const id = String(customer.customer_id);
		const result = await pollTrigger(
			{ provider: 'huawei', event: 'lowCredit', thresholdType: 'amount', threshold: 100, rearmMargin: 0, options: { customerIds: ` ${id.toUpperCase()} ;` } } as never,
			VENDORS[1].credentials as never,
			{},
		);
		expect(result.error).toBeUndefined();
		huawei().setBudget({ customer_id: id, used_amount: 960 });
		const next = await pollTrigger(
			{ provider: 'huawei', event: 'lowCredit', thresholdType: 'amount', threshold: 100, rearmMargin: 0, options: { customerIds: id.toUpperCase() } } as never,
			VENDORS[1].credentials as never,
			result.staticData,
		);
		expect(ids(next.items)).toEqual([id]);
	});
});

describe('the pure readers and the association key', () => {
	const now = '2026-06-01T12:00:00Z';

	it('read a valid state as it is, an absent one as a first activation, and anything else as unreadable with a reason', () => {
		const state = { at: '2026-06-01T11:00:00Z', recent: [['1', '2026-06-01T11:00:00Z']] };
		expect(readWatermarkState(state, 'time', now)).toEqual({ state });
		expect(readWatermarkState({ at: '', recent: [] }, 'id', now)).toEqual({ state: { at: '', recent: [] } });
		expect(readWatermarkState(undefined, 'time', now)).toEqual({ state: undefined });
		expect(readWatermarkState({ at: '2026-06-01T12:09:59Z', recent: [] }, 'time', now)).toHaveProperty('state');
		for (const raw of [5, 'x', [], null, {}, { at: 5, recent: [] }, { at: '2026-06-01T12:10:01Z', recent: [] }, { at: '2026-06-01 11:00:00', recent: [] }, { at: state.at, recent: [['1']] }])
			expect(readWatermarkState(raw, 'time', now)).toEqual({ unreadable: expect.any(String) });
		expect(readWatermarkState({ at: '10005', recent: [] }, 'id', now)).toEqual({ unreadable: expect.stringContaining('12-digit') });

		expect(readLowCreditState({ low: ['1', '2'] })).toEqual({ state: { low: ['1', '2'] } });
		expect(readLowCreditState(undefined)).toEqual({ state: undefined });
		for (const raw of [{ low: 5 }, { low: [5] }, { low: [''] }, [], 'x', {}]) expect(readLowCreditState(raw)).toEqual({ unreadable: expect.any(String) });
	});

	it('de-duplicate on id and association time, and never carry the watermark past the ceiling', () => {
		const t = (mm: string) => `2026-06-01T11:${mm}:00Z`;
		const state = advance({ at: '', recent: [] }, [{ id: 'a', at: t('00') }], 900);
		expect(takeNew([{ id: 'a', at: t('00') }], state, 900).fresh).toEqual([]);
		const again = takeNew([{ id: 'a', at: t('05') }], state, 900);
		expect(again.fresh).toEqual([{ id: 'a', at: t('05') }]);
		expect(again.next.recent).toEqual([
			['a', t('00')],
			['a', t('05')],
		]);
		expect(advance(state, [{ id: 'b', at: '2027-01-01T00:00:00Z' }], 900, t('30')).at).toBe(t('30'));
	});

	it('store only times they can read back: vendor times are normalised, records without one are never new nor stored', () => {
		expect(sortableUtc('2026-06-01T11:00:00.250Z')).toBe('2026-06-01T11:00:00Z');
		expect(sortableUtc('2026-06-01T19:00:00+08:00')).toBe('2026-06-01T11:00:00Z');
		expect(sortableUtc('yesterday')).toBe('');
		const step = takeNew([{ id: 'x', at: '' }], { at: '', recent: [] }, 900);
		expect(step).toEqual({ fresh: [], next: { at: '', recent: [] } });
		expect(readWatermarkState(advance({ at: '', recent: [] }, [{ id: 'x', at: '' }, { id: 'y', at: sortableUtc('2026-06-01T11:00:00.5Z') }], 900), 'time', now)).toHaveProperty('state');
	});
});
