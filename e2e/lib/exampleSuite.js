'use strict';
// One n8n, one sandbox, a set of examples: import them, run the manual ones with `n8n execute`
// and the polling-trigger ones in a running n8n, and report a line per example.
const fs = require('fs');
const os = require('os');
const path = require('path');

const { executeExample } = require('./executeExample');
const { freePort } = require('./net');
const { installPackage } = require('./packageInstall');
const { interruption } = require('./processes');
const { cliStartNode, pollingStartNode } = require('./runResult');
const { withSandbox } = require('./sandbox');
const { SCHEDULERS } = require('./schedulers');
const { testTriggerExamples } = require('./triggerExamples');
const { E2EError, log, oneLine, seconds } = require('./util');
const { checkCredentialRefs, importAll, loadCredentials, makeRedactor, secretsOf } = require('./workflows');

/** Counts results and prints one line per check, in the format the README documents. */
function createTally(prefix) {
	const tally = { passed: 0, failed: 0, skipped: 0 };
	tally.ok = (name, info) => {
		tally.passed++;
		console.log(`ok ${prefix}${name}${info ? ` (${info})` : ''}`);
	};
	tally.fail = (name, reason, details) => {
		tally.failed++;
		console.log(`FAIL ${prefix}${name}: ${oneLine(reason)}`);
		if (details) console.log(String(details).replace(/^/gm, '    '));
	};
	tally.skip = (name, reason) => {
		tally.skipped++;
		console.log(`skip ${prefix}${name}: ${oneLine(reason)}`);
	};
	return tally;
}

/** What the example's entry in e2e/expectations.js asks for, or why it cannot run. */
function planOf(ex, expectations) {
	const expectation = expectations[ex.file];
	if (expectation && typeof expectation === 'object' && expectation.skip) return { skip: expectation.skip };
	const start = cliStartNode(ex.workflow);
	const poller = start ? undefined : pollingStartNode(ex.workflow);
	if (poller) {
		const t = expectation && expectation.trigger;
		if (!t || typeof t.afterActivation !== 'function' || typeof t.check !== 'function') {
			return { problem: `it starts with the polling trigger "${poller.name}"; its entry in e2e/expectations.js needs { trigger: { afterActivation(ctx), check(execution, ctx) } }` };
		}
		return { trigger: { ex, spec: expectation, startNode: poller } };
	}
	if (!start) return { problem: 'no node `n8n execute` can start from (needs a Manual Trigger, an Execute Workflow Trigger or a polling trigger); mark it { skip: \'why\' } in e2e/expectations.js if it cannot be tested here' };
	if (expectation && typeof expectation === 'object' && expectation.trigger) return { problem: `its expectation has "trigger" but the workflow starts at "${start.name}", which \`n8n execute\` runs` };
	// An example without an expectation still runs (its output can be dumped), then fails.
	const check = expectation || ((run, ctx) => {
		throw new Error(`no expectation for ${ex.file} in e2e/expectations.js (it ran: ${run.status}, ${ctx.items.length} items from "${ctx.lastNode}")`);
	});
	return { execute: check };
}

/**
 * Runs `examples` (plus `extraWorkflows`, e2e-only fixtures with their own expectations) in a new
 * user folder of `host`. `beforeExamples(ctx)` runs once n8n has the package and the imports.
 * `durableScheduler`: the polling-trigger examples run a second time, on a database of their own,
 * with n8n's durable scheduler and durable poll cursors switched on.
 */
async function runExampleSuite(host, { label, examples, expectations, tally, beforeExamples, installPackages = installPackage, credentialFilter = (c) => c, durableScheduler = false }) {
	const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
	const userFolder = path.join(tmpDir, 'user');
	fs.mkdirSync(userFolder, { recursive: true });
	const timings = [];
	try {
		await installPackages(userFolder, tmpDir);
		await withSandbox(async (sandbox) => {
			const creds = credentialFilter(loadCredentials(sandbox.url));
			checkCredentialRefs(examples, creds);
			const secrets = secretsOf(creds);
			const redact = makeRedactor(secrets);
			const port = await freePort(); // `execute` listens on nothing, but keep it off 5678
			await importAll(host, { userFolder, port, tmpDir, creds, examples, redact, sandboxUrl: sandbox.url });
			const ctx = { userFolder, port, tmpDir, redact, secrets, sandboxUrl: sandbox.url, timings };
			if (beforeExamples) await beforeExamples(ctx);
			const triggerItems = [];
			for (const ex of examples) {
				if (interruption.interrupted) {
					tally.fail(ex.file, 'not run (interrupted)');
					continue;
				}
				const plan = planOf(ex, expectations);
				if (plan.skip) tally.skip(ex.file, plan.skip);
				else if (plan.problem) tally.fail(ex.file, plan.problem);
				else if (plan.trigger) triggerItems.push(plan.trigger);
				else {
					const res = await executeExample(host, ex, plan.execute, ctx);
					if (res.ok) tally.ok(ex.file, `${res.count} items`);
					else tally.fail(ex.file, res.reason, res.details);
					timings.push(`${ex.file} ${seconds(res.ms)}`);
				}
			}
			const runTriggers = async (scheduler, instance) => {
				log(`${label}${scheduler.label}: testing ${triggerItems.length} polling-trigger example(s) in a running n8n (each waits for its trigger's polls, up to ~3 min) ...`);
				let results;
				try {
					results = await testTriggerExamples(instance, triggerItems, { ...ctx, cliPort: port, scheduler });
				} catch (e) {
					if (!(e instanceof E2EError)) throw e;
					results = triggerItems.map(() => ({ ok: false, reason: redact(e.message) }));
				}
				triggerItems.forEach(({ ex }, i) => {
					const res = results[i];
					if (res.ok) tally.ok(`${ex.file}${scheduler.label}`, [`${res.count} items, trigger execution #${res.executionId}`, res.when].filter(Boolean).join(', '));
					else tally.fail(`${ex.file}${scheduler.label}`, res.reason, res.details);
				});
			};
			if (triggerItems.length) await runTriggers(SCHEDULERS.defaults, { host, userFolder });
			if (triggerItems.length && durableScheduler && !interruption.interrupted) {
				// A database of its own, so that every trigger is published for the first time again.
				const scheduler = SCHEDULERS.durable;
				const file = path.join(userFolder, '.n8n', 'durable-scheduler.sqlite');
				const extraEnv = { ...scheduler.env, DB_SQLITE_DATABASE: file };
				const t0 = Date.now();
				await importAll(host, { userFolder, port, tmpDir, creds, examples: triggerItems.map((t) => t.ex), redact, sandboxUrl: sandbox.url, extraEnv });
				await runTriggers(scheduler, { host, userFolder, extraEnv, db: { type: 'sqlite', file }, logSuffix: '-durable' });
				timings.push(`durable-scheduler trigger pass ${seconds(Date.now() - t0)}`);
			}
			log(`${label} times: ${timings.join(', ')}`);
		});
	} finally {
		if (process.env.E2E_KEEP_TMP === '1') log(`kept ${tmpDir}`);
		else fs.rmSync(tmpDir, { recursive: true, force: true });
	}
}

module.exports = { runExampleSuite, createTally };
