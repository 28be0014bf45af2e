/**
 * Credentials stay with their host: an endpoint (or Huawei IAM) answering with a redirect to
 * another origin must hand that origin nothing, for every credential type, for reads, writes,
 * token calls, logins and credential tests. The error names where the redirect pointed and what
 * became of the request, and repeats no secret.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import * as redirectPair from '../../sandbox/redirector';
import { testCredential } from '../harness/credentialTester';
import { account, DOTDIGITAL_KEYS, runDotdigital } from '../harness/dotdigital';
import { AKSK, AKSK_LOOKUP, AKSK_TEMP, HUAWEI_KEYS, IAM, ref, runHuawei, storedCredential } from '../harness/huawei';
import { credentialsHelper, setCredential } from '../harness/runWorkflow';
import { TENCENT_KEYS } from '../harness/sandbox';
import { byId, PARTNER_CREDENTIAL, runTencent, TEMP_CREDENTIAL } from '../harness/tencent';
import { useSandbox } from '../harness/useSandbox';

interface RecordingServer {
	url: string;
	received: Array<{ method: string; url: string; headers: IDataObject; body: string }>;
}
interface RedirectPair {
	redirector: RecordingServer;
	elsewhere: RecordingServer;
	setStatus(status: number): void;
	clear(): void;
	close(): Promise<void>;
}
const startRedirectPair = (redirectPair as unknown as { startRedirectPair: () => Promise<RedirectPair> }).startRedirectPair;

const sandbox = useSandbox({ vendors: ['tencent', 'huawei', 'dotdigital'], credentials: 'eachTest' });
let pair: RedirectPair;
/** The other origin: must never receive anything. */
let elsewhere: RecordingServer;
/** The endpoint that redirects every request to `elsewhere`, keeping the path. */
let redirector: RecordingServer;

const SECRETS = () => [
	TENCENT_KEYS.partnerKey.secretKey,
	TENCENT_KEYS.tempPartnerKey.secretKey,
	TENCENT_KEYS.tempPartnerKey.token,
	HUAWEI_KEYS.partnerKey.secretAccessKey,
	HUAWEI_KEYS.tempPartnerKey.secretAccessKey,
	HUAWEI_KEYS.tempPartnerKey.securityToken,
	HUAWEI_KEYS.iamUser.password,
	DOTDIGITAL_KEYS.resellerUser.password,
	Buffer.from(`${DOTDIGITAL_KEYS.resellerUser.username}:${DOTDIGITAL_KEYS.resellerUser.password}`).toString('base64'),
];

beforeAll(async () => {
	pair = await startRedirectPair();
	({ elsewhere, redirector } = pair);
});
beforeEach(() => {
	pair.setStatus(307);
	pair.clear();
});
afterAll(async () => await pair.close());

const elsewhereHost = () => new URL(elsewhere.url).host;

/** What a person sees of an error, all of it. */
const shown = (error: (Error & IDataObject) | undefined) => `${error?.message} ${String(error?.description ?? '')} ${JSON.stringify(error?.context ?? {})}`;

function expectNamesTheHostAndHidesSecrets(error: (Error & IDataObject) | undefined) {
	const text = shown(error);
	expect(error).toBeDefined();
	expect(text).toContain(elsewhereHost());
	expect(text).toMatch(/redirects are never followed/);
	for (const secret of SECRETS()) expect(text).not.toContain(secret);
	expect(text).not.toMatch(/SDK-HMAC-SHA256 Access|TC3-HMAC-SHA256 Credential|Signature=[0-9a-f]{8}/);
}

function expectNothingElsewhere() {
	expect(elsewhere.received).toEqual([]);
}

/** The redirecting endpoint got the request once: never re-sent, never retried. */
function expectAnsweredOnceByTheRedirector() {
	expect(redirector.received).toHaveLength(1);
}

describe('Tencent Cloud: a signed call answered with a redirect', () => {
	const read = { resource: 'credit', operation: 'getPartnerCredit' };
	const write = { resource: 'credit', operation: 'allocateToCustomer', customerUin: byId(TENCENT_KEYS.FIRST_CUSTOMER_UIN), addedCredit: 1, additionalFields: {} };

	it.each([
		['a permanent key', PARTNER_CREDENTIAL],
		['a temporary key with X-TC-Token', TEMP_CREDENTIAL],
	])('with %s: a read and a write hand the other host nothing', async (_label, credential) => {
		setCredential(credential, { ...credentialsHelper.store.get(credential), endpoint: redirector.url });
		const readRun = await runTencent(read, { credential });
		expectNamesTheHostAndHidesSecrets(readRun.error);
		expectAnsweredOnceByTheRedirector();
		redirector.received.length = 0;
		const writeRun = await runTencent(write, { credential });
		expectNamesTheHostAndHidesSecrets(writeRun.error);
		expect(writeRun.error?.message).toMatch(/AllocateCustomerCredit failed: HTTP307: not applied here: the endpoint answered 307 with a redirect to http:\/\/127\.0\.0\.2:\d+\//);
		expectAnsweredOnceByTheRedirector();
		expectNothingElsewhere();
	});

	it('a write answered 303 (See Other) is reported as possibly applied and not repeated', async () => {
		pair.setStatus(303);
		setCredential(PARTNER_CREDENTIAL, { ...TENCENT_KEYS.partnerKey, sessionToken: '', language: 'en-US', endpoint: redirector.url });
		const run = await runTencent(write);
		expectNamesTheHostAndHidesSecrets(run.error);
		expect(run.error?.message).toMatch(/AllocateCustomerCredit: outcome unknown, it may have been applied; not repeated/);
		expect((run.error?.context as IDataObject).outcome).toBe('unknown');
		expectAnsweredOnceByTheRedirector();
		expectNothingElsewhere();
	});
});

describe('Huawei Cloud: signed calls, token calls and logins answered with a redirect', () => {
	const read = { resource: 'partner', operation: 'getConsumptionQuota' };
	const write = { resource: 'budget', operation: 'set', customerId: ref('a'.repeat(32)), budgetAmount: 5 };

	it.each([
		['AK/SK', AKSK],
		['AK/SK with a temporary security token', AKSK_TEMP],
		['an IAM token', IAM],
	])('with %s: a read and a write to a redirecting Partner Center hand the other host nothing', async (_label, credential) => {
		// IAM stays at the sandbox, so the token is real; only Partner Center redirects.
		setCredential(credential, { ...storedCredential(credential), endpoint: redirector.url, iamEndpoint: sandbox.url });
		const readRun = await runHuawei(read, { credential });
		expectNamesTheHostAndHidesSecrets(readRun.error);
		expect(readRun.error?.message).toMatch(/ShowPartnerConsumptionQuota failed: HTTP307: not applied here/);
		expectAnsweredOnceByTheRedirector();
		redirector.received.length = 0;
		const writeRun = await runHuawei(write, { credential });
		expectNamesTheHostAndHidesSecrets(writeRun.error);
		expect(writeRun.error?.message).toMatch(/UpdateSubCustomerBudget failed: HTTP307: not applied here: the endpoint answered 307 with a redirect to http:\/\/127\.0\.0\.2/);
		expectAnsweredOnceByTheRedirector();
		expectNothingElsewhere();
	});

	it.each([301, 302, 303, 307, 308])('the IAM login answered %i keeps the user name and password at home, and sends no call', async (status) => {
		pair.setStatus(status);
		setCredential(IAM, { ...storedCredential(IAM), iamEndpoint: redirector.url, token: '' });
		for (const parameters of [read, write]) {
			redirector.received.length = 0;
			const run = await runHuawei(parameters, { credential: IAM });
			expectNamesTheHostAndHidesSecrets(run.error);
			// A write says nothing was sent; a read says why it failed.
			expect(run.error?.message).toMatch(/(: nothing was sent \(| failed: )HTTP\d+: Huawei IAM \(token request\) answered \d+ with a redirect to http:\/\/127\.0\.0\.2:\d+\/v3\/auth\/tokens; redirects are never followed, so the user name and password never went there/);
			expectAnsweredOnceByTheRedirector();
		}
		expect(sandbox.control.getRequests({ provider: 'huawei' })).toEqual([]);
		expectNothingElsewhere();
	});

	it('the account ID look-up answered with a redirect keeps the signature at home, and sends no call', async () => {
		setCredential(AKSK_LOOKUP, { ...storedCredential(AKSK_LOOKUP), iamEndpoint: redirector.url });
		const run = await runHuawei(write, { credential: AKSK_LOOKUP });
		expectNamesTheHostAndHidesSecrets(run.error);
		expect(run.error?.message).toMatch(/UpdateSubCustomerBudget: nothing was sent \(HTTP307: Huawei IAM \(account ID look-up\) answered 307/);
		expectAnsweredOnceByTheRedirector();
		expect(sandbox.control.getRequests({ provider: 'huawei' })).toEqual([]);
		expectNothingElsewhere();
	});
});

describe('dotdigital: a Basic-authenticated call answered with a redirect', () => {
	it('a read and a write hand the other host neither the call nor the password', async () => {
		setCredential('dotdigital-redirected', { ...DOTDIGITAL_KEYS.resellerUser, baseUrl: `${redirector.url}/WebApi/ResellerServices` });
		const readRun = await runDotdigital({ resource: 'credit', operation: 'get', accountId: account(1) }, { credential: 'dotdigital-redirected' });
		expectNamesTheHostAndHidesSecrets(readRun.error);
		expectAnsweredOnceByTheRedirector();
		redirector.received.length = 0;
		const writeRun = await runDotdigital(
			{ resource: 'credit', operation: 'add', accountId: account(1), credits: 10, additionalFields: {} },
			{ credential: 'dotdigital-redirected' },
		);
		expectNamesTheHostAndHidesSecrets(writeRun.error);
		expect(writeRun.error?.message).toMatch(/failed: HTTP307: not applied here: the endpoint answered 307 with a redirect to http:\/\/127\.0\.0\.2:\d+\/WebApi\/ResellerServices\//);
		expectAnsweredOnceByTheRedirector();
		expectNothingElsewhere();
	});
});

describe('credential tests answered with a redirect', () => {
	it.each([
		['tencentCloudPartnerApi', () => ({ ...TENCENT_KEYS.tempPartnerKey, sessionToken: TENCENT_KEYS.tempPartnerKey.token, language: 'en-US', endpoint: redirector.url })],
		['huaweiCloudPartnerApi', () => ({ ...storedCredential(AKSK_TEMP), endpoint: redirector.url })],
		['huaweiCloudPartnerApi', () => ({ ...storedCredential(AKSK_LOOKUP), iamEndpoint: redirector.url })],
		['huaweiCloudPartnerIamApi', () => ({ ...storedCredential(IAM), endpoint: redirector.url, iamEndpoint: sandbox.url })],
		['huaweiCloudPartnerIamApi', () => ({ ...storedCredential(IAM), iamEndpoint: redirector.url })],
		['dotdigitalResellerApi', () => ({ ...DOTDIGITAL_KEYS.resellerUser, baseUrl: `${redirector.url}/WebApi/ResellerServices` })],
	])('%s: the test fails, says why, and the other host receives nothing', async (type, data) => {
		const credential = data() as ICredentialDataDecryptedObject;
		setCredential('redirect-test', credential);
		const verdict = await testCredential(type, 'redirect-test', credential);
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toMatch(/redirect/i);
		for (const secret of SECRETS()) expect(verdict.message).not.toContain(secret);
		expect(redirector.received.length).toBeGreaterThanOrEqual(1);
		expectNothingElsewhere();
	});
});
