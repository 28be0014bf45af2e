/**
 * What a newcomer reads in the editor: finished sentences before n8n's own hints, dropdowns that
 * invite a choice instead of showing a raw code, and names that match the vendor's spelling.
 */
import type { INodeProperties } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { asSentence } from '../../nodes/shared/sentences';
import { credentialTypes, nodes, nodeTypes as harnessNodeTypes, PACKAGE } from '../harness/nodeTypes';

type Entry = { description?: string; hint?: string; placeholder?: string; type?: string; name?: string; displayName?: string; options?: unknown[]; values?: unknown[] };

/** Every field, option and nested value, with the path that leads to it. */
function* walk(entries: unknown[], path: string): Generator<[string, Entry]> {
	for (const raw of entries) {
		if (!raw || typeof raw !== 'object') continue;
		const entry = raw as Entry;
		const here = `${path} > ${entry.displayName ?? entry.name ?? '?'}`;
		yield [here, entry];
		if (Array.isArray(entry.options)) yield* walk(entry.options, here);
		if (Array.isArray(entry.values)) yield* walk(entry.values, here);
	}
}

const ours = Object.entries(nodes).filter(([type]) => type.startsWith(PACKAGE));
const everyText = [
	...ours.flatMap(([type, node]) => [...walk(node.description.properties, type)]),
	...Object.entries(credentialTypes).flatMap(([name, credential]) => [...walk(credential.properties, name)]),
];

it('every description and hint in the editor ends as a sentence', () => {
	const unfinished = everyText
		.flatMap(([path, entry]) => [entry.description, entry.hint].filter((t): t is string => !!t).map((t) => [path, t]))
		.filter(([, text]) => asSentence(text) !== text.trim());
	expect(unfinished).toEqual([]);
	expect(everyText.length).toBeGreaterThan(300);
});

it('no text runs into the "Choose from the list" hint', () => {
	const runOn = everyText.filter(([, e]) => /[a-z0-9)] Choose from the list/.test(e.description ?? ''));
	expect(runOn).toEqual([]);
});

it('dropdowns invite a choice instead of showing a raw code as placeholder', () => {
	const raw = everyText.filter(([, e]) => e.type === 'options' && e.placeholder && !/\s/.test(e.placeholder));
	expect(raw).toEqual([]);
});

it('options read as plain choices, without double negatives', () => {
	const doubleNegative = everyText.filter(([, e]) => /^No .*/.test(e.displayName ?? '') && e.type === 'options');
	expect(doubleNegative).toEqual([]);
});

it('asSentence leaves finished text alone and ends the rest with a full stop', () => {
	expect(asSentence('e.g. HK with 852')).toBe('e.g. HK with 852.');
	expect(asSentence('Done.')).toBe('Done.');
	expect(asSentence('Really?')).toBe('Really?');
	expect(asSentence('an ID (TradeList Id)')).toBe('an ID (TradeList Id).');
	expect(asSentence('(see above.)')).toBe('(see above.)');
	expect(asSentence('see <a href="x">docs</a>')).toBe('see <a href="x">docs</a>');
	expect(asSentence('')).toBe('');
});

it('dotdigital is spelled the vendor\'s way in node and credential names', () => {
	const names = [
		...ours.map(([, node]) => node.description.displayName),
		...Object.values(credentialTypes).map((c) => c.displayName),
	].filter((n) => /dotdigital/i.test(n));
	expect(names.length).toBeGreaterThanOrEqual(3);
	for (const name of names) expect(name).toMatch(/^dotdigital /);
});

it('is typed against n8n properties', () => {
	const sample: INodeProperties | undefined = nodes[`${PACKAGE}.tencentCloudPartner`].description.properties[0];
	expect(sample).toBeDefined();
});

describe('editor polish', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const repo = require('../harness/repoFiles') as { readRepoJson: (p: string) => Record<string, unknown>; readRepoText: (p: string) => string; listRepoDir: (p: string) => string[] };
	const { readRepoJson, listRepoDir } = repo;
	const read = repo.readRepoText;
	const triggers = ours.filter(([type]) => type.endsWith('Trigger'));
	const actionNodes = ours.filter(([type]) => !type.endsWith('Trigger'));
	const prop = (type: string, name: string) => nodes[type].description.properties.filter((p) => p.name === name);

	/** Evaluates a node's subtitle expression as the editor does, for the given parameters. */
	function subtitleOf(type: string, parameters: Record<string, unknown>): unknown {
		const node = { id: 's', name: 'Node', type, typeVersion: 1, position: [0, 0] as [number, number], parameters: parameters as never };
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: harnessNodeTypes });
		return workflow.expression.getSimpleParameterValue(node, nodes[type].description.subtitle as string, 'internal', {});
	}

	it('node subtitles show the operation and resource by name, never the internal values', () => {
		for (const [type] of actionNodes) {
			const resources = (prop(type, 'resource')[0].options ?? []) as Array<{ name: string; value: string }>;
			for (const resource of resources) {
				for (const operations of prop(type, 'operation').filter((p) => p.displayOptions?.show?.resource?.includes(resource.value))) {
					for (const option of (operations.options ?? []) as Array<{ name: string; value: string }>) {
						const subtitle = subtitleOf(type, { resource: resource.value, operation: option.value });
						expect(subtitle).toBe(option.name === resource.name ? option.name : `${option.name}: ${resource.name}`);
					}
				}
			}
		}
		expect(subtitleOf(`${PACKAGE}.tencentCloudPartner`, { resource: 'credit', operation: 'getManyCustomers' })).toBe('Get Many Customer Credits: Credit');
		expect(subtitleOf(`${PACKAGE}.huaweiCloudPartner`, { resource: 'custom', operation: 'customApiCall' })).toBe('Custom API Call');
		for (const [type] of triggers) {
			for (const option of (prop(type, 'event')[0].options ?? []) as Array<{ name: string; value: string }>) {
				expect(subtitleOf(type, { event: option.value })).toBe(option.name);
			}
		}
	});

	it('trigger events are described in plain words, each a finished sentence', () => {
		for (const [type] of triggers) {
			for (const option of (prop(type, 'event')[0].options ?? []) as Array<{ description: string }>) {
				expect(option.description).toMatch(/^[A-Z][^()]*\.$/);
				expect(option.description).not.toMatch(/\b[A-Z][a-z]+[A-Z]\w*|allowlist/);
			}
		}
	});

	it('the threshold says its unit, starts from a sensible percentage, and dotdigital counts whole credits', () => {
		const units: Record<string, string> = { tencentCloudPartnerTrigger: 'USD', huaweiCloudPartnerTrigger: "the budget's currency", dotdigitalResellerTrigger: 'whole credits' };
		for (const [type] of triggers) {
			const unit = units[type.split('.')[1]];
			const texts = [...walk(nodes[type].description.properties, type)].map(([, e]) => e.description ?? '').filter((t) => /threshold|amount/i.test(t));
			expect(texts.join(' ')).not.toMatch(/\(\s*,?\s*\)/);
			const [amount] = prop(type, 'threshold');
			const [percent] = prop(type, 'thresholdPercent');
			expect(amount.description).toContain(`in ${unit}`);
			expect(amount.displayOptions?.show?.thresholdType).toEqual(['amount']);
			expect(percent).toEqual(expect.objectContaining({ default: 20, typeOptions: expect.objectContaining({ maxValue: 100 }) }));
			expect(percent.displayOptions?.show?.thresholdType).toEqual(['percentage']);
			const precision = type.includes('dotdigital') ? 0 : 2;
			expect(amount.typeOptions?.numberPrecision).toBe(precision);
			expect(prop(type, 'rearmMargin')[0].typeOptions?.numberPrecision).toBe(precision);
		}
	});

	it('Account Type offers the two documented types only', () => {
		const accountType = prop(`${PACKAGE}.tencentCloudPartner`, 'accountType')[0];
		expect((accountType.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['company', 'personal']);
	});

	it('the action list says "Call any ..." once per node, and the README gives its counts', () => {
		const readme = read('README.md');
		for (const [type] of actionNodes) {
			const options = prop(type, 'operation').flatMap((p) => (p.options ?? []) as Array<{ name: string; action?: string }>);
			const labels = options.map((o) => o.action).filter(Boolean);
			expect(labels.filter((l) => /^Call any/.test(String(l)))).toHaveLength(1);
			expect(options.filter((o) => o.name === 'Custom API Call' && !o.action)).toHaveLength(prop(type, 'resource')[0].options!.length - 1);
			expect(readme).toContain(`**${options.length} actions**`);
		}
	});

	it('every node is found by partner, reseller, customer and credit, and its docs are this package\'s setup notes', () => {
		const homepage = String(readRepoJson('package.json').homepage);
		const codexFiles: Record<string, string> = {
			tencentCloudPartner: 'nodes/TencentCloudPartner/TencentCloudPartner.node.json',
			tencentCloudPartnerTrigger: 'nodes/TencentCloudPartner/TencentCloudPartnerTrigger.node.json',
			huaweiCloudPartner: 'nodes/HuaweiCloudPartner/HuaweiCloudPartner.node.json',
			huaweiCloudPartnerTrigger: 'nodes/HuaweiCloudPartner/HuaweiCloudPartnerTrigger.node.json',
			dotdigitalReseller: 'nodes/DotdigitalReseller/DotdigitalReseller.node.json',
			dotdigitalResellerTrigger: 'nodes/DotdigitalReseller/DotdigitalResellerTrigger.node.json',
		};
		expect(Object.keys(codexFiles).sort()).toEqual(ours.map(([type]) => type.split('.')[1]).sort());
		for (const file of Object.values(codexFiles)) {
			const codex = readRepoJson(file) as { alias: string[]; resources: Record<string, Array<{ url: string }>> };
			expect(codex.alias).toEqual(expect.arrayContaining(['Partner', 'Reseller', 'Customer', 'Credit']));
			for (const { url } of Object.values(codex.resources).flat()) expectSetupNote(url, homepage);
		}
		for (const credential of Object.values(credentialTypes)) expectSetupNote(String(credential.documentationUrl), homepage);
	});

	/** A link into a vendor package's README (on the repository), at a heading it has. */
	function expectSetupNote(url: string, homepage: string) {
		const match = new RegExp(`^${homepage}/tree/main/(packages/[a-z0-9-]+)#([a-z0-9-]+)$`).exec(url);
		expect(match).not.toBeNull();
		const headings = read(`${match![1]}/README.md`)
			.split('\n')
			.filter((l) => l.startsWith('#'))
			.map((l) => l.replace(/^#+\s*/, '').toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-'));
		expect(headings).toContain(match![2]);
	}

	it('icons carry no caption text, which is unreadable at node-panel size', () => {
		const icons = [
			...listRepoDir('credentials/icons').map((f) => `credentials/icons/${f}`),
			...['TencentCloudPartner', 'HuaweiCloudPartner', 'DotdigitalReseller'].flatMap((d) => listRepoDir(`nodes/${d}`).filter((f) => f.endsWith('.svg')).map((f) => `nodes/${d}/${f}`)),
		];
		expect(icons).toHaveLength(12);
		for (const icon of icons) expect(read(icon)).not.toContain('<text');
	});
});
