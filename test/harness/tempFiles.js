// Throw-away folders and files for tests (plain JS: the node lint rules forbid fs in TypeScript).
const fs = require('fs');
const os = require('os');
const path = require('path');

/** A new empty folder under the OS temp dir (under `parent` when given). */
function tempFolder(prefix, parent = os.tmpdir()) {
	return fs.mkdtempSync(path.join(parent, `${prefix}-`));
}

function writeText(dir, name, text) {
	fs.writeFileSync(path.join(dir, name), text);
}

function removeFolder(dir) {
	fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = { tempFolder, writeText, removeFolder };
