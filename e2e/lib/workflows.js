'use strict';
// The examples and the sandbox credentials, checked and imported into n8n.
const fs = require('fs');
const path = require('path');

const { n8nCli } = require('./n8nProcess');
const { E2E_DIR, EXAMPLES_DIR, E2EError, log, seconds, tail } = require('./util');

const IMPORT_TIMEOUT_MS = 120e3;

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

/** Values of secret-looking credential fields (>= 6 chars): masked in anything the runner prints. */
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
			let wf;
			try {
				wf = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
			} catch (e) {
				throw new E2EError(`examples/${file} is not valid JSON: ${e.message}`);
			}
			if (!wf || typeof wf !== 'object' || Array.isArray(wf)) throw new E2EError(`examples/${file} must hold one workflow object`);
			if (!Array.isArray(wf.nodes) || !wf.connections) throw new E2EError(`examples/${file} has no "nodes"/"connections"`);
			if (typeof wf.id !== 'string' || !/^[A-Za-z0-9]{1,16}$/.test(wf.id)) {
				// n8n saves a workflow's static data (a trigger's state) only for ids of at most 21
				// characters (isWorkflowIdValid); its own ids have 16 letters and digits.
				throw new E2EError(`examples/${file} needs an "id" of 1 to 16 letters and digits, as n8n makes them (it is what \`n8n execute --id\` runs), not ${JSON.stringify(wf.id)}`);
			}
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
	copy.active = false;
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

/** Imports the credentials (from a 0600 temp file, deleted at once) and the workflows. */
async function importAll(host, { userFolder, port, tmpDir, creds, examples, redact, sandboxUrl, extraEnv }) {
	const credFile = path.join(tmpDir, `credentials-${process.pid}.json`);
	fs.writeFileSync(credFile, JSON.stringify(creds), { mode: 0o600 });
	let t0 = Date.now();
	try {
		const r = await n8nCli(host, ['import:credentials', `--input=${credFile}`], { userFolder, port, timeoutMs: IMPORT_TIMEOUT_MS, extraEnv });
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
	const r = await n8nCli(host, ['import:workflow', `--input=${wfFile}`], { userFolder, port, timeoutMs: IMPORT_TIMEOUT_MS, extraEnv });
	fs.rmSync(wfFile, { force: true });
	if (r.code !== 0 || !/Successfully imported/.test(r.stdout + r.stderr)) {
		throw new E2EError(`n8n import:workflow failed (exit ${r.code ?? r.signal}${r.timedOut ? ', timed out' : ''}):\n${redact(tail(r.stdout + r.stderr))}`);
	}
	log(`imported ${examples.length} workflow(s) in ${seconds(Date.now() - t0)}`);
}

module.exports = { loadCredentials, secretsOf, makeRedactor, loadExamples, toImportable, checkCredentialRefs, importAll };
