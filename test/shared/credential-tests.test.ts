import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { testCredential } from '../harness/credentialTester';
import { DOTDIGITAL_KEYS } from '../harness/dotdigital';
import { HUAWEI_KEYS } from '../harness/huawei';
import { credentialsHelper, setCredential } from '../harness/runWorkflow';
import { TENCENT_KEYS } from '../harness/sandbox';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox();

beforeEach(() => {
	sandbox.control.clearRequests();
});

const requests = (provider: string) => sandbox.control.getRequests({ provider });

/**
 * "Test credential" in the editor, run the way n8n's CLI runs it (test/harness/credentialTester):
 * one case per field a person can get wrong, each reported as failed with the vendor's reason.
 */

/** Saves the credential as the editor does, then presses "Test credential" with `data`. */
async function pressTest(type: string, id: string, data: ICredentialDataDecryptedObject) {
	setCredential(id, data);
	return await testCredential(type, id, data);
}

const tencent = () => ({ endpoint: sandbox.url, language: 'en-US', sessionToken: '', secretId: TENCENT_KEYS.partnerKey.secretId, secretKey: TENCENT_KEYS.partnerKey.secretKey });
const huaweiAkSk = () => ({
	site: 'custom',
	endpoint: sandbox.url,
	accessKeyId: HUAWEI_KEYS.partnerKey.accessKeyId,
	secretAccessKey: HUAWEI_KEYS.partnerKey.secretAccessKey,
	securityToken: '',
	domainId: HUAWEI_KEYS.partnerKey.domainId,
	resolvedDomainId: '',
});
const huaweiIam = () => ({
	site: 'custom',
	endpoint: sandbox.url,
	iamEndpoint: '',
	domainName: HUAWEI_KEYS.iamUser.domainName,
	userName: HUAWEI_KEYS.iamUser.userName,
	password: HUAWEI_KEYS.iamUser.password,
	token: '',
});
const dotdigital = () => ({ ...DOTDIGITAL_KEYS.resellerUser, baseUrl: `${sandbox.url}/WebApi/ResellerServices` });

const unreachable = 'http://127.0.0.1:1';
/** A key id of the right form that the sandbox does not know. */
const unknownKey = (known: string) => known.replace(/\d$/, '9');

describe('Tencent Cloud Partner API', () => {
	it('passes with the partner key', async () => {
		expect(await pressTest('tencentCloudPartnerApi', 'tc', tencent())).toEqual({ status: 'OK', message: expect.any(String) });
	});

	it.each([
		['Secret ID', () => ({ ...tencent(), secretId: unknownKey(TENCENT_KEYS.partnerKey.secretId) }), /^AuthFailure\.SecretIdNotFound: the Secret ID is unknown/],
		['Secret Key', () => ({ ...tencent(), secretKey: 'not-the-right-secret' }), /^AuthFailure\.SignatureFailure: the Secret Key does not match/],
		['Session Token', () => ({ ...tencent(), ...TENCENT_KEYS.tempPartnerKey, sessionToken: 'not-the-token' }), /^AuthFailure\.TokenFailure: the Session Token is invalid/],
		['Endpoint (a path that is not the API)', () => ({ ...tencent(), endpoint: `${sandbox.url}/nowhere` }), /^HTTP 404: the Endpoint does not serve the International Partners API/],
		['Endpoint (nothing listens)', () => ({ ...tencent(), endpoint: unreachable }), /^ECONNREFUSED$/],
		["key (an end customer's own)", () => ({ ...tencent(), ...TENCENT_KEYS.customerKey }), /^UnauthorizedOperation\.UinNoAuth: the key works, but its account is not a partner/],
	])('a wrong %s fails', async (_field, data, reason) => {
		const result = await pressTest('tencentCloudPartnerApi', 'tc', data());
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(reason) });
	});
});

describe('Huawei Cloud Partner AK/SK API', () => {
	it('passes with the partner key', async () => {
		expect(await pressTest('huaweiCloudPartnerApi', 'hw', huaweiAkSk())).toEqual({ status: 'OK', message: expect.any(String) });
	});

	it.each([
		['Access Key ID', () => ({ ...huaweiAkSk(), accessKeyId: unknownKey(HUAWEI_KEYS.partnerKey.accessKeyId) }), /^APIG\.0301/],
		['Secret Access Key', () => ({ ...huaweiAkSk(), secretAccessKey: 'not-the-right-secret' }), /^APIG\.0301/],
		['Account ID', () => ({ ...huaweiAkSk(), domainId: HUAWEI_KEYS.resellerKey.domainId }), /^APIG\.0301/],
		['Security Token', () => ({ ...huaweiAkSk(), ...HUAWEI_KEYS.tempPartnerKey, securityToken: 'not-the-token' }), /^APIG\.0301/],
		['Endpoint (a path that is not Partner Center)', () => ({ ...huaweiAkSk(), endpoint: `${sandbox.url}/nowhere` }), /^APIG\.0101: this endpoint does not serve Partner Center/],
		['Endpoint (nothing listens)', () => ({ ...huaweiAkSk(), endpoint: unreachable }), /^ECONNREFUSED$/],
	])('a wrong %s fails', async (_field, data, reason) => {
		const result = await pressTest('huaweiCloudPartnerApi', 'hw', data());
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(reason) });
		if (String(reason).includes('0301')) expect(result.message).toContain('Check the keys');
	});
});

describe('Huawei Cloud Partner IAM Token API', () => {
	const tokenRequests = () => requests('huawei').filter((r) => r.action === 'KeystoneCreateUserTokenByPassword');

	it('passes with the IAM user, logging in for the test', async () => {
		expect(await pressTest('huaweiCloudPartnerIamApi', 'iam', huaweiIam())).toEqual({ status: 'OK', message: expect.any(String) });
		expect(tokenRequests()).toHaveLength(1);
	});

	it.each([
		['Account Name', () => ({ ...huaweiIam(), domainName: 'not-the-account' })],
		['User Name', () => ({ ...huaweiIam(), userName: 'not-the-user' })],
		['Password', () => ({ ...huaweiIam(), password: 'not-the-password' })],
	])('a wrong %s fails with IAM\'s reason', async (_field, data) => {
		const result = await pressTest('huaweiCloudPartnerIamApi', 'iam', data());
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Huawei IAM refused the login \(HTTP 401: The username or password is wrong\.\)/) });
	});

	it('a wrong IAM Endpoint fails', async () => {
		const result = await pressTest('huaweiCloudPartnerIamApi', 'iam', { ...huaweiIam(), iamEndpoint: `${sandbox.url}/nowhere` });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Huawei IAM refused the login \(HTTP 404\)/) });
	});

	it('a wrong Partner Center endpoint fails after a good login', async () => {
		const result = await pressTest('huaweiCloudPartnerIamApi', 'iam', { ...huaweiIam(), iamEndpoint: sandbox.url, endpoint: `${sandbox.url}/nowhere` });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^APIG\.0101/) });
	});

	it.each([
		['user name', { userName: 'someone-else' }],
		['password', { password: 'changed-and-wrong' }],
	])('after the %s is changed, the test logs in afresh instead of reusing the stored token', async (_field, change) => {
		expect((await pressTest('huaweiCloudPartnerIamApi', 'iam', huaweiIam())).status).toBe('OK');
		const saved = credentialsHelper.store.get('iam') ?? {};
		expect(saved.token).toEqual(expect.any(String));
		// The form now holds the saved credential (its token included) with one field changed.
		const result = await testCredential('huaweiCloudPartnerIamApi', 'iam', { ...saved, ...change });
		expect(result).toEqual({ status: 'Error', message: expect.stringContaining('The username or password is wrong') });
		expect(tokenRequests()).toHaveLength(2);
		expect(requests('huawei').filter((r) => r.action === 'ListSubCustomers')).toHaveLength(1);
	});
});

describe('dotdigital CPaaS Reseller API', () => {
	const testCalls = () => requests('dotdigital').filter((r) => r.action === 'AddUserToAccount');

	it('passes with the reseller API user, and the test call can create nothing', async () => {
		const result = await pressTest('dotdigitalResellerApi', 'dd', dotdigital());
		expect(result).toEqual({ status: 'OK', message: expect.stringContaining('Value cannot be null') });
		expect(testCalls().map((r) => [r.body, r.status])).toEqual([[null, 400]]);
	});

	it.each([
		['Username', () => ({ ...dotdigital(), username: 'not-the-user@example.com' }), /^Wrong username or password \(HTTP 401 from dotdigital\)/],
		['Password', () => ({ ...dotdigital(), password: 'not-the-password' }), /^Wrong username or password \(HTTP 401 from dotdigital\)/],
		['Base URL (the other spelling)', () => ({ ...dotdigital(), baseUrl: `${sandbox.url}/WebApi/ResellerService` }), /^Wrong Base URL \(HTTP 404 from dotdigital\)/],
		['Base URL (another path)', () => ({ ...dotdigital(), baseUrl: `${sandbox.url}/Services` }), /^Wrong Base URL \(HTTP 404 from dotdigital\)/],
		['Base URL (nothing listens)', () => ({ ...dotdigital(), baseUrl: unreachable }), /^Could not reach the Base URL: No connection could be made \(ECONNREFUSED\)/],
	])('a wrong %s fails', async (_field, data, reason) => {
		const result = await pressTest('dotdigitalResellerApi', 'dd', data());
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(reason) });
		expect(testCalls().every((r) => r.body === null)).toBe(true);
	});

	it('a service failure is not reported as a wrong credential', async () => {
		sandbox.control.addFault({ provider: 'dotdigital', action: 'AddUserToAccount', kind: 'http500' });
		const result = await pressTest('dotdigitalResellerApi', 'dd', dotdigital());
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^The Reseller Service failed \(HTTP 500/) });
	});

	it('the password never appears in a verdict', async () => {
		const verdicts = [await pressTest('dotdigitalResellerApi', 'dd', { ...dotdigital(), password: 'Sekret-Wrong-Pass-9!' })];
		expect(JSON.stringify(verdicts)).not.toContain('Sekret-Wrong-Pass-9!');
	});
});
