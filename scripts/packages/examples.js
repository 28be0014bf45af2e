// Example workflows (examples/*.json) are written for the combined package, so their partner node
// types read `n8n-nodes-cloud-partners.<name>`. n8n registers a package's node as
// `<package name>.<node name>`, so in a single-vendor package the prefix becomes that package's
// name. This module rewrites an example for a package and decides which package an example
// belongs to. Plain CommonJS with no dependencies: the e2e runner and the package build use it.
const fs = require('fs');
const path = require('path');
const { ROOT, COMBINED } = require('./definitions');

const EXAMPLES_DIR = path.join(ROOT, 'examples');
const PREFIX = `${COMBINED}.`;

/** File names of the example workflows, sorted. */
function exampleFiles() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort();
}

/** The parsed example workflow `file` (a file name in examples/). */
function readExample(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
}

/** Node names (without package prefix) of the combined package's nodes a workflow uses, sorted. */
function partnerNodeNames(workflow) {
	const names = new Set();
	for (const node of workflow.nodes || []) {
		if (typeof node.type === 'string' && node.type.startsWith(PREFIX)) names.add(node.type.slice(PREFIX.length));
	}
	return [...names].sort();
}

/** `Tool` variants (n8n generates `<name>Tool` for nodes usable as AI tools) map to their node. */
function baseNodeName(name, knownNames) {
	if (knownNames.includes(name)) return name;
	if (name.endsWith('Tool') && knownNames.includes(name.slice(0, -4))) return name.slice(0, -4);
	return undefined;
}

/**
 * A copy of `workflow` in which every node type `n8n-nodes-cloud-partners.<name>` reads
 * `<packageName>.<name>`. With `nodeNames` (the node names the package ships, e.g. from
 * packages-dist/manifest.json), a partner node the package does not ship is an error.
 * For the combined package the workflow comes back unchanged (as a copy).
 */
function rewriteExample(workflow, packageName, nodeNames) {
	if (typeof packageName !== 'string' || !/^(@[a-z0-9-]+\/)?n8n-nodes-[a-z0-9-]+$/.test(packageName)) {
		throw new Error(`rewriteExample: "${packageName}" is not an n8n community package name`);
	}
	const copy = JSON.parse(JSON.stringify(workflow));
	if (nodeNames) {
		const missing = partnerNodeNames(copy).filter((n) => !baseNodeName(n, nodeNames));
		if (missing.length) {
			throw new Error(`rewriteExample: ${packageName} does not ship ${missing.join(', ')}`);
		}
	}
	for (const node of copy.nodes || []) {
		if (typeof node.type === 'string' && node.type.startsWith(PREFIX)) {
			node.type = `${packageName}.${node.type.slice(PREFIX.length)}`;
		}
	}
	return copy;
}

/**
 * The single-vendor package an example belongs to: the one whose node names cover every partner
 * node the example uses. `packages` is a list of `{ name, nodeNames }`. Undefined when no single
 * package covers it (it mixes vendors) or it uses no partner node.
 */
function ownerOf(workflow, packages) {
	const used = partnerNodeNames(workflow);
	if (!used.length) return undefined;
	const owners = packages.filter((p) => used.every((n) => baseNodeName(n, p.nodeNames)));
	return owners.length === 1 ? owners[0].name : undefined;
}

/**
 * packages-dist/manifest.json (or the one in `outDir`) with absolute paths added: `tarballPath`
 * and `directoryPath` on each package, `absolutePath` on each of its examples.
 */
function readManifest(outDir = path.join(ROOT, 'packages-dist')) {
	const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
	for (const p of manifest.packages) {
		p.tarballPath = path.resolve(outDir, p.tarball);
		p.directoryPath = path.resolve(outDir, p.directory);
		for (const e of p.examples) e.absolutePath = path.resolve(outDir, e.path);
	}
	return manifest;
}

module.exports = { EXAMPLES_DIR, exampleFiles, readExample, partnerNodeNames, rewriteExample, ownerOf, readManifest };
