/**
 * What every Tencent operation shares: validation before sending, Continue On Fail, credential
 * errors, pacing under the rate limit, retries that never repeat an ambiguous write, and secrets
 * kept out of errors and output.
 */
import type { INodeParameters } from 'n8n-workflow';

import { vendorRateLimiter } from '../../nodes/shared/rateLimiter';
import { paceOnManualClock, turnedAway } from '../harness/clock';
import { testCredential } from '../harness/credentialTester';
import { credentialsHelper, setCredential } from '../harness/runWorkflow';
import { TENCENT_KEYS } from '../harness/sandbox';
import {
	byId,
	PARTNER_CREDENTIAL,
	runTencent,
	TEMP_CREDENTIAL,
	WRONG_SECRET_CREDENTIAL,
} from '../harness/tencent';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['tencent'] });
const customer = TENCENT_KEYS.FIRST_CUSTOMER_UIN;


const requests = (action?: string) => sandbox.control.getRequests({ provider: 'tencent', action });
const remaining = (uin: number) => (sandbox.control.tencent.getCustomer(uin) as { RemainingCredit: number }).RemainingCredit;

describe('validation before sending', () => {
	const createAccount = {
		resource: 'customer',
		operation: 'createAccount',
		accountType: 'company',
		mail: 'someone@example.com',
		password: 'Xy7!abcdEF',
		phoneNum: '91234567',
		countryCode: '852',
		area: 'HK',
		verifyCode: '123456',
		tradeOne: 'kghy_01',
		tradeTwo: 'kghy_0101',
		additionalFields: {},
	};

	const cases: Array<[string, Record<string, unknown>, RegExp]> = [
		['an account ID that is not a number', { resource: 'customer', operation: 'updateRemark', customerUin: byId('={{ "12ab" }}'), remark: 'x' }, /"Customer" must be an account ID made of digits/],
		['a missing required value', { resource: 'customer', operation: 'updateRemark', customerUin: byId(customer), remark: '  ' }, /"Remark" is required/],
		['an amount that is not a number', { resource: 'credit', operation: 'allocateToCustomer', customerUin: byId(customer), addedCredit: '=ten', additionalFields: {} }, /"Added Credit" must be a number; got "ten"/],
		['an amount out of range', { resource: 'credit', operation: 'allocateToSubAgent', subAgentUin: byId(300000000001), credit: 2000000 }, /"Credit" must be a number from 0 to 1000000/],
		['a zero credit change', { resource: 'credit', operation: 'allocateToCustomer', customerUin: byId(customer), addedCredit: 0, additionalFields: {} }, /"Added Credit" must not be 0/],
		['an e-mail address without @', { ...createAccount, mail: 'someone.example.com' }, /"Email" must be an e-mail address/],
		['a phone number with letters', { ...createAccount, phoneNum: '9123-ABC' }, /"Phone Number" must be 1 to 32 digits/],
		['a refused country code', { ...createAccount, countryCode: '86' }, /"Country Code" must be an international dialing code/],
		['a weak password', { ...createAccount, password: 'password' }, /"Password" must be 8 to 20 characters with a digit/],
		['passwords that differ', { ...createAccount, additionalFields: { confirmPassword: 'Other!1234' } }, /"Confirm Password" must equal "Password"/],
		['an option outside the list', { ...createAccount, accountType: '=enterprise' }, /"Account Type" must be one of "company", "personal"/],
		['a UIN list with a bad entry', { resource: 'credit', operation: 'getByUins', customerUins: ['200000000001, two'] }, /"Customer UINs" must be a list of account IDs/],
		['an empty required list', { resource: 'customer', operation: 'getInvitations', invitationToken: [] }, /"Invitation Tokens" is required/],
		['half a search', { resource: 'credit', operation: 'getManyCustomers', returnAll: true, additionalFields: { filter: 'Acme' } }, /"Search By" and "Search Value" go together/],
	];

	it.each(cases)('%s stops the item with a NodeOperationError and sends nothing', async (_label, parameters, message) => {
		const result = await runTencent(parameters as INodeParameters);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/^Item 1: /);
		expect(requests()).toHaveLength(0);
	});
});

describe('Continue On Fail', () => {
	it('emits an error item paired with the failing input and goes on with the others', async () => {
		const result = await runTencent(
			{ resource: 'customer', operation: 'getVerificationStatus', customerUin: byId('={{ $json.uin }}') },
			{ items: [{ uin: customer }, { uin: 'not-a-uin' }, { uin: 999999999999 }, { uin: customer + 1 }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4);
		expect(result.items.map((i) => (i.pairedItem as { item: number }).item)).toEqual([0, 1, 2, 3]);
		expect(typeof result.json[0].AccountStatus).toBe('boolean');
		expect(result.json[1].error).toMatch(/"Customer" must be an account ID/);
		expect(result.json[2]).toEqual(expect.objectContaining({ error: expect.stringContaining('QueryAccountVerificationStatus'), vendorCode: expect.any(String), requestId: expect.any(String) }));
		expect(typeof result.json[3].AccountStatus).toBe('boolean');
		// The invalid item never reached the sandbox.
		expect(requests('QueryAccountVerificationStatus')).toHaveLength(3);
	});
});

describe('credentials', () => {
	it('a wrong secret gives an error that says the key is wrong', async () => {
		const result = await runTencent({ resource: 'credit', operation: 'getPartnerCredit' }, { credential: WRONG_SECRET_CREDENTIAL });
		expect(result.error?.message).toContain('AuthFailure.SignatureFailure');
		expect(String(result.error?.description)).toContain('Secret Key does not match the Secret ID');
		expect(result.error?.httpCode).toBe('401');
	});

	it("a clock more than 5 minutes off Tencent's, an unknown key and a missing token each say what to fix", async () => {
		sandbox.control.setClockOffset({ offsetMs: 10 * 60 * 1000 });
		const skewed = await runTencent({ resource: 'credit', operation: 'getPartnerCredit' });
		expect(skewed.error?.message).toContain('AuthFailure.SignatureExpire');
		expect(String(skewed.error?.description)).toContain("Check this machine's clock");
		sandbox.control.setClockOffset({ offsetMs: 0 });

		setCredential('tencent-unknown-id', { ...credentialsHelper.store.get(PARTNER_CREDENTIAL), secretId: `${TENCENT_KEYS.partnerKey.secretId.slice(0, -4)}9999` });
		const unknown = await runTencent({ resource: 'credit', operation: 'getPartnerCredit' }, { credential: 'tencent-unknown-id' });
		expect(unknown.error?.message).toContain('AuthFailure.SecretIdNotFound');
		expect(String(unknown.error?.description)).toContain('Secret ID is unknown');

		setCredential('tencent-no-token', { ...credentialsHelper.store.get(TEMP_CREDENTIAL), sessionToken: '' });
		const noToken = await runTencent({ resource: 'credit', operation: 'getPartnerCredit' }, { credential: 'tencent-no-token' });
		expect(noToken.error?.message).toContain('AuthFailure.TokenFailure');
		expect(String(noToken.error?.description)).toContain('Session Token');
	});

	it('temporary keys send X-TC-Token; no request ever carries X-TC-Region', async () => {
		const result = await runTencent({ resource: 'credit', operation: 'getPartnerCredit' }, { credential: TEMP_CREDENTIAL });
		expect(result.error).toBeUndefined();
		const [temporary] = requests();
		expect(temporary.hasToken).toBe(true);
		await runTencent({ resource: 'credit', operation: 'getPartnerCredit' });
		expect(requests().map((r) => r.hasRegionHeader)).toEqual([false, false]);
		expect(requests()[1].hasToken).toBe(false);
		expect(requests().every((r) => r.language === 'en-US')).toBe(true);
	});

	it('"Test credential" passes with good keys and names the code with bad ones', async () => {
		const data = (id: string) => credentialsHelper.store.get(id) ?? {};
		const good = await testCredential('tencentCloudPartnerApi', PARTNER_CREDENTIAL, data(PARTNER_CREDENTIAL));
		expect(good).toEqual({ status: 'OK', message: expect.any(String) });
		const wrong = await testCredential('tencentCloudPartnerApi', WRONG_SECRET_CREDENTIAL, data(WRONG_SECRET_CREDENTIAL));
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/^AuthFailure\.SignatureFailure: the Secret Key does not match/);
		expect(requests('QueryPartnerCredit').map((r) => r.outcome)).toEqual(['ok', 'AuthFailure.SignatureFailure']);
	});
});

describe('rate limits', () => {
	it('a burst of 50 allocations on a 5-per-second action is paced so the vendor turns none away', async () => {
		// Pacing runs on a clock the test controls, so the schedule is checked against Tencent's
		// sliding window on that clock: how busy the machine is cannot change the verdict.
		const paced = paceOnManualClock(vendorRateLimiter);
		sandbox.control.setRateLimit({ enabled: false });
		try {
			const before = remaining(customer);
			const result = await runTencent(
				{ resource: 'credit', operation: 'allocateToCustomer', customerUin: byId(customer), addedCredit: 1, additionalFields: {} },
				{ items: Array.from({ length: 50 }, (_, i) => ({ i })) },
			);
			expect(result.error).toBeUndefined();
			expect(result.json).toHaveLength(50);
			expect(result.json.every((r) => typeof r.RemainingCredit === 'number')).toBe(true);
			expect(requests('AllocateCustomerCredit').map((r) => r.outcome)).toEqual(Array.from({ length: 50 }, () => 'ok'));
			expect(paced.starts).toHaveLength(50);
			expect(turnedAway(paced.starts, 5)).toEqual([]);
			// Paced, not merely slow: 50 calls at 5 per second take about ten seconds of the clock.
			expect(paced.starts[49].at - paced.starts[0].at).toBeLessThan(11000);
			expect(remaining(customer)).toBeCloseTo(before + 50, 2);
		} finally {
			paced.restore();
		}
	});
});

describe('retries', () => {
	it.each([
		['throttling', 'throttle'],
		['a busy service', 'serviceBusy'],
		['an HTTP 502', 'http502'],
		['a dropped connection', 'drop'],
	])('a read is retried after %s and succeeds', async (_label, kind) => {
		sandbox.control.addFault({ provider: 'tencent', action: 'QueryPartnerCredit', kind, count: 2 });
		const result = await runTencent({ resource: 'credit', operation: 'getPartnerCredit' });
		expect(result.error).toBeUndefined();
		expect(result.json[0].TotalCredit).toEqual(expect.any(Number));
	});

	it('a read that times out is retried', async () => {
		sandbox.control.addFault({ provider: 'tencent', action: 'QueryPartnerCredit', kind: 'slow', count: 1, delayMs: 2500 });
		const result = await runTencent({ resource: 'credit', operation: 'getPartnerCredit', options: { timeout: 1 } });
		expect(result.error).toBeUndefined();
		expect(result.json[0].TotalCredit).toEqual(expect.any(Number));
	});

	it('a read that keeps failing reports the attempts and what to do', async () => {
		sandbox.control.addFault({ provider: 'tencent', action: 'QueryPartnerCredit', kind: 'internalError', count: 10 });
		const result = await runTencent({ resource: 'credit', operation: 'getPartnerCredit' });
		expect(result.error?.message).toContain('InternalError');
		expect(String(result.error?.description)).toContain('Tried 4 times');
		expect(requests('QueryPartnerCredit')).toHaveLength(4);
	});

	it('a throttled write is retried, because Tencent did not run it, and is applied once', async () => {
		const before = remaining(customer);
		sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'throttle', count: 1 });
		const result = await runTencent({ resource: 'credit', operation: 'allocateToCustomer', customerUin: byId(customer), addedCredit: 10, additionalFields: {} });
		expect(result.error).toBeUndefined();
		expect(requests('AllocateCustomerCredit').map((r) => r.outcome)).toEqual(['RequestLimitExceeded', 'ok']);
		expect(remaining(customer)).toBeCloseTo(before + 10, 2);
	});

	it.each([
		['a 5xx after it was applied', 'http500'],
		['an InternalError after it was applied', 'internalError'],
		['a busy answer after it was applied', 'serviceBusy'],
	])('a write is never repeated after %s: one request, outcome unknown', async (_label, kind) => {
		const before = remaining(customer);
		sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind, count: 1, afterApply: true });
		const result = await runTencent({ resource: 'credit', operation: 'allocateToCustomer', customerUin: byId(customer), addedCredit: 10, additionalFields: {} });
		expect(requests('AllocateCustomerCredit')).toHaveLength(1);
		expect(result.error?.message).toContain('outcome unknown');
		expect(String(result.error?.description)).toContain('Get Allocation History');
		// The sandbox applied it: a retry would have doubled the change.
		expect(remaining(customer)).toBeCloseTo(before + 10, 2);
	});

	it('a write that times out is not repeated either', async () => {
		sandbox.control.addFault({ provider: 'tencent', action: 'ModifyClientRemark', kind: 'slow', count: 1, delayMs: 2500 });
		const result = await runTencent({ resource: 'customer', operation: 'updateRemark', customerUin: byId(customer), remark: 'slow', options: { timeout: 1 } });
		expect(result.error?.message).toContain('outcome unknown');
		expect(requests('ModifyClientRemark')).toHaveLength(1);
	});
});

describe('secrets', () => {
	it('no key, token or signature appears in errors or output', async () => {
		const secrets = [TENCENT_KEYS.partnerKey.secretKey, TENCENT_KEYS.tempPartnerKey.secretKey, TENCENT_KEYS.tempPartnerKey.token, 'not-the-right-secret', 'TC3-HMAC-SHA256 Credential', 'Signature='];
		const runs = [
			await runTencent({ resource: 'credit', operation: 'getPartnerCredit' }, { credential: WRONG_SECRET_CREDENTIAL }),
			await runTencent({ resource: 'credit', operation: 'getPartnerCredit' }, { credential: TEMP_CREDENTIAL }),
			await runTencent({ resource: 'customer', operation: 'getVerificationStatus', customerUin: byId(1) }, { continueOnFail: true }),
		];
		sandbox.control.addFault({ provider: 'tencent', kind: 'http502', count: 10 });
		runs.push(await runTencent({ resource: 'credit', operation: 'getPartnerCredit' }));
		for (const result of runs) {
			const text = JSON.stringify({ json: result.json, error: result.error && { ...result.error, message: result.error.message, description: result.error.description } });
			for (const secret of secrets) expect(text).not.toContain(secret);
		}
	});
});
