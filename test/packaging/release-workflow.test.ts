/**
 * The GitHub Actions workflows cannot run here; this checks what can be checked without GitHub:
 * - every `run:` step of ci.yml and publish.yml is one command that is a script of this repository
 *   (`npm ci`, `npm test`, `npm run <a package.json script>`, or `node`/`bash` on a file of the
 *   repository), so what runs on GitHub is what a developer runs here;
 * - ci.yml covers what `npm test` does (lint, package build, jest, the e2e) on push and pull
 *   request, with queue mode's Redis and PostgreSQL as service containers handed to the e2e;
 * - publish.yml (the file name @n8n/node-cli uses) runs ci.yml first, checks the tag, builds and
 *   publishes exactly the four tarballs of the build, each with provenance, using OIDC.
 */
import { parse } from 'yaml';

import * as publishScript from '../../scripts/release/publish';
import * as harnessModule from '../harness/packages';
import { readRepoJson } from '../harness/repoFiles';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Service {
	image: string;
	env?: Record<string, string>;
	ports?: string[];
}
interface Job {
	uses?: string;
	needs?: string | string[];
	permissions?: Record<string, string>;
	services?: Record<string, Service>;
	env?: Record<string, string>;
	steps?: Step[];
}
interface WorkflowFile {
	on: Record<string, unknown>;
	permissions: Record<string, string>;
	jobs: Record<string, Job>;
}

const harness = harnessModule as unknown as {
	buildPackages: () => { outDir: string; manifest: { version: string; packages: Array<{ name: string; tarball: string }> } };
	workflowText: (file: string) => string;
	dependabotText: () => string;
	isRepoFile: (relativePath: string) => boolean;
	runRepoScript: (relativePath: string, args: string[], env?: Record<string, string>) => { status: number; stdout: string; stderr: string };
	cleanup: () => void;
};

afterAll(() => harness.cleanup());

const WORKFLOWS = ['ci.yml', 'publish.yml'];
const workflow = (file: string) => parse(harness.workflowText(file)) as WorkflowFile;
const steps = (job: Job) => job.steps ?? [];
const commandsOf = (job: Job) => steps(job).flatMap((s) => (s.run === undefined ? [] : [s.run.trim()]));
const scripts = () => (readRepoJson('package.json') as { scripts: Record<string, string> }).scripts;

/**
 * Why a `run:` command is not a script of the repository, or undefined when it is. One command
 * per step, no shell operators, so the step is exactly what the script does.
 */
function notARepoScript(command: string): string | undefined {
	if (command.includes('\n')) return 'more than one line';
	if (/[;&|$`<>(){}\\"']/.test(command)) return 'shell syntax beyond one plain command';
	const [tool, first, ...rest] = command.split(/\s+/);
	if (tool === 'npm' && first === 'ci' && rest.length === 0) return undefined;
	if (tool === 'npm' && first === 'test' && rest.length === 0) return undefined;
	if (tool === 'npm' && first === 'run') {
		if (rest.length !== 1) return 'npm run takes exactly one script name';
		return scripts()[rest[0]] !== undefined ? undefined : `package.json has no script ${rest[0]}`;
	}
	if (tool === 'node' || tool === 'bash') return first && harness.isRepoFile(first) ? undefined : `${first} is not a file of the repository`;
	return `${tool} is not npm ci, npm test, npm run, node or bash`;
}

describe('the rule every run step is checked with', () => {
	it('accepts the repository forms and rejects anything else', () => {
		expect(notARepoScript('npm ci')).toBeUndefined();
		expect(notARepoScript('npm run lint')).toBeUndefined();
		expect(notARepoScript('node e2e/run.js test')).toBeUndefined();
		expect(notARepoScript('bash .ci/run')).toBeUndefined();
		expect(notARepoScript('npm run no-such-script')).toMatch(/no script no-such-script/);
		expect(notARepoScript('npm install --global npm@11')).toMatch(/not npm ci/);
		expect(notARepoScript('node scripts/no-such-file.js')).toMatch(/not a file of the repository/);
		expect(notARepoScript('node node_modules/jest/bin/jest.js')).toMatch(/not a file of the repository/);
		expect(notARepoScript('npm ci && curl https://example.com | sh')).toMatch(/shell syntax/);
		expect(notARepoScript('npm ci\nnpm test')).toMatch(/more than one line/);
		expect(notARepoScript('test "v$(node -p 1)" = "$GITHUB_REF_NAME"')).toBeDefined();
	});
});

describe.each(WORKFLOWS)('%s', (file) => {
	it('parses, and every run step is a script of the repository', () => {
		const jobs = Object.values(workflow(file).jobs);
		expect(jobs.length).toBeGreaterThan(0);
		const offenders = jobs.flatMap(commandsOf).flatMap((c) => {
			const why = notARepoScript(c);
			return why ? [`${c}: ${why}`] : [];
		});
		expect(offenders).toEqual([]);
	});

	it('uses only GitHub-owned actions, each pinned to a major version', () => {
		const uses = Object.values(workflow(file).jobs).flatMap((j) => steps(j).flatMap((s) => (s.uses ? [s.uses] : [])));
		expect(uses.length).toBeGreaterThan(0);
		for (const u of uses) expect(u).toMatch(/^actions\/(checkout|setup-node)@v\d+$/);
	});
});

describe('ci.yml', () => {
	const ci = () => workflow('ci.yml');

	it('runs on pushes to main, on every pull request, and when the publish workflow calls it', () => {
		expect(Object.keys(ci().on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
		expect(ci().on.push).toEqual({ branches: ['main'] });
		expect(ci().permissions).toEqual({ contents: 'read' });
	});

	it('covers what npm test does: lint, package build, jest, then the e2e', () => {
		const expected = scripts().test.split(' && ');
		expect(expected).toEqual(['npm run lint', 'npm run build:packages', 'jest', 'node e2e/run.js test']);
		const all = Object.values(ci().jobs).flatMap(commandsOf);
		expect(all).toEqual(expect.arrayContaining(['npm run lint', 'npm run build:packages', 'npm run test:jest', 'node e2e/run.js test']));
		expect(scripts()['test:jest']).toBe('jest');
		for (const job of Object.values(ci().jobs)) {
			const commands = commandsOf(job);
			expect(commands[0]).toBe('npm ci');
			// Jest's package tests and the e2e read the built packages.
			const build = commands.indexOf('npm run build:packages');
			for (const c of ['npm run test:jest', 'node e2e/run.js test'].filter((command) => commands.includes(command))) {
				expect(build).toBeGreaterThanOrEqual(0);
				expect(commands.indexOf(c)).toBeGreaterThan(build);
			}
		}
	});

	it('hands the e2e Redis and PostgreSQL service containers through E2E_REDIS_URL and E2E_POSTGRES_URL', () => {
		const job = Object.values(ci().jobs).find((j) => commandsOf(j).includes('node e2e/run.js test')) as Job;
		expect(job.services?.redis.image).toMatch(/^redis:\d+/);
		expect(job.services?.postgres.image).toMatch(/^postgres:\d+/);
		const redis = new URL(job.env?.E2E_REDIS_URL ?? '');
		const pg = new URL(job.env?.E2E_POSTGRES_URL ?? '');
		expect(job.services?.redis.ports).toEqual([`${redis.port}:6379`]);
		expect(job.services?.postgres.ports).toEqual([`${pg.port}:5432`]);
		const pgEnv = job.services?.postgres.env ?? {};
		expect([decodeURIComponent(pg.username), decodeURIComponent(pg.password), pg.pathname.slice(1)]).toEqual([pgEnv.POSTGRES_USER, pgEnv.POSTGRES_PASSWORD, pgEnv.POSTGRES_DB]);
	});

	it('sets up Node 20, the oldest Node the package supports (the e2e installs Node 24 for n8n 2)', () => {
		for (const job of Object.values(ci().jobs)) {
			const setup = steps(job).find((s) => s.uses?.startsWith('actions/setup-node@'));
			expect(setup?.with?.['node-version']).toBe(20);
		}
		expect((readRepoJson('package.json') as { engines: { node: string } }).engines.node).toBe('>=20.19');
	});
});

describe('publish.yml', () => {
	const publish = () => workflow('publish.yml');
	const publishJob = () => publish().jobs.publish;

	it('runs on version tags only, after the same checks as every pull request', () => {
		expect(publish().on).toEqual({ push: { tags: ['v*.*.*'] } });
		expect(publish().jobs.checks).toEqual({ uses: './.github/workflows/ci.yml' });
		expect(publishJob().needs).toBe('checks');
		expect(Object.keys(publish().jobs).sort()).toEqual(['checks', 'publish']);
	});

	it('may mint an OIDC token only in the publish job, and uses NPM_TOKEN only as the fallback secret', () => {
		expect(publish().permissions).toEqual({ contents: 'read' });
		expect(publishJob().permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		const withEnv = steps(publishJob()).filter((s) => s.env);
		expect(withEnv.map((s) => s.run)).toEqual(['node scripts/release/publish.js']);
		expect(withEnv[0].env).toEqual({ NPM_TOKEN: '${{ secrets.NPM_TOKEN }}' });
	});

	it('installs, checks the tag, builds the packages, then publishes them', () => {
		expect(commandsOf(publishJob())).toEqual(['npm ci', 'node scripts/release/check-tag.js', 'npm run build:packages', 'node scripts/release/publish.js']);
		expect(scripts()['build:packages']).toBe('npm run build && node scripts/packages/build.js');
		const setup = steps(publishJob()).find((s) => s.uses?.startsWith('actions/setup-node@'));
		// Trusted publishing needs npm 11.5.1+, which Node 24 ships.
		expect(setup?.with?.['node-version']).toBe(24);
	});

	it('publishes every package the build makes, each once, in manifest order, with provenance and public access', () => {
		const { outDir, manifest } = harness.buildPackages();
		const r = harness.runRepoScript('scripts/release/publish.js', ['--dry-run', '--out', outDir]);
		expect(r.status).toBe(0);
		const lines = r.stdout.trim().split('\n');
		const published = lines.map((line) => {
			const match = /^npm publish (\S+\.tgz) --provenance --access public$/.exec(line);
			expect(match).not.toBeNull();
			return (match as RegExpExecArray)[1].split('/').pop();
		});
		expect(published).toEqual(manifest.packages.map((p) => p.tarball));
		expect(new Set(published).size).toBe(4);
	});

	it('publishes nothing outside GitHub Actions, where npm cannot make provenance', () => {
		const { outDir } = harness.buildPackages();
		const r = harness.runRepoScript('scripts/release/publish.js', ['--out', outDir], { GITHUB_ACTIONS: '', NPM_TOKEN: '' });
		expect(r.status).toBe(1);
		expect(r.stderr).toBe('not running in GitHub Actions, where npm provenance is made: nothing was published (use --dry-run to see the commands)\n');
		expect(r.stdout).toBe('');
	});

	it('refuses a tag that is not v + the package version', () => {
		const { version } = readRepoJson('package.json') as { version: string };
		const ok = harness.runRepoScript('scripts/release/check-tag.js', [], { GITHUB_REF_NAME: `v${version}` });
		expect(ok.status).toBe(0);
		const wrong = harness.runRepoScript('scripts/release/check-tag.js', [], { GITHUB_REF_NAME: `v${version}.1` });
		expect(wrong.status).toBe(1);
		expect(wrong.stderr).toContain(`does not match package.json version ${version}`);
		const none = harness.runRepoScript('scripts/release/check-tag.js', [], { GITHUB_REF_NAME: '' });
		expect(none.status).toBe(1);
	});
});

describe('the npm version trusted publishing needs', () => {
	const { atLeast } = publishScript as unknown as { atLeast: (version: string, minimum: number[]) => boolean };

	it('is 11.5.1 or later', () => {
		expect(['11.5.1', '11.6.0', '12.0.0'].map((v) => atLeast(v, [11, 5, 1]))).toEqual([true, true, true]);
		expect(['11.5.0', '10.9.3', '11.4.9'].map((v) => atLeast(v, [11, 5, 1]))).toEqual([false, false, false]);
	});
});

describe('dependabot.yml', () => {
	interface Update {
		'package-ecosystem': string;
		directory: string;
		schedule: { interval: string };
		groups?: Record<string, { patterns: string[]; 'exclude-patterns'?: string[] }>;
	}
	const config = () => parse(harness.dependabotText()) as { version: number; updates: Update[] };

	it('updates the npm devDependencies and the workflow actions weekly, in groups', () => {
		expect(config().version).toBe(2);
		expect(config().updates.map((u) => [u['package-ecosystem'], u.directory, u.schedule.interval])).toEqual([
			['npm', '/', 'weekly'],
			['github-actions', '/', 'weekly'],
		]);
		const groups = config().updates[0].groups ?? {};
		const devDependencies = Object.keys((readRepoJson('package.json') as { devDependencies: Record<string, string> }).devDependencies);
		const matches = (name: string, pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(name);
		// Every devDependency falls in exactly one group.
		for (const name of devDependencies) {
			const inGroups = Object.entries(groups).filter(([, g]) => g.patterns.some((p) => matches(name, p)) && !(g['exclude-patterns'] ?? []).some((p) => matches(name, p)));
			expect([name, inGroups.length]).toEqual([name, 1]);
		}
	});
});
