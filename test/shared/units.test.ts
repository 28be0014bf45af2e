/**
 * The small pure pieces of the shared machinery: field checks, paging, pacing, backoff,
 * Simplify and redaction.
 */
import { huaweiApiOf } from '../../nodes/HuaweiCloudPartner/apiKey';
import { chunk } from '../../nodes/shared/chunk';
import { findOperationSpec, operationSpec } from '../../nodes/shared/operationLookup';
import { choosePageSize, collectPages } from '../../nodes/shared/paging';
import { serviceOf } from '../../nodes/shared/pacing';
import { AdaptiveRateLimiter } from '../../nodes/shared/rateLimiter';
import { redact } from '../../nodes/shared/redact';
import { backoffDelay, DEFAULT_RETRY_POLICY, shouldRetry } from '../../nodes/shared/retry';
import { DOTDIGITAL_FAILURES } from '../../nodes/DotdigitalReseller/transport';
import { HUAWEI_FAILURES } from '../../nodes/HuaweiCloudPartner/errors';
import { TENCENT_FAILURES } from '../../nodes/TencentCloudPartner/errors';
import { inCauseChain } from '../../nodes/shared/causeChain';
import { ApiCallError, type ApiFailure, isThrottling, vendorCallError } from '../../nodes/shared/failure';
import { simplifyRecord } from '../../nodes/shared/simplify';
import type { FieldSpec, OperationSpec } from '../../nodes/shared/types';
import { coerceField, FieldValidationError } from '../../nodes/shared/validation';

const field = (kind: FieldSpec['kind'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
	name: 'X',
	displayName: 'X',
	kind,
	description: '',
	...extra,
});

describe('coerceField', () => {
	it.each([
		['month', '2025-01-15T00:00:00.000+08:00', '2025-01'],
		['month', '2025-1', '2025-01'],
		['month', '2025-12', '2025-12'],
		['date', '2025-06-30T23:30:00Z', '2025-06-30'],
		['date', '2024-02-29', '2024-02-29'],
		['dateTime', '2025-01-31T08:05:00', '2025-01-31 08:05:00'],
		['dateTime', '2025-01-31', '2025-01-31 00:00:00'],
		['integer', '42', 42],
		['number', '-12.5', -12.5],
		['accountId', ' 200000000001 ', 200000000001],
		['boolean', 'true', true],
	] as Array<[FieldSpec['kind'], unknown, unknown]>)('%s %p -> %p', (kind, raw, expected) => {
		expect(coerceField(field(kind), raw)).toEqual(expected);
	});

	it.each([
		['month', '2025-13'],
		['month', 'January'],
		['date', '2025-02-30'],
		['date', '2025-02'],
		['integer', '4.5'],
		['integer', '9007199254740993'],
		['number', 'NaN'],
		['accountId', '-5'],
		['accountId', '12ab'],
		['json', '{not json'],
		['json', '[1,2]'],
		['email', 'a@b'],
	] as Array<[FieldSpec['kind'], unknown]>)('%s rejects %p', (kind, raw) => {
		expect(() => coerceField(field(kind), raw)).toThrow(FieldValidationError);
	});

	it('reads id lists from entries, commas, JSON and arrays, and keeps vendor types', () => {
		expect(coerceField(field('idList'), ['1, 2', '3', [4, '5'], '[6,7]'])).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(coerceField(field('idList', { sendAs: 'string' }), '8 9')).toEqual(['8', '9']);
		expect(() => coerceField(field('idList', { maxItems: 2 }), '1,2,3')).toThrow(/at most 2 entries/);
	});

	it('checks ranges, lengths and options, and never echoes a password', () => {
		expect(() => coerceField(field('number', { min: 0, max: 10 }), 11)).toThrow(/from 0 to 10/);
		expect(() => coerceField(field('string', { maxLength: 3 }), 'abcd')).toThrow(/at most 3 characters/);
		expect(() => coerceField(field('options', { options: [{ name: 'A', value: 'a' }] }), 'b')).toThrow(/one of "a"/);
		expect(coerceField(field('options', { options: [{ name: 'Two', value: 2 }] }), '2')).toBe(2);
		expect(() => coerceField(field('password', { minLength: 8 }), 'secret1')).toThrow(/got "\(hidden\)"$/);
	});
});

describe('paging', () => {
	it('chooses pages no larger than the limit or the maximum', () => {
		const paging = { style: 'pageNumber' as const, pageField: 'Page', sizeField: 'PageSize', maxPageSize: 100 };
		expect(choosePageSize(paging, Infinity)).toBe(100);
		expect(choosePageSize(paging, 7)).toBe(7);
		expect(choosePageSize(paging, Infinity, 20)).toBe(20);
		expect(choosePageSize(paging, 500, 1000)).toBe(100);
	});

	it('walks offsets until the total is reached', async () => {
		const rows = Array.from({ length: 23 }, (_, i) => ({ id: i }));
		const seen: number[] = [];
		const result = await collectPages(
			{ style: 'offset', offsetField: 'offset', limitField: 'limit', maxPageSize: 10, totalPath: 'total', in: 'query' },
			'rows',
			{ body: {}, qs: {}, path: {} },
			{ limit: Infinity, pageSize: 10, startAt: 0 },
			async (request) => {
				const offset = Number(request.qs.offset);
				seen.push(offset);
				return { rows: rows.slice(offset, offset + Number(request.qs.limit)), total: rows.length };
			},
		);
		expect(result).toHaveLength(23);
		expect(seen).toEqual([0, 10, 20]);
	});

	it('splits into the fewest chunks', () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
	});
});

describe('pacing and retries', () => {
	it('spaces calls so that no N consecutive starts fall within one second', () => {
		let now = 0;
		const limiter = new AdaptiveRateLimiter({}, () => now);
		const starts: number[] = [];
		for (let i = 0; i < 20; i++) {
			now += limiter.delayFor('k', 5);
			starts.push(limiter.record('k', 5));
		}
		expect(starts.slice(0, 3)).toEqual([0, 210, 420]);
		for (let i = 5; i < starts.length; i++) expect(starts[i] - starts[i - 5]).toBeGreaterThanOrEqual(1000);
		expect(limiter.delayFor('other', 5)).toBe(0);
	});

	it('backs off exponentially with jitter and honours Retry-After', () => {
		expect(backoffDelay(0, DEFAULT_RETRY_POLICY, undefined, () => 0)).toBe(200);
		expect(backoffDelay(2, DEFAULT_RETRY_POLICY, undefined, () => 1)).toBe(1600);
		expect(backoffDelay(10, DEFAULT_RETRY_POLICY, undefined, () => 1)).toBe(8000);
		expect(backoffDelay(0, DEFAULT_RETRY_POLICY, 3000, () => 0)).toBe(3000);
	});

	it('retries writes only when the vendor did nothing', () => {
		const failure = { message: 'x' };
		expect(shouldRetry(new ApiCallError(failure, 'notProcessed'), true)).toBe(true);
		expect(shouldRetry(new ApiCallError(failure, 'transient'), true)).toBe(false);
		expect(shouldRetry(new ApiCallError(failure, 'transient'), false)).toBe(true);
		expect(shouldRetry(new ApiCallError(failure, 'permanent'), false)).toBe(false);
	});

	it('classifies every vendor with one ladder, each vendor naming only its own codes', () => {
		const tables = { tencent: TENCENT_FAILURES, huawei: HUAWEI_FAILURES, dotdigital: DOTDIGITAL_FAILURES };
		const cases: Array<[keyof typeof tables, ApiFailure, string, boolean]> = [
			['tencent', { code: 'RequestLimitExceeded.UinLimitExceeded', message: 'x' }, 'notProcessed', true],
			['tencent', { code: 'InternalError.DbError', message: 'x' }, 'transient', false],
			['tencent', { code: 'ResourceUnavailable', message: 'x' }, 'transient', false],
			['tencent', { code: 'InvalidParameter', message: 'x' }, 'permanent', false],
			['tencent', { code: 'CBC.0250', message: 'x' }, 'permanent', false],
			['huawei', { code: 'CBC.0250', message: 'x', httpStatus: 400 }, 'notProcessed', true],
			['huawei', { code: 'APIG.0308', message: 'x' }, 'notProcessed', true],
			['huawei', { code: 'CBC.0999', message: 'x' }, 'transient', false],
			['huawei', { code: 'RequestLimitExceeded', message: 'x' }, 'permanent', false],
			['dotdigital', { message: 'x', httpStatus: 429 }, 'notProcessed', true],
			['dotdigital', { message: 'x', httpStatus: 503 }, 'transient', false],
			['dotdigital', { message: 'x', timeout: true }, 'transient', false],
			['dotdigital', { message: 'x', network: true, notSent: true }, 'notProcessed', false],
			['dotdigital', { code: 'HTTP302', message: 'x', httpStatus: 302, redirect: { status: 302, location: '/', mayHaveApplied: false } }, 'permanent', false],
			['dotdigital', { message: 'x', httpStatus: 400 }, 'permanent', false],
		];
		for (const [vendor, failure, kind, throttled] of cases) {
			const error = vendorCallError(failure, tables[vendor]);
			expect([vendor, failure.code ?? failure.httpStatus, error.kind, isThrottling(error.failure)]).toEqual([vendor, failure.code ?? failure.httpStatus, kind, throttled]);
			expect(error.attempts).toBe(1);
		}
	});

	it('finds what it looks for anywhere in a chain of wrapped errors, up to five deep', () => {
		const wrapped = (depth: number): Error => {
			let error: Error = Object.assign(new Error('socket'), { code: 'ECONNRESET' });
			for (let i = 0; i < depth; i++) error = Object.assign(new Error(`wrap ${i}`), { cause: error });
			return error;
		};
		const codeOf = (error: unknown) => inCauseChain(error, (link) => (typeof link.code === 'string' ? link.code : undefined));
		expect(codeOf(wrapped(0))).toBe('ECONNRESET');
		expect(codeOf(wrapped(4))).toBe('ECONNRESET');
		expect(codeOf(wrapped(5))).toBeUndefined();
		expect(codeOf(undefined)).toBeUndefined();
	});
});

describe('the account a credential reaches', () => {
	const tencentHosts = { 'intlpartnersmgt.tencentcloudapi.com': 'intlpartnersmgt.intl.tencentcloudapi.com' };
	it.each([
		['https://intlpartnersmgt.intl.tencentcloudapi.com'],
		['https://intlpartnersmgt.intl.tencentcloudapi.com/'],
		['HTTPS://IntlPartnersMgt.Intl.TencentCloudAPI.com'],
		['https://intlpartnersmgt.intl.tencentcloudapi.com:443/'],
		['  https://intlpartnersmgt.intl.tencentcloudapi.com.  '],
		['https://intlpartnersmgt.tencentcloudapi.com'],
	])('%p is the one Tencent service', (endpoint) => {
		expect(serviceOf(endpoint, tencentHosts)).toBe('https://intlpartnersmgt.intl.tencentcloudapi.com');
	});

	it('keeps what makes another service apart: scheme, host, a port that is not the default', () => {
		expect(serviceOf('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
		expect(serviceOf('HTTP://127.0.0.1:80')).toBe('http://127.0.0.1');
		expect(serviceOf('http://bss.myhuaweicloud.eu')).not.toBe(serviceOf('https://bss.myhuaweicloud.eu'));
		expect(serviceOf('https://bss.myhuaweicloud.eu')).not.toBe(serviceOf('https://bss-intl.myhuaweicloud.com'));
		expect(serviceOf('https://bss.myhuaweicloud.eu:8443')).toBe('https://bss.myhuaweicloud.eu:8443');
		// The path selects an API, not an account: both published dotdigital spellings are one service.
		expect(serviceOf('https://services-cpaas.dotdigital.com/WebApi/ResellerServices/')).toBe(serviceOf('https://services-cpaas.dotdigital.com/WebApi/ResellerService'));
		expect(serviceOf(' Not A URL/ ')).toBe('not a url');
	});
});

describe('Simplify and redaction', () => {
	it('turns decimal-string amounts into numbers and flattens nesting', () => {
		expect(
			simplifyRecord({
				PayMode: 'postPay',
				TotalCost: '12.34567890',
				Detail: [{ ActionType: 'postpay_deduct_h', TotalCost: '1.00000000' }],
				Tags: ['a', 'b'],
				Region: { Name: 'HK' },
			}),
		).toEqual({ PayMode: 'postPay', TotalCost: 12.3456789, Detail_0_ActionType: 'postpay_deduct_h', Detail_0_TotalCost: 1, Tags: 'a, b', Region_Name: 'HK' });
	});

	it('masks signatures, keys and tokens', () => {
		const text = redact(
			'Authorization: TC3-HMAC-SHA256 Credential=AKIDabc/2025-01-01/x/tc3_request, Signature=0123456789abcdef0123 and AKIDz8krbsJ5yKBZQpn74WFk Basic dXNlcjpwYXNzd29yZA== "password":"hunter22" X-Auth-Token: MIIabc',
		);
		expect(text).not.toMatch(/Credential=AKIDabc|z8krbsJ5|dXNlcjpw|hunter22|MIIabc/);
	});
});

describe('Huawei API a call counts against', () => {
	const listed = [
		{ request: { http: { method: 'GET' as const, path: '/v2/orders/customer-orders/details/{order_id}' } } },
		{ request: { http: { method: 'GET' as const, path: '/v2/orders/customer-orders' } } },
	];
	it('a custom call to a listed API shares its template, whatever the id', () => {
		expect(huaweiApiOf({ vendorAction: 'x', request: { http: { method: 'GET', path: '/v2/orders/customer-orders/details/CS2612011807PKTUL' } } }, listed)).toBe(
			'GET /v2/orders/customer-orders/details/{order_id}',
		);
		expect(huaweiApiOf({ vendorAction: 'x', request: { http: { method: 'GET', path: '/v2/orders/customer-orders' } } }, listed)).toBe('GET /v2/orders/customer-orders');
	});
	it('an unlisted API with ids in its path keeps one budget for every id', () => {
		const a = huaweiApiOf({ vendorAction: 'x', request: { http: { method: 'GET', path: '/v2/things/0a1b2c3d4e5f/parts' } } }, listed);
		const b = huaweiApiOf({ vendorAction: 'x', request: { http: { method: 'GET', path: '/v2/things/9f8e7d6c5b4a/parts' } } }, listed);
		expect(a).toBe('GET /v2/things/{id}/parts');
		expect(b).toBe(a);
		expect(huaweiApiOf({ vendorAction: 'y', request: { http: { method: 'POST', path: '/v2/orders/customer-orders' } } }, listed)).toBe('POST /v2/orders/customer-orders');
	});
});

describe('operation lookup', () => {
	const spec = (resource: string, operation: string, custom = false): OperationSpec => ({
		resource,
		operation,
		name: operation,
		action: operation,
		description: operation,
		vendorAction: operation,
		write: false,
		rateLimitPerSecond: 1,
		fields: [],
		...(custom ? { customCall: { bindItem: (request) => ({ spec: spec(resource, operation), request }) } } : {}),
	});
	const specs = [spec('customer', 'getMany'), spec('order', 'getMany'), spec('custom', 'customAction', true)];

	it('finds a listed operation by resource and operation, and the custom call under every resource', () => {
		expect(findOperationSpec(specs, 'order', 'getMany')).toBe(specs[1]);
		expect(findOperationSpec(specs, 'customer', 'customAction')).toBe(specs[2]);
		expect(findOperationSpec(specs, 'customer', 'delete')).toBeUndefined();
	});

	it("refuses an internal call to an operation the node does not list, naming it", () => {
		expect(operationSpec(specs, 'customer', 'getMany')).toBe(specs[0]);
		expect(() => operationSpec(specs, 'customer', 'getAll')).toThrow('No operation "getAll" of "customer" is listed');
	});
});
