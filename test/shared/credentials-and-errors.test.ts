/**
 * Credentials and errors through n8n-core: an IAM 5xx is a service error that is retried, the
 * dotdigital username is trimmed, an unknown Huawei access key id is masked, and error messages
 * stay bounded whatever the input.
 */
import { redact } from '../../nodes/shared/redact';
import { account, DOTDIGITAL_KEYS, runDotdigital } from '../harness/dotdigital';
import { HUAWEI_KEYS, IAM, runHuawei, storedCredential, AKSK } from '../harness/huawei';
import { setCredential } from '../harness/runWorkflow';
import { useSandbox } from '../harness/useSandbox';

const sandbox = useSandbox({ vendors: ['huawei', 'dotdigital'], credentials: 'eachTest' });
const requests = (provider: string, action?: string) => sandbox.control.getRequests({ provider, action });


describe('Huawei IAM token service errors', () => {
	it.each(['http503', 'internalError'])('an IAM %s while fetching a token is retried and then succeeds', async (kind) => {
		setCredential(IAM, { ...storedCredential(IAM), token: '' });
		sandbox.control.addFault({ provider: 'huawei', action: 'KeystoneCreateUserTokenByPassword', kind, count: 1 });
		const result = await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: IAM });
		expect(result.error).toBeUndefined();
		expect(requests('huawei', 'KeystoneCreateUserTokenByPassword').length).toBe(2);
	});

	it('an IAM that keeps failing is reported as a service error, never as a wrong password', async () => {
		setCredential(IAM, { ...storedCredential(IAM), token: '' });
		sandbox.control.addFault({ provider: 'huawei', action: 'KeystoneCreateUserTokenByPassword', kind: 'http503', count: 10 });
		const result = await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: IAM });
		expect(result.error?.message).toMatch(/IAM\.ServiceError: Huawei IAM could not issue a token \(HTTP 503/);
		expect(result.error?.message).not.toMatch(/password/i);
		expect(String(result.error?.description)).toMatch(/not a wrong password/);
		expect(String(result.error?.description)).toMatch(/Tried 4 times/);
		expect(requests('huawei', 'ShowPartnerConsumptionQuota')).toHaveLength(0);
	});

	it('a write whose token could not be fetched says nothing was sent', async () => {
		setCredential(IAM, { ...storedCredential(IAM), token: '' });
		sandbox.control.addFault({ provider: 'huawei', action: 'KeystoneCreateUserTokenByPassword', kind: 'http500', count: 10 });
		const result = await runHuawei({ resource: 'budget', operation: 'set', customerId: { __rl: true, mode: 'id', value: 'a'.repeat(32) }, budgetAmount: 5 }, { credential: IAM });
		expect(result.error?.message).toMatch(/UpdateSubCustomerBudget: nothing was sent/);
		expect(requests('huawei', 'UpdateSubCustomerBudget')).toHaveLength(0);
	});
});

describe('credential keys', () => {
	it('the dotdigital username is trimmed like the other credentials\' keys', async () => {
		const { username, password } = DOTDIGITAL_KEYS.resellerUser;
		setCredential('dotdigital-spaced', { username: `  ${username}\t`, password, baseUrl: `${sandbox.url}/WebApi/ResellerServices` });
		const result = await runDotdigital({ resource: 'credit', operation: 'get', accountId: account(1) }, { credential: 'dotdigital-spaced', continueOnFail: true });
		expect(String(result.json[0].error ?? '')).not.toMatch(/401|username or password/i);
	});

	it('an unknown Huawei access key id echoed by Huawei is masked', async () => {
		const unknownKey = `${HUAWEI_KEYS.partnerKey.accessKeyId.slice(0, 4)}UNKNOWNKEY12345678`;
		setCredential('huawei-unknown-ak', { ...storedCredential(AKSK), accessKeyId: unknownKey });
		const result = await runHuawei({ resource: 'partner', operation: 'getConsumptionQuota' }, { credential: 'huawei-unknown-ak' });
		const text = `${result.error?.message} ${result.error?.description}`;
		expect(text).toMatch(/APIG\.0301/);
		expect(text).toContain(`${unknownKey.slice(0, 4)}[redacted]`);
		expect(text).not.toContain(unknownKey);
	});

	it('masks access key ids however a message names them, and leaves other words alone', () => {
		expect(redact('the access key HPUAXXXXXXXXXXXXXXXX is invalid')).toBe('the access key HPUA[redacted] is invalid');
		expect(redact('Access=ABCD1234EFGH5678, SignedHeaders=host')).toBe('Access=ABCD[redacted], SignedHeaders=host');
		expect(redact('access_key_id: "QWERTYUIOPASDFGH"')).toBe('access_key_id: "QWER[redacted]"');
		expect(redact('the access key is invalid')).toBe('the access key is invalid');
	});
});

describe('error messages stay bounded', () => {
	it('a 100 KB method name override gives a short message, and nothing is sent', async () => {
		const result = await runDotdigital(
			{ resource: 'credit', operation: 'get', accountId: account(1), options: { methodName: `Get${'X'.repeat(100000)}` } },
			{ continueOnFail: true },
		);
		expect(String(result.json[0].error).length).toBeLessThan(400);
		expect(requests('dotdigital')).toHaveLength(0);
	});

	it('a huge vendor message is cut in the error', async () => {
		const result = await runDotdigital({ resource: 'custom', operation: 'callMethod', methodName: 'X'.repeat(129), body: '{}' }, { continueOnFail: true });
		expect(String(result.json[0].error).length).toBeLessThan(400);
	});
});
