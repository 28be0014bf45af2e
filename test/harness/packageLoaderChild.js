// Child process for test/harness/packages.js: loads unpacked packages the way n8n does and prints
// what it found as one JSON line. Started with NODE_PATH holding only a folder that contains
// n8n-workflow (n8n puts its own module paths there) and with the packages outside the repository,
// so a package module can resolve nothing else: a missing file or an undeclared dependency fails.
//
//   node packageLoaderChild.js <n8n-core entry> <package dir>...
//
// For each package: the bare module names its files asked for, the requests that resolved to a
// file outside the package, and what n8n-core's PackageDirectoryLoader (the loader n8n runs at startup) registered:
// node types `<package>.<name>`, credential types, and every load error.
const Module = require('module');
const path = require('path');

const [coreEntry, ...packageDirs] = process.argv.slice(2);

/** Per package: bare module names its files asked for, and files they reached outside it. */
const seen = new Map(packageDirs.map((d) => [d, { bare: new Set(), outside: new Set() }]));
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
	const resolved = originalResolve.call(this, request, parent, ...rest);
	const from = parent && parent.filename;
	const dir = from && packageDirs.find((d) => from.startsWith(d + path.sep));
	if (dir) {
		if (!request.startsWith('.') && !path.isAbsolute(request)) seen.get(dir).bare.add(request);
		if (path.isAbsolute(resolved) && !resolved.startsWith(dir + path.sep)) seen.get(dir).outside.add(request);
	}
	return resolved;
};

async function main() {
	const report = { direct: [], loader: [] };

	// 1. Plain require of every listed module, with nothing but n8n-workflow resolvable.
	for (const dir of packageDirs) {
		const pkg = require(path.join(dir, 'package.json'));
		const entry = { name: pkg.name, nodes: [], credentials: [], errors: [] };
		for (const [kind, files] of [
			['nodes', pkg.n8n.nodes],
			['credentials', pkg.n8n.credentials || []],
		]) {
			for (const file of files) {
				try {
					const mod = require(path.join(dir, file));
					const className = path.basename(file).replace(/\.(node|credentials)\.js$/, '');
					const instance = new mod[className]();
					entry[kind].push(kind === 'nodes' ? instance.description.name : instance.name);
				} catch (error) {
					entry.errors.push(`${file}: ${error.message}`);
				}
			}
		}
		report.direct.push(entry);
	}
	packageDirs.forEach((dir, i) => {
		report.direct[i].bareRequests = [...seen.get(dir).bare].sort();
		report.direct[i].resolvedOutside = [...seen.get(dir).outside].sort();
	});

	// 2. n8n-core's own package loader, all packages into one registry as n8n does at startup.
	const { PackageDirectoryLoader } = require(coreEntry);
	for (const dir of packageDirs) {
		const loader = new PackageDirectoryLoader(dir);
		const entry = { name: loader.packageName, nodeTypes: [], credentialTypes: [], errors: [] };
		try {
			await loader.loadAll();
			entry.nodeTypes = Object.keys(loader.nodeTypes).map((n) => `${loader.packageName}.${n}`);
			entry.credentialTypes = Object.keys(loader.credentialTypes);
			entry.knownNodes = Object.keys(loader.known.nodes);
			entry.iconPaths = loader.types.nodes.map((d) => d.iconUrl || d.icon);
		} catch (error) {
			entry.errors.push(error.message);
		}
		report.loader.push(entry);
	}
	process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exitCode = 1;
});
