import { randomBytes, randomInt } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
// The vendor's own signer, as the official SDK runs it.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';

import { HuaweiCloudPartnerApi, signableRequest, signHuaweiRequest } from '../../credentials/HuaweiCloudPartnerApi.credentials';
import { HuaweiCloudPartnerIamApi } from '../../credentials/HuaweiCloudPartnerIamApi.credentials';
import { sdkHmacAuthorization, sdkHmacCanonicalRequest } from '../../credentials/signing/sdkHmac';

const AK = 'EXAMPLEAK0123456789AB';
const SK = 'ExampleSK0123456789abcdefghijklmnopqrstuv';
const DATE = '20250115T083000Z';

function sdkAuthorization(o: { method: string; url: URL; headers: Record<string, string>; body: string; ak: string; sk: string }): string {
	const queryParams: Record<string, string | string[]> = {};
	for (const [name, value] of o.url.searchParams) {
		const current = queryParams[name];
		queryParams[name] = current === undefined ? value : ([] as string[]).concat(current, value);
	}
	const signed = AKSKSigner.sign(
		{
			method: o.method,
			endpoint: `${o.url.protocol}//${o.url.host}${o.url.pathname}`,
			headers: { ...o.headers },
			queryParams,
			data: o.body === '' ? undefined : JSON.parse(o.body),
		} as never,
		{ getAk: () => o.ak, getSk: () => o.sk } as never,
	) as Record<string, string>;
	return signed.Authorization;
}

describe('SDK-HMAC-SHA256 signer', () => {
	it('reproduces vector A (POST with a JSON body)', () => {
		const input = {
			method: 'POST',
			url: new URL('https://bss.myhuaweicloud.eu/v2/partners/sub-customers/query'),
			headers: { 'Content-Type': 'application/json', 'X-Domain-Id': '0a1b2c3d4e5f60718293a4b5c6d7e8f9' },
			body: '{"offset":0,"limit":10,"associated_on_begin":"2025-01-01T00:00:00Z"}',
			accessKeyId: AK,
			secretAccessKey: SK,
			sdkDate: DATE,
		};
		expect(sdkHmacCanonicalRequest(input).canonical).toBe(
			'POST\n/v2/partners/sub-customers/query/\n\ncontent-type:application/json\nhost:bss.myhuaweicloud.eu\nx-domain-id:0a1b2c3d4e5f60718293a4b5c6d7e8f9\nx-sdk-date:20250115T083000Z\n\ncontent-type;host;x-domain-id;x-sdk-date\n9a25533caae0fea946ddd545fdf73d6167cc53e8da48e74c175cb927f70f73e9',
		);
		expect(sdkHmacAuthorization(input)).toBe(
			'SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789AB, SignedHeaders=content-type;host;x-domain-id;x-sdk-date, Signature=2a4441a6fb4ff09e4889b97ec2a3825e296cdbf2dfbab3dcf57208bd35118e32',
		);
	});

	it('reproduces vector B (GET with a query string)', () => {
		expect(
			sdkHmacAuthorization({
				method: 'GET',
				url: new URL('https://bss.myhuaweicloud.eu/v2/orders/customer-orders?offset=0&limit=10&create_time_begin=2025-01-01T00:00:00Z'),
				headers: { 'Content-Type': 'application/json' },
				body: '',
				accessKeyId: AK,
				secretAccessKey: SK,
				sdkDate: DATE,
			}),
		).toBe(
			'SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789AB, SignedHeaders=content-type;host;x-sdk-date, Signature=ed0ee9aa5e439d7d89139a9d2dbaefb4440833e636bdb3729e7836896706f326',
		);
	});

	it('matches the official SDK signer on 250 random requests', () => {
		const word = (n: number) => randomBytes(n).toString('base64url').slice(0, n);
		const hosts = ['bss.myhuaweicloud.eu', 'bss-intl.myhuaweicloud.com', '127.0.0.1:8787'];
		const paths = ['/v2/partners/sub-customers/query', '/v2/orders/customer-orders', () => `/v2/orders/customer-orders/details/CS${word(12)}`, '/v2/bills/partner-bills/postpaid-bill-summary'];
		for (let i = 0; i < 250; i++) {
			const method = randomInt(2) ? 'GET' : 'POST';
			const pathPick = paths[randomInt(paths.length)];
			const url = new URL(`https://${hosts[randomInt(hosts.length)]}${typeof pathPick === 'function' ? pathPick() : pathPick}`);
			if (method === 'GET') {
				for (let q = randomInt(0, 5); q > 0; q--) url.searchParams.append(['offset', 'limit', 'customer_id', 'create_time_begin', 'order_by', 'status'][randomInt(6)], randomInt(2) ? `2025-0${randomInt(1, 9)}-01T00:00:00Z` : `${word(randomInt(1, 10))} ü+&=`);
			}
			const body: IDataObject = {};
			if (method === 'POST') for (let f = randomInt(0, 5); f > 0; f--) body[word(8)] = randomInt(3) ? word(randomInt(0, 20)) : randomInt(1e6);
			const request = signableRequest({ method, url: url.toString(), body: method === 'POST' ? body : undefined }, '');
			const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Sdk-Date': DATE };
			if (randomInt(2)) headers['X-Domain-Id'] = randomBytes(16).toString('hex');
			if (randomInt(3) === 0) headers['X-Security-Token'] = word(40);
			const ak = word(20);
			const sk = word(40);
			const ours = sdkHmacAuthorization({
				method,
				url: request.url,
				headers: Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'X-Sdk-Date')),
				body: request.body,
				accessKeyId: ak,
				secretAccessKey: sk,
				sdkDate: DATE,
			});
			expect(ours).toBe(sdkAuthorization({ method, url: request.url, headers, body: request.body, ak, sk }));
		}
	});
});

describe('Huawei credentials', () => {
	beforeEach(() => jest.useFakeTimers({ now: Date.UTC(2025, 0, 15, 8, 30, 0), doNotFake: ['nextTick', 'setImmediate'] }));
	afterEach(() => jest.useRealTimers());

	it('AK/SK authenticate signs the bytes it sends, with the query in qs and baseURL + path', async () => {
		const signed = await new HuaweiCloudPartnerApi().authenticate(
			{ site: 'eu', accessKeyId: AK, secretAccessKey: SK, securityToken: '', domainId: '', resolvedDomainId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9' },
			{ method: 'POST', url: '/v2/partners/sub-customers/query', body: { offset: 0, limit: 10, associated_on_begin: '2025-01-01T00:00:00Z' } },
		);
		expect(signed.url).toBe('https://bss.myhuaweicloud.eu/v2/partners/sub-customers/query');
		expect(signed.body).toBe('{"offset":0,"limit":10,"associated_on_begin":"2025-01-01T00:00:00Z"}');
		expect((signed.headers as IDataObject).Authorization).toContain('Signature=2a4441a6fb4ff09e4889b97ec2a3825e296cdbf2dfbab3dcf57208bd35118e32');

		const get = await new HuaweiCloudPartnerApi().authenticate(
			{ site: 'eu', accessKeyId: AK, secretAccessKey: SK, securityToken: '', domainId: '', resolvedDomainId: '' },
			{ method: 'GET', baseURL: 'https://bss.myhuaweicloud.eu', url: '/v2/orders/customer-orders', qs: { offset: 0, limit: 10, create_time_begin: '2025-01-01T00:00:00Z' } },
		);
		expect(get.url).toBe('https://bss.myhuaweicloud.eu/v2/orders/customer-orders?create_time_begin=2025-01-01T00%3A00%3A00Z&limit=10&offset=0');
		expect(get.body).toBeUndefined();
		expect((get.headers as IDataObject).Authorization).toContain('Signature=ed0ee9aa5e439d7d89139a9d2dbaefb4440833e636bdb3729e7836896706f326');
	});

	it('re-signing an already signed request gives the same result (n8n re-authenticates after a 401)', async () => {
		const credential = new HuaweiCloudPartnerApi();
		const creds = { site: 'intl', accessKeyId: AK, secretAccessKey: SK, securityToken: 'temp', domainId: 'abc', resolvedDomainId: '' };
		const once = await credential.authenticate(creds, { method: 'POST', url: '/v2/partners/sub-customers/freeze', body: { customer_ids: ['x'], reason: 'r' } });
		const twice = await credential.authenticate(creds, once);
		expect(twice).toEqual(once);
		expect((once.headers as IDataObject)['X-Security-Token']).toBe('temp');
		expect((once.headers as IDataObject)['X-Domain-Id']).toBe('abc');
	});

	it('signHuaweiRequest puts the site host and date into the signature', () => {
		const request = signableRequest({ method: 'GET', url: '/v2/bills/partner-bills/postpaid-bill-summary', qs: { bill_cycle: '2025-01' } }, 'https://bss-intl.myhuaweicloud.com');
		const signed = signHuaweiRequest(request, { accessKeyId: AK, secretAccessKey: SK }, new Date(Date.UTC(2025, 0, 15, 8, 30, 0)));
		expect(signed.headers['X-Sdk-Date']).toBe(DATE);
		expect(signed.url).toBe('https://bss-intl.myhuaweicloud.com/v2/bills/partner-bills/postpaid-bill-summary?bill_cycle=2025-01');
	});

	it('IAM authenticate sends the token and goes to the site endpoint', async () => {
		const out = await new HuaweiCloudPartnerIamApi().authenticate(
			{ site: 'intl', token: 'tok-123', domainName: 'd', userName: 'u', password: 'p' },
			{ method: 'GET', url: '/v2/partners/sub-customers/budget', qs: { customer_id: 'c1' } },
		);
		expect(out.url).toBe('https://bss-intl.myhuaweicloud.com/v2/partners/sub-customers/budget?customer_id=c1');
		expect((out.headers as IDataObject)['X-Auth-Token']).toBe('tok-123');
	});
});
