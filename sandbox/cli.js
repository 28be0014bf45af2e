#!/usr/bin/env node
'use strict';
/**
 * Runs the sandbox until SIGINT/SIGTERM: `node sandbox/cli.js [--port N]`.
 * Port: --port, else $SANDBOX_PORT, else 8787. Prints exactly one line when listening.
 */
const { startSandbox } = require('./server');

function portFromArgs(argv) {
	const i = argv.indexOf('--port');
	const inline = argv.find((a) => a.startsWith('--port='));
	const raw = inline ? inline.slice('--port='.length) : i >= 0 ? argv[i + 1] : process.env.SANDBOX_PORT || '8787';
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		process.stderr.write(`invalid port: ${raw}\n`);
		process.exit(2);
	}
	return port;
}

async function main() {
	const sandbox = await startSandbox({ port: portFromArgs(process.argv.slice(2)) });
	process.stdout.write(`Sandbox listening on ${sandbox.url}\n`);
	const stop = () => {
		sandbox.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error) => {
	process.stderr.write(`sandbox failed to start: ${error.message}\n`);
	process.exit(1);
});
