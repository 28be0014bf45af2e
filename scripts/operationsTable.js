// Renders the operation tables (one per vendor, in docs/operations/<vendor>.md, linked from the
// README and copied into each vendor package's README) from the node's operation specs, so the
// documentation cannot drift from what the node does. `node scripts/operationsTable.js --write`
// (after a build) rewrites the marked section of each file; the test suite fails when one is out
// of date.
const fs = require('fs');
const path = require('path');

const PROVIDERS = {
	tencent: {
		doc: 'docs/operations/tencent.md',
		module: 'dist/nodes/TencentCloudPartner/resources/index.js',
		resources: 'tencentResources',
		operations: 'tencentOperations',
		actionHeader: 'Tencent action',
	},
	dotdigital: {
		doc: 'docs/operations/dotdigital.md',
		module: 'dist/nodes/DotdigitalReseller/resources/index.js',
		resources: 'dotdigitalResources',
		operations: 'dotdigitalOperations',
		actionHeader: 'Method',
	},
	huawei: {
		doc: 'docs/operations/huawei.md',
		module: 'dist/nodes/HuaweiCloudPartner/resources/index.js',
		resources: 'huaweiResources',
		operations: 'huaweiOperations',
		actionHeader: 'Huawei API',
	},
};

function notesOf(spec) {
	const notes = [];
	if (spec.customCall) notes.push(spec.fields.some((f) => f.name === 'RateLimit') ? 'write unless marked a read; rate settable, default shown; also at the end of every operation list' : 'always a write; also at the end of every operation list');
	const { request = {}, access = {}, writeRules = {} } = spec;
	if (access.needsCustomerKey) notes.push("customer's own key");
	if (access.needsAllowlist) notes.push('allowlist');
	if (request.inferred) notes.push('INFERRED (method name and fields not published; overridable)');
	if (spec.paging) notes.push(`pages of up to ${spec.paging.maxPageSize}`);
	if (request.batch) notes.push(`any number of IDs, ${request.batch.maxPerCall} per call`);
	if (spec.write && writeRules.rerun) notes.push(`run again: ${writeRules.rerun.protection}`);
	return notes.join('; ');
}

/** read, or for a write whether running it again is harmless or adds again (from the spec's `writeRules.rerun`). */
function kindOf(spec) {
	const rerun = spec.writeRules && spec.writeRules.rerun;
	if (!spec.write) return 'read';
	if (!rerun) return 'write';
	return rerun.effect === 'harmless' ? 'write, harmless again' : 'write, **adds again**';
}

function actionOf(spec) {
	// A custom call names its action or path per item; the table says so instead of a placeholder.
	if (spec.customCall) return spec.fields.some((f) => f.name === 'Path') ? 'any method and path you enter' : spec.fields.some((f) => f.name === 'Action') ? 'any action you enter' : 'any method you enter';
	const http = spec.request && spec.request.http;
	return http ? `\`${spec.vendorAction}\` (\`${http.method} ${http.path}\`)` : `\`${spec.vendorAction}\``;
}

/** A markdown table: one row per operation, in the node's own order. */
function renderTable(resources, specs, actionHeader) {
	const accessOf = (spec) => spec.access || {};
	const withPermissions = specs.some((s) => accessOf(s).permissions);
	const rows = [
		`| Resource | Operation | ${actionHeader} | Kind | Rate limit |${withPermissions ? ' Action codes (any one) | Where to grant |' : ''} Notes |`,
		`|---|---|---|---|---|${withPermissions ? '---|---|' : ''}---|`,
	];
	for (const resource of resources) {
		for (const spec of specs.filter((s) => s.resource === resource.value)) {
			const permissions = withPermissions
				? ` ${(accessOf(spec).permissions || []).map((p) => `\`${p}\``).join(' or ') || 'none'} | ${accessOf(spec).permissionPath || '-'} |`
				: '';
			rows.push(
				`| ${resource.name} | ${spec.name} | ${actionOf(spec)} | ${kindOf(spec)} | ${spec.rateLimitPerSecond ? `${spec.rateLimitPerSecond}/s` : 'none published'} |${permissions} ${notesOf(spec)} |`,
			);
		}
	}
	return rows.join('\n');
}

function markers(provider) {
	return [`<!-- operations:${provider}:start -->`, `<!-- operations:${provider}:end -->`];
}

/** Replaces the section between a provider's markers with a freshly rendered table. */
function replaceSection(doc, provider, table) {
	const [start, end] = markers(provider);
	const from = doc.indexOf(start);
	const to = doc.indexOf(end);
	if (from < 0 || to < from) throw new Error(`${PROVIDERS[provider].doc} has no ${start} ... ${end} section`);
	return `${doc.slice(0, from + start.length)}\n${table}\n${doc.slice(to)}`;
}

const root = path.resolve(__dirname, '..');

/** A provider's operations document as it is on disk (tests compare it with a freshly rendered one). */
function readOperationsDoc(provider) {
	return fs.readFileSync(path.join(root, PROVIDERS[provider].doc), 'utf8');
}

if (require.main === module) {
	for (const [provider, source] of Object.entries(PROVIDERS)) {
		const loaded = require(path.join(root, source.module));
		const doc = replaceSection(readOperationsDoc(provider), provider, renderTable(loaded[source.resources], loaded[source.operations], source.actionHeader));
		if (process.argv.includes('--write')) fs.writeFileSync(path.join(root, source.doc), doc);
		else process.stdout.write(doc);
	}
}

module.exports = { renderTable, replaceSection, markers, readOperationsDoc, PROVIDERS };
