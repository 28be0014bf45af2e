// Small file-system helpers shared by the package scripts and the tests.
const fs = require('fs');
const path = require('path');

/** Every regular file below `dir`, relative to it, with forward slashes, sorted. */
function listFiles(dir) {
	const out = [];
	const walk = (d) => {
		for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
			const full = path.join(d, entry.name);
			if (entry.isDirectory()) walk(full);
			else out.push(path.relative(dir, full).split(path.sep).join('/'));
		}
	};
	walk(dir);
	return out.sort();
}

module.exports = { listFiles };
