'use strict';
/*
 * `node e2e/run.js dev`: the sandbox and the current n8n's editor with this package, sandbox
 * credentials for every vendor and the examples loaded. Stops on Ctrl+C.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { HOSTS, prepareHost } = require('../lib/hosts');
const { startN8nServer } = require('../lib/n8nProcess');
const { freePort, httpGet } = require('../lib/net');
const { checkDist, installPackage } = require('../lib/packageInstall');
const { interruption } = require('../lib/processes');
const { pollingStartNode, cliStartNode } = require('../lib/runResult');
const { startSandbox } = require('../lib/sandbox');
const { STATE_DIR, E2EError, log, rel } = require('../lib/util');
const { checkCredentialRefs, importAll, loadCredentials, loadExamples, makeRedactor, secretsOf } = require('../lib/workflows');

const DEV_USER_FOLDER = path.join(STATE_DIR, 'user');

/**
 * Whether n8n will ask for an owner account on the first visit: true or false as n8n's settings
 * say, or null when n8n did not answer. Its first settings answer can take several seconds on a
 * busy machine, so each try waits `timeoutMs` and a slow answer is asked again.
 */
async function needsOwnerSetup(port, { timeoutMs = 30000, attempts = 3 } = {}) {
	for (let attempt = 0; attempt < attempts; attempt++) {
		const r = await httpGet(`http://127.0.0.1:${port}/rest/settings`, timeoutMs);
		try {
			return !!JSON.parse(r.body).data.userManagement.showSetupOnFirstLoad;
		} catch {
			// no answer (yet), or not the settings: ask again
		}
	}
	return null;
}

function printWelcome({ port, sandbox, creds, examples, ownerSetup }) {
	console.log('');
	console.log(`  n8n editor:  http://127.0.0.1:${port}`);
	console.log(`  sandbox:     ${sandbox.url}`);
	console.log(`  Credentials for all three vendors point at the sandbox ("${creds[0].name}" and ${creds.length - 1} more); ${examples.length} example workflow(s) imported.`);
	const triggerExamples = examples.filter((e) => !cliStartNode(e.workflow) && pollingStartNode(e.workflow));
	if (triggerExamples.length) {
		console.log(`  Trigger examples, imported inactive: ${triggerExamples.map((e) => `"${e.workflow.name}"`).join(', ')}.`);
		console.log('    Publish one in the editor: its first poll records a baseline, later polls (every minute) start an');
		console.log('    execution per change in the sandbox, for example a new Tencent customer:');
		console.log(`    curl -X POST ${sandbox.url}/_control/tencent/customers -H 'Content-Type: application/json' -d '{"Name":"Test Co"}'`);
	}
	if (ownerSetup === true) console.log('  First visit: n8n asks you to create a local owner account (stored only in .e2e/user).');
	if (ownerSetup === null) console.log('  If n8n asks for an owner account on your first visit, create one: it is stored only in .e2e/user.');
	console.log('  Press Ctrl+C to stop.');
	console.log('');
}

async function modeDev() {
	const port = Number(process.env.N8N_PORT || 5678);
	const host = HOSTS['n8n-2'];
	fs.mkdirSync(DEV_USER_FOLDER, { recursive: true });
	const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-dev-'));
	let server = null;
	let sandbox = null;
	let stopping = false;
	const stopAll = async (why) => {
		if (stopping) return;
		stopping = true;
		if (server || sandbox) log(`${why}: stopping n8n and the sandbox ...`);
		await Promise.all([server && server.stop(), sandbox && sandbox.stop()].filter(Boolean));
		fs.rmSync(tmpDir, { recursive: true, force: true });
	};
	try {
		if ((await httpGet(`http://127.0.0.1:${port}/healthz`)).status) throw new E2EError(`something already answers on 127.0.0.1:${port}; stop it or set N8N_PORT`);
		checkDist();
		await prepareHost(host);
		await installPackage(DEV_USER_FOLDER, tmpDir);
		const sandboxLog = path.join(STATE_DIR, 'sandbox-dev.log');
		fs.rmSync(sandboxLog, { force: true });
		sandbox = await startSandbox(process.env.E2E_SANDBOX_PORT ? Number(process.env.E2E_SANDBOX_PORT) : await freePort(), sandboxLog);
		log(`sandbox listening on ${sandbox.url} (log: ${rel(sandboxLog)})`);
		const creds = loadCredentials(sandbox.url);
		const examples = loadExamples();
		checkCredentialRefs(examples, creds);
		const redact = makeRedactor(secretsOf(creds));
		await importAll(host, { userFolder: DEV_USER_FOLDER, port, tmpDir, creds, examples, redact, sandboxUrl: sandbox.url });

		log(`starting n8n on 127.0.0.1:${port} (user folder ${rel(DEV_USER_FOLDER)}) ...`);
		const logFile = path.join(STATE_DIR, 'n8n-dev.log');
		fs.rmSync(logFile, { force: true });
		server = await startN8nServer(host, { userFolder: DEV_USER_FOLDER, port, logFile, waitForEditor: true });
		log(`n8n ready in ${(server.readyAfterMs / 1000).toFixed(1)} s (log: ${rel(logFile)})`);
		printWelcome({ port, sandbox, creds, examples, ownerSetup: await needsOwnerSetup(port) });

		return await new Promise((resolve) => {
			interruption.onStop = (sig) => stopAll(`received ${sig}`).then(() => resolve(0));
			if (interruption.interrupted) interruption.onStop('signal');
			server.exited.then((c) => {
				if (!stopping) stopAll(`n8n exited (${c}); see ${rel(logFile)}`).then(() => resolve(1));
			});
			sandbox.exited.then((c) => {
				if (!stopping) stopAll(`sandbox exited (${c})`).then(() => resolve(1));
			});
		});
	} catch (e) {
		await stopAll('error');
		throw interruption.interrupted ? new E2EError('interrupted') : e;
	}
}

module.exports = { modeDev, needsOwnerSetup, printWelcome };
