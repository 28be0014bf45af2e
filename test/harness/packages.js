// File-system and process helpers for the package tests (plain JS: the node lint rules forbid fs,
// path and child processes in TypeScript). Everything happens in throw-away folders under the OS
// temp dir, never in packages-dist/.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { ROOT } = require('./repoFiles');
const definitions = require('../../scripts/packages/definitions');
const { listFiles } = require('../../scripts/packages/files');
const { foreignMarkers } = require('../../scripts/packages/build');
const { lintPackageSources } = require('../../scripts/packages/lint-sources');
const { expectedPackageReadme, packageReadmePath } = require('../../scripts/packages/texts');
const examples = require('../../scripts/packages/examples');

const temps = [];
function tempDir(prefix) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cloud-partners-${prefix}-`));
	temps.push(dir);
	return dir;
}

/** Removes every folder this module created (call from afterAll). */
function cleanup() {
	while (temps.length) fs.rmSync(temps.pop(), { recursive: true, force: true });
}

let built;
/**
 * Runs the package build (`scripts/packages/build.js --out <temp>`) once per test file on the
 * compiled dist/ and returns { outDir, manifest }. dist/ must exist (`npm test` builds it first).
 */
function buildPackages() {
	if (built) return built;
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes'))) throw new Error('dist/ is missing: run `npm run build` first');
	const outDir = tempDir('packages');
	execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'packages', 'build.js'), '--out', outDir], { cwd: ROOT, stdio: 'pipe' });
	built = { outDir, manifest: JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) };
	return built;
}

/** Unpacks a tarball into `<dest>/<package name>/` (dest: a new temp folder if omitted). */
function unpack(tarball, dest = tempDir('unpacked')) {
	const staging = tempDir('tar');
	execFileSync('tar', ['-xzf', tarball, '-C', staging], { stdio: 'pipe' });
	const { name } = JSON.parse(fs.readFileSync(path.join(staging, 'package', 'package.json'), 'utf8'));
	const target = path.join(dest, ...name.split('/'));
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.renameSync(path.join(staging, 'package'), target);
	return target;
}

/** Unpacks the built tarball of `packageName`; returns the folder. */
function unpackBuilt(packageName, dest) {
	const { outDir, manifest } = buildPackages();
	const entry = manifest.packages.find((p) => p.name === packageName);
	return unpack(path.join(outDir, entry.tarball), dest);
}

function readText(dir, file) {
	return fs.readFileSync(path.join(dir, file), 'utf8');
}

/** A file of the repository as text (path relative to the repository root). */
function readRepoText(file) {
	return readText(ROOT, file);
}

function readJson(dir, file) {
	return JSON.parse(readText(dir, file));
}

function exists(dir, file) {
	return fs.existsSync(path.join(dir, file));
}

/**
 * Installs the named packages side by side into one `nodes/node_modules` folder (as n8n's
 * community-package installer lays them out) and loads them in a child process whose NODE_PATH
 * holds only n8n-workflow: first a plain require of each listed module, then n8n-core's
 * PackageDirectoryLoader. Returns the child's report (see packageLoaderChild.js).
 */
function loadInIsolation(packageNames) {
	const home = tempDir('n8n-home');
	const modules = path.join(home, 'nodes', 'node_modules');
	const dirs = packageNames.map((name) => unpackBuilt(name, modules));
	const nodePath = path.join(home, 'host-modules');
	fs.mkdirSync(nodePath);
	fs.symlinkSync(path.join(ROOT, 'node_modules', 'n8n-workflow'), path.join(nodePath, 'n8n-workflow'), 'dir');
	const r = spawnSync(
		process.execPath,
		[path.join(__dirname, 'packageLoaderChild.js'), require.resolve('n8n-core', { paths: [ROOT] }), ...dirs],
		{ cwd: home, encoding: 'utf8', env: { ...process.env, NODE_PATH: nodePath, N8N_LOG_LEVEL: 'silent' } },
	);
	if (r.status !== 0) throw new Error(`package loader failed:\n${r.stderr}`);
	return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Runs n8n's scanner analysis (scripts/packages/scan.mjs) on unpacked folders; one report each. */
function scan(dirs) {
	// As from a shell: eslint-plugin-n8n-nodes-base judges file names differently under NODE_ENV=test.
	const env = { ...process.env };
	for (const key of ['NODE_ENV', 'FORCE_COLOR', 'JEST_WORKER_ID']) delete env[key];
	const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'packages', 'scan.mjs'), ...dirs], { cwd: ROOT, encoding: 'utf8', env });
	const lines = r.stdout.trim().split('\n').filter(Boolean);
	if (lines.length !== dirs.length) throw new Error(`scanner failed:\n${r.stderr}`);
	return lines.map((l) => JSON.parse(l));
}

/** A GitHub Actions workflow's text, by file name in .github/workflows/. */
function workflowText(file) {
	return fs.readFileSync(path.join(ROOT, '.github', 'workflows', file), 'utf8');
}

/** The Dependabot configuration's text. */
function dependabotText() {
	return fs.readFileSync(path.join(ROOT, '.github', 'dependabot.yml'), 'utf8');
}

/** Whether a repository-relative path is a file of the repository (not an installed module). */
function isRepoFile(relativePath) {
	const full = path.resolve(ROOT, relativePath);
	return full.startsWith(ROOT + path.sep) && !relativePath.split(/[\\/]/).includes('node_modules') && fs.existsSync(full) && fs.statSync(full).isFile();
}

/** Runs a repository script with the machine's node; { status, stdout, stderr }. */
function runRepoScript(relativePath, args, env = {}) {
	const r = spawnSync(process.execPath, [path.join(ROOT, relativePath), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

module.exports = {
	ROOT,
	definitions,
	examples,
	buildPackages,
	unpack,
	unpackBuilt,
	listFiles,
	readText,
	readRepoText,
	readJson,
	exists,
	foreignMarkers,
	loadInIsolation,
	scan,
	lintPackageSources,
	expectedPackageReadme,
	packageReadmePath,
	workflowText,
	dependabotText,
	isRepoFile,
	runRepoScript,
	cleanup,
};
