/**
 * The tag-triggered release workflow (.github/workflows/release.yml) cannot run here; this checks
 * that it parses, runs install, the full test command and the package build before publishing,
 * publishes with provenance, and publishes exactly the tarballs the package build makes.
 */
import { parse } from 'yaml';
import * as harnessModule from './harness/packages';
import { readRepoJson } from './harness/repoFiles';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface WorkflowFile {
	on: { push: { tags: string[]; branches?: string[] } };
	permissions: Record<string, string>;
	jobs: Record<string, { steps: Step[] }>;
}

const harness = harnessModule as unknown as {
	buildPackages: () => { manifest: { version: string; packages: Array<{ name: string; tarball: string }> } };
	releaseWorkflowText: () => string;
	cleanup: () => void;
};

afterAll(() => harness.cleanup());

const workflow = () => parse(harness.releaseWorkflowText()) as WorkflowFile;
const steps = () => Object.values(workflow().jobs).flatMap((job) => job.steps);
const commands = () => steps().flatMap((s) => (s.run ?? '').split('\n').map((l) => l.trim()).filter(Boolean));
const publishLines = () => commands().filter((c) => c.startsWith('npm publish'));

it('parses and runs on version tags only, with an OIDC token for provenance', () => {
	const wf = workflow();
	expect(wf.on).toEqual({ push: { tags: ['v*'] } });
	expect(wf.permissions['id-token']).toBe('write');
	expect(Object.keys(wf.jobs)).toHaveLength(1);
});

it('sets up Node 20 or 22 and runs install, the full test command and the package build before publishing', () => {
	const setup = steps().find((s) => s.uses?.startsWith('actions/setup-node@'));
	expect([20, 22, '20', '22']).toContain(setup?.with?.['node-version']);
	const all = commands();
	const at = (command: string) => all.indexOf(command);
	expect(at('npm ci')).toBeGreaterThanOrEqual(0);
	expect(at('npm test')).toBeGreaterThan(at('npm ci'));
	expect(at('npm run build:packages')).toBeGreaterThan(at('npm test'));
	const firstPublish = all.findIndex((c) => c.startsWith('npm publish'));
	expect(firstPublish).toBeGreaterThan(at('npm run build:packages'));
});

it('builds with the script that writes to packages-dist/, and tests with the full test command', () => {
	const scripts = (readRepoJson('package.json') as { scripts: Record<string, string> }).scripts;
	expect(scripts['build:packages']).toBe('npm run build && node scripts/packages/build.js');
	expect(scripts.test).toContain('jest');
	expect(scripts.test).toContain('npm run lint');
});

it('publishes every package the build makes, each once, with provenance and public access', () => {
	const { manifest } = harness.buildPackages();
	const published = publishLines().map((line) => {
		const match = /^npm publish (\S+\.tgz) --provenance --access public$/.exec(line);
		expect(match).not.toBeNull();
		return (match as RegExpExecArray)[1];
	});
	expect(published).toEqual(manifest.packages.map((p) => `packages-dist/${p.tarball}`));
	expect(new Set(published).size).toBe(4);
});

it('checks that the tag is the version every package carries', () => {
	expect(commands().some((c) => c.includes('$GITHUB_REF_NAME') && c.includes("require('./package.json').version"))).toBe(true);
});
