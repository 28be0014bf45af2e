'use strict';
/*
 * `node e2e/run.js test`: the packages in real n8n.
 *   1. The current n8n (2.x, Node 24), combined package: clean startup, every example, the
 *      AI-tool variants.
 *   2. The same n8n in queue mode (Redis, PostgreSQL, two workers): bulk top-ups spread over the
 *      workers, and the trigger examples.
 *   3. Each single-vendor package alone with its own examples, then two side by side.
 *   4. The oldest supported n8n (1.123.81): the package loads and one example per vendor runs.
 * Prints one line per check and a closing `N passed, N failed[, N skipped]`.
 * E2E_ONLY=<comma-separated suite names> runs only those suites (n8n-2, queue, vendor, n8n-1).
 */
const path = require('path');

const { checkAiTools, checkStartup } = require('../lib/currentN8nChecks');
const { HOSTS, prepareHost } = require('../lib/hosts');
const { checkDist, readRootPackage } = require('../lib/packageInstall');
const { interruption } = require('../lib/processes');
const { createTally, runExampleSuite } = require('../lib/exampleSuite');
const { runQueueModeSuite } = require('../lib/queueMode');
const { credentialFilterOf, examplesOf, installerOf, readVendorPackages } = require('../lib/vendorPackages');
const { E2E_DIR, E2EError, log, seconds } = require('../lib/util');
const { loadExamples } = require('../lib/workflows');

/** One example per vendor for the oldest supported n8n, and for two vendor packages side by side. */
const OLDEST_N8N_EXAMPLES = ['tencent-allocate-credit.json', 'huawei-customer-onboarding.json', 'dotdigital-add-user-and-credit.json'];
const SIDE_BY_SIDE = { packages: ['n8n-nodes-tencent-cloud-partner', 'n8n-nodes-huawei-cloud-partner'], examples: ['tencent-allocate-credit.json', 'huawei-customer-onboarding.json'] };

const only = (process.env.E2E_ONLY || '').split(',').map((s) => s.trim()).filter(Boolean);
const wanted = (name) => only.length === 0 || only.includes(name);

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

	const current = HOSTS['n8n-2'];
	let currentVersion;
	if (wanted('n8n-2')) {
		await suite('n8n 2', async (tally) => {
			currentVersion = await prepareHost(current);
			await runExampleSuite(current, {
				label: `n8n ${currentVersion}`,
				examples,
				expectations,
				tally,
				durableScheduler: true,
				beforeExamples: async (ctx) => {
					await check(tally, 'n8n startup', () => checkStartup(current, tally, ctx, packageName));
					await check(tally, 'AI tools', () => checkAiTools(current, tally, ctx));
				},
			});
		}, totals);
	}

	if (wanted('queue') && !interruption.interrupted) {
		await suite('n8n 2 queue', async (tally) => {
			await prepareHost(current);
			await runQueueModeSuite(current, { examples, expectations, tally });
		}, totals);
	}

	if (wanted('vendor') && !interruption.interrupted) {
		const vendorPackages = readVendorPackages();
		for (const pkg of vendorPackages) {
			if (interruption.interrupted) break;
			await suite(pkg.name, async (tally) => {
				await prepareHost(current);
				await runExampleSuite(current, {
					label: `${pkg.name} alone`,
					examples: examplesOf(pkg, examples),
					expectations,
					tally,
					installPackages: installerOf([pkg]),
					credentialFilter: credentialFilterOf([pkg]),
				});
			}, totals);
		}
		if (!interruption.interrupted) {
			await suite('side by side', async (tally) => {
				await prepareHost(current);
				const pair = SIDE_BY_SIDE.packages.map((name) => vendorPackages.find((p) => p.name === name));
				const pairExamples = pair.flatMap((pkg) => examplesOf(pkg, examples).filter((e) => SIDE_BY_SIDE.examples.includes(e.file)));
				if (pairExamples.length !== SIDE_BY_SIDE.examples.length) throw new E2EError(`the side-by-side check needs ${SIDE_BY_SIDE.examples.join(', ')}`);
				await runExampleSuite(current, {
					label: pair.map((p) => p.name).join(' + '),
					examples: pairExamples,
					expectations,
					tally,
					installPackages: installerOf(pair),
					credentialFilter: credentialFilterOf(pair),
				});
			}, totals);
		}
	}

	if (wanted('n8n-1') && !interruption.interrupted) {
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
