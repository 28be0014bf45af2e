'use strict';
/**
 * The vendors' response models, read from the repository's copy (test/fixtures/vendor-models),
 * turned into one shape the live check compares answers with:
 *   { kind: 'object', fields: { name: { type, required, nullable? } }, open? }
 *   type: { kind: 'string'|'integer'|'number'|'boolean'|'any' } | { kind: 'array', of: type }
 *         | { kind: 'object', ... } | { kind: 'enum', base, values }
 * plus a `confidence` per model: CONFIRMED for the SDK models; dotdigital's documented fields carry
 * the reference's own label (see dotdigitalFields.js).
 */
const { loadVendorModel } = require('../../test/harness/vendorModels');
const { DOTDIGITAL_FIELDS } = require('./dotdigitalFields');

const TENCENT_TYPES = { string: 'string', int64: 'integer', uint64: 'integer', int: 'integer', float: 'number', bool: 'boolean' };

let cache;
function models() {
	if (!cache) {
		cache = {
			tencent: loadVendorModel('tencent-cli-intl-en-api.json'),
			huawei: loadVendorModel('huawei-bssintl-go-sdk-schema.json'),
		};
	}
	return cache;
}

/** Tencent's CLI model of an object (a `*Response` or a member type), recursively. */
function tencentObject(name, seen = new Set()) {
	const object = models().tencent.objects[name];
	if (!object) throw new Error(`Tencent model has no object ${name}`);
	if (seen.has(name)) return { kind: 'object', fields: {}, open: true };
	const next = new Set(seen).add(name);
	const fields = {};
	for (const m of object.members) {
		const element = TENCENT_TYPES[m.member] ? { kind: TENCENT_TYPES[m.member] } : tencentObject(m.member, next);
		const type = m.type === 'list' ? { kind: 'array', of: element } : m.type === 'object' ? element : { kind: TENCENT_TYPES[m.type] || TENCENT_TYPES[m.member] || 'any' };
		// RequestId has no output_required flag but is in every answer.
		fields[m.name] = { type, required: m.output_required === true || m.name === 'RequestId', nullable: m.value_allowed_null === true };
	}
	return { kind: 'object', fields };
}

function huaweiType(t, seen) {
	switch (t.kind) {
		case 'string':
			return { kind: 'string' };
		case 'integer':
			return { kind: 'integer' };
		case 'number':
		case 'decimal':
			return { kind: 'number' };
		case 'boolean':
			return { kind: 'boolean' };
		case 'array':
			return { kind: 'array', of: huaweiType(t.elem, seen) };
		case 'ref':
			return huaweiNamed(t.ref, seen);
		default:
			return { kind: 'any' };
	}
}

/** Huawei's Go SDK model of a named struct or enum, recursively. */
function huaweiNamed(name, seen = new Set()) {
	const type = models().huawei.types[name];
	if (!type) throw new Error(`Huawei model has no type ${name}`);
	if (type.kind === 'enum') {
		const base = /int/.test(type.enumValueType || '') ? 'integer' : 'string';
		return { kind: 'enum', base, values: type.values || [] };
	}
	if (seen.has(name)) return { kind: 'object', fields: {}, open: true };
	const next = new Set(seen).add(name);
	const fields = {};
	for (const f of type.fields) {
		// `json:"-"` members (the HTTP status the SDK adds) never travel.
		if (!f.json || f.json === '-') continue;
		fields[f.json] = { type: huaweiType(f.type, next), required: f.required === true };
	}
	return { kind: 'object', fields };
}

/**
 * The response model of one operation: { model, at, confidence, source }. `at` is where the
 * modelled object sits in the raw answer (Tencent wraps it in `Response`).
 */
function responseModelOf(vendor, spec) {
	if (vendor === 'tencent') {
		return { model: tencentObject(`${spec.vendorAction}Response`), at: 'Response', confidence: 'CONFIRMED', source: 'Tencent CLI/SDK model' };
	}
	if (vendor === 'huawei') {
		const api = models().huawei.apis[spec.vendorAction];
		if (!api) throw new Error(`Huawei model has no API ${spec.vendorAction}`);
		return { model: huaweiNamed(api.responseType), at: '', confidence: 'CONFIRMED', source: 'Huawei Go SDK model' };
	}
	const documented = DOTDIGITAL_FIELDS[spec.vendorAction];
	if (!documented) throw new Error(`no documented dotdigital fields for ${spec.vendorAction}`);
	return { model: documented.model, at: '', confidence: documented.confidence, source: documented.source };
}

module.exports = { responseModelOf };
