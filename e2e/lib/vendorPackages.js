'use strict';
/*
 * The single-vendor packages as n8n users get them: each tarball that `npm run build:packages`
 * made (packages-dist/manifest.json), installed alone, with that vendor's examples rewritten to its
 * node types; then two of them side by side.
 */
const path = require('path');

const { installTarball } = require('./packageInstall');
const { ROOT, E2EError, log } = require('./util');

const PACKAGES_MODULE = path.join(ROOT, 'scripts', 'packages', 'examples.js');

function readVendorPackages() {
	const { readManifest } = require(PACKAGES_MODULE);
	let manifest;
	try {
		manifest = readManifest();
	} catch (e) {
		throw new E2EError(`packages-dist/manifest.json is missing or unreadable (${e.message}): run \`npm run build:packages\` first (npm test does)`);
	}
	return manifest.packages.filter((p) => !p.combined);
}

/** The package's own examples, rewritten to its node types, as runExampleSuite takes them. */
function examplesOf(pkg, allExamples) {
	const { rewriteExample } = require(PACKAGES_MODULE);
	const own = new Set(pkg.examples.map((e) => e.file));
	return allExamples.filter((e) => own.has(e.file)).map((e) => ({ file: e.file, workflow: rewriteExample(e.workflow, pkg.name, pkg.nodeNames) }));
}

/** An installer for runExampleSuite that puts exactly these packages into the user folder. */
function installerOf(packages) {
	return async (userFolder) => {
		for (const pkg of packages) {
			const { files } = await installTarball(userFolder, pkg.tarballPath, pkg.name);
			log(`installed ${pkg.name}@${pkg.version} from its tarball (${files} files)${packages.length > 1 ? `, beside ${packages.filter((p) => p !== pkg).map((p) => p.name).join(', ')}` : ', alone'}`);
		}
	};
}

/** Only the credentials these packages define, so nothing else could make an example pass. */
function credentialFilterOf(packages) {
	const types = new Set(packages.flatMap((p) => p.credentialTypes));
	return (creds) => creds.filter((c) => types.has(c.type));
}

module.exports = { readVendorPackages, examplesOf, installerOf, credentialFilterOf };
