#!/usr/bin/env node
// Runs `n8n-node lint` (the verification lint, strict mode, cloud rules) on one package's own
// sources: a folder holding only that package's package.json and the sources of the files it
// ships (see sourceView.js). Package-level rules then judge the package alone: every node file
// registered in its n8n block, nodes using only credentials the package defines, and so on.
//
// Usage: node scripts/packages/lint-sources.js <unpacked package folder>...
// Exits non-zero when the lint reports anything (errors or warnings) for any package.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { ROOT } = require('./definitions');
const { sourceView } = require('./sourceView');

const CLI = path.join(ROOT, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');

/** Lints one unpacked package's sources; returns { name, status, output }. */
function lintPackageSources(packageDir) {
	const { name } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const dir = sourceView(packageDir, { lint: true });
	try {
		// A clean environment: eslint-plugin-n8n-nodes-base reads file names differently when
		// NODE_ENV is "test" (as under jest), which would misjudge every file name.
		const env = { ...process.env, NO_COLOR: '1' };
		for (const key of ['NODE_ENV', 'FORCE_COLOR', 'JEST_WORKER_ID']) delete env[key];
		const r = spawnSync(process.execPath, [CLI, 'lint'], { cwd: dir, encoding: 'utf8', env });
		const output = `${r.stdout}${r.stderr}`;
		// n8n-node prints problems as "✖ N problems (E errors, W warnings)"; clean output has none.
		const clean = r.status === 0 && !/problems? \(/.test(output);
		return { name, status: r.status, clean, output };
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

if (require.main === module) {
	let failed = false;
	for (const arg of process.argv.slice(2)) {
		const result = lintPackageSources(path.resolve(arg));
		process.stdout.write(`${result.name}: ${result.clean ? 'clean' : 'problems'}\n`);
		if (!result.clean) {
			process.stdout.write(result.output);
			failed = true;
		}
	}
	if (failed) process.exitCode = 1;
}

module.exports = { lintPackageSources };
