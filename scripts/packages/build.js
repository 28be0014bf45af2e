#!/usr/bin/env node
// Makes the four publishable packages from the compiled dist/ (run `npm run build` first;
// `npm run build:packages` does both):
//
//   <out>/<name>/          the package folder, exactly what the tarball holds
//   <out>/<name>.tgz       `npm pack` of that folder
//   <out>/manifest.json    what each package holds (see docs/releasing.md)
//
// <out> is packages-dist/ unless `--out DIR` is given. A package holds the files its nodes and
// credentials reach through require() plus the icons they name and the nodes' codex files, so a
// vendor package cannot pick up another vendor's modules by accident; every package is checked
// afterwards for the other vendors' markers and the build fails if one is found.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { ROOT, COMBINED, VENDORS, vendorFolder } = require('./definitions');
const { exampleFiles, readExample, rewriteExample, ownerOf } = require('./examples');
const { listFiles } = require('./files');
const { expectedPackageReadme, vendorChangelog, packageReadmePath } = require('./texts');

const DIST = path.join(ROOT, 'dist');
const MANIFEST_VERSION = 1;

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeFile(file, content) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, content);
}

/** The root package.json, the source of the version every package carries. */
function rootPackage() {
	return readJson(path.join(ROOT, 'package.json'));
}

/** A module file that `require(spec)` from `fromFile` loads, or undefined (not a relative path). */
function resolveRelative(fromFile, spec) {
	const base = path.resolve(path.dirname(fromFile), spec);
	for (const candidate of [base, `${base}.js`, `${base}.json`, path.join(base, 'index.js')]) {
		if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
	}
	throw new Error(`${path.relative(ROOT, fromFile)} requires ${spec}, which is not in dist/`);
}

/**
 * Every file under dist/ that the entry modules need: relative require()s followed to the end,
 * `file:` icons named by a module, and the codex `<Node>.node.json` beside each node.
 * Bare requires (n8n-workflow, crypto) are left to the host. Returns paths relative to ROOT.
 */
function dependencyClosure(entries) {
	const seen = new Set();
	const queue = entries.map((e) => path.join(ROOT, e));
	while (queue.length) {
		const file = queue.shift();
		if (seen.has(file)) continue;
		if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} does not exist: run npm run build`);
		seen.add(file);
		if (!file.endsWith('.js')) continue;
		const code = fs.readFileSync(file, 'utf8');
		for (const m of code.matchAll(/require\(["']([^"']+)["']\)/g)) {
			if (m[1].startsWith('.')) queue.push(resolveRelative(file, m[1]));
		}
		for (const m of code.matchAll(/["']file:([^"']+)["']/g)) {
			queue.push(path.resolve(path.dirname(file), m[1]));
		}
		const codex = file.replace(/\.node\.js$/, '.node.json');
		if (codex !== file && fs.existsSync(codex)) queue.push(codex);
	}
	return [...seen].map((f) => path.relative(ROOT, f).split(path.sep).join('/')).sort();
}

/** Node and credential type names the package registers, read from the compiled classes. */
function typeNames(n8n) {
	const load = (file) => {
		const mod = require(path.join(ROOT, file));
		const className = path.basename(file).replace(/\.(node|credentials)\.js$/, '');
		if (typeof mod[className] !== 'function') throw new Error(`${file} does not export class ${className}`);
		return new mod[className]();
	};
	return {
		nodeNames: n8n.nodes.map((f) => load(f).description.name),
		credentialTypes: (n8n.credentials || []).map((f) => load(f).name),
	};
}

/** The package.json of each package and where its texts come from. */
function packagePlans() {
	const root = rootPackage();
	const plans = VENDORS.map((vendor) => {
		const templateFile = path.join(ROOT, vendorFolder(vendor), 'package.json');
		const pkg = readJson(templateFile);
		if (pkg.name !== vendor.packageName) {
			throw new Error(`${path.relative(ROOT, templateFile)} names ${pkg.name}, expected ${vendor.packageName}`);
		}
		if (pkg.version !== root.version) {
			throw new Error(
				`${path.relative(ROOT, templateFile)} has version ${pkg.version} but package.json has ${root.version}: run npm run version:packages`,
			);
		}
		return { vendor, pkg, readme: () => expectedPackageReadme(vendor), readmeSource: packageReadmePath(vendor) };
	});
	const combined = { ...root, files: ['dist', 'CHANGELOG.md'] };
	delete combined.scripts;
	delete combined.devDependencies;
	plans.push({
		vendor: undefined,
		pkg: combined,
		readme: () => fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'),
		readmeSource: 'README.md',
	});
	return plans;
}

/** Other vendors' markers found in the files of `dir`: [{ file, marker }]. */
function foreignMarkers(dir, vendor) {
	const markers = VENDORS.filter((v) => v !== vendor).flatMap((v) => v.markers);
	const hits = [];
	for (const file of listFiles(dir)) {
		const text = `${file}\n${fs.readFileSync(path.join(dir, file), 'latin1')}`.toLowerCase();
		for (const marker of markers) if (text.includes(marker)) hits.push({ file, marker });
	}
	return hits;
}

/** Runs `npm pack` in a package folder; returns npm's report of the tarball. */
function npmPack(packageDir, destination) {
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: packageDir,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, npm_config_ignore_scripts: 'true', npm_config_loglevel: 'error' },
	});
	return JSON.parse(out)[0];
}

/** Builds the four packages into `outDir`; returns the manifest it wrote. */
function buildPackages(outDir = path.join(ROOT, 'packages-dist')) {
	if (!fs.existsSync(path.join(DIST, 'nodes'))) throw new Error('dist/ is missing: run npm run build first');
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.mkdirSync(outDir, { recursive: true });
	const root = rootPackage();
	const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
	const license = fs.readFileSync(path.join(ROOT, 'LICENSE.md'), 'utf8');
	const plans = packagePlans();

	for (const plan of plans) Object.assign(plan, typeNames(plan.pkg.n8n));
	const vendorPlans = plans.filter((p) => p.vendor).map((p) => ({ name: p.pkg.name, nodeNames: p.nodeNames }));

	const packages = [];
	for (const plan of plans) {
		const { pkg, vendor } = plan;
		const dir = path.join(outDir, pkg.name);
		const entries = [...pkg.n8n.nodes, ...(pkg.n8n.credentials || [])];
		for (const file of dependencyClosure(entries)) {
			let content = fs.readFileSync(path.join(ROOT, file));
			if (file.endsWith('.js')) {
				// The source maps are not shipped, so neither is the comment pointing at them.
				content = content.toString('utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
			} else if (vendor && file.endsWith('.node.json')) {
				const codex = JSON.parse(content.toString('utf8'));
				codex.node = codex.node.replace(`${COMBINED}.`, `${pkg.name}.`);
				content = `${JSON.stringify(codex, null, '\t')}\n`;
			}
			writeFile(path.join(dir, file), content);
		}
		writeFile(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
		writeFile(path.join(dir, 'README.md'), plan.readme());
		writeFile(path.join(dir, 'LICENSE.md'), license);
		writeFile(path.join(dir, 'CHANGELOG.md'), vendor ? vendorChangelog(changelog, vendor.changelogHeading) : changelog);

		// Examples: a vendor package ships its own, rewritten to its type prefix, inside the package;
		// the combined package's are written beside the tarball only (the e2e reads them there).
		const examples = [];
		const examplesDir = vendor ? path.join(dir, 'examples') : path.join(outDir, 'combined-examples');
		for (const file of exampleFiles()) {
			const workflow = readExample(file);
			if (vendor && ownerOf(workflow, vendorPlans) !== pkg.name) continue;
			writeFile(path.join(examplesDir, file), `${JSON.stringify(rewriteExample(workflow, pkg.name, plan.nodeNames), null, '\t')}\n`);
			examples.push({
				file,
				source: `examples/${file}`,
				path: path.relative(outDir, path.join(examplesDir, file)).split(path.sep).join('/'),
			});
		}

		const hits = vendor ? foreignMarkers(dir, vendor) : [];
		if (hits.length) {
			throw new Error(`${pkg.name} contains other vendors' markers: ${hits.map((h) => `${h.file} (${h.marker})`).join(', ')}`);
		}

		const packed = npmPack(dir, outDir);
		const tarball = `${pkg.name}.tgz`;
		fs.renameSync(path.join(outDir, packed.filename), path.join(outDir, tarball));
		packages.push({
			name: pkg.name,
			version: pkg.version,
			combined: !vendor,
			tarball,
			directory: pkg.name,
			size: packed.size,
			unpackedSize: packed.unpackedSize,
			fileCount: packed.entryCount,
			nodeNames: plan.nodeNames,
			nodeTypes: plan.nodeNames.map((n) => `${pkg.name}.${n}`),
			credentialTypes: plan.credentialTypes,
			n8n: { nodes: pkg.n8n.nodes, credentials: pkg.n8n.credentials || [] },
			readmeSource: plan.readmeSource,
			examples,
		});
	}

	const manifest = {
		manifestVersion: MANIFEST_VERSION,
		version: root.version,
		rewriteModule: 'scripts/packages/examples.js',
		packages,
	};
	writeFile(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	return manifest;
}

/** Writes the root version into every packages/<name>/package.json (`npm run version:packages`). */
function syncVersions() {
	const { version } = rootPackage();
	for (const vendor of VENDORS) {
		const file = path.join(ROOT, vendorFolder(vendor), 'package.json');
		const pkg = readJson(file);
		if (pkg.version === version) continue;
		pkg.version = version;
		writeFile(file, `${JSON.stringify(pkg, null, 2)}\n`);
		process.stdout.write(`${path.relative(ROOT, file)}: ${version}\n`);
	}
}

if (require.main === module) {
	const args = process.argv.slice(2);
	if (args.includes('--sync-version')) {
		syncVersions();
	} else {
		const outIndex = args.indexOf('--out');
		const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : undefined;
		const manifest = buildPackages(outDir);
		for (const p of manifest.packages) {
			process.stdout.write(
				`${p.tarball.padEnd(44)} ${String(p.size).padStart(7)} B packed, ${String(p.unpackedSize).padStart(7)} B unpacked, ${String(p.fileCount).padStart(3)} files, ${p.examples.length} examples\n`,
			);
		}
	}
}

module.exports = { buildPackages, dependencyClosure, foreignMarkers, listFiles, syncVersions };
