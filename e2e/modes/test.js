'use strict';
/*
 * `node e2e/run.js test`: the package in real n8n.
 *   1. The current n8n (2.x, Node 24): clean startup, every example, the AI-tool variants.
 *   2. The oldest supported n8n (1.123.81): the package loads and one example per vendor runs.
 * Prints one line per check and a closing `N passed, N failed[, N skipped]`.
 */
const path = require('path');

const { checkAiTools, checkStartup } = require('../lib/currentN8nChecks');
const { HOSTS, prepareHost } = require('../lib/hosts');
const { checkDist, readRootPackage } = require('../lib/packageInstall');
const { interruption } = require('../lib/processes');
const { createTally, runExampleSuite } = require('../lib/exampleSuite');
const { E2E_DIR, E2EError, log, seconds } = require('../lib/util');
const { loadExamples } = require('../lib/workflows');

/** One example per vendor for the oldest supported n8n. */
const OLDEST_N8N_EXAMPLES = ['tencent-allocate-credit.json', 'huawei-customer-onboarding.json', 'dotdigital-add-user-and-credit.json'];

/** A check that fails on its own line instead of ending the suite. */
async function check(tally, name, fn) {
	try {
		await fn();
	} catch (e) {
		if (!(e instanceof E2EError)) e.message = `unexpected error: ${e.stack || e.message}`;
		const [first, ...rest] = e.message.split('\n');
		tally.fail(name, first, rest.join('\n') || undefined);
	}
}

async function suite(title, fn, totals) {
	const t0 = Date.now();
	const tally = createTally(`[${title}] `);
	try {
		await fn(tally);
	} catch (e) {
		if (!(e instanceof E2EError)) e.message = `unexpected error: ${e.stack || e.message}`;
		const [first, ...rest] = e.message.split('\n');
		tally.fail('setup', first, rest.join('\n') || undefined);
	}
	log(`${title}: ${tally.passed} passed, ${tally.failed} failed in ${seconds(Date.now() - t0)}`);
	for (const k of ['passed', 'failed', 'skipped']) totals[k] += tally[k];
}

async function modeTest() {
	const totals = { passed: 0, failed: 0, skipped: 0 };
	const examples = loadExamples();
	if (!examples.length) throw new E2EError('no examples/*.json found: nothing to test');
	const expectations = require(path.join(E2E_DIR, 'expectations.js'));
	checkDist();
	const packageName = readRootPackage().name;

	await suite('n8n 2', async (tally) => {
		const host = HOSTS['n8n-2'];
		const version = await prepareHost(host);
		await runExampleSuite(host, {
			label: `n8n ${version}`,
			examples,
			expectations,
			tally,
			beforeExamples: async (ctx) => {
				await check(tally, 'n8n startup', () => checkStartup(host, tally, ctx, packageName));
				await check(tally, 'AI tools', () => checkAiTools(host, tally, ctx));
			},
		});
	}, totals);

	if (!interruption.interrupted) {
		await suite('n8n 1', async (tally) => {
			const host = HOSTS['n8n-1'];
			const version = await prepareHost(host);
			const oldest = examples.filter((e) => OLDEST_N8N_EXAMPLES.includes(e.file));
			if (oldest.length !== OLDEST_N8N_EXAMPLES.length) throw new E2EError(`the oldest-n8n check needs ${OLDEST_N8N_EXAMPLES.join(', ')} in examples/`);
			await runExampleSuite(host, { label: `n8n ${version}`, examples: oldest, expectations, tally });
		}, totals);
	}

	const stale = Object.keys(expectations).filter((k) => !examples.some((e) => e.file === k));
	if (stale.length) log(`note: expectations without an example: ${stale.join(', ')}`);
	console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
	return totals.failed ? 1 : 0;
}

module.exports = { modeTest };
