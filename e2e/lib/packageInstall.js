'use strict';
// The package as n8n gets it: `npm pack`, unpacked where n8n loads installed community packages.
const fs = require('fs');
const path = require('path');

const { run } = require('./processes');
const { ROOT, E2EError, log, rel, tail } = require('./util');

const TIMEOUT_MS = 2 * 60e3;

function readRootPackage() {
	return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
}

/** Fails fast (before any long install) when the build output is missing. */
function checkDist() {
	const pkg = readRootPackage();
	const distDir = path.join(ROOT, 'dist');
	if (!fs.existsSync(distDir)) throw new E2EError(`${rel(distDir)} does not exist: run \`npm run build\` first (npm run dev / npm run test:e2e do).`);
	const declared = [...((pkg.n8n && pkg.n8n.nodes) || []), ...((pkg.n8n && pkg.n8n.credentials) || [])];
	const missing = declared.filter((p) => !fs.existsSync(path.join(ROOT, p)));
	if (missing.length) {
		throw new E2EError(`package.json "n8n" lists files that the build did not produce:\n  ${missing.join('\n  ')}\nRun \`npm run build\` and check tsconfig includes them.`);
	}
	if (pkg.dependencies && Object.keys(pkg.dependencies).length) {
		throw new E2EError(`the package has runtime dependencies (${Object.keys(pkg.dependencies).join(', ')}); community packages ship none`);
	}
	return pkg;
}

function countFiles(dir) {
	let n = 0;
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
	return n;
}

/** `npm pack` of the repository root; resolves the tarball's path inside `packDir`. */
async function packRoot(packDir) {
	fs.mkdirSync(packDir, { recursive: true });
	const env = { ...process.env };
	for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
	const r = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: ROOT, env, timeoutMs: TIMEOUT_MS });
	if (r.code !== 0) throw new E2EError(`npm pack failed (exit ${r.code}):\n${tail(r.stderr || r.stdout)}`);
	const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
	const tarball = path.join(packDir, info[0].filename);
	if (!fs.existsSync(tarball)) throw new E2EError(`npm pack produced no tarball in ${packDir}`);
	return { tarball, files: info[0].files.map((f) => f.path) };
}

/** Unpacks a tarball as <userFolder>/.n8n/nodes/node_modules/<name>, where n8n loads it at startup. */
async function installTarball(userFolder, tarball, name) {
	const dest = path.join(userFolder, '.n8n', 'nodes', 'node_modules', ...name.split('/'));
	fs.rmSync(dest, { recursive: true, force: true });
	fs.mkdirSync(dest, { recursive: true });
	const t = await run('tar', ['-xzf', tarball, '-C', dest, '--strip-components=1'], { timeoutMs: TIMEOUT_MS });
	if (t.code !== 0) throw new E2EError(`tar failed to unpack ${tarball}:\n${tail(t.stderr)}`);
	return { dest, files: countFiles(dest) };
}

/** Packs this package and installs it into `userFolder` as n8n would. */
async function installPackage(userFolder, tmpDir) {
	const pkg = checkDist();
	const { tarball } = await packRoot(path.join(tmpDir, 'pack'));
	const { dest, files } = await installTarball(userFolder, tarball, pkg.name);
	fs.rmSync(tarball, { force: true });
	log(`packed ${pkg.name}@${pkg.version} (${files} files) into ${rel(dest)}`);
	return pkg;
}

module.exports = { checkDist, packRoot, installTarball, installPackage, readRootPackage };
