'use strict';
// Examples that start at a Manual Trigger: `n8n execute --id`, then the expectation's check.
const fs = require('fs');
const path = require('path');

const { n8nCli } = require('./n8nProcess');
const { errorText, nodeOutput, parseRun } = require('./runResult');
const { seconds, tail } = require('./util');

const EXECUTE_TIMEOUT_MS = 120e3;

function dump(file, redact, data) {
	if (!process.env.E2E_DUMP_DIR) return;
	fs.mkdirSync(process.env.E2E_DUMP_DIR, { recursive: true });
	fs.writeFileSync(path.join(process.env.E2E_DUMP_DIR, path.basename(file).replace(/\.json$/, '.run.json')), redact(JSON.stringify(data, null, 2)));
}

/** Runs one example and checks it; resolves { ok, ms, count?, reason?, details? }. */
async function executeExample(host, { file, workflow }, expectation, { userFolder, port, redact, secrets, sandboxUrl }) {
	const t0 = Date.now();
	const r = await n8nCli(host, ['execute', `--id=${workflow.id}`, '--rawOutput'], { userFolder, port, timeoutMs: EXECUTE_TIMEOUT_MS });
	const ms = Date.now() - t0;
	const out = `${r.stdout}\n${r.stderr}`;
	const details = () => redact(tail(out, 15));
	if (r.timedOut) return { ok: false, ms, reason: `timed out after ${seconds(EXECUTE_TIMEOUT_MS)}`, details: details() };

	const runResult = parseRun(r.stdout) || parseRun(out);
	if (runResult) dump(file, redact, runResult);
	if (!runResult) return { ok: false, ms, reason: `no run result in n8n's output (exit ${r.code})`, details: details() };
	const spec = typeof expectation === 'function' ? { check: expectation } : expectation;
	const error = errorText(runResult);
	const failed = r.code !== 0 || runResult.status !== 'success' || !!error;
	if (failed && !spec.expectError) {
		return { ok: false, ms, reason: `execution failed (exit ${r.code}, status ${runResult.status}): ${redact(error || 'no error message')}`, details: error ? undefined : details() };
	}
	if (!failed && spec.expectError) return { ok: false, ms, reason: 'execution succeeded but the expectation says it must fail' };
	const lastNode = runResult.data.resultData.lastNodeExecuted;
	const items = (lastNode && nodeOutput(runResult, lastNode)) || [];
	const ctx = { sandboxUrl, file, workflow, lastNode, items, error, nodeOutput: (name, opts) => nodeOutput(runResult, name, opts) };
	try {
		if (typeof spec.check !== 'function') throw new Error(`the expectation for ${file} is neither a function nor { check }`);
		await spec.check(runResult, ctx);
	} catch (e) {
		return { ok: false, ms, reason: redact((e && e.message) || String(e)) };
	}
	if (secrets.some((s) => out.includes(s))) return { ok: false, ms, reason: "a credential secret appears in n8n's output" };
	return { ok: true, ms, count: items.length };
}

module.exports = { executeExample, dump };
