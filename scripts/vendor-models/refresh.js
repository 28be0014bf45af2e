#!/usr/bin/env node
'use strict';
/**
 * Refreshes the Tencent vendor models in test/fixtures/vendor-models from local checkouts of a
 * newer SDK release, and records the new commit and version in NOTICE.md there:
 *
 *   git clone https://github.com/TencentCloud/tencentcloud-cli-intl-en     (checkout a release tag)
 *   git clone https://github.com/TencentCloud/tencentcloud-sdk-go-intl-en  (checkout a release tag)
 *   node scripts/vendor-models/refresh.js --tencent-cli <cli checkout> --tencent-go <go checkout> [--out DIR]
 *
 * - tencent-cli-intl-en-api.json: the CLI's api.json for intlpartnersmgt 2022-09-28, copied unchanged;
 * - tencent-go-intl-en-structs.json: every struct of the Go SDK's models.go as { JSON field: Go type }.
 * Either option may be given alone. The Huawei schema is assembled from the Go SDK's meta and model
 * files with the steps its own `source.assembly` records; this script does not rebuild it.
 * Then run `npx jest test/shared/conformance.test.ts`: a changed model shows up there as a failing operation.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_OUT = path.join(ROOT, 'test', 'fixtures', 'vendor-models');
const CLI_API = 'tccli/services/intlpartnersmgt/v20220928/api.json';
const GO_MODELS = 'tencentcloud/intlpartnersmgt/v20220928/models.go';

/** { commit, version } of a checkout: HEAD and the nearest release tag. */
function gitInfo(dir) {
	const git = (...args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	const commit = git('rev-parse', 'HEAD');
	let version;
	try {
		version = git('describe', '--tags', '--abbrev=0');
	} catch {
		version = 'untagged';
	}
	return { commit, version };
}

/** Go struct name -> { json field: Go type }, for every struct in models.go (embedded types have no tag and are left out). */
function goStructs(source) {
	const structs = {};
	let current = null;
	for (const line of source.split('\n')) {
		const start = /^type (\w+) struct \{/.exec(line);
		if (start) {
			current = {};
			structs[start[1]] = current;
			continue;
		}
		if (current && /^\}/.test(line)) {
			current = null;
			continue;
		}
		const field = current && /^\s+\w+\s+(\S+)\s+`[^`]*json:"([^",]+)/.exec(line);
		if (field && field[2] !== '-') current[field[2]] = field[1];
	}
	return structs;
}

/** Replaces the NOTICE.md table row of `file` with the new commit and version. */
function updateNotice(outDir, file, commit, version) {
	const notice = path.join(outDir, 'NOTICE.md');
	const text = fs.readFileSync(notice, 'utf8');
	const row = new RegExp(`^(\\| \`${file.replace(/\./g, '\\.')}\` \\|[^|]*\\|[^|]*\\|) [^|]* \\| [^|]* \\|$`, 'm');
	if (!row.test(text)) throw new Error(`NOTICE.md has no row for ${file}`);
	fs.writeFileSync(notice, text.replace(row, `$1 ${commit} | ${version} |`));
}

function refreshTencentCli(dir, outDir) {
	const source = path.join(dir, CLI_API);
	const api = JSON.parse(fs.readFileSync(source, 'utf8'));
	if (!api.actions || !api.objects) throw new Error(`${CLI_API} has no actions/objects: not the CLI's api.json`);
	const { commit, version } = gitInfo(dir);
	fs.copyFileSync(source, path.join(outDir, 'tencent-cli-intl-en-api.json'));
	updateNotice(outDir, 'tencent-cli-intl-en-api.json', commit, version);
	return `tencent-cli-intl-en-api.json: ${Object.keys(api.actions).length} actions at ${commit} (${version})`;
}

function refreshTencentGo(dir, outDir) {
	const structs = goStructs(fs.readFileSync(path.join(dir, GO_MODELS), 'utf8'));
	if (!Object.keys(structs).length) throw new Error(`${GO_MODELS} has no structs`);
	const { commit, version } = gitInfo(dir);
	const out = { source: `TencentCloud/tencentcloud-sdk-go-intl-en ${GO_MODELS} at ${commit} (${version}): struct name -> { json field name: Go type }`, structs };
	fs.writeFileSync(path.join(outDir, 'tencent-go-intl-en-structs.json'), `${JSON.stringify(out, null, 2)}\n`);
	updateNotice(outDir, 'tencent-go-intl-en-structs.json', commit, version);
	return `tencent-go-intl-en-structs.json: ${Object.keys(structs).length} structs at ${commit} (${version})`;
}

function main(argv) {
	const option = (name) => {
		const at = argv.indexOf(name);
		return at >= 0 ? argv[at + 1] : undefined;
	};
	const cli = option('--tencent-cli');
	const go = option('--tencent-go');
	if (argv.includes('--help') || (!cli && !go)) {
		process.stdout.write(fs.readFileSync(__filename, 'utf8').split('\n').slice(3, 17).map((l) => l.replace(/^ \* ?/, '')).join('\n') + '\n');
		return cli || go || argv.includes('--help') ? 0 : 1;
	}
	const outDir = path.resolve(option('--out') || DEFAULT_OUT);
	if (cli) process.stdout.write(`${refreshTencentCli(path.resolve(cli), outDir)}\n`);
	if (go) process.stdout.write(`${refreshTencentGo(path.resolve(go), outDir)}\n`);
	return 0;
}

if (require.main === module) {
	try {
		process.exit(main(process.argv.slice(2)));
	} catch (error) {
		process.stderr.write(`refresh failed: ${error.message}\n`);
		process.exit(1);
	}
}

module.exports = { goStructs };
