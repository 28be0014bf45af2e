#!/usr/bin/env node
'use strict';
/**
 * `npm run live-check`: a partner's first check of the nodes against their own accounts.
 *
 *   npm run live-check -- [--credentials <file>] [--vendor tencent,huawei,dotdigital] [--out <file>] [--sandbox]
 *
 * Calls a read-only selection of each vendor's operations (plan.js) through the nodes, with the
 * credentials in the file or environment (credentials.js), compares every answer with the vendor's
 * response model and prints a report without secrets or raw ids. `--sandbox` runs the same check
 * against the local sandbox with its test keys (what the tests do). Exit code 0 when every check
 * passed, 1 when any needs attention, 2 when the check could not run.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

// n8n-core writes an instance key under the user folder: a throw-away one, never ~/.n8n.
process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-live-check-'));
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';

const { credentialsPerVendor, loadCredentials, secretTexts } = require('./credentials');

function parseArgs(argv) {
	const args = { vendors: undefined, credentials: undefined, out: undefined, sandbox: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--sandbox') args.sandbox = true;
		else if (arg === '--credentials') args.credentials = argv[++i];
		else if (arg === '--out') args.out = argv[++i];
		else if (arg === '--vendor') args.vendors = String(argv[++i] || '').split(',').filter(Boolean);
		else if (arg === '--help' || arg === '-h') args.help = true;
		else throw new Error(`unknown argument ${arg}`);
	}
	return args;
}

const realPace = { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/**
 * Runs the check for the vendors with credentials; returns { text, problems }. `pace` and `log`
 * are for tests (a pace that records instead of waiting; a log that collects progress lines).
 */
async function liveCheck({ byType, vendors, pace = realPace, log = () => {}, now = () => new Date() }) {
	const { VENDORS, checkVendor } = require('./runner');
	const { formatReport } = require('./report');
	const chosen = credentialsPerVendor(byType);
	const selected = (vendors || Object.keys(VENDORS)).filter((v) => {
		if (!VENDORS[v]) throw new Error(`unknown vendor ${v} (use ${Object.keys(VENDORS).join(', ')})`);
		return chosen[v];
	});
	if (!selected.length) throw new Error(`no credentials for ${vendors ? vendors.join(', ') : 'any vendor'}`);
	const startedAt = now().toISOString();
	const results = {};
	for (const vendor of selected) {
		log(`${VENDORS[vendor].name}: checking with ${chosen[vendor].type} ...`);
		results[vendor] = await checkVendor(vendor, chosen[vendor], { pace, onResult: (r) => log(`  ${r.status} ${r.check}`) });
	}
	const vendorNames = Object.fromEntries(Object.entries(VENDORS).map(([k, v]) => [k, v.name]));
	return formatReport(results, { vendorNames, startedAt, secrets: secretTexts(byType) });
}

/** The sandbox's own test credentials (the e2e's), keyed by credential type. */
function sandboxCredentials(url) {
	const { credentials } = require('../../e2e/credentials');
	return Object.fromEntries(credentials(url).map((c) => [c.type, c.data]));
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		process.stdout.write(fs.readFileSync(__filename, 'utf8').split('\n').slice(3, 14).map((l) => l.replace(/^ \* ?/, '')).join('\n') + '\n');
		return 0;
	}
	const log = (line) => process.stderr.write(`${line}\n`);
	let sandbox;
	try {
		let byType;
		if (args.sandbox) {
			const { startSandbox } = require('../../sandbox/server');
			sandbox = await startSandbox({ port: 0 });
			byType = sandboxCredentials(sandbox.url);
			log(`sandbox on ${sandbox.url}`);
		} else {
			const loaded = loadCredentials({ file: args.credentials });
			byType = loaded.byType;
			log(`credentials from ${loaded.source}`);
		}
		const report = await liveCheck({ byType, vendors: args.vendors, log });
		process.stdout.write(`${report.text}\n`);
		if (args.out) fs.writeFileSync(args.out, `${report.text}\n`);
		return report.problems ? 1 : 0;
	} finally {
		if (sandbox) await sandbox.close();
	}
}

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(error) => {
			process.stderr.write(`live check could not run: ${error.message}\n`);
			process.exit(2);
		},
	);
}

module.exports = { liveCheck, parseArgs, sandboxCredentials };
