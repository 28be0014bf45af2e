import { randomBytes, randomInt } from 'crypto';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
// The vendor's own signing code, as the official SDK runs it.
import Sign from 'tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/sign';

import { TencentCloudPartnerApi } from '../../credentials/TencentCloudPartnerApi.credentials';
import { tc3Authorization, tc3CanonicalRequest, tc3StringToSign } from '../../credentials/signing/tc3';

const VECTOR = {
	secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
	secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
	timestamp: 1700000000,
	hostname: 'intlpartnersmgt.intl.tencentcloudapi.com',
	payload: '{"Page":1,"PageSize":100,"Order":"desc"}',
	contentType: 'application/json',
	service: 'intlpartnersmgt',
};

function sdkAuthorization(o: typeof VECTOR & { url?: string }): string {
	return Sign.sign3({
		method: 'POST',
		url: o.url ?? `https://${o.hostname}/`,
		payload: Buffer.from(o.payload, 'utf8'),
		timestamp: o.timestamp,
		service: o.service,
		secretId: o.secretId,
		secretKey: o.secretKey,
		multipart: false,
		boundary: '',
		headers: { 'Content-Type': o.contentType },
	});
}

describe('TC3-HMAC-SHA256 signer', () => {
	it('reproduces the verified vector of the reference (section 4.2)', () => {
		expect(tc3CanonicalRequest(VECTOR)).toBe(
			'POST\n/\n\ncontent-type:application/json\nhost:intlpartnersmgt.intl.tencentcloudapi.com\n\ncontent-type;host\n8f2fd3238f92682051fffee09415b8c4668c08434fb577b354c285805f176c39',
		);
		expect(tc3StringToSign(VECTOR)).toBe(
			'TC3-HMAC-SHA256\n1700000000\n2023-11-14/intlpartnersmgt/tc3_request\nfd20c0721805f69f522430944ffaba4625fc7636be1d92b18f99b5401e8b6af0',
		);
		expect(tc3Authorization(VECTOR)).toBe(
			'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2023-11-14/intlpartnersmgt/tc3_request, SignedHeaders=content-type;host, Signature=35c439331a96fea15adf4a39c5ba752cb76331076bf4cc857ed01e745ff2a839',
		);
		expect(sdkAuthorization(VECTOR)).toBe(tc3Authorization(VECTOR));
	});

	it('matches the official SDK on 250 random requests', () => {
		const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
		const word = (n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
		const hosts = ['intlpartnersmgt.intl.tencentcloudapi.com', 'intlpartnersmgt.tencentcloudapi.com', '127.0.0.1'];
		for (let i = 0; i < 250; i++) {
			const body: IDataObject = {};
			for (let f = randomInt(0, 6); f > 0; f--) {
				const kind = randomInt(5);
				body[word(randomInt(3, 12))] =
					kind === 0 ? randomInt(1, 2 ** 40) : kind === 1 ? word(randomInt(0, 30)) : kind === 2 ? [randomInt(1e9), randomInt(1e9)] : kind === 3 ? 'Ünïcödé 客户 ✓' : Math.random() * 1000;
			}
			const input = {
				secretId: `AKID${word(32)}`,
				secretKey: randomBytes(16).toString('hex'),
				timestamp: randomInt(1_500_000_000, 2_000_000_000),
				hostname: hosts[randomInt(hosts.length)],
				payload: JSON.stringify(body),
				contentType: 'application/json',
				service: 'intlpartnersmgt',
			};
			expect(tc3Authorization(input)).toBe(sdkAuthorization(input));
		}
	});
});

describe('TencentCloudPartnerApi.authenticate', () => {
	const credential = new TencentCloudPartnerApi();
	const credentials = {
		secretId: VECTOR.secretId,
		secretKey: VECTOR.secretKey,
		sessionToken: '',
		endpoint: 'https://intlpartnersmgt.intl.tencentcloudapi.com',
		language: 'en-US',
	};
	const headersOf = (r: IHttpRequestOptions) => r.headers as Record<string, string>;

	beforeEach(() => jest.useFakeTimers({ now: VECTOR.timestamp * 1000, doNotFake: ['nextTick', 'setImmediate'] }));
	afterEach(() => jest.useRealTimers());

	it('signs the exact bytes it sends, byte-identical to the SDK (baseURL + path, object body)', async () => {
		const signed = await credential.authenticate(credentials, {
			method: 'POST',
			baseURL: 'https://intlpartnersmgt.intl.tencentcloudapi.com',
			url: '/',
			headers: { 'X-TC-Action': 'QueryCustomersCredit', 'X-TC-Version': '2022-09-28', 'X-TC-Region': 'ap-guangzhou' },
			body: { Page: 1, PageSize: 100, Order: 'desc' },
		});
		expect(signed.body).toBe(VECTOR.payload);
		expect(signed.url).toBe('https://intlpartnersmgt.intl.tencentcloudapi.com/');
		expect(signed.baseURL).toBeUndefined();
		const headers = headersOf(signed);
		expect(headers.Authorization).toBe(sdkAuthorization(VECTOR));
		expect(headers['X-TC-Timestamp']).toBe('1700000000');
		expect(headers['X-TC-Language']).toBe('en-US');
		expect(headers['Content-Type']).toBe('application/json');
		expect(Object.keys(headers).map((h) => h.toLowerCase())).not.toContain('x-tc-region');
		expect(Object.keys(headers).map((h) => h.toLowerCase())).not.toContain('x-tc-token');
	});

	it('accepts an absolute URL and an already serialised body, and adds the session token', async () => {
		const signed = await credential.authenticate(
			{ ...credentials, sessionToken: 'temporary-token', language: 'zh-CN' },
			{
				method: 'POST',
				url: 'https://intlpartnersmgt.intl.tencentcloudapi.com/',
				headers: { 'x-tc-action': 'QueryCustomersCredit' },
				body: VECTOR.payload,
			},
		);
		const headers = headersOf(signed);
		expect(signed.body).toBe(VECTOR.payload);
		expect(headers.Authorization).toBe(sdkAuthorization(VECTOR));
		expect(headers['X-TC-Token']).toBe('temporary-token');
		expect(headers['X-TC-Language']).toBe('zh-CN');
		expect(headers['X-TC-Version']).toBe('2022-09-28');
	});

	it('signs the host name without the port, as the SDK does, for a local endpoint', async () => {
		const signed = await credential.authenticate(credentials, {
			method: 'POST',
			baseURL: 'http://127.0.0.1:8787',
			url: '/',
			headers: { 'X-TC-Action': 'QueryPartnerCredit', 'X-TC-Version': '2022-09-28' },
			body: {},
		});
		expect(signed.body).toBe('{}');
		expect(headersOf(signed).Authorization).toBe(
			sdkAuthorization({ ...VECTOR, hostname: '127.0.0.1', payload: '{}', url: 'http://127.0.0.1:8787/' }),
		);
	});

	it('refuses a request that names no action', async () => {
		await expect(credential.authenticate(credentials, { method: 'POST', url: 'https://x/', body: {} })).rejects.toThrow(
			/X-TC-Action/,
		);
	});
});
