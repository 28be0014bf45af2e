/**
 * Conformance with the vendors' own SDK models: every operation of the Tencent and Huawei nodes
 * runs through n8n-core with every field filled, and the request handed to the credential is
 * compared with the request model of Tencent's CLI/Go SDK and Huawei's Go SDK (names, JSON types,
 * required fields and location), so a drift fails the suite. dotdigital publishes no SDK model.
 */
import type { IDataObject, IHttpRequestOptions, INodeParameters } from 'n8n-workflow';

import { huaweiOperations } from '../../nodes/HuaweiCloudPartner/resources';
import { paramNameOf } from '../../nodes/shared/fields';
import type { FieldSpec, OperationSpec } from '../../nodes/shared/types';
import { coerceField } from '../../nodes/shared/validation';
import { tencentOperations } from '../../nodes/TencentCloudPartner/resources';
import { AKSK, runHuawei } from '../harness/huawei';
import { credentialsHelper } from '../harness/runWorkflow';
import { CUSTOMER_CREDENTIAL, PARTNER_CREDENTIAL, runTencent } from '../harness/tencent';
import * as vendorModels from '../harness/vendorModels';
import { useSandbox } from '../harness/useSandbox';

/** The models live in test/fixtures/vendor-models (see NOTICE.md there). */
const model = <T>(file: string): T => (vendorModels as unknown as { loadVendorModel: (file: string) => T }).loadVendorModel(file);

interface TencentMember { name: string; type: string; member: string; required: boolean }
const tencentCli = model<{ objects: Record<string, { members: TencentMember[] }> }>('tencent-cli-intl-en-api.json');
const tencentGo = model<{ structs: Record<string, Record<string, string>> }>('tencent-go-intl-en-structs.json');

interface HuaweiType { kind: string; go?: string; ref?: string; elem?: HuaweiType }
interface HuaweiField { json: string; in: string; type: HuaweiType; required: boolean }
const huaweiSchema = model<{
	apis: Record<string, { fields: HuaweiField[]; method: string; path: string; bodyType?: string }>;
	types: Record<string, { kind: string; fields: HuaweiField[]; enumValueType?: string; values?: string[] }>;
}>('huawei-bssintl-go-sdk-schema.json');

/** Values tried, in order, for a text field until one passes the field's own checks. */
const TEXT_CANDIDATES = ['abc', 'acme-customer', 'name@example.com', 'DE', 'DEU', 'en-us', 'Xy7!abcdEF12', '91234567', '+4915112345678', '0086-13912345678', '200000000000', 'a'.repeat(32), 'hws.service.type.ebs', 'GetAccounts', 'kghy_01', '852', 'HK', '123456'];

/** Fields whose rules span fields or dates, with a value that passes them. */
const SAMPLES: Record<string, unknown> = {
	Password: 'Xy7!abcdEF12',
	ConfirmPassword: 'Xy7!abcdEF12',
	// Tencent keeps day totals from 2025-06-01 on.
	Date: '2025-07-01',
	// Check Identity's default check is by e-mail.
	search_value: 'name@example.com',
	// Pay sends coupons and discounts only with their switch on.
	use_coupon: 'YES',
	use_discount: 'YES',
};

function sampleValue(field: FieldSpec): unknown {
	if (field.name in SAMPLES) return SAMPLES[field.name];
	const candidates: unknown[] = (() => {
		switch (field.kind) {
			case 'options':
				return [field.default ?? field.options?.[0]?.value, ...(field.options ?? []).map((o) => o.value)];
			case 'multiOptions':
				return [(field.options ?? []).slice(0, 2).map((o) => o.value)];
			case 'integer':
			case 'number':
				return [field.default, field.min ?? 1, 1, 2];
			case 'boolean':
				return [true];
			case 'accountId':
				return ['200000000000', '100001'];
			case 'idList':
				return [['200000000000']];
			case 'stringList':
				return [['abc123'], [field.placeholder ?? 'abc']];
			case 'month':
				return ['2025-01'];
			case 'date':
				return ['2025-01-01'];
			case 'dateTime':
				return ['2025-01-01 00:00:00'];
			case 'utcDateTime':
				return ['2025-01-01T00:00:00Z'];
			case 'json':
				return ['{"key":"value"}'];
			case 'object':
			case 'objectList': {
				// Every member filled, entered as n8n's fixedCollection holds it.
				const entry = Object.fromEntries((field.members ?? []).map((member) => [paramNameOf(member), sampleValue(member)]));
				return [{ values: field.kind === 'object' ? entry : [entry] }];
			}
			default:
				return [field.placeholder, field.default, ...TEXT_CANDIDATES];
		}
	})();
	for (const candidate of candidates) {
		if (candidate === undefined || candidate === '') continue;
		try {
			coerceField(field, candidate);
			return candidate;
		} catch {
			// try the next one
		}
	}
	throw new Error(`No sample value passes the checks of "${field.displayName}" (${field.name}); add one to TEXT_CANDIDATES.`);
}

/** Editor parameters with every field of the operation filled, as a user would save them. */
function everyFieldFilled(spec: OperationSpec): INodeParameters {
	const parameters: IDataObject = { resource: spec.resource, operation: spec.operation };
	const additionalFields: IDataObject = {};
	for (const field of spec.fields) {
		// Not a vendor field: with it, the node reads the allocation history before sending, and the
		// sample UIN is nobody's, so nothing would be sent (test/tencent/idempotency.test.ts covers it).
		if (field.name === 'IdempotencyKey') continue;
		const value = sampleValue(field);
		const entered = field.kind === 'accountId' || field.kind === 'reference' ? { __rl: true, mode: 'id', value } : value;
		if (field.required) parameters[paramNameOf(field)] = entered as IDataObject;
		else additionalFields[paramNameOf(field)] = entered as IDataObject;
	}
	for (const extra of spec.ownLogic?.extraProperties ?? []) parameters[extra.name] = extra.default as IDataObject;
	// Operations that poll until a file is ready: one look is enough to see the request.
	if ('waitUntilReady' in parameters) parameters.waitUntilReady = false;
	if (spec.answer?.recordsPath && (spec.paging || spec.answer.clientSideLimit)) Object.assign(parameters, { returnAll: false, limit: 1 });
	parameters.additionalFields = additionalFields;
	return parameters as INodeParameters;
}

/** Requests as handed to the credential for signing: what the vendor receives. */
let sent: IHttpRequestOptions[] = [];
useSandbox({ vendors: ['tencent', 'huawei'] });

beforeAll(() => {
	const original = credentialsHelper.authenticate.bind(credentialsHelper);
	credentialsHelper.authenticate = async (credentials, typeName, requestOptions, ...rest) => {
		sent.push(JSON.parse(JSON.stringify(requestOptions)) as IHttpRequestOptions);
		return await original(credentials, typeName, requestOptions, ...(rest as []));
	};
});
beforeEach(() => {
	sent = [];
});

const jsonType = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/** The JSON type a Go SDK type serialises to (`*uint64` -> integer number, `[]*string` -> array). */
function goJsonType(goType: string): string {
	const bare = goType.replace(/^\*/, '');
	if (bare.startsWith('[]')) return 'array';
	if (/^u?int(8|16|32|64)?$/.test(bare)) return 'integer';
	if (/^float(32|64)$/.test(bare)) return 'number';
	if (bare === 'string') return 'string';
	if (bare === 'bool') return 'boolean';
	return 'object';
}

function matchesType(value: unknown, expected: string): boolean {
	if (expected === 'integer') return Number.isInteger(value);
	return jsonType(value) === expected;
}


/**
 * A custom call sends whatever action or path the user names, so no SDK model describes it; its
 * requests are compared with the listed operations' in custom-call.test.ts instead.
 */
const modelled = (operations: OperationSpec[]) => operations.filter((spec) => !spec.customCall);

it('the custom calls are the only operations left out of the model comparison', () => {
	const leftOut = [...tencentOperations, ...huaweiOperations].filter((spec) => spec.customCall).map((spec) => `${spec.resource} > ${spec.operation}`);
	expect(leftOut).toEqual(['custom > customAction', 'custom > customApiCall']);
});

it("the Huawei node lists every API of Huawei's Go SDK for BSS international once (55), plus the custom call", () => {
	const listed = modelled(huaweiOperations).map((spec) => spec.vendorAction);
	expect(Object.keys(huaweiSchema.apis)).toHaveLength(55);
	expect([...listed].sort()).toEqual(Object.keys(huaweiSchema.apis).sort());
	expect(huaweiOperations.filter((spec) => spec.customCall)).toHaveLength(1);
});

describe('Tencent Cloud Partner requests match the Tencent SDK models', () => {
	it.each(modelled(tencentOperations).map((spec) => [`${spec.resource} > ${spec.operation} (${spec.vendorAction})`, spec] as const))('%s', async (_label, spec) => {
		const result = await runTencent(everyFieldFilled(spec), { credential: spec.access?.needsCustomerKey ? CUSTOMER_CREDENTIAL : PARTNER_CREDENTIAL, continueOnFail: true });
		const request = sent.find((r) => (r.headers as IDataObject)?.['X-TC-Action'] === spec.vendorAction);
		expect({ sent: request !== undefined, error: result.json[0]?.error }).toEqual({ sent: true, error: result.json[0]?.error });
		const body = request!.body as IDataObject;
		const members = tencentCli.objects[`${spec.vendorAction}Request`].members;
		const goStruct = tencentGo.structs[`${spec.vendorAction}Request`];
		const problems: string[] = [];
		for (const [name, value] of Object.entries(body)) {
			if (!members.some((m) => m.name === name)) problems.push(`sends ${name}, which the model does not have`);
			else if (!matchesType(value, goJsonType(goStruct[name]))) problems.push(`${name} is ${jsonType(value)}, the SDK sends ${goJsonType(goStruct[name])} (${goStruct[name]})`);
			else if (Array.isArray(value) && value.length > 0 && !matchesType(value[0], goJsonType(goStruct[name].slice(2)))) problems.push(`${name} entries are ${jsonType(value[0])}, the SDK sends ${goStruct[name]}`);
		}
		const optionalInNode: string[] = [];
		for (const member of members) {
			if (!(member.name in body)) problems.push(`cannot send ${member.name}${member.required ? ' (required)' : ''}`);
			const field = spec.fields.find((f) => f.name === member.name);
			if (member.required && !field?.required) optionalInNode.push(member.name);
		}
		if (optionalInNode.length > 0) {
			// A member the SDK requires may be optional in the editor only if the node always sends it
			// (a default, a paging field): run again with the optional fields left empty.
			sent = [];
			await runTencent({ ...everyFieldFilled(spec), additionalFields: {} }, { credential: spec.access?.needsCustomerKey ? CUSTOMER_CREDENTIAL : PARTNER_CREDENTIAL, continueOnFail: true });
			const minimal = (sent.find((r) => (r.headers as IDataObject)?.['X-TC-Action'] === spec.vendorAction)?.body ?? {}) as IDataObject;
			for (const name of optionalInNode) if (!(name in minimal)) problems.push(`${name} is required by the SDK but not always sent`);
		}
		expect(problems).toEqual([]);
	});
});

function huaweiTypeMatches(value: unknown, type: HuaweiType, location: string): boolean {
	if (type.kind === 'ref') {
		const referenced = huaweiSchema.types[type.ref!];
		if (referenced?.kind === 'enum') return (referenced.values ?? []).map(String).includes(String(value));
		return jsonType(value) === 'object';
	}
	// Query and path values travel as text; only their form has to fit.
	if (location !== 'body') return type.kind === 'integer' ? /^-?\d+$/.test(String(value)) : type.kind === 'boolean' ? /^(true|false)$/.test(String(value)) : true;
	if (type.kind === 'integer') return Number.isInteger(value);
	// The Go SDK's decimal.Decimal (amounts) is a JSON number in Huawei's API reference.
	if (type.kind === 'number' || type.kind === 'decimal') return typeof value === 'number';
	if (type.kind === 'array') return Array.isArray(value) && value.every((entry) => huaweiTypeMatches(entry, type.elem!, location));
	return jsonType(value) === type.kind;
}

describe('Huawei Cloud Partner requests match the Huawei Go SDK models', () => {
	it.each(modelled(huaweiOperations).map((spec) => [`${spec.resource} > ${spec.operation} (${spec.vendorAction})`, spec] as const))('%s', async (_label, spec) => {
		const api = huaweiSchema.apis[spec.vendorAction];
		expect(api).toBeDefined();
		expect(spec.request?.http).toEqual({ method: api.method, path: api.path });
		const result = await runHuawei(everyFieldFilled(spec), { credential: AKSK, continueOnFail: true });
		const pattern = new RegExp(`^${api.path.replace(/\{\w+\}/g, '[^/]+')}$`);
		const request = sent.find((r) => pattern.test(String(r.url).split('?')[0]));
		expect({ sent: request !== undefined, error: result.json[0]?.error }).toEqual({ sent: true, error: result.json[0]?.error });
		const located: Record<string, IDataObject> = {
			query: (request!.qs ?? {}) as IDataObject,
			body: (request!.body ?? {}) as IDataObject,
			header: (request!.headers ?? {}) as IDataObject,
			path: Object.fromEntries(
				[...api.path.matchAll(/\{(\w+)\}/g)].map(([, name], index) => [name, String(request!.url).split('?')[0].split('/').filter((part, i, all) => all.length - i <= [...api.path.matchAll(/\{(\w+)\}/g)].length - index)[0]]),
			),
		};
		const expected: Array<HuaweiField & { location: string }> = [];
		for (const field of api.fields) {
			if (field.in === 'body' && field.type.kind === 'ref') {
				for (const member of huaweiSchema.types[field.type.ref!].fields) expected.push({ ...member, location: 'body' });
			} else expected.push({ ...field, location: field.in });
		}
		const problems: string[] = [];
		for (const field of expected) {
			if (field.location === 'header') continue;
			// A marker list sends its marker from the second page on (test/huawei/operations.test.ts pages through one).
			if (spec.paging?.style === 'marker' && field.json === spec.paging.markerField) continue;
			const value = located[field.location][field.json];
			if (value === undefined) problems.push(`cannot send ${field.json} (${field.location}${field.required ? ', required' : ''})`);
			else if (!huaweiTypeMatches(value, field.type, field.location)) problems.push(`${field.json} (${field.location}) is ${jsonType(value)} ${JSON.stringify(value)}, the SDK sends ${field.type.kind}${field.type.go ? ` (${field.type.go})` : ''}`);
			const spec_ = spec.fields.find((f) => f.name === field.json);
			const pagingField = spec.paging?.style === 'offset' && [spec.paging.offsetField, spec.paging.limitField].includes(field.json);
			if (field.required && !spec_?.required && !pagingField && !(field.json in (spec.request?.fixedBody ?? {}))) problems.push(`${field.json} is required by the SDK but optional in the node`);
		}
		for (const location of ['query', 'body'] as const) {
			for (const name of Object.keys(located[location])) {
				if (!expected.some((f) => f.location === location && f.json === name)) problems.push(`sends ${name} in the ${location}, which the model does not have there`);
			}
		}
		expect(problems).toEqual([]);
	});
});
