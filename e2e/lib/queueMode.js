'use strict';
/*
 * n8n's queue mode, the way n8n scales out: one main process that receives webhooks and runs the
 * triggers' polls, two workers that execute, Redis between them and PostgreSQL for all three.
 *   1. Bulk: BULK_REQUESTS webhook calls of a top-up workflow; every one must be applied exactly
 *      once, and both workers must have executed some of them.
 * The sandbox answers each request VENDOR_LATENCY_MS late, like a vendor 150 ms away.
 *   2. The polling-trigger examples: each event must start exactly one execution, with n8n's
 *      defaults and again (on a database of their own) with the durable scheduler.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { RUNNING_STATUSES, dbStatement, executionsOf, loadExecution } = require('./database');
const { freePort, httpRequest } = require('./net');
const { deprecationNotices, n8nCli, startN8nServer } = require('./n8nProcess');
const { installPackage } = require('./packageInstall');
const { interruption } = require('./processes');
const { startPostgres, startRedis } = require('./queueServices');
const { nodeOutput, pollingStartNode } = require('./runResult');
const { SCHEDULERS } = require('./schedulers');
const { withSandbox } = require('./sandbox');
const { testTriggerExamples } = require('./triggerExamples');
const { E2E_DIR, E2EError, log, seconds, sleep, tail } = require('./util');
const { checkCreditOnce } = require('./creditOnce');
const { checkCredentialRefs, importAll, loadCredentials, makeRedactor, secretsOf, toImportable } = require('./workflows');

const WORKERS = ['worker-1', 'worker-2'];
const BULK_REQUESTS = 24;
const BULK_TIMEOUT_MS = 180e3;
const BULK_WORKFLOW = 'queue-bulk-credit.json';
const CREDIT_ONCE_WORKFLOW = 'queue-credit-once.json';
/** Partners run n8n far from the vendors: every sandbox answer takes this long. */
const VENDOR_LATENCY_MS = 150;

function queueEnv(pg, redis) {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: pg.host,
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		...(pg.password ? { DB_POSTGRESDB_PASSWORD: pg.password } : {}),
		EXECUTIONS_MODE: 'queue',
		// The coming default: manual executions run on workers too (running them on main is deprecated).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// Its own key prefix on a given (shared) Redis, so jobs of another run are never picked up.
		QUEUE_BULL_PREFIX: redis.prefix,
	};
}

/** The main process (which executes nothing) and the workers, each worker with its own task runner; stopped together. */
async function startCluster(instance, tmpDir) {
	const port = await freePort();
	const started = [];
	const workers = [];
	try {
		// With OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS the main process executes nothing: no task runner.
		started.push(await startN8nServer(instance.host, { userFolder: instance.userFolder, port, logFile: path.join(tmpDir, `n8n-main${instance.logSuffix || ''}.log`), extraEnv: instance.extraEnv, taskRunner: false }));
		for (const name of WORKERS) {
			const healthPort = await freePort();
			const worker = await startN8nServer(instance.host, {
				userFolder: instance.userFolder,
				port: await freePort(),
				command: 'worker',
				healthPort,
				logFile: path.join(tmpDir, `n8n-${name}${instance.logSuffix || ''}.log`),
				extraEnv: {
					...instance.extraEnv,
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					// Only so the bulk workflow can record which worker ran it ($env.E2E_WORKER_NAME).
					N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
					E2E_WORKER_NAME: name,
				},
			});
			started.push(worker);
			workers.push({ name, server: worker });
		}
	} catch (e) {
		await Promise.all(started.map((s) => s.stop()));
		throw e;
	}
	return {
		port,
		workers,
		describe: `n8n queue mode (main on port ${port}, ${WORKERS.length} workers)`,
		output: () => started.map((s) => s.output()).join('\n'),
		exitInfo: () => started.map((s) => s.exitInfo()).find((x) => x !== undefined),
		stop: async () => {
			await Promise.all(started.map((s) => s.stop()));
		},
	};
}

async function sandboxJson(sandboxUrl, pathAndQuery) {
	const r = await httpRequest(`${sandboxUrl}${pathAndQuery}`);
	if (r.status !== 200) throw new E2EError(`sandbox ${pathAndQuery} answered ${r.status}`);
	return JSON.parse(r.body);
}

/** Sends the bulk webhook calls and checks how they were executed and applied. */
async function checkBulk(instance, tally, { tmpDir, sandboxUrl, workflow }) {
	const cluster = await startCluster(instance, tmpDir);
	const t0 = Date.now();
	try {
		const refs = Array.from({ length: BULK_REQUESTS }, (_, i) => `r${String(i + 1).padStart(2, '0')}`);
		const answers = await Promise.all(
			refs.map((ref, i) =>
				httpRequest(`http://127.0.0.1:${cluster.port}/webhook/e2e-bulk-credit`, { method: 'POST', body: { uin: 200000000001 + i, amount: 1, ref }, timeoutMs: 30e3 }),
			),
		);
		const refused = answers.filter((a) => a.status !== 200);
		if (refused.length) throw new E2EError(`${refused.length} webhook call(s) were refused: ${refused.map((a) => `${a.status} ${a.body.slice(0, 120)}`).join('; ')}`);
		let rows = [];
		while (Date.now() - t0 < BULK_TIMEOUT_MS && !interruption.interrupted && cluster.exitInfo() === undefined) {
			rows = await executionsOf(instance, workflow.id, ['webhook']);
			if (rows.length >= BULK_REQUESTS && rows.every((r) => !RUNNING_STATUSES.has(r.status))) break;
			await sleep(1000);
		}
		const elapsed = Date.now() - t0;
		const done = rows.filter((r) => !RUNNING_STATUSES.has(r.status));
		if (done.length < BULK_REQUESTS) throw new E2EError(`only ${done.length} of ${BULK_REQUESTS} executions finished within ${seconds(BULK_TIMEOUT_MS)}`, tail(cluster.output(), 15));
		const failed = done.filter((r) => r.status !== 'success');
		if (failed.length) throw new E2EError(`${failed.length} execution(s) failed: ${failed.map((r) => `#${r.id} ${r.status}`).join(', ')}`);
		const byWorker = {};
		const seenRefs = [];
		for (const row of done) {
			const execution = await loadExecution(instance, row);
			const [ran] = nodeOutput(execution, 'Ran on') || [];
			if (!ran) throw new E2EError(`execution #${row.id} has no "Ran on" output`);
			byWorker[ran.worker] = (byWorker[ran.worker] || 0) + 1;
			seenRefs.push(ran.ref);
		}
		const spread = WORKERS.map((w) => `${w} ${byWorker[w] || 0}`).join(', ');
		if (WORKERS.some((w) => !byWorker[w])) throw new E2EError(`the executions were not spread over the workers (${spread})`);
		if (new Set(seenRefs).size !== BULK_REQUESTS) throw new E2EError(`executions do not cover each request once: ${seenRefs.sort().join(', ')}`);
		// Applied exactly once at the vendor: one accepted AllocateCustomerCredit per request.
		const calls = await sandboxJson(instance.sandboxUrl || sandboxUrl, '/_control/requests?provider=tencent&action=AllocateCustomerCredit');
		const applied = calls.filter((c) => c.outcome === 'ok' && c.body && /^e2e bulk r\d+$/.test(c.body.Remark || ''));
		const perRef = new Map();
		for (const c of applied) perRef.set(c.body.Remark, (perRef.get(c.body.Remark) || 0) + 1);
		const wrong = refs.filter((ref) => perRef.get(`e2e bulk ${ref}`) !== 1);
		if (wrong.length) throw new E2EError(`not applied exactly once at the sandbox: ${wrong.map((r) => `${r} x${perRef.get(`e2e bulk ${r}`) || 0}`).join(', ')}`);
		const throttled = calls.filter((c) => c.outcome === 'RequestLimitExceeded').length;
		tally.ok('bulk over two workers', `${BULK_REQUESTS} top-ups in ${seconds(elapsed)}: ${spread}; each applied once; ${throttled} throttled answer(s) retried`);
	} finally {
		await cluster.stop();
		const notices = deprecationNotices(cluster.output());
		if (notices.length) tally.fail('queue-mode startup', `n8n printed deprecation notices: ${notices.join(' ')}`);
		else tally.ok('queue-mode startup', 'main and workers printed no deprecation notices');
	}
}

/** The queue-mode suite on `host`, with the polling-trigger examples among `examples`. */
async function runQueueModeSuite(host, { examples, expectations, tally }) {
	const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-queue-'));
	const userFolder = path.join(tmpDir, 'user');
	fs.mkdirSync(userFolder, { recursive: true });
	let redis;
	let pg;
	try {
		const t0 = Date.now();
		redis = await startRedis(tmpDir);
		pg = await startPostgres(host);
		const origin = (service) => (service.given ? 'given' : 'started here');
		log(`queue mode: Redis ${redis.host}:${redis.port} (${origin(redis)}), PostgreSQL ${pg.host}:${pg.port} database ${pg.database} (${origin(pg)}; ready in ${seconds(Date.now() - t0)})`);
		await installPackage(userFolder, tmpDir);
		await withSandbox(async (sandbox) => {
			const extraEnv = queueEnv(pg, redis);
			const instance = { host, userFolder, db: { type: 'postgres', host: pg.host, port: pg.port, database: pg.database, user: pg.user, password: pg.password }, extraEnv, sandboxUrl: sandbox.url };
			const fixture = (file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(E2E_DIR, 'fixtures', file), 'utf8')) });
			const bulk = fixture(BULK_WORKFLOW);
			const once = fixture(CREDIT_ONCE_WORKFLOW);
			const triggers = examples.filter((e) => pollingStartNode(e.workflow) && expectations[e.file] && expectations[e.file].trigger);
			const creds = loadCredentials(sandbox.url);
			checkCredentialRefs([bulk, once, ...triggers], creds);
			const secrets = secretsOf(creds);
			const redact = makeRedactor(secrets);
			const cliPort = await freePort();
			await importAll(host, { userFolder, port: cliPort, tmpDir, creds, examples: [bulk, once, ...triggers], redact, sandboxUrl: sandbox.url, extraEnv });
			for (const { workflow } of [bulk, once]) {
				const published = await n8nCli(host, ['publish:workflow', `--id=${workflow.id}`], { userFolder, port: cliPort, timeoutMs: 120e3, extraEnv });
				if (published.code !== 0) throw new E2EError(`n8n publish:workflow --id=${workflow.id} failed:\n${redact(tail(published.stdout + published.stderr))}`);
			}

			// While working on it: only the credit-once checks (no bulk, no triggers).
			const onlyCreditOnce = process.env.E2E_QUEUE_ONLY_CREDIT_ONCE === '1';
			if (!onlyCreditOnce) {
				try {
					await checkBulk(instance, tally, { tmpDir, sandboxUrl: sandbox.url, workflow: toImportable(bulk.workflow, bulk.file) });
				} catch (e) {
					if (!(e instanceof E2EError)) throw e;
					tally.fail('bulk over two workers', redact(e.message));
				}
			}
			if (!interruption.interrupted) {
				await checkCreditOnce(instance, tally, { tmpDir, sandboxUrl: sandbox.url, workflowId: once.workflow.id, startCluster, restoreLatencyMs: VENDOR_LATENCY_MS });
			}
			if (onlyCreditOnce) return;

			const items = triggers.map((ex) => ({ ex, spec: expectations[ex.file], startNode: pollingStartNode(ex.workflow) }));
			const timings = [];
			const runTriggers = async (scheduler, on) => {
				const results = await testTriggerExamples(on, items, { cliPort, tmpDir, redact, secrets, sandboxUrl: sandbox.url, timings, startServers: startCluster, scheduler });
				items.forEach(({ ex }, i) => {
					const res = results[i];
					if (res.ok) tally.ok(`${ex.file}${scheduler.label}`, [`${res.count} items, one execution #${res.executionId} through the queue`, res.when].filter(Boolean).join(', '));
					else tally.fail(`${ex.file}${scheduler.label}`, res.reason, res.details);
				});
			};
			await runTriggers(SCHEDULERS.defaults, instance);
			if (!interruption.interrupted) {
				// The durable scheduler on a database of its own (every trigger published for the first
				// time again) and a Redis prefix of its own.
				const t0 = Date.now();
				const scheduler = SCHEDULERS.durable;
				const db = { ...instance.db, database: `${pg.database}_durable` };
				await dbStatement(host, instance.db, `CREATE DATABASE "${db.database}"`);
				try {
					const durableEnv = { ...queueEnv({ ...pg, database: db.database }, { ...redis, prefix: `${redis.prefix}_durable` }), ...scheduler.env };
					await importAll(host, { userFolder, port: cliPort, tmpDir, creds, examples: triggers, redact, sandboxUrl: sandbox.url, extraEnv: durableEnv });
					await runTriggers(scheduler, { ...instance, db, extraEnv: durableEnv, logSuffix: '-durable' });
				} finally {
					await dbStatement(host, instance.db, `DROP DATABASE IF EXISTS "${db.database}"`).catch((e) => log(`could not drop ${db.database}: ${e.message}`));
				}
				timings.push(`durable-scheduler trigger pass ${seconds(Date.now() - t0)}`);
			}
			log(`queue mode times: ${timings.join(', ')}`);
		}, { latencyMs: VENDOR_LATENCY_MS });
	} finally {
		await Promise.all([redis && redis.stop(), pg && pg.stop()].filter(Boolean));
		if (process.env.E2E_KEEP_TMP === '1') log(`kept ${tmpDir}`);
		else fs.rmSync(tmpDir, { recursive: true, force: true });
	}
}

module.exports = { runQueueModeSuite };
