// A throw-away folder laid out like the repository but holding only one package's sources: its
// package.json and, for every file the package ships under dist/, the file it was built from
// (dist/X.js from X.ts; codex .json and icons as they are). This is what n8n's scanner lints in
// the source leg and what `n8n-node lint` sees when a vendor package is linted on its own.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT } = require('./definitions');
const { listFiles } = require('./files');

/**
 * Creates the folder for the unpacked package at `packageDir` and returns its path. With
 * `{ lint: true }` it also gets the repository's eslint.config.mjs and tsconfig.json and a
 * node_modules link to the repository's, so `n8n-node lint` runs there unchanged.
 */
function sourceView(packageDir, { lint = false } = {}) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'package-sources-'));
	fs.copyFileSync(path.join(packageDir, 'package.json'), path.join(dir, 'package.json'));
	for (const file of listFiles(path.join(packageDir, 'dist'))) {
		const source = file.endsWith('.js') ? file.replace(/\.js$/, '.ts') : file;
		const from = path.join(ROOT, source);
		if (!fs.existsSync(from)) throw new Error(`no source for dist/${file} (looked for ${source})`);
		fs.mkdirSync(path.dirname(path.join(dir, source)), { recursive: true });
		fs.copyFileSync(from, path.join(dir, source));
	}
	if (lint) {
		for (const file of ['eslint.config.mjs', 'tsconfig.json']) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
		fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	}
	return dir;
}

module.exports = { sourceView };
