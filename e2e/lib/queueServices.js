'use strict';
/*
 * What n8n's queue mode needs beside n8n, run the way a partner would run it: Redis (the job queue)
 * and PostgreSQL (n8n supports scaling mode only with PostgreSQL).
 *
 * Given addresses come first: E2E_REDIS_URL (redis://host:port) and E2E_POSTGRES_URL
 * (postgres://user:password@host:port/database), as CI's service containers provide them. Then the
 * run uses a fresh database on that server and its own Redis key prefix, so leftovers of an earlier
 * run never count. Without them both are started here from Debian's packages on free loopback
 * ports with data in a temp folder, as root or as an ordinary user (installing a missing package
 * needs root or password-less sudo).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { dbStatement } = require('./database');
const { freePort } = require('./net');
const { run, startLogged } = require('./processes');
const { E2EError, log, seconds, sleep, tail } = require('./util');

const TIMEOUTS = { apt: 10 * 60e3, start: 30e3, command: 60e3 };
const RUN_TAG = `e2e_${process.pid}_${Date.now().toString(36)}`;

async function which(binary, extraDirs = []) {
	for (const dir of [...extraDirs, ...(process.env.PATH || '').split(path.delimiter)]) {
		const candidate = path.join(dir, binary);
		if (fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** apt-get as root, or through password-less sudo for an ordinary user (as on a hosted CI runner). */
async function aptGet(args, env) {
	if (isRoot()) return run('apt-get', args, { env, timeoutMs: TIMEOUTS.apt });
	const sudo = await which('sudo');
	if (!sudo) return { code: 1, stdout: '', stderr: 'not root and no sudo: install the package or give E2E_REDIS_URL / E2E_POSTGRES_URL' };
	return run(sudo, ['-n', 'env', `DEBIAN_FRONTEND=${env.DEBIAN_FRONTEND}`, 'apt-get', ...args], { env, timeoutMs: TIMEOUTS.apt });
}

/** Installs a Debian package when its binary is missing. */
async function ensureDebianPackage(binary, pkg, extraDirs = []) {
	const found = await which(binary, extraDirs);
	if (found) return found;
	log(`installing Debian's ${pkg} (for ${binary}) ...`);
	const t0 = Date.now();
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	let r = await aptGet(['install', '-y', '--no-install-recommends', pkg], env);
	if (r.code !== 0) {
		await aptGet(['update'], env);
		r = await aptGet(['install', '-y', '--no-install-recommends', pkg], env);
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

/** A URL from the environment, or undefined when unset; a malformed one fails the run. */
function givenUrl(name, protocols) {
	const raw = process.env[name];
	if (!raw) return undefined;
	let url;
	try {
		url = new URL(raw);
	} catch {
		throw new E2EError(`${name} is not a URL`);
	}
	if (!protocols.includes(url.protocol) || !url.hostname || !url.port) throw new E2EError(`${name} must look like ${protocols[0]}//host:port...`);
	return url;
}

/** The given Redis (E2E_REDIS_URL) with a key prefix of this run, or redis-server on a free loopback port, nothing persisted. */
async function startRedis(logDir) {
	const given = givenUrl('E2E_REDIS_URL', ['redis:']);
	if (given) return { host: given.hostname, port: Number(given.port), prefix: `bull_${RUN_TAG}`, given: true, stop: async () => {} };
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
	return { host: '127.0.0.1', port, prefix: 'bull', given: false, stop: proc.stop };
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
 * The given PostgreSQL server (E2E_POSTGRES_URL) with a fresh database for this run, dropped
 * afterwards; the database named in the URL is only used to create it. `host` is the n8n install
 * whose `pg` driver runs the statements.
 */
async function useGivenPostgres(url, host) {
	const server = {
		type: 'postgres',
		host: url.hostname,
		port: Number(url.port),
		user: decodeURIComponent(url.username) || 'postgres',
		password: decodeURIComponent(url.password),
	};
	const maintenance = { ...server, database: decodeURIComponent(url.pathname.slice(1)) || 'postgres' };
	const database = `n8n_${RUN_TAG}`;
	await dbStatement(host, maintenance, `CREATE DATABASE "${database}"`);
	return {
		...server,
		database,
		given: true,
		stop: async () => {
			await dbStatement(host, maintenance, `DROP DATABASE IF EXISTS "${database}"`).catch((e) => log(`could not drop ${database}: ${e.message}`));
		},
	};
}

/**
 * A throw-away PostgreSQL cluster, trust authentication on loopback only, with one database for
 * n8n. The server refuses to run as root: as root it runs as the `postgres` system user, as an
 * ordinary user as that user.
 */
async function startOwnPostgres() {
	await ensureDebianPackage('initdb', 'postgresql', POSTGRES_DIRS());
	const bin = POSTGRES_DIRS()[0] || path.dirname(await which('initdb'));
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-pg-'));
	const asServerUser = (command, args) => (isRoot() ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args]);
	const runAsServerUser = (command, args, timeoutMs = TIMEOUTS.command) => run(...asServerUser(command, args), { timeoutMs });
	if (isRoot()) await run('chown', ['-R', 'postgres:postgres', dataDir]);
	const user = 'postgres';
	const init = await runAsServerUser('initdb', ['-D', dataDir, '--auth=trust', `--username=${user}`, '--encoding=UTF8', '--no-instructions']);
	if (init.code !== 0) {
		fs.rmSync(dataDir, { recursive: true, force: true });
		throw new E2EError(`initdb failed (exit ${init.code}):\n${tail(init.stderr || init.stdout)}`);
	}
	const port = await freePort();
	const proc = startLogged(...asServerUser('postgres', ['-D', dataDir, '-p', String(port), '-k', dataDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off']), {
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
		const created = await runAsServerUser('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, 'n8n']);
		if (created.code !== 0) throw new E2EError(`createdb failed:\n${tail(created.stderr)}`);
	} catch (e) {
		await stop();
		throw e;
	}
	return { type: 'postgres', host: '127.0.0.1', port, database: 'n8n', user, password: '', given: false, stop };
}

/** PostgreSQL for n8n: the given server (E2E_POSTGRES_URL) or one started here. */
async function startPostgres(host) {
	const given = givenUrl('E2E_POSTGRES_URL', ['postgres:', 'postgresql:']);
	return given ? await useGivenPostgres(given, host) : await startOwnPostgres();
}

module.exports = { startRedis, startPostgres };
