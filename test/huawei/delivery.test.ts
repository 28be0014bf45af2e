/**
 * Huawei requests are signed as the SDK signs them and delivered as the user wrote them: over
 * generated values (spaces, reserved and non-ASCII characters, escapes, +, ~, *, ') in query
 * values and path segments, the vendor SDK's signer (as the sandbox runs it) accepts the signature
 * and the sandbox receives exactly the value given, with AK/SK and with the IAM token. A path that
 * could leave its API through a dot segment, however escaped, is refused before sending.
 */
import type { IDataObject } from 'n8n-workflow';
// The vendor's own signer, as the official SDK runs it.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';

import { signableRequest, signHuaweiRequest } from '../../credentials/HuaweiCloudPartnerApi.credentials';
import { rfc3986 } from '../../credentials/signing/requestParts';
import { fillPath } from '../../nodes/HuaweiCloudPartner/transport';
import { isDotSegment } from '../../nodes/shared/validation';
import { AKSK, AKSK_TEMP, IAM, runHuawei } from '../harness/huawei';
import { useSandbox } from '../harness/useSandbox';

/** Pieces a value is built from: reserved, unreserved, escapes, non-ASCII, astral. */
const PIECES = [' ', '+', '~', '*', "'", '!', '(', ')', '%', '%20', '%2B', '%2e', '&', '=', '?', '#', '/', '\\', ';', ',', ':', '@', '$', '[', ']', '"', '<', '>', '^', '`', '{', '}', '|', '.', '-', '_', 'ü', 'é', '中文', '😀', 'Acme', 'Corp', 'a', 'Z', '0', '9'];

/** A small seeded generator, so a failure names a value that can be replayed. */
function generator(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
	return (maxPieces: number) => {
		const count = 1 + Math.floor(next() * maxPieces);
		return Array.from({ length: count }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
	};
}

/** The Authorization the SDK signer gives for a request exactly as it arrives, the sandbox's way. */
function sdkAuthorizationOfSent(method: string, sentUrl: string, headers: IDataObject, body: string | undefined, ak: string, sk: string): string {
	const url = new URL(sentUrl);
	const queryParams: Record<string, string | string[]> = {};
	for (const part of url.search.slice(1).split('&').filter(Boolean)) {
		const eq = part.indexOf('=');
		const name = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
		const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
		const current = queryParams[name];
		queryParams[name] = current === undefined ? value : ([] as string[]).concat(current, value);
	}
	const signed = AKSKSigner.sign(
		{
			method,
			endpoint: `${url.protocol}//${url.host}${url.pathname}`,
			headers: Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'Authorization')),
			queryParams,
			data: body ? JSON.parse(body) : undefined,
		} as never,
		{ getAk: () => ak, getSk: () => sk } as never,
	) as Record<string, string>;
	return signed.Authorization;
}

/** The query value the gateway decodes from a sent URL (percent-decoding; `+` is a plus sign). */
function receivedQuery(sentUrl: string, name: string): string[] {
	return new URL(sentUrl).search
		.slice(1)
		.split('&')
		.filter((part) => decodeURIComponent(part.split('=')[0]) === name)
		.map((part) => decodeURIComponent(part.slice(part.indexOf('=') + 1)));
}

describe('SDK-HMAC signing agrees byte for byte with what is sent', () => {
	const AK = 'EXAMPLEAK0123456789AB';
	const SK = 'ExampleSK0123456789abcdefghijklmnopqrstuv';
	const next = generator(20260301);

	it('400 generated query values and path segments: the SDK signer accepts the request as it arrives, and it carries the values given', () => {
		let delivered = 0;
		for (let i = 0; i < 400; i++) {
			const value = next(6);
			const other = next(3);
			const segment = next(4);
			const method = i % 2 ? 'GET' : 'POST';
			const template = '/v2/orders/customer-orders/details/{order_id}';
			// A value that decodes (once or more) to a dot segment is refused; the rest must arrive.
			if (isDotSegment(rfc3986(segment))) {
				expect(() => fillPath(template, { order_id: segment })).toThrow(/\. or \.\. segment/);
				continue;
			}
			const path = fillPath(template, { order_id: segment });
			const request = signableRequest(
				{ method, url: path, qs: { service_type_code: value, 'name with space+plus': other, limit: 1 }, body: method === 'POST' ? { note: value } : undefined },
				'https://bss.myhuaweicloud.eu',
			);
			const signed = signHuaweiRequest(request, { accessKeyId: AK, secretAccessKey: SK, domainId: 'abc' }, new Date(Date.UTC(2026, 2, 1)));
			const context = JSON.stringify({ value, other, segment });
			expect([context, signed.headers.Authorization]).toEqual([context, sdkAuthorizationOfSent(method, signed.url, signed.headers, request.body, AK, SK)]);
			expect([context, receivedQuery(signed.url, 'service_type_code')]).toEqual([context, [value]]);
			expect([context, receivedQuery(signed.url, 'name with space+plus')]).toEqual([context, [other]]);
			expect([context, decodeURIComponent(new URL(signed.url).pathname.split('/').pop() ?? '')]).toEqual([context, segment]);
			// A space is sent as %20 (as the SDK sends it), never as +.
			expect(new URL(signed.url).search).not.toMatch(/\+/);
			delivered++;
		}
		expect(delivered).toBeGreaterThan(250);
	});

	it('an escape already in a path is signed as sent, not decoded', () => {
		const request = signableRequest({ method: 'GET', url: '/v2/orders/customer-orders/details/Acme%20Corp' }, 'https://bss.myhuaweicloud.eu');
		const signed = signHuaweiRequest(request, { accessKeyId: AK, secretAccessKey: SK }, new Date(Date.UTC(2026, 2, 1)));
		expect(new URL(signed.url).pathname).toBe('/v2/orders/customer-orders/details/Acme%20Corp');
		expect(signed.headers.Authorization).toBe(sdkAuthorizationOfSent('GET', signed.url, signed.headers, '', AK, SK));
	});

	it('a dot segment never goes into a path, however a value spells it', () => {
		for (const value of ['.', '..']) expect(() => fillPath('/v2/orders/customer-orders/details/{order_id}', { order_id: value })).toThrow(/\. or \.\. segment/);
	});
});

describe('through n8n and the sandbox', () => {
	// Delivery, not pacing, is under test: a throttled call would be retried and logged twice.
	const sandbox = useSandbox({ vendors: ['huawei'], credentials: 'eachTest', rateLimit: false });

	type Logged = { action: string; outcome: string; path: string; query: IDataObject | null };
	const logged = (action?: string) => sandbox.control.getRequests({ provider: 'huawei', action }) as unknown as Logged[];

	it.each([AKSK, AKSK_TEMP, IAM])('Order > Get Many with a service type code holding a space, a plus and an escape (%s)', async (credential) => {
		const value = 'Acme Corp+1 %20 ~*\'ü';
		const result = await runHuawei({ resource: 'order', operation: 'getMany', returnAll: false, limit: 1, additionalFields: { serviceTypeCode: value } }, { credential });
		expect(result.error).toBeUndefined();
		const [call] = logged('ListCustomerOrders');
		expect(call.outcome).toBe('ok');
		expect(call.query?.service_type_code).toBe(value);
	});

	it.each([AKSK, IAM])('30 generated query values in a Custom API Call arrive exactly as given, and every signature is accepted (%s)', async (credential) => {
		const next = generator(credential === AKSK ? 7 : 11);
		// Every other value holds a space between generated parts (a space was sent as + before).
		const values = Array.from({ length: 30 }, (_, i) => (i % 2 ? `${next(3)} ${next(3)}` : next(5)).slice(0, 64));
		const result = await runHuawei(
			{
				resource: 'custom',
				operation: 'customApiCall',
				httpMethod: 'GET',
				path: '/v2/orders/customer-orders',
				queryParameters: '={{ JSON.stringify({ service_type_code: $json.value, limit: "1" }) }}',
				jsonBody: '{}',
				additionalFields: { retryAsRead: true },
			},
			{ credential, items: values.map((value) => ({ value })) },
		);
		expect(result.error).toBeUndefined();
		const calls = logged('ListCustomerOrders');
		expect(calls.map((c) => c.outcome)).toEqual(values.map(() => 'ok'));
		expect(calls.map((c) => c.query?.service_type_code).sort()).toEqual([...values].sort());
	});

	it.each([AKSK, IAM])('escapes a user wrote in a custom path are delivered as written and signed as sent (%s)', async (credential) => {
		const next = generator(credential === AKSK ? 3 : 5);
		const segments = Array.from({ length: 20 }, () => encodeURIComponent(next(4)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).filter((s) => !/^\.{1,2}$/.test(s));
		for (const segment of segments) {
			sandbox.control.clearRequests();
			const path = `/v2/orders/customer-orders/details/${segment}`;
			const result = await runHuawei(
				{ resource: 'custom', operation: 'customApiCall', httpMethod: 'GET', path, queryParameters: '{}', jsonBody: '{}', additionalFields: { retryAsRead: true } },
				{ credential, continueOnFail: true },
			);
			const [call] = logged().filter((entry) => entry.path.startsWith('/v2/'));
			expect([segment, call.path]).toEqual([segment, path]);
			// Past authentication: the sandbox looked for the order (it does not exist), never APIG.0301.
			expect([segment, call.outcome]).not.toEqual([segment, 'APIG.0301']);
			expect(String(result.json[0].error ?? '')).not.toMatch(/APIG\.0301/);
		}
	});

	it.each(['/v2/orders/%2e%2e/v3/auth/tokens', '/v2/orders/.%2e/x', '/v2/orders/%2E%2E/x', '/v2/orders/%2e./x', '/v2/orders/./customer-orders', '/v2/orders/%2e/customer-orders', '/v2/orders/%252e%252e/x', '/v2/orders/..%2Fx', '/v2/orders/%2e%2e%2fx', '/v2/orders/x%5C..'])(
		'a custom path with a dot segment in any case or escape is refused before sending: %s',
		async (path) => {
			const result = await runHuawei({ resource: 'custom', operation: 'customApiCall', httpMethod: 'GET', path, queryParameters: '{}', jsonBody: '{}', additionalFields: {} });
			expect(result.error?.message).toMatch(/"Path" must be a path without \. or \.\. segments/);
			expect(logged()).toHaveLength(0);
		},
	);
});
