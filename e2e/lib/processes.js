'use strict';
// Child processes: short commands with collected output, long-lived servers with a log file, and
// one place that stops them all, whatever way the runner ends.
const { spawn } = require('child_process');
const fs = require('fs');

const { E2EError } = require('./util');

const STOP_GRACE_MS = 15e3;
const liveChildren = new Set();
/** Set when SIGINT/SIGTERM arrives; every wait loop checks it. */
const interruption = { interrupted: false, onStop: null };

/**
 * Runs a command and collects its output: { code, signal, stdout, stderr, timedOut }. Never
 * rejects for a non-zero exit; rejects only when the command cannot be started.
 */
function run(cmd, args, { cwd, env, timeoutMs } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
		liveChildren.add(child);
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = timeoutMs
			? setTimeout(() => {
					timedOut = true;
					killChild(child);
				}, timeoutMs)
			: null;
		child.on('error', (err) => {
			if (timer) clearTimeout(timer);
			liveChildren.delete(child);
			reject(new E2EError(`could not start ${cmd}: ${err.message}`));
		});
		child.on('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			liveChildren.delete(child);
			resolve({ code, signal, stdout, stderr, timedOut });
		});
	});
}

/**
 * Starts a long-lived process whose output goes to `logFile` and to a bounded buffer.
 * Returns { child, output(), exitInfo(), exited (promise), stop() }.
 */
function startLogged(cmd, args, { cwd, env, logFile, keepBytes = 2e6 }) {
	const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
	liveChildren.add(child);
	const logStream = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
	let output = '';
	let exitInfo;
	const feed = (d) => {
		if (logStream) logStream.write(d);
		output += d;
		if (output.length > keepBytes * 2) output = output.slice(-keepBytes);
	};
	child.stdout.setEncoding('utf8');
	child.stderr.setEncoding('utf8');
	child.stdout.on('data', feed);
	child.stderr.on('data', feed);
	const exited = new Promise((resolve) => {
		child.on('error', (err) => {
			feed(`could not start ${cmd}: ${err.message}\n`);
		});
		child.on('close', (code, signal) => {
			liveChildren.delete(child);
			exitInfo = code ?? signal;
			if (logStream) logStream.end();
			resolve(exitInfo);
		});
	});
	return { child, output: () => output, exitInfo: () => exitInfo, exited, stop: () => killChild(child).then(() => exited) };
}

/** SIGTERM, then SIGKILL after a grace period. Resolves when the child has exited. */
function killChild(child, signal = 'SIGTERM') {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		const hard = setTimeout(() => {
			try {
				process.kill(child.pid, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}, STOP_GRACE_MS);
		child.once('exit', () => {
			clearTimeout(hard);
			resolve();
		});
		try {
			process.kill(child.pid, signal);
		} catch {
			clearTimeout(hard);
			resolve();
		}
	});
}

// Last resort: never leave a child behind, whatever way this process ends.
process.on('exit', () => {
	for (const child of liveChildren) {
		try {
			process.kill(child.pid, 'SIGKILL');
		} catch {
			/* already gone */
		}
	}
});

/** Ctrl+C or SIGTERM: stop every child; a mode that serves (dev) installs its own `onStop`. */
function handleStopSignals(log) {
	const onSignal = (sig) => {
		if (interruption.onStop) return interruption.onStop(sig);
		log(`received ${sig}, stopping`);
		interruption.interrupted = true;
		process.exitCode = 130;
		for (const c of liveChildren) {
			try {
				process.kill(c.pid, 'SIGTERM');
			} catch {
				/* gone */
			}
		}
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
}

module.exports = { run, startLogged, killChild, handleStopSignals, interruption };
