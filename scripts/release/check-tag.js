#!/usr/bin/env node
'use strict';
/**
 * Release step: the pushed tag (GITHUB_REF_NAME, or the first argument) must be `v` + the version
 * in package.json, so a tag never publishes a version it does not name. Exits 1 otherwise.
 */
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

function tagProblem(tag, version) {
	if (!tag) return 'no tag given (GITHUB_REF_NAME is empty)';
	if (tag !== `v${version}`) return `tag ${tag} does not match package.json version ${version} (expected v${version})`;
	return undefined;
}

if (require.main === module) {
	const { version } = require(path.join(ROOT, 'package.json'));
	const tag = process.argv[2] || process.env.GITHUB_REF_NAME || '';
	const problem = tagProblem(tag, version);
	if (problem) {
		process.stderr.write(`${problem}\n`);
		process.exit(1);
	}
	process.stdout.write(`tag ${tag} matches version ${version}\n`);
}

module.exports = { tagProblem };
