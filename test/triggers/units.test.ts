/**
 * The trigger's pure bookkeeping: the watermark with its overlap window, and low-credit hysteresis.
 */
import type { INodeTypeDescription } from 'n8n-workflow';

import { evaluateLowCredit, levelOf } from '../../nodes/shared/trigger/lowCredit';
import { advance, takeNew, windowStart } from '../../nodes/shared/trigger/watermark';
import { utcFromChinaTime } from '../../nodes/TencentCloudPartner/chinaTime';
import * as repoFiles from '../harness/repoFiles';

interface RepoJson {
	node: string;
	alias: string[];
	resources: { primaryDocumentation: Array<{ url: string }> };
	n8n: { nodes: string[] };
}
const { readRepoJson } = repoFiles as unknown as { readRepoJson: (path: string) => RepoJson };

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
		// A calendar date is not an instant: it stays as Tencent wrote it.
		expect(utcFromChinaTime('2026-01-01')).toBeUndefined();
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

describe('one trigger per vendor', () => {
	const triggers = [
		{ file: 'TencentCloudPartner/TencentCloudPartnerTrigger', node: 'tencentCloudPartner', credentials: ['tencentCloudPartnerApi'], search: 'Tencent' },
		{ file: 'HuaweiCloudPartner/HuaweiCloudPartnerTrigger', node: 'huaweiCloudPartner', credentials: ['huaweiCloudPartnerApi', 'huaweiCloudPartnerIamApi'], search: 'Huawei' },
		{ file: 'DotdigitalReseller/DotdigitalResellerTrigger', node: 'dotdigitalReseller', credentials: ['dotdigitalResellerApi'], search: 'dotdigital' },
	];

	it.each(triggers)('$file is named after its node, holds only its vendor\'s credentials and is found by searching "$search"', async (t) => {
		const module = (await import(`../../nodes/${t.file}.node`)) as Record<string, new () => { description: INodeTypeDescription }>;
		const { description } = new (Object.values(module)[0])();
		expect(description.name).toBe(`${t.node}Trigger`);
		expect(description.polling).toBe(true);
		expect(description.displayName.toLowerCase()).toContain(t.search.toLowerCase());
		expect(description.displayName).toMatch(/ Trigger$/);
		expect(description.credentials?.map((c) => c.name)).toEqual(t.credentials);
		expect(description.properties.find((p) => p.name === 'provider')).toBeUndefined();
		const events = description.properties.find((p) => p.name === 'event')?.options?.map((o) => (o as { value: string }).value);
		expect(events).toEqual(expect.arrayContaining(['newCustomer', 'lowCredit']));

		const codex = readRepoJson(`nodes/${t.file}.node.json`);
		expect(codex.node).toBe(`n8n-nodes-cloud-partners.${t.node}Trigger`);
		expect(codex.alias.map((a: string) => a.toLowerCase())).toContain(t.search.toLowerCase());
		expect(codex.resources.primaryDocumentation[0].url).toMatch(/^https:\/\//);
	});

	it('the package lists every trigger beside its node', () => {
		const pkg = readRepoJson('package.json');
		for (const t of triggers) {
			expect(pkg.n8n.nodes).toContain(`dist/nodes/${t.file}.node.js`);
			expect(pkg.n8n.nodes).toContain(`dist/nodes/${t.file.replace(/Trigger$/, '')}.node.js`);
		}
		expect(pkg.n8n.nodes.some((n: string) => /CloudPartnerTrigger\/CloudPartnerTrigger/.test(n))).toBe(false);
	});
});

describe('reading a list that moves while it is paged', () => {
	it('reads again when the total changed, and stops at a short page, the total or far enough back', async () => {
		const { readPages } = await import('../../nodes/shared/paging');
		const all = (startAt: number) => ({ limit: Infinity, pageSize: 2, startAt });
		let reads = 0;
		const moving = await readPages<number>(
			'pageNumber',
			all(1),
			async (page) => {
				reads++;
				// The first pass sees the total change (4, then 5: it reads a third page to reach it);
				// the second pass is steady.
				const total = reads === 2 ? 5 : 4;
				return { records: page === 1 ? [1, 2] : [3, 4], total };
			},
			{ consistent: true },
		);
		expect(moving).toEqual([1, 2, 3, 4]);
		expect(reads).toBe(5);

		const pages: number[] = [];
		const newest = await readPages<number>(
			'offset',
			all(0),
			async (offset) => {
				pages.push(offset);
				const index = offset / 2;
				return { records: [10 - index * 2, 9 - index * 2], total: 100 };
			},
			{ consistent: true, enough: (page) => page.some((n) => n < 7) },
		);
		expect(newest).toEqual([10, 9, 8, 7, 6, 5]);
		expect(pages).toEqual([0, 2, 4]);
	});
});
