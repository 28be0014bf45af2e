'use strict';
// Reading what n8n stored (workflows, executions, static data), read-only, from SQLite (n8n keeps
// it in WAL mode, so reads never block the running n8n) or, in queue mode, PostgreSQL.
// `instance` is { host, userFolder, db? }: db is { type: 'postgres', host, port, database, user, password },
// { type: 'sqlite', file } or absent (the user folder's database.sqlite).
const path = require('path');

const { installDir, nodeOf } = require('./hosts');
const { run } = require('./processes');
const { E2EError } = require('./util');

const QUERY_TIMEOUT_MS = 30e3;
const CHILD = path.join(__dirname, 'dbQuery.child.js');

function connectionOf(instance) {
	if (instance.db) return instance.db;
	return { type: 'sqlite', file: path.join(instance.userFolder, '.n8n', 'database.sqlite') };
}

/**
 * Runs one statement on the n8n host's own Node with the host's drivers; the password travels in
 * the child's environment (PGPASSWORD), never on its command line.
 */
async function runStatement(host, connection, sql, params, readOnly) {
	const modules = path.join(installDir(host.name), 'node_modules');
	const { password, ...rest } = connection;
	const env = { ...process.env, PGPASSWORD: password || '' };
	const r = await run(nodeOf(host), [CHILD, modules, JSON.stringify({ ...rest, readOnly }), sql, JSON.stringify(params)], { env, timeoutMs: QUERY_TIMEOUT_MS });
	if (r.code !== 0) throw new E2EError((r.stderr || `query exited with ${r.code ?? r.signal}`).trim());
	return JSON.parse(r.stdout || '[]');
}

/** Rows of one read-only query (`?` placeholders, quoted identifiers), run on the host's own Node. */
function dbQuery(instance, sql, params = []) {
	return runStatement(instance.host, connectionOf(instance), sql, params, true);
}

/** One statement that changes the server (creating or dropping a run's database), PostgreSQL only. */
function dbStatement(host, connection, sql) {
	return runStatement(host, connection, sql, [], false);
}

const RUNNING_STATUSES = new Set(['new', 'running', 'waiting', 'unknown']);

/** The workflow's executions started by a trigger or webhook, oldest first. */
function executionsOf(instance, workflowId, modes = ['trigger']) {
	return dbQuery(
		instance,
		`SELECT "id", "status", "finished", "mode", "startedAt", "stoppedAt" FROM "execution_entity" WHERE "workflowId" = ? AND "mode" IN (${modes.map(() => '?').join(',')}) AND "deletedAt" IS NULL ORDER BY "id"`,
		[workflowId, ...modes],
	);
}

/** A stored execution in the shape of `execute --rawOutput`'s IRun: { id, status, mode, startedAt, stoppedAt, data }. */
async function loadExecution(instance, row) {
	const [stored] = await dbQuery(instance, 'SELECT "data" FROM "execution_data" WHERE "executionId" = ?', [row.id]);
	if (!stored) throw new E2EError(`execution ${row.id} has no row in execution_data`);
	// flatted is plain JavaScript: the runner's own Node can load it from the host's install.
	const { parse } = require(require.resolve('flatted', { paths: [path.join(installDir(instance.host.name), 'node_modules')] }));
	const toIso = (v) => (v ? new Date(/Z|[+-]\d\d:?\d\d$/.test(String(v)) ? v : `${String(v).replace(' ', 'T')}Z`).toISOString() : v);
	return { id: String(row.id), status: row.status, finished: !!row.finished, mode: row.mode, startedAt: toIso(row.startedAt), stoppedAt: toIso(row.stoppedAt), data: parse(stored.data) };
}

/** The static data n8n persisted for a workflow (the triggers' state), parsed; {} when none. */
async function staticDataOf(instance, workflowId) {
	const [row] = await dbQuery(instance, 'SELECT "staticData" FROM "workflow_entity" WHERE "id" = ?', [workflowId]);
	if (!row || !row.staticData) return {};
	return typeof row.staticData === 'string' ? JSON.parse(row.staticData) : row.staticData;
}

/** The durable cursor n8n 2.x keeps per poll node with N8N_POLLER_DURABLE_CURSORS_ENABLED: parsed, or undefined without a row. */
async function pollCursorOf(instance, workflowId, nodeId) {
	const [row] = await dbQuery(instance, 'SELECT "cursor" FROM "poller_state" WHERE "workflowId" = ? AND "nodeId" = ?', [workflowId, nodeId]);
	if (!row) return undefined;
	return typeof row.cursor === 'string' ? JSON.parse(row.cursor) : row.cursor;
}

/** How many of the durable scheduler's polls of a trigger node have started (its `scheduled_task` rows with a start). */
async function scheduledPollsStarted(instance, workflowId, nodeId) {
	const [row] = await dbQuery(
		instance,
		`SELECT COUNT(*) AS "started" FROM "scheduled_task" t JOIN "scheduled_job" j ON t."jobId" = j."id" WHERE j."ownerType" = 'workflow' AND j."ownerId" = ? AND j."ownerMemberId" = ? AND t."startedAt" IS NOT NULL`,
		[workflowId, nodeId],
	);
	return Number(row ? row.started : 0);
}

module.exports = { pollCursorOf, scheduledPollsStarted, dbQuery, dbStatement, executionsOf, loadExecution, staticDataOf, RUNNING_STATUSES };
