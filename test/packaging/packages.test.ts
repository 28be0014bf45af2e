/**
 * The four packages one build makes (scripts/packages/build.js), checked on their packed tarballs:
 * each single-vendor package holds its vendor and nothing of the others, loads with only
 * n8n-workflow resolvable, loads side by side with the others, and passes n8n's scanner analysis
 * and `n8n-node lint` on its own sources with zero findings.
 */
import * as harnessModule from '../harness/packages';
import { readRepoJson } from '../harness/repoFiles';

type Json = Record<string, unknown>;
interface ManifestPackage {
	name: string;
	version: string;
	combined: boolean;
	tarball: string;
	directory: string;
	size: number;
	unpackedSize: number;
	fileCount: number;
	nodeNames: string[];
	nodeTypes: string[];
	credentialTypes: string[];
	n8n: { nodes: string[]; credentials: string[] };
	examples: Array<{ file: string; source: string; path: string }>;
}
interface Manifest {
	manifestVersion: number;
	version: string;
	rewriteModule: string;
	packages: ManifestPackage[];
}
interface Vendor {
	id: string;
	packageName: string;
	markers: string[];
}
interface LoaderReport {
	direct: Array<{ name: string; nodes: string[]; credentials: string[]; errors: string[]; bareRequests: string[]; resolvedOutside: string[] }>;
	loader: Array<{ name: string; nodeTypes: string[]; credentialTypes: string[]; knownNodes: string[]; errors: string[] }>;
}
interface ScanLeg {
	root?: string;
	passed: boolean;
	files: number;
	errors: number;
	warnings: number;
	messages: unknown[];
}
interface Workflow {
	nodes: Array<{ type: string; name: string }>;
}

const harness = harnessModule as unknown as {
	definitions: { COMBINED: string; VENDORS: Vendor[] };
	examples: {
		exampleFiles: () => string[];
		readExample: (file: string) => Workflow;
		rewriteExample: (workflow: Workflow, packageName: string, nodeNames?: string[]) => Workflow;
		partnerNodeNames: (workflow: Workflow) => string[];
		readManifest: (outDir: string) => Manifest & {
			packages: Array<ManifestPackage & { tarballPath: string; directoryPath: string; examples: Array<{ absolutePath: string }> }>;
		};
	};
	buildPackages: () => { outDir: string; manifest: Manifest };
	unpackBuilt: (name: string) => string;
	listFiles: (dir: string) => string[];
	readText: (dir: string, file: string) => string;
	readRepoText: (file: string) => string;
	readJson: (dir: string, file: string) => Json;
	exists: (dir: string, file: string) => boolean;
	foreignMarkers: (dir: string, vendor: Vendor) => Array<{ file: string; marker: string }>;
	loadInIsolation: (names: string[]) => LoaderReport;
	scan: (dirs: string[]) => Array<{ name: string; legs: Record<string, ScanLeg> }>;
	lintPackageSources: (dir: string) => { clean: boolean; output: string };
	expectedPackageReadme: (vendor: Vendor) => string;
	packageReadmePath: (vendor: Vendor) => string;
	cleanup: () => void;
};

const { COMBINED, VENDORS } = harness.definitions;
const root = readRepoJson('package.json') as Json & { version: string; n8n: Json; repository: Json; author: Json };

/** What each single-vendor package must ship, written out here rather than derived. */
const EXPECTED: Record<string, { nodeNames: string[]; credentialTypes: string[]; folder: string; examples: string[] }> = {
	'n8n-nodes-tencent-cloud-partner': {
		nodeNames: ['tencentCloudPartner', 'tencentCloudPartnerTrigger'],
		credentialTypes: ['tencentCloudPartnerApi'],
		folder: 'TencentCloudPartner',
		examples: [
			'tencent-allocate-credit.json',
			'tencent-approve-reseller-applications.json',
			'tencent-bill-by-product.json',
			'tencent-custom-action.json',
			'tencent-low-credit-customers.json',
			'trigger-customer-application-notify.json',
			'trigger-low-credit-top-up.json',
			'trigger-new-customer-welcome.json',
			'trigger-reseller-application-review.json',
		],
	},
	'n8n-nodes-huawei-cloud-partner': {
		nodeNames: ['huaweiCloudPartner', 'huaweiCloudPartnerTrigger'],
		credentialTypes: ['huaweiCloudPartnerApi', 'huaweiCloudPartnerIamApi'],
		folder: 'HuaweiCloudPartner',
		examples: ['huawei-custom-api-call.json', 'huawei-customer-onboarding.json', 'trigger-expiring-renewal-digest.json', 'trigger-new-customer-order.json'],
	},
	'n8n-nodes-dotdigital-cpaas-reseller': {
		nodeNames: ['dotdigitalReseller', 'dotdigitalResellerTrigger'],
		credentialTypes: ['dotdigitalResellerApi'],
		folder: 'DotdigitalReseller',
		examples: ['dotdigital-add-user-and-credit.json'],
	},
};

let manifest: Manifest;
const unpacked: Record<string, string> = {};

beforeAll(() => {
	manifest = harness.buildPackages().manifest;
	for (const p of manifest.packages) unpacked[p.name] = harness.unpackBuilt(p.name);
});

afterAll(() => harness.cleanup());

const entry = (name: string) => manifest.packages.find((p) => p.name === name) as ManifestPackage;

describe('the build', () => {
	it('makes the three single-vendor packages and the combined one, all at the root version', () => {
		expect(manifest.packages.map((p) => p.name)).toEqual([...Object.keys(EXPECTED), COMBINED]);
		expect(manifest.version).toBe(root.version);
		for (const p of manifest.packages) {
			expect(p.version).toBe(root.version);
			expect(p.tarball).toBe(`${p.name}.tgz`);
			expect(harness.readJson(unpacked[p.name], 'package.json').version).toBe(root.version);
		}
	});

	it('keeps the committed package.json of each vendor package at the root version', () => {
		for (const vendor of VENDORS) {
			expect((readRepoJson(`packages/${vendor.packageName}/package.json`) as Json).version).toBe(root.version);
		}
	});

	it('gives the e2e absolute paths to each tarball, package folder and rewritten example (readManifest)', () => {
		const { outDir } = harness.buildPackages();
		const read = harness.examples.readManifest(outDir);
		expect(read.packages.map((p) => p.name)).toEqual(manifest.packages.map((p) => p.name));
		for (const p of read.packages) {
			expect(p.tarballPath).toBe(`${outDir}/${p.name}.tgz`);
			expect(harness.exists(p.directoryPath, 'package.json')).toBe(true);
			for (const e of p.examples) expect(harness.exists(e.absolutePath, '.')).toBe(true);
		}
	});

	it('records in the manifest the file count npm reports, matching the tarball', () => {
		for (const p of manifest.packages) {
			expect(harness.listFiles(unpacked[p.name])).toHaveLength(p.fileCount);
			expect(p.size).toBeGreaterThan(0);
		}
	});
});

describe.each(Object.keys(EXPECTED))('%s', (name) => {
	const expected = EXPECTED[name];
	const vendor = () => VENDORS.find((v) => v.packageName === name) as Vendor;
	const dir = () => unpacked[name];

	it('has a package.json fit for verification: MIT, keyword, author, repository, peer n8n-workflow only', () => {
		const pkg = harness.readJson(dir(), 'package.json');
		expect(pkg.name).toBe(name);
		expect(pkg.license).toBe('MIT');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.author).toEqual(root.author);
		expect((pkg.repository as Json).url).toBe(root.repository.url);
		expect(pkg.homepage).toMatch(/^https:\/\/github\.com\//);
		expect(String(pkg.description).length).toBeGreaterThan(20);
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'overrides', 'scripts', 'bundleDependencies']) {
			expect(pkg[field]).toBeUndefined();
		}
	});

	it("lists only its own nodes and credentials in the n8n block, and every listed file is shipped", () => {
		const n8n = harness.readJson(dir(), 'package.json').n8n as { nodes: string[]; credentials: string[]; n8nNodesApiVersion: number; strict: boolean };
		expect(n8n.n8nNodesApiVersion).toBe(1);
		expect(n8n.strict).toBe(true);
		expect(n8n.nodes.every((f) => f.startsWith(`dist/nodes/${expected.folder}/`) && f.endsWith('.node.js'))).toBe(true);
		for (const file of [...n8n.nodes, ...n8n.credentials]) expect(harness.exists(dir(), file)).toBe(true);
		expect(entry(name).nodeNames).toEqual(expected.nodeNames);
		expect(entry(name).nodeTypes).toEqual(expected.nodeNames.map((n) => `${name}.${n}`));
		expect(entry(name).credentialTypes).toEqual(expected.credentialTypes);
	});

	it('ships only what n8n loads plus README, LICENSE, CHANGELOG and its examples', () => {
		const files = harness.listFiles(dir());
		const unexpected = files.filter(
			(f) =>
				!/^dist\/(nodes|credentials)\/.+\.(js|svg)$/.test(f) &&
				!/^dist\/nodes\/.+\.node\.json$/.test(f) &&
				!/^examples\/[a-z0-9-]+\.json$/.test(f) &&
				!['package.json', 'README.md', 'LICENSE.md', 'CHANGELOG.md'].includes(f),
		);
		expect(unexpected).toEqual([]);
		expect(files.filter((f) => f.startsWith('dist/nodes/') && !f.startsWith('dist/nodes/shared/') && !f.startsWith(`dist/nodes/${expected.folder}/`))).toEqual([]);
	});

	it("contains no other vendor's name, endpoint or icon in any file name or content", () => {
		expect(harness.foreignMarkers(dir(), vendor())).toEqual([]);
		// The check does see markers: judged as if it were another vendor's package, it finds its own.
		const another = VENDORS.find((v) => v !== vendor()) as Vendor;
		expect(harness.foreignMarkers(dir(), another).length).toBeGreaterThan(0);
	});

	it('rewrites the codex of its nodes to its own package name', () => {
		for (const node of expected.nodeNames) {
			const file = harness.listFiles(dir()).find((f) => f.toLowerCase() === `dist/nodes/${expected.folder}/${node}.node.json`.toLowerCase()) as string;
			expect(harness.readJson(dir(), file).node).toBe(`${name}.${node}`);
		}
	});

	it('ships its examples, with node types under its own name, and its README lists them', () => {
		const shipped = harness.listFiles(dir()).filter((f) => f.startsWith('examples/')).map((f) => f.slice('examples/'.length));
		expect(shipped).toEqual(expected.examples);
		expect(entry(name).examples.map((e) => e.file)).toEqual(expected.examples);
		const readme = harness.readText(dir(), 'README.md');
		for (const file of shipped) {
			const workflow = harness.readJson(dir(), `examples/${file}`) as unknown as Workflow;
			const partnerTypes = workflow.nodes.map((n) => n.type).filter((t) => !t.startsWith('n8n-nodes-base.'));
			expect(partnerTypes.length).toBeGreaterThan(0);
			expect(partnerTypes.every((t) => expected.nodeNames.includes(t.slice(name.length + 1)) && t.startsWith(`${name}.`))).toBe(true);
			expect(readme).toContain(`\`${file}\``);
		}
	});

	it('has a README with install, credential setup, operations and examples', () => {
		const readme = harness.readText(dir(), 'README.md');
		expect(readme.startsWith(`# ${name}\n`)).toBe(true);
		for (const heading of ['## Install', '### Credential setup', '### Operations', '## Example workflows', '## License']) {
			expect(readme).toContain(`\n${heading}\n`);
		}
		expect(readme).toContain(`enter \`${name}\``);
		expect(readme).toMatch(/\| Resource \| Operation \|/);
	});

	it("ships the CHANGELOG with the same versions, keeping only the common and its own entries", () => {
		const versions = (text: string) => text.split('\n').filter((l) => l.startsWith('## '));
		const shipped = harness.readText(dir(), 'CHANGELOG.md');
		expect(versions(shipped)).toEqual(versions(harness.readText(harness.buildPackages().outDir, `${COMBINED}/CHANGELOG.md`)));
		expect(shipped).toContain('### All packages');
	});
});

describe(COMBINED, () => {
	const dir = () => unpacked[COMBINED];

	it('lists exactly the root n8n block and ships every listed file', () => {
		const pkg = harness.readJson(dir(), 'package.json');
		expect(pkg.n8n).toEqual(root.n8n);
		const n8n = root.n8n as { nodes: string[]; credentials: string[] };
		for (const file of [...n8n.nodes, ...n8n.credentials]) expect(harness.exists(dir(), file)).toBe(true);
		expect(pkg.devDependencies).toBeUndefined();
		expect(pkg.scripts).toBeUndefined();
		expect(pkg.dependencies).toBeUndefined();
	});

	it('ships no build info, package.json copy, source maps or declarations under dist/', () => {
		const files = harness.listFiles(dir());
		expect(files.filter((f) => /tsbuildinfo|\.map$|\.d\.ts$|^dist\/package\.json$/.test(f))).toEqual([]);
		expect(files.filter((f) => !f.startsWith('dist/'))).toEqual(['CHANGELOG.md', 'LICENSE.md', 'README.md', 'package.json']);
	});

	it('owns every example, unchanged', () => {
		expect(entry(COMBINED).examples.map((e) => e.file)).toEqual(harness.examples.exampleFiles());
	});
});

describe('loading with only n8n-workflow resolvable', () => {
	it.each(Object.keys(EXPECTED))('%s loads alone: every node and credential, nothing else required', (name) => {
		const report = harness.loadInIsolation([name]);
		const direct = report.direct[0];
		expect(direct.errors).toEqual([]);
		expect(direct.nodes).toEqual(EXPECTED[name].nodeNames);
		expect(direct.credentials).toEqual(EXPECTED[name].credentialTypes);
		expect(direct.resolvedOutside).toEqual(['n8n-workflow']);
		expect(direct.bareRequests.filter((r) => !['n8n-workflow', 'crypto'].includes(r))).toEqual([]);
		const loaded = report.loader[0];
		expect(loaded.errors).toEqual([]);
		expect(loaded.nodeTypes.sort()).toEqual(EXPECTED[name].nodeNames.map((n) => `${name}.${n}`).sort());
	});

	it('the three single-vendor packages load side by side with distinct node and credential types', () => {
		const names = Object.keys(EXPECTED);
		const report = harness.loadInIsolation(names);
		for (const l of [...report.direct, ...report.loader]) expect(l.errors).toEqual([]);
		const nodeTypes = report.loader.flatMap((l) => l.nodeTypes);
		const credentialTypes = report.loader.flatMap((l) => l.credentialTypes);
		expect(new Set(nodeTypes).size).toBe(nodeTypes.length);
		expect(new Set(credentialTypes).size).toBe(credentialTypes.length);
		expect(nodeTypes.sort()).toEqual(names.flatMap((n) => EXPECTED[n].nodeNames.map((x) => `${n}.${x}`)).sort());
		expect(credentialTypes.sort()).toEqual(names.flatMap((n) => EXPECTED[n].credentialTypes).sort());
	});

	it('the combined package next to a vendor package: node types differ, credential types collide (as the READMEs warn)', () => {
		const report = harness.loadInIsolation([COMBINED, 'n8n-nodes-tencent-cloud-partner']);
		for (const l of [...report.direct, ...report.loader]) expect(l.errors).toEqual([]);
		const [combined, tencent] = report.loader;
		expect(combined.nodeTypes.filter((t) => tencent.nodeTypes.includes(t))).toEqual([]);
		expect(combined.credentialTypes.filter((t) => tencent.credentialTypes.includes(t))).toEqual(['tencentCloudPartnerApi']);
		expect(harness.readText(unpacked['n8n-nodes-tencent-cloud-partner'], 'README.md')).toContain('Do not install\nit together with the combined `n8n-nodes-cloud-partners`');
	});
});

describe("n8n's verification checks", () => {
	it("n8n's scanner analysis finds nothing in any of the four tarballs (tarball, all-files, source and repository legs)", () => {
		const reports = harness.scan(manifest.packages.map((p) => unpacked[p.name]));
		expect(reports.map((r) => r.name)).toEqual(manifest.packages.map((p) => p.name));
		for (const report of reports) {
			for (const [leg, result] of Object.entries(report.legs)) {
				expect({ package: report.name, leg, passed: result.passed, errors: result.errors, warnings: result.warnings, messages: result.messages }).toEqual({
					package: report.name,
					leg,
					passed: true,
					errors: 0,
					warnings: 0,
					messages: [],
				});
				expect(result.files).toBeGreaterThan(leg === 'repository' ? 0 : 1);
			}
			// The scanner's own findPackageRoot finds each package in the repository's files.
			expect(report.legs.repository.root).toBe(report.name === COMBINED ? '.' : `packages/${report.name}`);
		}
	});

	it.each(Object.keys(EXPECTED))('`n8n-node lint` on the sources of %s alone reports nothing', (name) => {
		const result = harness.lintPackageSources(unpacked[name]);
		expect(result.output).not.toMatch(/problems? \(/);
		expect(result.clean).toBe(true);
	});

	it("each vendor package's README carries the current vendor section of the root README", () => {
		for (const vendor of VENDORS) {
			expect(harness.readText(harness.buildPackages().outDir, `${vendor.packageName}/README.md`)).toBe(harness.expectedPackageReadme(vendor));
			expect(harness.readRepoText(harness.packageReadmePath(vendor))).toBe(harness.expectedPackageReadme(vendor));
		}
	});
});

describe('rewriting an example for a package', () => {
	const { readExample, rewriteExample } = harness.examples;

	it('renames the partner node types and nothing else, without touching the original', () => {
		const original = readExample('trigger-low-credit-top-up.json');
		const before = JSON.stringify(original);
		const rewritten = rewriteExample(original, 'n8n-nodes-tencent-cloud-partner', EXPECTED['n8n-nodes-tencent-cloud-partner'].nodeNames);
		expect(JSON.stringify(original)).toBe(before);
		expect(rewritten.nodes.map((n) => n.type)).toEqual(
			original.nodes.map((n) => n.type.replace('n8n-nodes-cloud-partners.', 'n8n-nodes-tencent-cloud-partner.')),
		);
		expect(rewritten.nodes.map((n) => n.name)).toEqual(original.nodes.map((n) => n.name));
	});

	it('refuses a package that does not ship a node the example uses, and a name that is not a package', () => {
		const huawei = readExample('huawei-customer-onboarding.json');
		expect(() => rewriteExample(huawei, 'n8n-nodes-tencent-cloud-partner', EXPECTED['n8n-nodes-tencent-cloud-partner'].nodeNames)).toThrow(
			'n8n-nodes-tencent-cloud-partner does not ship huaweiCloudPartner',
		);
		expect(() => rewriteExample(huawei, 'tencent')).toThrow('not an n8n community package name');
	});

	it('matches the rewritten copies the build put in the packages', () => {
		for (const p of manifest.packages) {
			for (const example of p.examples) {
				expect(harness.readJson(harness.buildPackages().outDir, example.path)).toEqual(rewriteExample(readExample(example.file), p.name));
			}
		}
	});
});
