'use strict';
/*
 * What n8n's queue mode needs beside n8n, run the way a partner would run it: Redis (the job queue)
 * and PostgreSQL (n8n supports scaling mode only with PostgreSQL). Both come from Debian's packages,
 * installed here when missing, and run on free loopback ports with data in a temp folder.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { freePort } = require('./net');
const { run, startLogged } = require('./processes');
const { E2EError, log, seconds, sleep, tail } = require('./util');

const TIMEOUTS = { apt: 10 * 60e3, start: 30e3, command: 60e3 };

async function which(binary, extraDirs = []) {
	for (const dir of [...extraDirs, ...(process.env.PATH || '').split(path.delimiter)]) {
		const candidate = path.join(dir, binary);
		if (fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** Installs a Debian package when its binary is missing (CI runs as root on a Debian machine). */
async function ensureDebianPackage(binary, pkg, extraDirs = []) {
	const found = await which(binary, extraDirs);
	if (found) return found;
	log(`installing Debian's ${pkg} (for ${binary}) ...`);
	const t0 = Date.now();
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	let r = await run('apt-get', ['install', '-y', '--no-install-recommends', pkg], { env, timeoutMs: TIMEOUTS.apt });
	if (r.code !== 0) {
		await run('apt-get', ['update'], { env, timeoutMs: TIMEOUTS.apt });
		r = await run('apt-get', ['install', '-y', '--no-install-recommends', pkg], { env, timeoutMs: TIMEOUTS.apt });
	}
	const installed = await which(binary, extraDirs);
	if (r.code !== 0 || !installed) throw new E2EError(`could not install ${pkg} with apt-get (exit ${r.code}):\n${tail(r.stderr || r.stdout)}`);
	log(`installed ${pkg} in ${seconds(Date.now() - t0)}`);
	return installed;
}

async function waitFor(check, what, proc) {
	const t0 = Date.now();
	while (Date.now() - t0 < TIMEOUTS.start) {
		if (await check()) return;
		if (proc.exitInfo() !== undefined) throw new E2EError(`${what} exited (${proc.exitInfo()}):\n${tail(proc.output())}`);
		await sleep(250);
	}
	throw new E2EError(`${what} did not start within ${seconds(TIMEOUTS.start)}:\n${tail(proc.output())}`);
}

/** redis-server on a free loopback port, nothing persisted. */
async function startRedis(logDir) {
	const binary = await ensureDebianPackage('redis-server', 'redis-server');
	const cli = await which('redis-cli');
	const port = await freePort();
	const proc = startLogged(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
		cwd: logDir,
		env: process.env,
		logFile: path.join(logDir, 'redis.log'),
	});
	try {
		await waitFor(async () => (await run(cli, ['-p', String(port), 'ping'], { timeoutMs: 5e3 })).stdout.trim() === 'PONG', 'redis-server', proc);
	} catch (e) {
		await proc.stop();
		throw e;
	}
	return { port, stop: proc.stop };
}

const POSTGRES_DIRS = () => {
	const base = '/usr/lib/postgresql';
	if (!fs.existsSync(base)) return [];
	return fs
		.readdirSync(base)
		.sort((a, b) => Number(b) - Number(a))
		.map((v) => path.join(base, v, 'bin'));
};

/**
 * A throw-away PostgreSQL cluster owned by the `postgres` system user (the server refuses to run
 * as root), trust authentication on loopback only, with one database for n8n.
 */
async function startPostgres() {
	await ensureDebianPackage('initdb', 'postgresql', POSTGRES_DIRS());
	const bin = POSTGRES_DIRS()[0] || path.dirname(await which('initdb'));
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-pg-'));
	const asPostgres = (command, args, timeoutMs = TIMEOUTS.command) => run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args], { timeoutMs });
	await run('chown', ['-R', 'postgres:postgres', dataDir]);
	const init = await asPostgres('initdb', ['-D', dataDir, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--no-instructions']);
	if (init.code !== 0) {
		fs.rmSync(dataDir, { recursive: true, force: true });
		throw new E2EError(`initdb failed (exit ${init.code}):\n${tail(init.stderr || init.stdout)}`);
	}
	const port = await freePort();
	const proc = startLogged('runuser', ['-u', 'postgres', '--', path.join(bin, 'postgres'), '-D', dataDir, '-p', String(port), '-k', dataDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'], {
		cwd: dataDir,
		env: process.env,
	});
	const stop = async () => {
		await proc.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		const ready = async () => (await run(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], { timeoutMs: 5e3 })).code === 0;
		await waitFor(ready, 'postgres', proc);
		const created = await asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), 'n8n']);
		if (created.code !== 0) throw new E2EError(`createdb failed:\n${tail(created.stderr)}`);
	} catch (e) {
		await stop();
		throw e;
	}
	return { port, database: 'n8n', user: 'postgres', stop };
}

module.exports = { startRedis, startPostgres };
