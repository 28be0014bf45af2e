#!/usr/bin/env node
'use strict';
/**
 * Runs the sandbox until SIGINT/SIGTERM: `node sandbox/cli.js [--port N] [--latency-ms N]`.
 * Port: --port, else $SANDBOX_PORT, else 8787. Latency per request (every provider): --latency-ms,
 * else $SANDBOX_LATENCY_MS, else 0. Prints exactly one line when listening.
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

function latencyFromArgs(argv) {
	const i = argv.indexOf('--latency-ms');
	const inline = argv.find((a) => a.startsWith('--latency-ms='));
	const raw = inline ? inline.slice('--latency-ms='.length) : i >= 0 ? argv[i + 1] : process.env.SANDBOX_LATENCY_MS || '0';
	const latencyMs = Number(raw);
	if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 600000) {
		process.stderr.write(`invalid latency: ${raw}\n`);
		process.exit(2);
	}
	return latencyMs;
}

async function main() {
	const argv = process.argv.slice(2);
	const sandbox = await startSandbox({ port: portFromArgs(argv), latency: { latencyMs: latencyFromArgs(argv) } });
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
