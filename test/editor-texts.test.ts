/**
 * What a newcomer reads in the editor: finished sentences before n8n's own hints, dropdowns that
 * invite a choice instead of showing a raw code, and names that match the vendor's spelling.
 */
import type { INodeProperties } from 'n8n-workflow';

import { asSentence } from '../nodes/shared/sentences';
import { credentialTypes, nodes, PACKAGE } from './harness/nodeTypes';

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
	const runOn = everyText.filter(([, e]) => /[a-z0-9] Choose from the list/.test(e.description ?? ''));
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
