'use strict';
// The local stand-in for the three vendor APIs, as a child process on a loopback port.
const fs = require('fs');
const path = require('path');

const { freePort } = require('./net');
const { killChild, startLogged } = require('./processes');
const { ROOT, E2EError, log, rel, seconds, sleep, tail } = require('./util');

const START_TIMEOUT_MS = 30e3;

/** Starts `sandbox/cli.js`; resolves { url, child, output(), stop() } once it listens. */
async function startSandbox(port, logFile, { latencyMs = 0 } = {}) {
	const cli = path.join(ROOT, 'sandbox', 'cli.js');
	if (!fs.existsSync(cli)) throw new E2EError(`${rel(cli)} not found: the sandbox is needed for the e2e run.`);
	const proc = startLogged(process.execPath, [cli, '--port', String(port), ...(latencyMs ? ['--latency-ms', String(latencyMs)] : [])], {
		cwd: ROOT,
		env: { ...process.env, NODE_ENV: process.env.NODE_ENV || 'development' },
		logFile,
		keepBytes: 65536,
	});
	const t0 = Date.now();
	while (Date.now() - t0 < START_TIMEOUT_MS) {
		const m = /Sandbox listening on (https?:\/\/[^\s]+)/.exec(proc.output());
		if (m) return { url: m[1].replace(/\/+$/, ''), child: proc.child, output: proc.output, exited: proc.exited, stop: proc.stop };
		if (proc.exitInfo() !== undefined) throw new E2EError(`sandbox exited early (${proc.exitInfo()}):\n${tail(proc.output())}`);
		await sleep(100);
	}
	await killChild(proc.child);
	throw new E2EError(`sandbox did not print "Sandbox listening on ..." within ${seconds(START_TIMEOUT_MS)}:\n${tail(proc.output())}`);
}

/**
 * Runs `fn(sandbox)` with a fresh sandbox, stopped afterwards whatever happens. `latencyMs` delays
 * every answer, as a vendor that far away would.
 */
async function withSandbox(fn, { latencyMs = 0 } = {}) {
	const port = process.env.E2E_SANDBOX_PORT ? Number(process.env.E2E_SANDBOX_PORT) : await freePort();
	const sandbox = await startSandbox(port, undefined, { latencyMs });
	log(`sandbox listening on ${sandbox.url} (pid ${sandbox.child.pid}${latencyMs ? `, ${latencyMs} ms per answer` : ''})`);
	try {
		return await fn(sandbox);
	} finally {
		await sandbox.stop();
	}
}

module.exports = { startSandbox, withSandbox };
