#!/usr/bin/env node
// Runs the analysis of n8n's own scanner, `@n8n/scan-community-package` (a devDependency), on
// unpacked package folders, offline. `npx @n8n/scan-community-package <name>` itself works only on
// a package already on npm: it checks the npm provenance attestation, downloads the attested
// GitHub source and `npm pack`s the published version, then calls `analyzePackage` on both. Here
// the same `analyzePackage` (same ESLint config, `allowInlineConfig: false`) is called on:
//
//   tarball  the unpacked tarball with the scanner's tarball patterns (`**/*.js`, `package.json`)
//   all      the unpacked tarball with analyzePackage's default patterns (js, ts and json)
//   source   what the scanner's source leg lints for this package: its package.json plus the
//            TypeScript sources (and codex/icons) of exactly the files the tarball ships, laid
//            out as in the repository, with the source patterns (`package.json`,
//            `{nodes,credentials}/**/*.{js,ts,json}`)
//   repository  the scanner's source leg exactly: in a copy of the repository's files (what a
//            commit would hold: tracked plus untracked, not ignored), the scanner's own
//            findPackageRoot looks for the folder whose package.json has the package's name
//            (none found is a finding) and analyzePackage lints it with the source patterns
//
// Usage: node scripts/packages/scan.mjs <unpacked package folder>...
// Prints one JSON line per folder: { dir, name, legs: { tarball|all|source|repository: { passed, errors,
// warnings, messages } } } and exits 1 if any leg has a finding (error or warning).
import fs from 'fs';
import os from 'os';
import { execFileSync } from 'child_process';
import path from 'path';
import { createRequire } from 'module';
import { fileURLToPath, pathToFileURL } from 'url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
const scannerFile = requireFromRoot.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
const requireFromScanner = createRequire(scannerFile);
const scanner = await import(pathToFileURL(scannerFile).href);
const { ESLint } = await import(pathToFileURL(requireFromScanner.resolve('eslint')).href);
const glob = requireFromScanner('fast-glob');
const { sourceView } = requireFromRoot('./scripts/packages/sourceView.js');

const TARBALL_PATTERNS = ['**/*.js', 'package.json'];
const DEFAULT_PATTERNS = ['**/*.js', '**/*.ts', '**/*.json'];

/** Every finding (errors and warnings) the scanner's ESLint config reports for `patterns`. */
async function findings(dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
	});
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	const results = files.length ? await eslint.lintFiles(files) : [];
	const messages = results.flatMap((r) =>
		r.messages.map((m) => ({
			file: path.relative(dir, r.filePath),
			line: m.line,
			rule: m.ruleId,
			severity: m.severity === 2 ? 'error' : 'warning',
			message: m.message,
		})),
	);
	return {
		files: files.length,
		errors: messages.filter((m) => m.severity === 'error').length,
		warnings: messages.filter((m) => m.severity === 'warning').length,
		messages,
	};
}

/** One leg: the scanner's own verdict (analyzePackage) plus the counted findings. */
async function leg(dir, patterns) {
	const verdict = await scanner.analyzePackage(dir, patterns);
	const counted = await findings(dir, patterns);
	return { passed: verdict.passed, message: verdict.message, ...counted };
}

/** A copy of the repository's files as a commit would hold them (the scanner downloads that). */
function repositoryView() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-repository-'));
	const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
		.split('\0')
		.filter((f) => f && fs.existsSync(path.join(ROOT, f)));
	for (const file of files) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
	}
	return dir;
}

/** The scanner's source leg on the repository copy for one package name. */
async function repositoryLeg(repository, name) {
	const root = scanner.findPackageRoot(repository, name);
	if (!root) {
		return { passed: false, message: `no package.json named ${name} in the repository`, files: 0, errors: 1, warnings: 0, messages: [] };
	}
	return { root: path.relative(repository, root) || '.', ...(await leg(root, scanner.SOURCE_FILE_PATTERNS)) };
}

const repository = repositoryView();
let failed = false;
for (const arg of process.argv.slice(2)) {
	const dir = path.resolve(arg);
	const { name } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	const source = sourceView(dir);
	const legs = {
		tarball: await leg(dir, TARBALL_PATTERNS),
		all: await leg(dir, DEFAULT_PATTERNS),
		source: await leg(source, scanner.SOURCE_FILE_PATTERNS),
		repository: await repositoryLeg(repository, name),
	};
	fs.rmSync(source, { recursive: true, force: true });
	for (const l of Object.values(legs)) if (!l.passed || l.errors || l.warnings) failed = true;
	process.stdout.write(`${JSON.stringify({ dir: arg, name, legs })}\n`);
}
fs.rmSync(repository, { recursive: true, force: true });
if (failed) process.exitCode = 1;
