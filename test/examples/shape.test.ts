/**
 * What n8n needs of an example workflow before it runs it: an id n8n accepts everywhere (it saves
 * a trigger's state only for ids of at most 21 characters, and makes its own of 16), credentials
 * that the e2e run provides, and one start node.
 */
import * as repoFiles from '../harness/repoFiles';

interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}
const { readExamples } = repoFiles as unknown as { readExamples: () => Array<{ file: string; workflow: { id: string; nodes: ExampleNode[] } }> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { credentials } = require('../../e2e/credentials') as { credentials: (url: string) => Array<{ id: string; type: string }> };

const examples = readExamples();

it('there are examples', () => {
	expect(examples.length).toBeGreaterThanOrEqual(13);
});

it.each(examples.map((e) => [e.file, e.workflow] as const))('%s has an id like n8n makes, credentials the e2e run has and one start node', (_file, workflow) => {
	expect(workflow.id).toMatch(/^[A-Za-z0-9]{1,16}$/);
	const known = new Map(credentials('http://127.0.0.1:1').map((c) => [c.id, c.type]));
	for (const node of workflow.nodes) {
		for (const [type, ref] of Object.entries(node.credentials ?? {})) expect(known.get(ref.id)).toBe(type);
	}
	const starts = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.manualTrigger' || typeof n.parameters.pollTimes === 'object');
	expect(starts).toHaveLength(1);
});

it('ids are unique', () => {
	const ids = examples.map((e) => e.workflow.id);
	expect(new Set(ids).size).toBe(ids.length);
});
