'use strict';
/**
 * Runs the plan (plan.js) through the nodes themselves, the way n8n runs a manual execution
 * (n8n-core's WorkflowExecute, through the same harness the workflow tests use), records each
 * vendor answer as n8n received it (capture.js) and compares it with the vendor's response model
 * (models.js, compare.js): fields, types, pages and times. Sequential, paced to each operation's
 * documented rate; never a write.
 */
const { startCapture } = require('./capture');
const { compare, summarize, jsonType } = require('./compare');
const { responseModelOf } = require('./models');
const { PLAN } = require('./plan');
const { errorOf, outputOf, runWorkflow, setCredential } = require('../../test/harness/runWorkflow');
const { NODE_NAME, singleNodeWorkflow } = require('../../test/harness/workflows');
const { credentialTypes } = require('../../test/harness/nodeTypes');
const { tencentOperations } = require('../../nodes/TencentCloudPartner/resources');
const { huaweiOperations } = require('../../nodes/HuaweiCloudPartner/resources');
const { dotdigitalOperations } = require('../../nodes/DotdigitalReseller/resources');

/** Per vendor: the node, its operations, and which credential types it can use. */
const VENDORS = {
	tencent: { name: 'Tencent Cloud Partner', nodeType: 'tencentCloudPartner', operations: tencentOperations, credentials: [{ type: 'tencentCloudPartnerApi' }] },
	huawei: {
		name: 'Huawei Cloud Partner',
		nodeType: 'huaweiCloudPartner',
		operations: huaweiOperations,
		credentials: [
			{ type: 'huaweiCloudPartnerApi', parameters: { authentication: 'accessKey' } },
			{ type: 'huaweiCloudPartnerIamApi', parameters: { authentication: 'iamToken' } },
		],
	},
	dotdigital: { name: 'dotdigital CPaaS Reseller', nodeType: 'dotdigitalReseller', operations: dotdigitalOperations, credentials: [{ type: 'dotdigitalResellerApi' }] },
};

/** An undocumented rate is treated as one call a second. */
const intervalMs = (spec) => Math.ceil(1000 / (spec.rateLimitPerSecond > 0 ? spec.rateLimitPerSecond : 1));

function findSpec(vendor, resource, operation) {
	const spec = VENDORS[vendor].operations.find((o) => o.resource === resource && o.operation === operation);
	if (!spec) throw new Error(`${vendor} has no operation ${resource} ${operation}`);
	if (spec.write) throw new Error(`${vendor} ${resource} ${operation} writes: the live check never calls it`);
	return spec;
}

/** The credential data with the credential type's defaults for every field not given. */
function withDefaults(type, data) {
	const defaults = Object.fromEntries(credentialTypes[type].properties.filter((p) => p.default !== undefined).map((p) => [p.name, p.default]));
	return { ...defaults, ...data };
}

/** Where an operation's records sit in its answer, if it answers with a list. */
const recordsPathOf = (spec) => (spec.answer ? spec.answer.recordsPath : undefined);

const getPath = (value, path) => (path ? path.split('.').reduce((v, key) => (v === null || v === undefined ? undefined : v[key]), value) : value);

/** Where the records of a list answer are, as the node finds them (`*`: the answer's first list). */
function recordsOf(body, spec) {
	const path = recordsPathOf(spec);
	if (!path) return undefined;
	if (path === '*') return Array.isArray(body) ? body : Object.values(body || {}).find(Array.isArray);
	return getPath(body, path);
}

/** Whether an answer is the vendor saying "too many requests". */
function isThrottled(vendor, answer) {
	if (vendor === 'tencent') return /^RequestLimitExceeded/.test(getPath(answer.body, 'Response.Error.Code') || '');
	return answer.status === 429;
}

const isSuccess = (vendor, answer) => answer.status >= 200 && answer.status < 300 && !(vendor === 'tencent' && getPath(answer.body, 'Response.Error'));

/** Findings about paging: the answers' totals and record counts against what the node returned. */
function pageFindings(spec, pages, itemCount, limit) {
	if (!spec.paging || !pages.length) return [];
	const findings = [];
	const records = pages.reduce((n, p) => n + (Array.isArray(p.records) ? p.records.length : 0), 0);
	const expected = Math.min(records, limit ?? records);
	if (itemCount !== expected) findings.push({ kind: 'pages', path: recordsPathOf(spec), expected: `${expected} items from ${pages.length} page(s)`, got: `${itemCount}` });
	// A total may come as a string of digits where the model says string (Tencent's DescribeCustomerUin).
	const totals = pages.map((p) => p.total).filter((t) => t !== undefined).map((t) => (typeof t === 'string' && /^\d+$/.test(t) ? Number(t) : t));
	if (spec.paging.totalPath && totals.some((t) => jsonType(t) !== 'integer')) findings.push({ kind: 'pages', path: spec.paging.totalPath, expected: 'a whole-number total', got: totals.map(jsonType).join(',') });
	else if (totals.length && records > Math.max(...totals)) findings.push({ kind: 'pages', path: spec.paging.totalPath, expected: `a total of at least ${records} (records received)`, got: 'less' });
	return findings;
}

/**
 * A check passes only on answers it has seen: a run that reached the vendor without one answer
 * captured would compare nothing, so it fails instead of passing unseen.
 */
function statusOf({ error, findings, throttled, answers }) {
	if (error || answers === 0) return 'FAIL';
	if (findings.length) return 'DRIFT';
	return throttled ? 'THROTTLED' : 'PASS';
}

/**
 * Runs every check of `vendor` with `credential` ({ type, data }). `pace` is
 * `{ sleep(ms): Promise<void> }` (tests pass one that records the waits instead of waiting).
 */
async function checkVendor(vendor, credential, { pace, onResult = () => {} } = {}) {
	const setup = VENDORS[vendor];
	const use = setup.credentials.find((c) => c.type === credential.type);
	if (!use) throw new Error(`${credential.type} is not a credential of ${setup.name}`);
	const credentialId = `live-check-${vendor}`;
	setCredential(credentialId, withDefaults(credential.type, credential.data));
	const outputs = {};
	const results = [];
	let previous;
	for (const entry of PLAN[vendor]) {
		const key = `${entry.resource} ${entry.operation}`;
		const spec = findSpec(vendor, entry.resource, entry.operation);
		const base = { vendor, check: key, vendorAction: spec.vendorAction };
		let parameters = typeof entry.parameters === 'function' ? entry.parameters(spec) : entry.parameters || {};
		if (entry.after) {
			const extra = entry.after(outputs);
			if (!extra) {
				const skipped = { ...base, status: 'SKIPPED', message: 'no record from an earlier check to read', findings: [] };
				results.push(skipped);
				onResult(skipped);
				continue;
			}
			parameters = { ...parameters, ...extra };
		}
		if (previous) await pace.sleep(intervalMs(previous));
		previous = spec;
		const capture = startCapture();
		let run;
		try {
			run = await runWorkflow(
				singleNodeWorkflow(setup.nodeType, { resource: entry.resource, operation: entry.operation, ...(use.parameters || {}), ...parameters }, {
					credentials: { [credential.type]: { id: credentialId, name: credentialId } },
				}),
			);
		} finally {
			capture.stop();
		}
		const items = outputOf(run, NODE_NAME).map((i) => i.json);
		outputs[key] = items;
		const answers = capture.answers;
		const throttled = answers.filter((a) => isThrottled(vendor, a)).length;
		const { model, at, confidence, source } = responseModelOf(vendor, spec);
		const listModel = vendor === 'dotdigital' && recordsPathOf(spec);
		const findings = [];
		const pages = [];
		for (const answer of answers.filter((a) => isSuccess(vendor, a))) {
			const body = getPath(answer.body, at);
			const records = recordsOf(body, spec);
			if (recordsPathOf(spec) && records === undefined) findings.push({ kind: 'missing', path: [at, recordsPathOf(spec)].filter(Boolean).join('.'), expected: 'the list of records' });
			if (listModel) (records || []).forEach((r) => compare(vendor, model, r, '[]', findings));
			else compare(vendor, model, body, at, findings);
			if (spec.paging) pages.push({ records, total: spec.paging.totalPath ? getPath(body, spec.paging.totalPath) : undefined });
		}
		findings.push(...pageFindings(spec, pages, items.length, parameters.returnAll ? undefined : parameters.limit));
		const error = errorOf(run);
		const status = statusOf({ error, findings, throttled, answers: answers.length });
		const result = {
			...base,
			status,
			confidence,
			source,
			calls: answers.length,
			pages: pages.length,
			records: items.length,
			throttled,
			findings: summarize(findings),
			message: error ? String(error.message) : answers.length === 0 ? 'no vendor answer was captured, so nothing was compared' : undefined,
		};
		results.push(result);
		onResult(result);
	}
	return results;
}

module.exports = { VENDORS, checkVendor, intervalMs, findSpec, statusOf };
