// A stand-in for a local checkout of a vendor SDK release (a git repository with a release tag),
// and a copy of the vendor-models folder to refresh, for the refresh script's test. Plain JS: the
// node lint rules forbid fs and child processes in TypeScript.
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const { ROOT } = require('./repoFiles');
const { MODELS_DIR } = require('./vendorModels');
const { tempFolder } = require('./tempFiles');

/** A git repository in `dir` holding `files` ({ relative path: text }), committed and tagged `tag`; returns its commit. */
function makeCheckout(dir, files, tag) {
	for (const [name, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		fs.writeFileSync(path.join(dir, name), text);
	}
	const git = (...args) => execFileSync('git', ['-C', dir, '-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { encoding: 'utf8' }).trim();
	git('init', '-q');
	git('add', '.');
	git('commit', '-q', '-m', 'release');
	git('tag', tag);
	return git('rev-parse', 'HEAD');
}

/** A copy of test/fixtures/vendor-models in a temp folder. */
function copyOfModels(parent) {
	const out = tempFolder('models', parent);
	for (const name of fs.readdirSync(MODELS_DIR)) fs.copyFileSync(path.join(MODELS_DIR, name), path.join(out, name));
	return out;
}

function runRefresh(args) {
	const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'vendor-models', 'refresh.js'), ...args], { encoding: 'utf8' });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const readText = (dir, name) => fs.readFileSync(path.join(dir, name), 'utf8');
const modelFiles = () => fs.readdirSync(MODELS_DIR).sort();

module.exports = { makeCheckout, copyOfModels, runRefresh, readText, modelFiles };
