#!/usr/bin/env node
'use strict';
/*
 * Real-n8n end-to-end runner (see e2e/README.md).
 *
 *   node e2e/run.js test   every example in the current n8n 2.x, then the oldest supported n8n
 *   node e2e/run.js dev    the sandbox and a real n8n 2.x editor with this package loaded
 *
 * Run it after `npm run build`; every path is derived from this file's location. Only Node.js
 * built-ins are used, plus sqlite3 and flatted from the n8n install to read n8n's database.
 */
const { modeDev } = require('./modes/dev');
const { modeTest } = require('./modes/test');
const { handleStopSignals } = require('./lib/processes');
const { E2EError, log } = require('./lib/util');

async function main() {
	const mode = process.argv[2];
	const modes = { test: modeTest, dev: modeDev };
	if (!modes[mode]) {
		console.error('usage: node e2e/run.js dev|test');
		return 2;
	}
	handleStopSignals(log);
	return await modes[mode]();
}

main().then(
	(code) => {
		process.exitCode = process.exitCode || code;
	},
	(e) => {
		console.error(`[e2e] ${e instanceof E2EError ? 'error' : 'unexpected error'}: ${e instanceof E2EError ? e.message : e.stack}`);
		process.exitCode = process.exitCode || 1;
	},
);
