'use strict';
// Checks only the current n8n line has: a clean startup (no deprecation notices, the package
// loaded without errors) and the AI-tool variants of the three nodes running as tools.
const fs = require('fs');
const path = require('path');

const { executeExample } = require('./executeExample');
const { deprecationNotices, n8nCli, startN8nServer } = require('./n8nProcess');
const { freePort } = require('./net');
const { E2E_DIR, E2EError, sleep, tail } = require('./util');
const { toImportable } = require('./workflows');

const SETTLE_MS = 5e3;

/** Starts `n8n start` once and reads what it printed: deprecations, package loading errors. */
async function checkStartup(host, tally, { userFolder, tmpDir, redact }, packageName) {
	const logFile = path.join(tmpDir, 'n8n-startup.log');
	const server = await startN8nServer(host, { userFolder, port: await freePort(), logFile, waitForEditor: true });
	await sleep(SETTLE_MS); // the runner registers and late startup notices arrive after /healthz
	await server.stop();
	const output = server.output();
	const notices = deprecationNotices(output);
	if (notices.length) tally.fail('n8n startup', `n8n printed deprecation notices: ${notices.join(' ')}`);
	else tally.ok('n8n startup', `no deprecation notices, ready after ${(server.readyAfterMs / 1000).toFixed(1)} s`);
	const loadProblems = output.split('\n').filter((l) => l.includes(packageName) && /error|fail|could not|unrecognized/i.test(l));
	if (loadProblems.length) tally.fail('package loads', redact(loadProblems.slice(0, 5).join(' | ')));
	else if (!/Registered runner/.test(output)) tally.fail('task runner', 'the external JavaScript task runner did not register with n8n', redact(tail(output, 15)));
	else tally.ok('package loads', 'no loading errors; the external task runner registered');
}

/** Expectation for the AI-tool fixture: each Tool Executor ran its tool against the sandbox. */
function checkAiToolRun(run, ctx) {
	// What each tool must have read from the sandbox: a field only that vendor's answer has.
	const expected = {
		'Run Tencent Tool': ['Tencent', 'IOS2'],
		'Run Huawei Tool': ['Huawei', 'customer_id'],
		'Run dotdigital Tool': ['dotdigital', 'AccountId'],
	};
	for (const [executor, [vendor, field]] of Object.entries(expected)) {
		const text = JSON.stringify(ctx.nodeOutput(executor) || []);
		if (!text.includes(field)) throw new Error(`${vendor}: the tool executor did not return the vendor's records (no ${field}): ${text.slice(0, 300)}`);
		if (/NodeApiError|NodeOperationError|"error"/i.test(text)) throw new Error(`${vendor}: the tool answered with an error: ${text.slice(0, 300)}`);
	}
}

/** Imports the AI-tool fixture and runs it with `n8n execute`, as the editor's "Execute step" would. */
async function checkAiTools(host, tally, ctx) {
	const file = 'ai-tools.json';
	const workflow = JSON.parse(fs.readFileSync(path.join(E2E_DIR, 'fixtures', file), 'utf8'));
	const wfFile = path.join(ctx.tmpDir, 'ai-tools.json');
	fs.writeFileSync(wfFile, JSON.stringify([toImportable(workflow, file, ctx.sandboxUrl)]));
	const imported = await n8nCli(host, ['import:workflow', `--input=${wfFile}`], { userFolder: ctx.userFolder, port: ctx.port, timeoutMs: 120e3 });
	fs.rmSync(wfFile, { force: true });
	if (imported.code !== 0) throw new E2EError(`importing the AI-tool fixture failed:\n${ctx.redact(tail(imported.stdout + imported.stderr))}`);
	const res = await executeExample(host, { file: `fixtures/${file}`, workflow }, checkAiToolRun, ctx);
	if (res.ok) tally.ok('AI tools', 'tencentCloudPartnerTool, huaweiCloudPartnerTool and dotdigitalResellerTool each ran as a tool');
	else tally.fail('AI tools', res.reason, res.details);
}

module.exports = { checkStartup, checkAiTools };
