'use strict';
// Paths, logging and small helpers every part of the e2e runner uses.
const path = require('path');

const E2E_DIR = path.resolve(__dirname, '..');
const ROOT = path.resolve(E2E_DIR, '..');
const STATE_DIR = path.join(ROOT, '.e2e'); // git-ignored
const EXAMPLES_DIR = path.join(ROOT, 'examples');

class E2EError extends Error {}

function log(msg) {
	process.stdout.write(`[e2e] ${msg}\n`);
}

/** A path as the user reads it: relative to the repository when inside it. */
function rel(p) {
	const r = path.relative(ROOT, p);
	return r && !r.startsWith('..') ? r : p;
}

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

function tail(text, lines = 25) {
	const all = String(text || '').trimEnd().split('\n');
	return all.slice(-lines).join('\n');
}

/** One line, whatever the message looks like (assert diffs, stack-ish text). */
function oneLine(text, max = 800) {
	const s = String(text)
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean)
		.join(' | ');
	return s.length > max ? `${s.slice(0, max)} ...` : s;
}

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

module.exports = { E2E_DIR, ROOT, STATE_DIR, EXAMPLES_DIR, E2EError, log, rel, seconds, tail, oneLine, sleep };
