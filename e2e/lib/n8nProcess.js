'use strict';
// How n8n is started here: its environment per host, one-off CLI commands, and `n8n start` as a
// server with its external task runner.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const { installDir, n8nBin, nodeOf } = require('./hosts');
const { freePort, httpGet, httpRequest } = require('./net');
const { interruption, run, startLogged } = require('./processes');
const { E2EError, seconds, sleep, tail } = require('./util');

const TIMEOUTS = { health: 90e3, runnerAuth: 10e3 };

// Inherited variables n8n would read: dropped so that the user's own n8n settings never leak in.
const N8N_ENV_DROP = /^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|GENERIC_TIMEZONE$|NODES_(INCLUDE|EXCLUDE)$|CREDENTIALS_|EXTERNAL_|VUE_APP_|E2E_TESTS$|N8N$|QUEUE_BULL_)/;

/** Settings both lines share: loopback only, offline, quiet, SQLite in WAL mode. */
function commonEnv({ userFolder, port }) {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (N8N_ENV_DROP.test(k) || /^npm_/i.test(k)) continue;
		env[k] = v;
	}
	const noProxy = ['127.0.0.1', 'localhost', '::1', env.NO_PROXY || env.no_proxy || ''].filter(Boolean).join(',');
	return {
		...env,
		NO_PROXY: noProxy,
		no_proxy: noProxy,
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_PORT: String(port),
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
		N8N_SECURE_COOKIE: 'false', // plain http on 127.0.0.1
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		N8N_METRICS: 'false',
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2', // WAL mode: the runner reads executions while `n8n start` writes
		EXECUTIONS_DATA_PRUNE: 'true',
		GENERIC_TIMEZONE: 'UTC',
		// `execute --rawOutput` prints the run through the logger at level info: never raise this.
		N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL || 'info',
		N8N_LOG_OUTPUT: 'console',
	};
}

/**
 * n8n 2.x with its own defaults, plus what production should set: an external task runner (the
 * internal mode is deprecated), unverified community packages allowed explicitly (n8n 3.0 turns
 * them off by default), and the limits whose defaults are about to shrink set to those values.
 */
function currentEnv(brokerPort, runnerToken) {
	return {
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_RUNNERS_MODE: 'external',
		N8N_RUNNERS_AUTH_TOKEN: runnerToken,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_TASK_TIMEOUT: '60',
		N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: String(256 * 1024 * 1024),
		N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '1000',
		N8N_PUBLIC_API_DISABLED: 'true',
		// The MCP server catalogue is fetched from api.n8n.io, which is out of reach here.
		N8N_DISABLED_MODULES: 'mcp-registry',
	};
}

/** n8n 1.123: the isolated-vm engine and the task runner cannot run here, so both are switched off. */
function legacyEnv() {
	return {
		N8N_EXPRESSION_ENGINE: 'legacy',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
		N8N_PUBLIC_API_DISABLED: 'true',
	};
}

/** Everything a process of `host` needs; each process gets a broker port of its own. */
async function n8nEnv(host, { userFolder, port, extra = {} }) {
	const runnerToken = crypto.randomBytes(24).toString('hex');
	const brokerPort = await freePort();
	const own = host.legacy ? legacyEnv() : currentEnv(brokerPort, runnerToken);
	return { env: { ...commonEnv({ userFolder, port }), ...own, ...extra }, brokerPort, runnerToken };
}

/** One n8n CLI command (import, execute, publish ...). Resolves { code, stdout, stderr, timedOut }. */
async function n8nCli(host, args, { userFolder, port, timeoutMs, extraEnv = {} }) {
	if (interruption.interrupted) throw new E2EError('interrupted');
	const { env } = await n8nEnv(host, { userFolder, port, extra: extraEnv });
	// n8n loads a .env from its cwd: keep it away from the repo root.
	const r = await run(nodeOf(host), [n8nBin(host), ...args], { cwd: userFolder, env, timeoutMs });
	if (interruption.interrupted) throw new E2EError(`interrupted during \`n8n ${args[0]}\``);
	return r;
}

/**
 * The external JavaScript task runner, started the way n8n's launcher does: trade the shared auth
 * token for a one-time grant token at the broker, then start the runner with it.
 */
async function startTaskRunner(host, { brokerPort, runnerToken, env, logFile }) {
	const broker = `http://127.0.0.1:${brokerPort}`;
	const t0 = Date.now();
	let grant;
	while (!grant && Date.now() - t0 < TIMEOUTS.runnerAuth) {
		const r = await httpRequest(`${broker}/runners/auth`, { method: 'POST', body: { token: runnerToken } });
		if (r.status === 200) grant = JSON.parse(r.body).data.token;
		else await sleep(300);
	}
	if (!grant) throw new E2EError(`the task broker on ${broker} gave no grant token within ${seconds(TIMEOUTS.runnerAuth)}`);
	const start = path.join(installDir(host.name), 'node_modules', '@n8n', 'task-runner', 'dist', 'start.js');
	return startLogged(nodeOf(host), [start], {
		cwd: path.dirname(logFile),
		env: {
			PATH: env.PATH,
			HOME: env.HOME,
			GENERIC_TIMEZONE: env.GENERIC_TIMEZONE,
			N8N_RUNNERS_GRANT_TOKEN: grant,
			N8N_RUNNERS_TASK_BROKER_URI: broker,
			N8N_RUNNERS_TASK_TIMEOUT: env.N8N_RUNNERS_TASK_TIMEOUT,
			N8N_RUNNERS_MAX_CONCURRENCY: '5',
			N8N_RUNNERS_HEALTH_CHECK_SERVER_ENABLED: 'false',
		},
		logFile,
	});
}

/**
 * `n8n start` (or `n8n worker`, `n8n webhook` with `command`), resolved once /healthz answers (and,
 * with `waitForEditor`, the editor's page). `taskRunner: false` for a process that executes
 * nothing itself (a queue-mode main), which then runs no task broker either.
 * Returns { port, output(), exitInfo(), stop() }.
 */
async function startN8nServer(host, { userFolder, port, logFile, command = 'start', extraEnv = {}, waitForEditor = false, healthPort, taskRunner = true }) {
	const { env, brokerPort, runnerToken } = await n8nEnv(host, { userFolder, port, extra: extraEnv });
	const server = startLogged(nodeOf(host), [n8nBin(host), command], { cwd: userFolder, env, logFile });
	const checkPort = healthPort || port;
	const t0 = Date.now();
	let healthy = false;
	while (!healthy && server.exitInfo() === undefined && !interruption.interrupted && Date.now() - t0 < TIMEOUTS.health) {
		healthy =
			(await httpGet(`http://127.0.0.1:${checkPort}/healthz`)).status === 200 &&
			(!waitForEditor || (await httpGet(`http://127.0.0.1:${checkPort}/`)).status === 200);
		if (!healthy) await sleep(500);
	}
	if (!healthy) {
		await server.stop();
		const why = server.exitInfo() !== undefined ? `exited with ${server.exitInfo()}` : interruption.interrupted ? 'interrupted' : `no /healthz after ${seconds(TIMEOUTS.health)}`;
		throw new E2EError(`n8n ${command} did not become healthy (${why}). Log: ${logFile}\n${tail(server.output(), 20)}`);
	}
	let runner = null;
	if (!host.legacy && taskRunner) {
		try {
			runner = await startTaskRunner(host, { brokerPort, runnerToken, env, logFile: logFile.replace(/\.log$/, '') + '-runner.log' });
		} catch (e) {
			await server.stop();
			throw e;
		}
	}
	return {
		port,
		readyAfterMs: Date.now() - t0,
		output: server.output,
		exitInfo: server.exitInfo,
		exited: server.exited,
		/** Kills n8n at once (SIGKILL), as a crash or an out-of-memory kill would; its task runner stays until stop(). */
		crash: async () => {
			server.child.kill('SIGKILL');
			await server.exited;
		},
		stop: async () => {
			if (runner) await runner.stop();
			await server.stop();
		},
	};
}

/** What n8n printed at startup that asks the operator to change a setting (every process's block). */
function deprecationNotices(output) {
	const header = 'There are deprecations related to your n8n setup';
	const notices = [];
	for (let at = output.indexOf(header); at >= 0; at = output.indexOf(header, at + 1)) {
		const lines = output.slice(at).split('\n').slice(1);
		const end = lines.findIndex((l) => l.trim() === '');
		notices.push(...(end < 0 ? lines : lines.slice(0, end)).map((l) => l.trim()).filter((l) => l.startsWith('- ')));
	}
	return [...new Set(notices)];
}

module.exports = { n8nCli, startN8nServer, deprecationNotices, n8nEnv, readLog: (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '') };
