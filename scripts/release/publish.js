#!/usr/bin/env node
'use strict';
/**
 * Release step: publishes the four tarballs `npm run build:packages` made (packages-dist/, in
 * manifest order: the three single-vendor packages, then the combined one), each with
 * `--provenance --access public`, the way n8n's verification asks (published from GitHub Actions
 * with an SLSA provenance statement).
 *
 * Authentication as @n8n/node-cli's publish workflow does it: npm trusted publishing (OIDC, needs
 * npm 11.5.1 or later) unless the NPM_TOKEN secret is set, which is then written to npm's config.
 *
 * A version already on the registry is skipped and said so: a re-run after a partial publish
 * publishes only what is missing, and never fails on what is already out. Outside GitHub Actions
 * it publishes nothing (npm makes provenance only there), so running the step locally is safe.
 *
 *   node scripts/release/publish.js [--dry-run] [--out DIR]
 * --dry-run prints the commands without contacting the registry.
 */
const { spawnSync } = require('child_process');
const path = require('path');

const { readManifest } = require('../packages/examples');

const ROOT = path.resolve(__dirname, '..', '..');
const TRUSTED_PUBLISHING_NPM = [11, 5, 1];

/** The npm command line that publishes one package of the manifest. */
function publishArgs(outDir, entry) {
	return ['publish', path.relative(ROOT, path.join(outDir, entry.tarball)), '--provenance', '--access', 'public'];
}

function npm(args, options = {}) {
	return spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', stdio: options.inherit ? 'inherit' : 'pipe', env: process.env });
}

function atLeast(version, minimum) {
	const parts = version.split('.').map((n) => parseInt(n, 10));
	for (let i = 0; i < minimum.length; i++) {
		if ((parts[i] || 0) !== minimum[i]) return (parts[i] || 0) > minimum[i];
	}
	return true;
}

function isPublished(name, version) {
	const r = npm(['view', `${name}@${version}`, 'version']);
	return r.status === 0 && r.stdout.trim() === version;
}

function fail(message) {
	process.stderr.write(`${message}\n`);
	process.exit(1);
}

function main(argv) {
	const dryRun = argv.includes('--dry-run');
	const outAt = argv.indexOf('--out');
	const outDir = path.resolve(ROOT, outAt >= 0 ? argv[outAt + 1] : 'packages-dist');
	const manifest = readManifest(outDir);
	const commands = manifest.packages.map((entry) => ({ entry, args: publishArgs(outDir, entry) }));
	if (dryRun) {
		for (const { args } of commands) process.stdout.write(`npm ${args.join(' ')}\n`);
		return;
	}
	if (process.env.GITHUB_ACTIONS !== 'true') fail('not running in GitHub Actions, where npm provenance is made: nothing was published (use --dry-run to see the commands)');
	if (process.env.NPM_TOKEN) {
		if (npm(['config', 'set', '//registry.npmjs.org/:_authToken', process.env.NPM_TOKEN]).status !== 0) fail('could not write NPM_TOKEN to the npm config');
	} else {
		const version = npm(['--version']).stdout.trim();
		if (!atLeast(version, TRUSTED_PUBLISHING_NPM)) fail(`npm ${version} cannot use trusted publishing (needs ${TRUSTED_PUBLISHING_NPM.join('.')}+) and NPM_TOKEN is not set: nothing was published`);
	}
	const done = [];
	for (const { entry, args } of commands) {
		if (isPublished(entry.name, entry.version)) {
			process.stdout.write(`${entry.name}@${entry.version} is already on the registry: skipped\n`);
			continue;
		}
		process.stdout.write(`npm ${args.join(' ')}\n`);
		if (npm(args, { inherit: true }).status !== 0) {
			const published = done.length ? `published before it: ${done.join(', ')}` : 'nothing was published before it';
			fail(`publishing ${entry.name}@${entry.version} failed (${published}); re-run the workflow to publish the rest`);
		}
		done.push(`${entry.name}@${entry.version}`);
	}
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { publishArgs, atLeast };
