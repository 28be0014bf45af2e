/**
 * The trigger's pure bookkeeping: the watermark with its overlap window, and low-credit hysteresis.
 */
import { utcFromChinaTime } from '../nodes/CloudPartnerTrigger/customer';
import { evaluateLowCredit, levelOf } from '../nodes/CloudPartnerTrigger/lowCredit';
import { advance, takeNew, windowStart } from '../nodes/CloudPartnerTrigger/watermark';

const at = (hh: string) => `2026-01-01T10:${hh}Z`;

describe('watermark', () => {
	it('emits each customer once, including latecomers that share the watermark second', () => {
		let state = advance({ at: '', recent: [] }, [{ id: 'old', at: at('00:00') }], 0);
		expect(state).toEqual({ at: at('00:00'), recent: [['old', at('00:00')]] });

		let step = takeNew([{ id: 'a', at: at('00:05') }, { id: 'b', at: at('00:05') }, { id: 'old', at: at('00:00') }], state, 0);
		expect(step.fresh.map((r) => r.id)).toEqual(['a', 'b']);
		state = step.next;
		step = takeNew([{ id: 'c', at: at('00:05') }, { id: 'a', at: at('00:05') }, { id: 'b', at: at('00:05') }], state, 0);
		expect(step.fresh.map((r) => r.id)).toEqual(['c']);
		expect(step.next.recent.map(([id]) => id)).toEqual(['a', 'b', 'c']);
		expect(takeNew(step.fresh, step.next, 0).fresh).toEqual([]);
	});

	it('with an overlap, catches a customer that shows up late with an earlier time, and forgets ids that leave the window', () => {
		const state = advance({ at: at('30:00'), recent: [] }, [{ id: 'x', at: at('25:00') }], 900);
		expect(state.recent).toEqual([['x', at('25:00')]]);
		const step = takeNew([{ id: 'x', at: at('25:00') }, { id: 'late', at: at('20:00') }, { id: 'too-old', at: at('10:00') }], state, 900);
		expect(step.fresh.map((r) => r.id)).toEqual(['late']);
		const later = advance(step.next, [{ id: 'new', at: at('50:00') }], 900);
		expect(later.recent.map(([id]) => id)).toEqual(['new']);
		expect(windowStart(at('30:00'), 900)).toBe(at('15:00'));
	});

	it('reads Tencent times as China Standard Time', () => {
		expect(utcFromChinaTime('2026-01-01 08:00:00')).toBe('2026-01-01T00:00:00Z');
		expect(utcFromChinaTime('2026-01-01')).toBe('2025-12-31T16:00:00Z');
		expect(utcFromChinaTime('soon')).toBeUndefined();
	});
});

describe('low credit', () => {
	const rule = { mode: 'amount' as const, threshold: 100, margin: 20, includeWithoutLimit: false };

	it('fires on the crossing only, re-arms above threshold plus margin, and forgets customers that are gone', () => {
		let low: string[] = [];
		const step = (remaining: number, complete = true, id = 'c1') => {
			const result = evaluateLowCredit([{ id, credit: 1000, remainingCredit: remaining }], low, rule, complete);
			low = result.low;
			return result.crossed.map((c) => c.id);
		};
		expect(step(150)).toEqual([]);
		expect(step(90)).toEqual(['c1']);
		expect(step(50)).toEqual([]);
		expect(step(110)).toEqual([]);
		expect(step(95)).toEqual([]);
		expect(step(125)).toEqual([]);
		expect(step(10)).toEqual(['c1']);
		expect(evaluateLowCredit([], low, rule, true).low).toEqual([]);
		expect(evaluateLowCredit([], low, rule, false).low).toEqual(['c1']);
	});

	it('percentages use the grant; customers without any grant are left out unless asked for', () => {
		const pct = { ...rule, mode: 'percentage' as const, threshold: 10 };
		expect(levelOf({ id: 'a', credit: 200, remainingCredit: 10 }, pct)).toBe(5);
		expect(levelOf({ id: 'b', credit: 0, remainingCredit: 0 }, pct)).toBeUndefined();
		expect(levelOf({ id: 'c', credit: 0, remainingCredit: 0 }, rule)).toBeUndefined();
		expect(levelOf({ id: 'd', credit: 0, remainingCredit: 0 }, { ...rule, includeWithoutLimit: true })).toBe(0);
		expect(levelOf({ id: 'e', remainingCredit: 40 }, rule)).toBe(40);
		expect(levelOf({ id: 'f', remainingCredit: 40 }, pct)).toBeUndefined();
	});
});

describe('editor', () => {
	it('keeps Provider in the parameter list: credentials hide by provider instead of showing by it', async () => {
		// n8n's editor moves any parameter that a credential's displayOptions.show names (and any
		// parameter those depend on) out of the parameter list, into the credential dialog.
		const { CloudPartnerTrigger } = await import('../nodes/CloudPartnerTrigger/CloudPartnerTrigger.node');
		const { credentials, properties } = new CloudPartnerTrigger().description;
		expect(credentials?.every((c) => c.displayOptions?.show === undefined && c.displayOptions?.hide?.provider)).toBe(true);
		expect(properties.find((p) => p.name === 'provider')?.displayOptions).toBeUndefined();
	});
});
