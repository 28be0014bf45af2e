#!/usr/bin/env node
'use strict';

/*
 * Real-n8n end-to-end runner.
 *
 *   node e2e/run.js dev    start the sandbox and a real n8n editor with this package loaded
 *   node e2e/run.js test   execute every examples/*.json inside a real n8n and check the results
 *                          (examples that start at a polling trigger: activated in `n8n start`)
 *
 * Run it from anywhere after `npm run build`; every path is derived from this file's location.
 * Only Node.js built-ins are used, plus sqlite3 and flatted from the n8n install (.e2e/n8n-host) to
 * read the executions of polling-trigger examples. See e2e/README.md.
 */

const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const E2E_DIR = __dirname;
const ROOT = path.resolve(E2E_DIR, '..');
const STATE_DIR = path.join(ROOT, '.e2e'); // git-ignored
const HOST_SRC = path.join(E2E_DIR, 'n8n-host');
const HOST_DIR = path.join(STATE_DIR, 'n8n-host');
const HOST_FILES = ['package.json', 'package-lock.json', '.npmrc'];
const STAMP_FILE = path.join(HOST_DIR, '.e2e-install-stamp.json');
const SQLITE_BINDING = path.join(HOST_DIR, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
const N8N_BIN = path.join(HOST_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
const DEV_USER_FOLDER = path.join(STATE_DIR, 'user');
const EXAMPLES_DIR = path.join(ROOT, 'examples');

const TIMEOUTS = {
	npmCi: 20 * 60e3,
	sqliteRebuild: 15 * 60e3,
	pack: 2 * 60e3,
	tar: 60e3,
	sandboxStart: 30e3,
	n8nImport: 120e3,
	n8nHealth: 90e3,
	n8nExecute: 120e3,
	stop: 15e3,
	// Polling-trigger examples (one `n8n start` for all of them).
	triggerActivation: 60e3, // after /healthz: every trigger workflow activated (includes its baseline poll)
	triggerHook: 30e3, // each beforeActivation / afterActivation hook
	triggerExecution: 150e3, // from the afterActivation hook until a finished execution is stored
	followingPoll: 75e3, // from the execution until the trigger's next poll starts (polls are 60 s apart)
	followingPollGrace: 5e3, // after that poll started: time it gets to start an execution
};

const isWin = process.platform === 'win32';
const NPM = isWin ? 'npm.cmd' : 'npm';

class E2EError extends Error {}

function log(msg) {
	process.stdout.write(`[e2e] ${msg}\n`);
}

function rel(p) {
	const r = path.relative(process.cwd(), p);
	return r.startsWith('..') ? p : r || '.';
}

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

/* ------------------------------------------------------------------ processes */

const liveChildren = new Set();
let interrupted = false;
let onStopSignal = null; // set by `dev` once n8n is serving

/**
 * Spawns a command and collects its output. Resolves with { code, signal, stdout, stderr, timedOut }.
 * Never rejects for a non-zero exit; rejects only when the command cannot be started.
 */
function run(cmd, args, { cwd, env, timeoutMs } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, {
			cwd,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
			shell: isWin && cmd.endsWith('.cmd'),
			windowsHide: true,
		});
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

/** Turns a stream of text chunks into whole lines; a partial last line waits for the next chunk. */
function lineSplitter(onLine) {
	let pending = '';
	return (chunk) => {
		pending += chunk;
		let i;
		while ((i = pending.indexOf('\n')) >= 0) {
			onLine(pending.slice(0, i));
			pending = pending.slice(i + 1);
		}
	};
}

/** SIGTERM, then SIGKILL after TIMEOUTS.stop. Resolves when the child has exited. */
function killChild(child, signal = 'SIGTERM') {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		const hard = setTimeout(() => {
			try {
				process.kill(child.pid, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}, TIMEOUTS.stop);
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

function tail(text, lines = 25) {
	return text.split('\n').filter(Boolean).slice(-lines).join('\n');
}

/* ------------------------------------------------------------------ environment */

/** npm child env: the caller's env, minus what `npm run` injects for the repo root's own project. */
function npmEnv(extra = {}) {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/^npm_(package_|lifecycle_|config_local_prefix$|config_ignore_scripts$)/i.test(k)) continue;
		env[k] = v;
	}
	return { ...env, ...extra };
}

// Inherited variables n8n would read: dropped so that the user's own n8n settings never leak in.
const N8N_ENV_DROP = /^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|GENERIC_TIMEZONE$|NODES_(INCLUDE|EXCLUDE)$|CREDENTIALS_|EXTERNAL_|VUE_APP_|E2E_TESTS$|N8N$)/;

function n8nEnv({ userFolder, port }) {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (N8N_ENV_DROP.test(k) || /^npm_/i.test(k)) continue;
		env[k] = v;
	}
	const noProxy = ['127.0.0.1', 'localhost', '::1', env.NO_PROXY || env.no_proxy || '']
		.filter(Boolean)
		.join(',');
	return {
		...env,
		NO_PROXY: noProxy,
		no_proxy: noProxy,
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_PORT: String(port),
		// 1.123 defaults to the isolated-vm engine, whose native build can't run here (ignore-scripts).
		N8N_EXPRESSION_ENGINE: 'legacy',
		// Offline and quiet.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false', // no fetch of the vetted-nodes list from n8n's API
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true', // loads <userFolder>/.n8n/nodes/node_modules/*
		N8N_RUNNERS_ENABLED: 'false', // no task-runner subprocess / broker port (no Code nodes needed)
		N8N_SECURE_COOKIE: 'false', // plain http on 127.0.0.1
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true', // the future default; community nodes must not read env anyway
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true', // silences a deprecation notice
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		N8N_METRICS: 'false',
		N8N_PUBLIC_API_DISABLED: 'true',
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2', // WAL mode: a CLI import can run while `n8n start` is up
		EXECUTIONS_DATA_PRUNE: 'true',
		GENERIC_TIMEZONE: 'UTC',
		// `execute --rawOutput` prints the run through the logger at level info: never raise this.
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
	};
}

/* ------------------------------------------------------------------ step 1: n8n install */

function hostHash() {
	const h = crypto.createHash('sha256');
	for (const f of HOST_FILES) {
		const p = path.join(HOST_SRC, f);
		if (!fs.existsSync(p)) throw new E2EError(`missing ${rel(p)}`);
		h.update(f).update('\0').update(fs.readFileSync(p)).update('\0');
	}
	h.update(`${process.platform}-${process.arch}`);
	return h.digest('hex');
}

function readStamp() {
	try {
		return JSON.parse(fs.readFileSync(STAMP_FILE, 'utf8'));
	} catch {
		return null;
	}
}

async function prepareN8n() {
	const hash = hostHash();
	const stamp = readStamp();
	if (stamp && stamp.hash === hash && fs.existsSync(SQLITE_BINDING) && fs.existsSync(N8N_BIN)) {
		log(`n8n ${stamp.n8nVersion} already installed in ${rel(HOST_DIR)}`);
		return;
	}
	fs.mkdirSync(HOST_DIR, { recursive: true });
	fs.rmSync(STAMP_FILE, { force: true });
	for (const f of HOST_FILES) fs.copyFileSync(path.join(HOST_SRC, f), path.join(HOST_DIR, f));

	const logFile = path.join(STATE_DIR, 'n8n-install.log');
	fs.writeFileSync(logFile, '');
	const step = async (title, hint, args, timeoutMs, extraEnv) => {
		log(`${title} (${hint}) ...`);
		const t0 = Date.now();
		const r = await run(NPM, args, { cwd: HOST_DIR, env: npmEnv(extraEnv), timeoutMs });
		fs.appendFileSync(logFile, `$ npm ${args.join(' ')}\n${r.stdout}\n${r.stderr}\n`);
		if (r.code !== 0) {
			const why = r.timedOut ? `timed out after ${seconds(timeoutMs)}` : `exit code ${r.code ?? r.signal}`;
			throw new E2EError(
				`\`npm ${args.join(' ')}\` in ${rel(HOST_DIR)} failed (${why}).\n${tail(r.stderr || r.stdout)}\nFull log: ${rel(logFile)}`,
			);
		}
		log(`${title}: done in ${seconds(Date.now() - t0)}`);
	};

	await step(
		`npm ci --ignore-scripts in ${rel(HOST_DIR)}`,
		'installs n8n, 1.5-3 min',
		['ci', '--ignore-scripts', '--no-audit', '--no-fund'],
		TIMEOUTS.npmCi,
	);
	// The project .npmrc says ignore-scripts=true, which turns `npm rebuild` into a no-op: override it.
	// Prebuilt sqlite3 binaries come from GitHub (unreachable), so build from source straight away.
	await step(
		'npm rebuild sqlite3',
		'compiles the native SQLite binding from source, ~75 s',
		['rebuild', 'sqlite3', '--ignore-scripts=false', '--build-from-source'],
		TIMEOUTS.sqliteRebuild,
		{ npm_config_build_from_source: 'true', JOBS: String(Math.max(1, os.cpus().length)) },
	);
	if (!fs.existsSync(SQLITE_BINDING)) {
		throw new E2EError(`sqlite3 rebuild reported success but ${rel(SQLITE_BINDING)} is missing. See ${rel(logFile)}`);
	}
	const n8nVersion = JSON.parse(
		fs.readFileSync(path.join(HOST_DIR, 'node_modules', 'n8n', 'package.json'), 'utf8'),
	).version;
	fs.writeFileSync(
		STAMP_FILE,
		JSON.stringify({ hash, n8nVersion, node: process.version, installedAt: new Date().toISOString() }, null, 2),
	);
	log(`n8n ${n8nVersion} ready`);
}

/* ------------------------------------------------------------------ step 2: pack + unpack */

function readRootPackage() {
	return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
}

/** Fails fast (before any long install) when the build output is missing. */
function checkDist() {
	const pkg = readRootPackage();
	const distDir = path.join(ROOT, 'dist');
	if (!fs.existsSync(distDir)) {
		throw new E2EError(`${rel(distDir)} does not exist: run \`npm run build\` first (npm run dev / npm run test:e2e do).`);
	}
	const declared = [...((pkg.n8n && pkg.n8n.nodes) || []), ...((pkg.n8n && pkg.n8n.credentials) || [])];
	const missing = declared.filter((p) => !fs.existsSync(path.join(ROOT, p)));
	if (missing.length) {
		throw new E2EError(
			`package.json "n8n" lists files that the build did not produce:\n  ${missing.join('\n  ')}\nRun \`npm run build\` and check tsconfig includes them.`,
		);
	}
	if (pkg.dependencies && Object.keys(pkg.dependencies).length) {
		log(`warning: package has runtime dependencies (${Object.keys(pkg.dependencies).join(', ')}); they are NOT installed here`);
	}
	return pkg;
}

async function installPackage(userFolder, tmpDir) {
	const pkg = checkDist();

	const packDir = path.join(tmpDir, 'pack');
	fs.mkdirSync(packDir, { recursive: true });
	const r = await run(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], {
		cwd: ROOT,
		env: npmEnv(),
		timeoutMs: TIMEOUTS.pack,
	});
	if (r.code !== 0) throw new E2EError(`npm pack failed (exit ${r.code}):\n${tail(r.stderr || r.stdout)}`);
	let tarball;
	try {
		const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
		tarball = path.join(packDir, info[0].filename);
	} catch {
		tarball = fs.readdirSync(packDir).filter((f) => f.endsWith('.tgz')).map((f) => path.join(packDir, f))[0];
	}
	if (!tarball || !fs.existsSync(tarball)) throw new E2EError(`npm pack produced no tarball in ${packDir}`);

	const dest = path.join(userFolder, '.n8n', 'nodes', 'node_modules', ...pkg.name.split('/'));
	fs.rmSync(dest, { recursive: true, force: true });
	fs.mkdirSync(dest, { recursive: true });
	const t = await run('tar', ['-xzf', tarball, '-C', dest, '--strip-components=1'], { timeoutMs: TIMEOUTS.tar });
	if (t.code !== 0) throw new E2EError(`tar failed to unpack ${tarball}:\n${tail(t.stderr)}`);
	fs.rmSync(tarball, { force: true });
	const files = countFiles(dest);
	log(`packed ${pkg.name}@${pkg.version} (${files} files) into ${rel(dest)}`);
	return pkg;
}

function countFiles(dir) {
	let n = 0;
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
	}
	return n;
}

/* ------------------------------------------------------------------ step 3: sandbox */

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

function startSandbox(port, logFile) {
	const cli = path.join(ROOT, 'sandbox', 'cli.js');
	if (!fs.existsSync(cli)) throw new E2EError(`${rel(cli)} not found: the sandbox is needed for the e2e run.`);
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cli, '--port', String(port)], {
			cwd: ROOT,
			env: { ...process.env, NODE_ENV: process.env.NODE_ENV || 'development' },
			stdio: ['ignore', 'pipe', 'pipe'],
			windowsHide: true,
		});
		liveChildren.add(child);
		let output = ''; // last 64 KB, for error messages
		const logStream = logFile ? fs.createWriteStream(logFile, { flags: 'w' }) : null;
		const keep = (d) => {
			output = (output + d).slice(-65536);
			if (logStream) logStream.write(d);
		};
		child.on('exit', () => logStream && logStream.end());
		let settled = false;
		const finish = (err, url) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			if (err) {
				killChild(child).then(() => reject(err));
			} else {
				resolve({ child, url, output: () => output });
			}
		};
		const timer = setTimeout(
			() => finish(new E2EError(`sandbox did not print "Sandbox listening on ..." within ${seconds(TIMEOUTS.sandboxStart)}:\n${tail(output)}`)),
			TIMEOUTS.sandboxStart,
		);
		const onData = (d) => {
			keep(d);
			if (settled) return;
			const m = /Sandbox listening on (https?:\/\/[^\s]+)/.exec(output);
			if (m) finish(null, m[1].replace(/\/+$/, ''));
		};
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stdout.on('data', onData);
		child.stderr.on('data', keep);
		child.on('error', (err) => finish(new E2EError(`could not start the sandbox: ${err.message}`)));
		child.on('exit', (code, signal) => {
			liveChildren.delete(child);
			finish(new E2EError(`sandbox exited early (${code ?? signal}):\n${tail(output)}`));
		});
	});
}

/* ------------------------------------------------------------------ step 4: credentials + workflows */

function loadCredentials(sandboxUrl) {
	const mod = require(path.join(E2E_DIR, 'credentials.js'));
	const fn = typeof mod === 'function' ? mod : mod.credentials;
	if (typeof fn !== 'function') throw new E2EError('e2e/credentials.js must export function credentials(sandboxUrl)');
	const list = fn(sandboxUrl);
	if (!Array.isArray(list)) throw new E2EError('credentials(sandboxUrl) must return an array');
	const seen = new Set();
	for (const c of list) {
		for (const k of ['id', 'name', 'type']) {
			if (typeof c[k] !== 'string' || !c[k]) throw new E2EError(`a credential in e2e/credentials.js lacks a string "${k}"`);
		}
		if (!c.data || typeof c.data !== 'object') throw new E2EError(`credential ${c.id} needs a plain "data" object`);
		if (seen.has(c.id)) throw new E2EError(`duplicate credential id ${c.id}`);
		seen.add(c.id);
	}
	return list;
}

const SECRET_FIELD = /(secret|password|passwd|token|apikey|api_key|privatekey|private_key|^sk$|^ak$|key$)/i;

/** Values of secret-looking credential fields (>= 6 chars): masked in anything this script prints. */
function secretsOf(creds) {
	const out = new Set();
	const walk = (obj) => {
		for (const [k, v] of Object.entries(obj || {})) {
			if (typeof v === 'string' && v.length >= 6 && SECRET_FIELD.test(k)) out.add(v);
			else if (v && typeof v === 'object') walk(v);
		}
	};
	creds.forEach((c) => walk(c.data));
	return [...out];
}

function makeRedactor(secrets) {
	return (text) => secrets.reduce((t, s) => t.split(s).join('***'), String(text));
}

function loadExamples() {
	if (!fs.existsSync(EXAMPLES_DIR)) return [];
	const list = fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => {
			const full = path.join(EXAMPLES_DIR, file);
			let wf;
			try {
				wf = JSON.parse(fs.readFileSync(full, 'utf8'));
			} catch (e) {
				throw new E2EError(`examples/${file} is not valid JSON: ${e.message}`);
			}
			if (!wf || typeof wf !== 'object' || Array.isArray(wf)) throw new E2EError(`examples/${file} must hold one workflow object`);
			if (!Array.isArray(wf.nodes) || !wf.connections) throw new E2EError(`examples/${file} has no "nodes"/"connections"`);
			if (typeof wf.id !== 'string' || !wf.id) throw new E2EError(`examples/${file} needs a string "id" (it is what \`n8n execute --id\` runs)`);
			return { file, workflow: wf };
		});
	const byId = new Map();
	for (const e of list) {
		if (byId.has(e.workflow.id)) throw new E2EError(`examples/${e.file} and examples/${byId.get(e.workflow.id)} share the id "${e.workflow.id}"`);
		byId.set(e.workflow.id, e.file);
	}
	return list;
}

/**
 * Examples that call the sandbox directly (e.g. to read the verification code a customer would
 * type) name it at its default address, the one `npm run sandbox` uses; the copy points at the
 * sandbox this run started.
 */
const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:8787';

/** What import:workflow needs beyond an n8n export; added to a temp copy, never to the examples. */
function toImportable(wf, file, sandboxUrl) {
	const copy = JSON.parse(sandboxUrl ? JSON.stringify(wf).split(DEFAULT_SANDBOX_URL).join(sandboxUrl) : JSON.stringify(wf));
	copy.name = copy.name || path.basename(file, '.json');
	copy.active = false; // imports are always deactivated in regular mode anyway
	copy.settings = copy.settings || { executionOrder: 'v1' };
	copy.pinData = copy.pinData || {};
	// Export-only fields that point at objects of another instance.
	for (const k of ['shared', 'homeProject', 'activeVersionId', 'activeVersion', 'parentFolder', 'parentFolderId']) delete copy[k];
	return copy;
}

function checkCredentialRefs(examples, creds) {
	const byId = new Map(creds.map((c) => [c.id, c]));
	const problems = [];
	for (const { file, workflow } of examples) {
		for (const node of workflow.nodes) {
			for (const [type, ref] of Object.entries(node.credentials || {})) {
				const id = ref && typeof ref === 'object' ? ref.id : undefined;
				const c = id && byId.get(id);
				if (!c) problems.push(`${file}: node "${node.name}" uses ${type} credential ${JSON.stringify(ref)}, not defined in e2e/credentials.js`);
				else if (c.type !== type) problems.push(`${file}: node "${node.name}" expects a ${type} credential but ${id} is a ${c.type}`);
			}
		}
	}
	if (problems.length) throw new E2EError(`credential references do not match e2e/credentials.js:\n  ${problems.join('\n  ')}`);
}

async function n8n(args, { userFolder, port, timeoutMs }) {
	if (interrupted) throw new E2EError('interrupted');
	const r = await run(process.execPath, [N8N_BIN, ...args], {
		cwd: userFolder, // n8n loads a .env from its cwd: keep it away from the repo root
		env: n8nEnv({ userFolder, port }),
		timeoutMs,
	});
	if (interrupted) throw new E2EError(`interrupted during \`n8n ${args[0]}\``);
	return r;
}

async function importAll({ userFolder, port, tmpDir, creds, examples, redact, sandboxUrl }) {
	const credFile = path.join(tmpDir, `credentials-${process.pid}.json`);
	fs.writeFileSync(credFile, JSON.stringify(creds), { mode: 0o600 });
	let t0 = Date.now();
	try {
		const r = await n8n(['import:credentials', `--input=${credFile}`], { userFolder, port, timeoutMs: TIMEOUTS.n8nImport });
		if (r.code !== 0 || !/Successfully imported/.test(r.stdout + r.stderr)) {
			throw new E2EError(`n8n import:credentials failed (exit ${r.code ?? r.signal}${r.timedOut ? ', timed out' : ''}):\n${redact(tail(r.stdout + r.stderr))}`);
		}
	} finally {
		fs.rmSync(credFile, { force: true });
	}
	log(`imported ${creds.length} credential(s) in ${seconds(Date.now() - t0)}`);

	if (!examples.length) return;
	const wfFile = path.join(tmpDir, 'workflows.json');
	fs.writeFileSync(wfFile, JSON.stringify(examples.map((e) => toImportable(e.workflow, e.file, sandboxUrl)), null, 2));
	t0 = Date.now();
	const r = await n8n(['import:workflow', `--input=${wfFile}`], { userFolder, port, timeoutMs: TIMEOUTS.n8nImport });
	fs.rmSync(wfFile, { force: true });
	if (r.code !== 0 || !/Successfully imported/.test(r.stdout + r.stderr)) {
		throw new E2EError(`n8n import:workflow failed (exit ${r.code ?? r.signal}${r.timedOut ? ', timed out' : ''}):\n${redact(tail(r.stdout + r.stderr))}`);
	}
	log(`imported ${examples.length} workflow(s) in ${seconds(Date.now() - t0)}`);
}

/* ------------------------------------------------------------------ test: execute + check */

/**
 * The node `n8n execute --id` starts from (n8n 1.123 dist/utils.js findCliWorkflowStart): an Execute
 * Workflow Trigger if there is one, else the first Manual Trigger / Start / Manual Chat Trigger.
 * Polling or webhook triggers can't start a CLI run. pinData is ignored in CLI mode.
 */
const CLI_START_TYPES = ['@n8n/n8n-nodes-langchain.manualChatTrigger', 'n8n-nodes-base.start', 'n8n-nodes-base.manualTrigger'];
function cliStartNode(wf) {
	return (
		wf.nodes.find((n) => n.type === 'n8n-nodes-base.executeWorkflowTrigger') ||
		wf.nodes.find((n) => CLI_START_TYPES.includes(n.type))
	);
}

/** `execute --rawOutput` prints the IRun as pretty JSON, possibly after log lines. */
function parseRun(output) {
	const lines = output.split('\n');
	const starts = [];
	const ends = [];
	let offset = 0;
	for (const line of lines) {
		if (line.startsWith('{')) starts.push(offset);
		if (line.startsWith('}')) ends.push(offset + 1);
		offset += line.length + 1;
	}
	for (const s of starts) {
		for (let i = ends.length - 1; i >= 0 && ends[i] > s; i--) {
			try {
				const v = JSON.parse(output.slice(s, ends[i]));
				if (v && typeof v === 'object' && v.data && v.data.resultData) return v;
			} catch {
				/* try the next candidate */
			}
		}
	}
	return null;
}

function nodeOutput(runResult, nodeName, { output = 0, runIndex } = {}) {
	const runs = runResult.data.resultData.runData[nodeName];
	if (!runs || !runs.length) return undefined;
	const r = runs[runIndex === undefined ? runs.length - 1 : runIndex];
	const main = (r.data && r.data.main) || [];
	return (main[output] || []).map((i) => i.json);
}

function errorText(runResult) {
	const e = runResult && runResult.data && runResult.data.resultData && runResult.data.resultData.error;
	if (!e) return undefined;
	const where = e.node && e.node.name ? ` (node "${e.node.name}")` : '';
	const desc = e.description && e.description !== e.message ? ` - ${e.description}` : '';
	return `${e.message || e.name || 'unknown error'}${where}${desc}`;
}

async function testExample({ file, workflow }, expectation, ctxBase) {
	const { userFolder, port, redact } = ctxBase;
	const t0 = Date.now();
	const r = await n8n(['execute', `--id=${workflow.id}`, '--rawOutput'], { userFolder, port, timeoutMs: TIMEOUTS.n8nExecute });
	const ms = Date.now() - t0;
	const out = `${r.stdout}\n${r.stderr}`;
	const details = () => redact(tail(out, 15));
	if (r.timedOut) return { ok: false, ms, reason: `timed out after ${seconds(TIMEOUTS.n8nExecute)}`, details: details() };

	const runResult = parseRun(r.stdout) || parseRun(out);
	if (runResult && process.env.E2E_DUMP_DIR) {
		fs.mkdirSync(process.env.E2E_DUMP_DIR, { recursive: true });
		fs.writeFileSync(path.join(process.env.E2E_DUMP_DIR, file.replace(/\.json$/, '.run.json')), redact(JSON.stringify(runResult, null, 2)));
	}
	if (!runResult) return { ok: false, ms, reason: `no run result in n8n's output (exit ${r.code})`, details: details() };
	const spec = typeof expectation === 'function' ? { check: expectation } : expectation;
	const error = errorText(runResult);
	const failed = r.code !== 0 || runResult.status !== 'success' || !!error;
	if (failed && !spec.expectError) {
		return { ok: false, ms, reason: `execution failed (exit ${r.code}, status ${runResult.status}): ${redact(error || 'no error message')}`, details: error ? undefined : details() };
	}
	if (!failed && spec.expectError) {
		return { ok: false, ms, reason: 'execution succeeded but the expectation says it must fail' };
	}
	const lastNode = runResult.data.resultData.lastNodeExecuted;
	const items = (lastNode && nodeOutput(runResult, lastNode)) || [];
	const ctx = {
		sandboxUrl: ctxBase.sandboxUrl,
		file,
		workflow,
		lastNode,
		items,
		error,
		nodeOutput: (name, opts) => nodeOutput(runResult, name, opts),
	};
	try {
		if (typeof spec.check !== 'function') throw new Error(`the expectation for ${file} is neither a function nor { check }`);
		await spec.check(runResult, ctx);
	} catch (e) {
		return { ok: false, ms, reason: redact((e && e.message) || String(e)) };
	}
	if (ctxBase.secrets.some((s) => out.includes(s))) {
		return { ok: false, ms, reason: "a credential secret appears in n8n's output" };
	}
	return { ok: true, ms, count: items.length };
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

/* ------------------------------------------------------------------ test: polling-trigger examples */

/*
 * `n8n execute --id` can't start a workflow whose start node is a polling trigger. Those examples are
 * tested the way they run in production instead:
 *   beforeActivation hook -> `n8n update:workflow --id --active=true` -> `n8n start` (activation runs
 *   the trigger's first poll at once: the baseline) -> afterActivation hook (changes the sandbox) ->
 *   wait until n8n stored a finished execution (read from its SQLite database) -> check(execution, ctx)
 *   -> wait for the trigger's following poll and check that it started no second execution.
 * All of them share one `n8n start`, so their waits overlap.
 */

/** The polling trigger a workflow starts from: a node with Poll Times (n8n adds them to every polling node). */
function pollingStartNode(wf) {
	return wf.nodes.find((n) => !n.disabled && n.parameters && typeof n.parameters.pollTimes === 'object' && n.parameters.pollTimes !== null);
}

/** A module of the n8n install (sqlite3, flatted): the repo itself has no runtime dependencies. */
function hostModule(name) {
	return require(require.resolve(name, { paths: [HOST_DIR] }));
}

function dbFileOf(userFolder) {
	return path.join(userFolder, '.n8n', 'database.sqlite');
}

/** One read-only query against n8n's SQLite database (WAL mode: it never blocks the running n8n). */
function dbQuery(userFolder, sql, params = []) {
	const sqlite3 = hostModule('sqlite3');
	return new Promise((resolve, reject) => {
		const db = new sqlite3.Database(dbFileOf(userFolder), sqlite3.OPEN_READONLY, (err) => {
			if (err) return reject(new E2EError(`cannot open ${dbFileOf(userFolder)} read-only: ${err.message}`));
			db.configure('busyTimeout', 5000);
			db.all(sql, params, (e, rows) => {
				db.close(() => (e ? reject(new E2EError(`SQLite query failed (${e.message}): ${sql}`)) : resolve(rows)));
			});
		});
	});
}

const RUNNING_STATUSES = new Set(['new', 'running', 'waiting', 'unknown']);

function executionsOf(userFolder, workflowId) {
	return dbQuery(
		userFolder,
		"SELECT id, status, finished, mode, startedAt, stoppedAt FROM execution_entity WHERE workflowId = ? AND mode = 'trigger' AND deletedAt IS NULL ORDER BY id",
		[workflowId],
	);
}

/** The stored execution in the shape of `execute --rawOutput`'s IRun: { id, status, mode, startedAt, stoppedAt, data }. */
async function loadExecution(userFolder, row) {
	const [stored] = await dbQuery(userFolder, 'SELECT data FROM execution_data WHERE executionId = ?', [row.id]);
	if (!stored) throw new E2EError(`execution ${row.id} has no row in execution_data`);
	const { parse } = hostModule('flatted');
	const toIso = (v) => (v ? new Date(/Z|[+-]\d\d:?\d\d$/.test(String(v)) ? v : `${String(v).replace(' ', 'T')}Z`).toISOString() : v);
	return {
		id: String(row.id),
		status: row.status,
		finished: !!row.finished,
		mode: row.mode,
		startedAt: toIso(row.startedAt),
		stoppedAt: toIso(row.stoppedAt),
		data: parse(stored.data),
	};
}

const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

/** Runs an expectation hook with a time limit. */
async function runHook(fn, args, what) {
	let timer;
	try {
		return await Promise.race([
			Promise.resolve().then(() => fn(...args)),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error(`${what} did not finish within ${seconds(TIMEOUTS.triggerHook)}`)), TIMEOUTS.triggerHook);
			}),
		]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * `n8n start` for the trigger examples. It logs JSON at level debug, which is the only place n8n says
 * when a poll starts ("Polling trigger initiated for workflow") and which second its cron fires on
 * (n8n picks a random second for "every minute"). Resolves once /healthz answers.
 */
async function startN8nForTriggers({ userFolder, port, logFile }) {
	const events = { activated: new Map(), activationError: new Map(), cronSecond: new Map(), polls: new Map() };
	const logStream = fs.createWriteStream(logFile, { flags: 'w' });
	const child = spawn(process.execPath, [N8N_BIN, 'start'], {
		cwd: userFolder,
		env: { ...n8nEnv({ userFolder, port }), N8N_LOG_LEVEL: 'debug', N8N_LOG_FORMAT: 'json' },
		stdio: ['ignore', 'pipe', 'pipe'],
		windowsHide: true,
	});
	liveChildren.add(child);
	let output = '';
	const feedLines = lineSplitter((line) => {
		let entry;
		try {
			entry = JSON.parse(line);
		} catch {
			return;
		}
		const meta = (entry && entry.metadata) || {};
		const id = meta.workflowId;
		if (!id || typeof entry.message !== 'string') return;
		const msg = entry.message;
		if (msg.startsWith('Activated workflow')) events.activated.set(id, Date.now());
		else if (msg.startsWith('Issue on initial workflow activation')) {
			const e = meta.error;
			events.activationError.set(id, (e && (e.message || (typeof e === 'string' ? e : JSON.stringify(e)))) || msg);
		} else if (msg === 'Registered cron for workflow' && typeof meta.cron === 'string') {
			const sec = Number(meta.cron.split(' ')[0]);
			if (Number.isInteger(sec)) events.cronSecond.set(id, sec);
		} else if (msg.startsWith('Polling trigger initiated')) {
			if (!events.polls.has(id)) events.polls.set(id, []);
			events.polls.get(id).push(Date.now());
		}
	});
	const feed = (d) => {
		logStream.write(d);
		output += d;
		if (output.length > 4e6) output = output.slice(-2e6);
		feedLines(d);
	};
	child.stdout.setEncoding('utf8');
	child.stderr.setEncoding('utf8');
	child.stdout.on('data', feed);
	child.stderr.on('data', feed);
	let exitInfo;
	const exited = new Promise((resolve) =>
		child.on('exit', (code, signal) => {
			liveChildren.delete(child);
			exitInfo = code ?? signal;
			logStream.end();
			resolve(exitInfo);
		}),
	);
	const server = { child, events, output: () => output, exited: () => exitInfo, stop: () => killChild(child).then(() => exited) };
	const t0 = Date.now();
	let healthy = false;
	while (!healthy && exitInfo === undefined && !interrupted && Date.now() - t0 < TIMEOUTS.n8nHealth) {
		healthy = (await httpGet(`http://127.0.0.1:${port}/healthz`)).status === 200;
		if (!healthy) await sleep(500);
	}
	if (!healthy) {
		await server.stop();
		throw new E2EError(
			`n8n start did not become healthy (${exitInfo !== undefined ? `exited with ${exitInfo}` : interrupted ? 'interrupted' : `no /healthz after ${seconds(TIMEOUTS.n8nHealth)}`}). Log: ${logFile}`,
		);
	}
	return server;
}

/** Milliseconds until the cron second `sec` comes round next (Infinity when unknown). */
function msUntilSecond(sec) {
	if (!Number.isInteger(sec)) return Infinity;
	const now = Date.now();
	const inMinute = now % 60e3;
	let delta = sec * 1000 - inMinute;
	if (delta < 0) delta += 60e3;
	return delta;
}

/**
 * Tests the polling-trigger examples. `items`: [{ ex, spec, startNode }] in file order.
 * Returns one result per item ({ ok, count?, reason?, details? }), in the same order.
 */
async function testTriggerExamples(items, { userFolder, cliPort, tmpDir, redact, secrets, sandboxUrl, timings }) {
	const results = items.map(() => null);
	const fail = (i, reason, details) => {
		if (!results[i]) results[i] = { ok: false, reason: redact(reason), details: details && redact(details) };
	};
	const live = () => items.map((it, i) => i).filter((i) => !results[i]);
	const ctxs = items.map(({ ex, startNode }) => ({
		sandboxUrl,
		file: ex.file,
		workflow: ex.workflow,
		startNode: startNode.name,
		state: {},
	}));
	const tStart = Date.now();

	// 1. Hooks that prepare the sandbox for the baseline, then activation in the database.
	for (const i of live()) {
		const { spec } = items[i];
		if (typeof spec.trigger.beforeActivation !== 'function') continue;
		try {
			await runHook(spec.trigger.beforeActivation, [ctxs[i]], 'beforeActivation');
		} catch (e) {
			fail(i, `beforeActivation failed: ${(e && e.message) || e}`);
		}
	}
	const tUpdate = Date.now();
	for (const i of live()) {
		const id = items[i].ex.workflow.id;
		const r = await n8n(['update:workflow', `--id=${id}`, '--active=true'], { userFolder, port: cliPort, timeoutMs: TIMEOUTS.n8nImport });
		if (r.code !== 0) fail(i, `n8n update:workflow --id=${id} --active=true failed (exit ${r.code ?? r.signal}${r.timedOut ? ', timed out' : ''})`, tail(r.stdout + r.stderr, 10));
	}
	if (live().length) {
		// update:workflow logs errors but exits 0 (and does nothing for an unknown id): check the rows.
		const ids = live().map((i) => items[i].ex.workflow.id);
		const rows = await dbQuery(userFolder, `SELECT id, active, activeVersionId FROM workflow_entity WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
		for (const i of live()) {
			const row = rows.find((r) => r.id === items[i].ex.workflow.id);
			if (!row || !row.active || !row.activeVersionId) fail(i, `n8n update:workflow did not activate workflow ${items[i].ex.workflow.id} (row: ${JSON.stringify(row || null)})`);
		}
	}
	if (!live().length) return results;
	log(`activated ${live().length} workflow(s) with \`n8n update:workflow\` in ${seconds(Date.now() - tUpdate)}`);

	// 2. n8n start; activation runs each trigger's first poll (the baseline) before "Activated workflow".
	const port = await freePort();
	const logFile = path.join(tmpDir, 'n8n-start.log');
	const tSpawn = Date.now();
	const server = await startN8nForTriggers({ userFolder, port, logFile });
	const logTail = (n = 15) => redact(tail(server.output().split('\n').filter((l) => !/"level":"debug"/.test(l)).join('\n'), n));
	try {
		const tHealthy = Date.now();
		const ev = server.events;
		const idOf = (i) => items[i].ex.workflow.id;
		while (Date.now() - tHealthy < TIMEOUTS.triggerActivation && server.exited() === undefined && !interrupted) {
			if (live().every((i) => ev.activated.has(idOf(i)) || ev.activationError.has(idOf(i)))) break;
			await sleep(250);
		}
		for (const i of live()) {
			if (ev.activationError.has(idOf(i))) fail(i, `n8n could not activate the workflow: ${ev.activationError.get(idOf(i))}`);
			else if (!ev.activated.has(idOf(i))) {
				fail(i, `no "Activated workflow" for ${idOf(i)} within ${seconds(TIMEOUTS.triggerActivation)} after n8n answered${server.exited() !== undefined ? ` (n8n exited with ${server.exited()})` : ''}`, logTail());
			}
		}
		const tActive = Date.now();
		log(`n8n start (port ${port}): /healthz after ${seconds(tHealthy - tSpawn)}, trigger workflows activated after ${seconds(tActive - tSpawn)}`);

		// 3. Change the sandbox, one example after the other (file order). A change that lands while a
		// poll of that trigger is reading could be missed by that poll (then the next one sees it, a
		// minute later), so a hook does not start within 2 s before its trigger's cron second.
		const hookDone = new Map();
		const pollsBefore = new Map();
		for (const i of live()) {
			const wait = msUntilSecond(ev.cronSecond.get(idOf(i)));
			if (wait < 2000) await sleep(wait + 1500);
			try {
				pollsBefore.set(i, (ev.polls.get(idOf(i)) || []).length);
				await runHook(items[i].spec.trigger.afterActivation, [ctxs[i]], 'afterActivation');
				hookDone.set(i, Date.now());
			} catch (e) {
				fail(i, `afterActivation failed: ${(e && e.message) || e}`);
			}
		}

		// 4. Wait (in parallel) for each workflow's first finished execution, then check it.
		const found = new Map(); // i -> { row, pollsAtFirstRow, seenAt }
		const waitFor = async (i) => {
			const id = idOf(i);
			let pollsAtFirstRow;
			while (!interrupted && server.exited() === undefined && Date.now() - hookDone.get(i) < TIMEOUTS.triggerExecution) {
				const rows = await executionsOf(userFolder, id);
				if (rows.length && pollsAtFirstRow === undefined) pollsAtFirstRow = (ev.polls.get(id) || []).length;
				const done = rows.find((r) => !RUNNING_STATUSES.has(r.status));
				if (done) return found.set(i, { row: done, pollsAtFirstRow, seenAt: Date.now() });
				await sleep(1000);
			}
			const polls = (ev.polls.get(id) || []).length - pollsBefore.get(i);
			fail(
				i,
				interrupted
					? 'interrupted'
					: server.exited() !== undefined
						? `n8n exited (${server.exited()}) before an execution was stored`
						: `no finished execution within ${seconds(TIMEOUTS.triggerExecution)} after the change (the trigger polled ${polls} time(s) since then)`,
				interrupted ? undefined : logTail(),
			);
		};
		await Promise.all(live().map(waitFor));
		for (const i of live()) {
			const f = found.get(i);
			timings.push(`${items[i].ex.file} ${seconds(f.seenAt - hookDone.get(i))} to its execution`);
			let execution;
			try {
				execution = await loadExecution(userFolder, f.row);
			} catch (e) {
				fail(i, `cannot read execution ${f.row.id}: ${e.message}`);
				continue;
			}
			const res = await checkTriggerExecution(items[i], execution, ctxs[i], redact);
			if (!res.ok) fail(i, res.reason, res.details);
			else results[i] = { pending: true, count: res.count, executionId: execution.id };
		}

		// 5. The following poll must not start a second execution (it sees the same state again).
		if (process.env.E2E_SKIP_FOLLOWING_POLL === '1') {
			log('E2E_SKIP_FOLLOWING_POLL=1: not waiting for the following polls');
		} else {
			const pending = items.map((it, i) => i).filter((i) => results[i] && results[i].pending);
			const t0 = Date.now();
			await Promise.all(
				pending.map(async (i) => {
					const id = idOf(i);
					const { pollsAtFirstRow, seenAt } = found.get(i);
					while ((ev.polls.get(id) || []).length <= pollsAtFirstRow) {
						if (interrupted || server.exited() !== undefined || Date.now() - seenAt > TIMEOUTS.followingPoll) {
							results[i] = null;
							return fail(i, `the trigger did not poll again within ${seconds(TIMEOUTS.followingPoll)} after its execution${server.exited() !== undefined ? ` (n8n exited with ${server.exited()})` : ''}`);
						}
						await sleep(500);
					}
					await sleep(TIMEOUTS.followingPollGrace);
					const rows = await executionsOf(userFolder, id);
					if (rows.length !== 1) {
						results[i] = null;
						fail(i, `the following poll started another execution: ${rows.length} executions (${rows.map((r) => `#${r.id} ${r.status}`).join(', ')}), expected 1`);
					}
				}),
			);
			if (pending.length) timings.push(`following-poll check ${seconds(Date.now() - t0)}`);
		}
	} finally {
		const tStop = Date.now();
		await server.stop();
		timings.push(`n8n stop ${seconds(Date.now() - tStop)}`);
	}
	const log_ = server.output();
	for (const i of items.map((it, idx) => idx)) {
		if (results[i] && results[i].pending) {
			results[i] = secrets.some((s) => log_.includes(s)) ? { ok: false, reason: "a credential secret appears in n8n's output" } : { ok: true, count: results[i].count, executionId: results[i].executionId };
		}
	}
	timings.push(`trigger part ${seconds(Date.now() - tStart)}`);
	if (process.env.E2E_KEEP_TMP === '1') log(`n8n start log: ${logFile}`);
	return results;
}

/** Runs the expectation's check on a stored execution (same rules as for `execute` runs). */
async function checkTriggerExecution({ ex, spec, startNode }, execution, ctx, redact) {
	if (process.env.E2E_DUMP_DIR) {
		fs.mkdirSync(process.env.E2E_DUMP_DIR, { recursive: true });
		fs.writeFileSync(path.join(process.env.E2E_DUMP_DIR, ex.file.replace(/\.json$/, '.run.json')), redact(JSON.stringify(execution, null, 2)));
	}
	const resultData = (execution.data && execution.data.resultData) || {};
	if (!resultData.runData) return { ok: false, reason: `execution ${execution.id} has no runData (status ${execution.status})` };
	const error = errorText(execution);
	if (execution.status !== 'success' || error) {
		return { ok: false, reason: `execution ${execution.id} failed (status ${execution.status}): ${error || 'no error message'}` };
	}
	const lastNode = resultData.lastNodeExecuted;
	const items = (lastNode && nodeOutput(execution, lastNode)) || [];
	Object.assign(ctx, {
		executionId: execution.id,
		lastNode,
		items,
		error,
		triggerItems: nodeOutput(execution, startNode.name) || [],
		nodeOutput: (name, opts) => nodeOutput(execution, name, opts),
	});
	try {
		await spec.trigger.check(execution, ctx);
	} catch (e) {
		return { ok: false, reason: (e && e.message) || String(e) };
	}
	return { ok: true, count: items.length };
}

/* ------------------------------------------------------------------ modes */

async function withSandbox(fn) {
	const port = process.env.E2E_SANDBOX_PORT ? Number(process.env.E2E_SANDBOX_PORT) : await freePort();
	const sandbox = await startSandbox(port);
	log(`sandbox listening on ${sandbox.url} (pid ${sandbox.child.pid})`);
	try {
		return await fn(sandbox);
	} finally {
		await killChild(sandbox.child);
	}
}

async function modeTest() {
	const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
	const userFolder = path.join(tmpDir, 'user');
	fs.mkdirSync(userFolder, { recursive: true });
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	const timings = [];
	try {
		const examples = loadExamples();
		if (!examples.length) throw new E2EError('no examples/*.json found: nothing to test');
		const expectations = require(path.join(E2E_DIR, 'expectations.js'));
		const noExp = examples.filter((e) => !expectations[e.file]);
		checkDist();
		await prepareN8n();
		await installPackage(userFolder, tmpDir);
		await withSandbox(async (sandbox) => {
			const triggerItems = []; // polling-trigger examples, tested after the others
			const creds = loadCredentials(sandbox.url);
			checkCredentialRefs(examples, creds);
			const secrets = secretsOf(creds);
			const redact = makeRedactor(secrets);
			const port = await freePort(); // not listened on by `execute`, but keep it off 5678
			await importAll({ userFolder, port, tmpDir, creds, examples, redact, sandboxUrl: sandbox.url });
			for (const ex of examples) {
				const name = ex.file;
				if (interrupted) {
					failed++;
					console.log(`FAIL ${name}: not run (interrupted)`);
					continue;
				}
				// An example without an expectation still runs (its output can be dumped), then fails.
				const expectation = noExp.includes(ex)
					? (run, ctx) => {
							throw new Error(`no expectation for ${ex.file} in e2e/expectations.js (it ran: ${run.status}, ${ctx.items.length} items from "${ctx.lastNode}")`);
						}
					: expectations[ex.file];
				if (expectation && typeof expectation === 'object' && expectation.skip) {
					skipped++;
					console.log(`skip ${name}: ${oneLine(expectation.skip)}`);
					continue;
				}
				const start = cliStartNode(ex.workflow);
				const poller = start ? undefined : pollingStartNode(ex.workflow);
				if (poller) {
					// Tested after the `execute` examples, in one `n8n start` (see testTriggerExamples).
					const t = expectation && expectation.trigger;
					if (noExp.includes(ex) || !t || typeof t.afterActivation !== 'function' || typeof t.check !== 'function') {
						failed++;
						console.log(`FAIL ${name}: it starts with the polling trigger "${poller.name}"; its entry in e2e/expectations.js needs { trigger: { afterActivation(ctx), check(execution, ctx) } }`);
					} else {
						triggerItems.push({ ex, spec: expectation, startNode: poller });
					}
					continue;
				}
				if (!start) {
					failed++;
					console.log(`FAIL ${name}: no node \`n8n execute\` can start from (needs a Manual Trigger, an Execute Workflow Trigger or a polling trigger); mark it { skip: 'why' } in e2e/expectations.js if it can't be tested here`);
					continue;
				}
				if (expectation && typeof expectation === 'object' && expectation.trigger) {
					failed++;
					console.log(`FAIL ${name}: its expectation has "trigger" but the workflow starts at "${start.name}", which \`n8n execute\` runs`);
					continue;
				}
				const res = await testExample(ex, expectation, { userFolder, port, redact, secrets, sandboxUrl: sandbox.url });
				if (res.ok) {
					passed++;
					console.log(`ok ${name} (${res.count} items)`);
				} else {
					failed++;
					console.log(`FAIL ${name}: ${oneLine(res.reason)}`);
					if (res.details) console.log(res.details.replace(/^/gm, '    '));
				}
				timings.push(`${name} ${seconds(res.ms)}`);
			}
			if (triggerItems.length) {
				log(`testing ${triggerItems.length} polling-trigger example(s) in a running n8n (each waits for its trigger's next poll, up to ~2 min) ...`);
				const triggerTimings = [];
				let results;
				try {
					results = await testTriggerExamples(triggerItems, { userFolder, cliPort: port, tmpDir, redact, secrets, sandboxUrl: sandbox.url, timings: triggerTimings });
				} catch (e) {
					if (!(e instanceof E2EError)) throw e;
					results = triggerItems.map(() => ({ ok: false, reason: redact(e.message) }));
				}
				triggerItems.forEach(({ ex }, i) => {
					const res = results[i];
					if (res.ok) {
						passed++;
						console.log(`ok ${ex.file} (${res.count} items, trigger execution #${res.executionId})`);
					} else {
						failed++;
						console.log(`FAIL ${ex.file}: ${oneLine(res.reason)}`);
						if (res.details) console.log(res.details.replace(/^/gm, '    '));
					}
				});
				log(`trigger times: ${triggerTimings.join(', ')}`);
			}
			log(`execute times: ${timings.join(', ')}`);
			const stale = Object.keys(expectations).filter((k) => !examples.some((e) => e.file === k));
			if (stale.length) log(`note: expectations without an example: ${stale.join(', ')}`);
		});
	} catch (e) {
		if (!(e instanceof E2EError)) e.message = `unexpected error: ${e.stack || e.message}`;
		const [first, ...rest] = e.message.split('\n');
		console.log(`FAIL setup: ${first}`);
		if (rest.length) console.log(rest.join('\n').replace(/^/gm, '    '));
		failed++;
	} finally {
		if (process.env.E2E_KEEP_TMP === '1') log(`kept ${tmpDir}`);
		else fs.rmSync(tmpDir, { recursive: true, force: true });
	}
	console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
	return failed ? 1 : 0;
}

function httpGet(url, timeoutMs = 2000) {
	return new Promise((resolve) => {
		const req = http.get(url, { timeout: timeoutMs }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (body += d));
			res.on('end', () => resolve({ status: res.statusCode, body }));
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve({ status: 0, body: '' }));
	});
}

async function needsOwnerSetup(port) {
	const r = await httpGet(`http://127.0.0.1:${port}/rest/settings`);
	try {
		return !!JSON.parse(r.body).data.userManagement.showSetupOnFirstLoad;
	} catch {
		return false;
	}
}

async function modeDev() {
	const port = Number(process.env.N8N_PORT || 5678);
	const userFolder = DEV_USER_FOLDER;
	fs.mkdirSync(userFolder, { recursive: true });
	const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-dev-'));
	let n8nChild = null;
	let sandboxChild = null;
	let stopping = false;
	const stopAll = async (why) => {
		if (stopping) return;
		stopping = true;
		if (n8nChild || sandboxChild) log(`${why}: stopping n8n and the sandbox ...`);
		await Promise.all([n8nChild && killChild(n8nChild), sandboxChild && killChild(sandboxChild)].filter(Boolean));
		fs.rmSync(tmpDir, { recursive: true, force: true });
	};
	try {
		if ((await httpGet(`http://127.0.0.1:${port}/healthz`)).status) {
			throw new E2EError(`something already answers on 127.0.0.1:${port}; stop it or set N8N_PORT`);
		}
		checkDist();
		await prepareN8n();
		await installPackage(userFolder, tmpDir);
		const sbPort = process.env.E2E_SANDBOX_PORT ? Number(process.env.E2E_SANDBOX_PORT) : await freePort();
		const sandboxLog = path.join(STATE_DIR, 'sandbox-dev.log');
		const sandbox = await startSandbox(sbPort, sandboxLog);
		sandboxChild = sandbox.child;
		log(`sandbox listening on ${sandbox.url} (pid ${sandboxChild.pid}, log: ${rel(sandboxLog)})`);
		const creds = loadCredentials(sandbox.url);
		const examples = loadExamples();
		checkCredentialRefs(examples, creds);
		const redact = makeRedactor(secretsOf(creds));
		await importAll({ userFolder, port, tmpDir, creds, examples, redact, sandboxUrl: sandbox.url });

		log(`starting n8n on 127.0.0.1:${port} (user folder ${rel(userFolder)}) ...`);
		const t0 = Date.now();
		const logFile = path.join(STATE_DIR, 'n8n-dev.log');
		const logStream = fs.createWriteStream(logFile, { flags: 'w' });
		n8nChild = spawn(process.execPath, [N8N_BIN, 'start'], {
			cwd: userFolder,
			env: n8nEnv({ userFolder, port }),
			stdio: ['ignore', 'pipe', 'pipe'],
			windowsHide: true,
		});
		liveChildren.add(n8nChild);
		n8nChild.stdout.pipe(logStream);
		n8nChild.stderr.pipe(logStream);
		const exited = new Promise((resolve) =>
			n8nChild.on('exit', (code, signal) => {
				liveChildren.delete(n8nChild);
				resolve(code ?? signal);
			}),
		);
		sandboxChild.on('exit', () => liveChildren.delete(sandboxChild));

		let healthy = false;
		let early;
		exited.then((c) => (early = c));
		// /healthz answers before the editor routes exist: wait for both.
		while (!healthy && Date.now() - t0 < TIMEOUTS.n8nHealth && early === undefined) {
			healthy =
				(await httpGet(`http://127.0.0.1:${port}/healthz`)).status === 200 &&
				(await httpGet(`http://127.0.0.1:${port}/`)).status === 200;
			if (!healthy) await new Promise((res) => setTimeout(res, 500));
		}
		if (!healthy) {
			throw new E2EError(
				`n8n did not become healthy (${early !== undefined ? `exited with ${early}` : `no /healthz after ${seconds(TIMEOUTS.n8nHealth)}`}). Log: ${rel(logFile)}\n${redact(tail(fs.readFileSync(logFile, 'utf8'), 20))}`,
			);
		}
		log(`n8n ready in ${seconds(Date.now() - t0)} (log: ${rel(logFile)})`);
		console.log('');
		console.log(`  n8n editor:  http://127.0.0.1:${port}`);
		console.log(`  sandbox:     ${sandbox.url}`);
		console.log(
			`  Hint: the "${creds[0] ? creds[0].name : 'sandbox'}" credential${creds.length > 1 ? ' (and the other imported ones)' : ''} point${creds.length > 1 ? '' : 's'} at the sandbox; ${examples.length} example workflow(s) imported.`,
		);
		const triggerExamples = examples.filter((e) => !cliStartNode(e.workflow) && pollingStartNode(e.workflow));
		if (triggerExamples.length) {
			console.log(`  Trigger examples, imported inactive: ${triggerExamples.map((e) => `"${e.workflow.name}"`).join(', ')}.`);
			console.log('    Activate one in the editor: its first poll records a baseline, later polls (every minute) start an');
			console.log('    execution per change in the sandbox, for example a new Tencent customer:');
			console.log(`    curl -X POST ${sandbox.url}/_control/tencent/customers -H 'Content-Type: application/json' -d '{"Name":"Test Co"}'`);
		}
		if (await needsOwnerSetup(port)) {
			console.log('  First visit: n8n asks you to create a local owner account (stored only in .e2e/user).');
		}
		console.log('  Press Ctrl+C to stop.');
		console.log('');

		const result = await new Promise((resolve) => {
			onStopSignal = (sig) => stopAll(`received ${sig}`).then(() => resolve(0));
			if (interrupted) onStopSignal('signal');
			exited.then((c) => {
				if (!stopping) stopAll(`n8n exited (${c}); see ${rel(logFile)}`).then(() => resolve(1));
			});
			sandboxChild.on('exit', (c, s) => {
				if (!stopping) stopAll(`sandbox exited (${c ?? s})`).then(() => resolve(1));
			});
		});
		return result;
	} catch (e) {
		await stopAll('error');
		throw interrupted ? new E2EError('interrupted') : e;
	}
}

async function main() {
	const mode = process.argv[2];
	if (mode !== 'dev' && mode !== 'test') {
		console.error('usage: node e2e/run.js dev|test');
		return 2;
	}
	if (!fs.existsSync(path.join(ROOT, 'package.json'))) throw new E2EError(`no package.json in ${ROOT}`);
	// Until a mode installs its own stop logic: stop every child, let the flow fail and clean up.
	const onSignal = (sig) => {
		if (onStopSignal) return onStopSignal(sig);
		log(`received ${sig}, stopping`);
		interrupted = true;
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
	return mode === 'test' ? modeTest() : modeDev();
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
