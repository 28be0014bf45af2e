'use strict';
/**
 * The report a partner can share: per vendor and check, the status, calls, pages, records and every
 * finding with its field path and types. No value from an answer is printed; ids that reach the
 * report (in the nodes' error messages) are masked, and any credential text is blanked out as a
 * last line of defence.
 */
const LABELS = {
	missing: 'missing field',
	type: 'wrong type',
	enum: 'value outside the model',
	new: 'field not in the model',
	time: 'time not in the documented form',
	pages: 'paging',
};

const keepLastTwo = (id) => `${'*'.repeat(id.length - 2)}${id.slice(-2)}`;

/** Ids keep only their last 2 characters: digit runs of 5 or more (UINs, account ids), hex ids and UUIDs (domain, request ids). */
function maskIds(text) {
	return String(text)
		.replace(/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, keepLastTwo)
		.replace(/\b\d{5,}\b/g, keepLastTwo)
		.replace(/\b(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{16,}\b/g, keepLastTwo);
}

function blankSecrets(text, secrets) {
	let out = text;
	for (const secret of secrets) out = out.split(secret).join('[secret]');
	return out;
}

function findingLine(f) {
	const parts = [`${LABELS[f.kind] || f.kind}: ${f.path || '(answer)'}`];
	if (f.expected) parts.push(`expected ${f.expected}`);
	if (f.got) parts.push(`got ${f.got}`);
	if (f.count > 1) parts.push(`${f.count} times`);
	return parts.join(', ');
}

const STATUS_TEXT = {
	PASS: 'PASS',
	DRIFT: 'DRIFT',
	THROTTLED: 'THROTTLED',
	FAIL: 'FAIL',
	SKIPPED: 'SKIPPED',
};

/** The report text for all results ({ vendor: results[] }), with a verdict line at the end. */
function formatReport(resultsByVendor, { vendorNames, startedAt, secrets = [] }) {
	const lines = [`# Live check ${startedAt}`, '', 'Read-only calls through the n8n nodes, each answer compared with the vendor response model. Values are not shown; ids are masked.', ''];
	let problems = 0;
	let checks = 0;
	for (const [vendor, results] of Object.entries(resultsByVendor)) {
		lines.push(`## ${vendorNames[vendor] || vendor}`, '');
		for (const r of results) {
			checks += 1;
			if (r.status !== 'PASS' && r.status !== 'SKIPPED') problems += 1;
			const figures = r.status === 'SKIPPED' ? '' : ` (${r.calls} call(s), ${r.pages ? `${r.pages} page(s), ` : ''}${r.records} record(s)${r.throttled ? `, ${r.throttled} throttled answer(s)` : ''})`;
			const label = r.confidence === 'INFERRED' ? ' [model INFERRED]' : r.confidence ? ' [model CONFIRMED]' : '';
			lines.push(`- ${STATUS_TEXT[r.status]} ${r.check} (${r.vendorAction})${label}${figures}`);
			if (r.status === 'THROTTLED' || (r.throttled && r.status !== 'FAIL')) lines.push(`  - throttled: the vendor answered "too many requests" ${r.throttled} time(s) at the documented pace; the node waited and retried`);
			for (const f of r.findings || []) lines.push(`  - ${r.confidence === 'INFERRED' ? 'INFERRED ' : ''}${findingLine(f)}`);
			if (r.message) lines.push(`  - ${r.status === 'SKIPPED' ? 'skipped' : 'error'}: ${r.message}`);
			if (r.confidence === 'INFERRED' && (r.findings || []).length) lines.push(`  - the model is ${r.source}: the node's assumption differs from this account's answer`);
		}
		lines.push('');
	}
	lines.push(problems ? `Result: ${problems} of ${checks} check(s) need attention.` : `Result: all ${checks} check(s) passed.`);
	return { text: blankSecrets(maskIds(lines.join('\n')), secrets), problems };
}

module.exports = { formatReport, maskIds };
