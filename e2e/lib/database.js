'use strict';
// Reading what n8n stored (workflows, executions, static data) from its SQLite database, read-only:
// n8n keeps it in WAL mode, so reads never block the running n8n.
const path = require('path');

const { installDir, nodeOf } = require('./hosts');
const { run } = require('./processes');
const { E2EError } = require('./util');

const QUERY_TIMEOUT_MS = 30e3;
const CHILD = path.join(__dirname, 'sqliteQuery.child.js');

const dbFileOf = (userFolder) => path.join(userFolder, '.n8n', 'database.sqlite');

/** Rows of one read-only query, run on the host's Node with the host's sqlite3. */
async function dbQuery(host, userFolder, sql, params = []) {
	const modules = path.join(installDir(host.name), 'node_modules');
	const r = await run(nodeOf(host), [CHILD, modules, dbFileOf(userFolder), sql, JSON.stringify(params)], { timeoutMs: QUERY_TIMEOUT_MS });
	if (r.code !== 0) throw new E2EError((r.stderr || `query exited with ${r.code ?? r.signal}`).trim());
	return JSON.parse(r.stdout);
}

const RUNNING_STATUSES = new Set(['new', 'running', 'waiting', 'unknown']);

/** The workflow's executions started by a trigger, oldest first. */
function triggerExecutionsOf(host, userFolder, workflowId) {
	return dbQuery(
		host,
		userFolder,
		"SELECT id, status, finished, mode, startedAt, stoppedAt FROM execution_entity WHERE workflowId = ? AND mode = 'trigger' AND deletedAt IS NULL ORDER BY id",
		[workflowId],
	);
}

/** A stored execution in the shape of `execute --rawOutput`'s IRun: { id, status, mode, startedAt, stoppedAt, data }. */
async function loadExecution(host, userFolder, row) {
	const [stored] = await dbQuery(host, userFolder, 'SELECT data FROM execution_data WHERE executionId = ?', [row.id]);
	if (!stored) throw new E2EError(`execution ${row.id} has no row in execution_data`);
	// flatted is plain JavaScript: the runner's own Node can load it from the host's install.
	const { parse } = require(require.resolve('flatted', { paths: [path.join(installDir(host.name), 'node_modules')] }));
	const toIso = (v) => (v ? new Date(/Z|[+-]\d\d:?\d\d$/.test(String(v)) ? v : `${String(v).replace(' ', 'T')}Z`).toISOString() : v);
	return { id: String(row.id), status: row.status, finished: !!row.finished, mode: row.mode, startedAt: toIso(row.startedAt), stoppedAt: toIso(row.stoppedAt), data: parse(stored.data) };
}

/** The static data n8n persisted for a workflow (the triggers' state), parsed; {} when none. */
async function staticDataOf(host, userFolder, workflowId) {
	const [row] = await dbQuery(host, userFolder, 'SELECT staticData FROM workflow_entity WHERE id = ?', [workflowId]);
	if (!row || !row.staticData) return {};
	return typeof row.staticData === 'string' ? JSON.parse(row.staticData) : row.staticData;
}

module.exports = { dbQuery, triggerExecutionsOf, loadExecution, staticDataOf, RUNNING_STATUSES };
