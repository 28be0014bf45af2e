// Reads files of the repository for tests (plain JS: the node lint rules forbid fs in TypeScript).
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

/** The parsed JSON file at a path relative to the repository root. */
function readRepoJson(relativePath) {
	return JSON.parse(fs.readFileSync(path.join(ROOT, relativePath), 'utf8'));
}

module.exports = { ROOT, readRepoJson };

/** Every example workflow: [{ file, workflow }], in file-name order. */
function readExamples() {
	const dir = path.join(ROOT, 'examples');
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }));
}

module.exports.readExamples = readExamples;

/** The text of a file, and the names in a folder, relative to the repository root. */
module.exports.readRepoText = (relativePath) => fs.readFileSync(path.join(ROOT, relativePath), 'utf8');
module.exports.listRepoDir = (relativePath) => fs.readdirSync(path.join(ROOT, relativePath));
