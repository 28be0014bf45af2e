/**
 * Every Customer operation of the Tencent Cloud Partner node, run as a real workflow through
 * n8n-core against the sandbox, with its output and what the sandbox received checked.
 */
import { TENCENT_KEYS } from '../harness/sandbox';
import { byId, runTencent } from '../harness/tencent';
import { useSandbox } from '../harness/useSandbox';
import { onTestClock, turnedAway } from '../harness/clock';

const sandbox = useSandbox({ vendors: ['tencent'] });
const customer = TENCENT_KEYS.FIRST_CUSTOMER_UIN;


const requests = (action?: string) => sandbox.control.getRequests({ provider: 'tencent', action });

describe('Customer', () => {
	it('Send Verification Code, then Create Account with that code', async () => {
		const sent = await runTencent({ resource: 'customer', operation: 'sendVerificationCode', countryCode: '852', phoneNum: '91234567' });
		expect(sent.error).toBeUndefined();
		expect(sent.json).toHaveLength(1);
		expect(sent.json[0].RequestId).toEqual(expect.any(String));
		const code = sandbox.control.tencent.getVerifyCode('91234567') as { VerifyCode: string };

		const created = await runTencent({
			resource: 'customer',
			operation: 'createAccount',
			accountType: 'company',
			mail: 'new.customer@example.com',
			password: 'Xy7!abcdEF',
			phoneNum: '91234567',
			countryCode: '852',
			area: 'HK',
			verifyCode: code.VerifyCode,
			tradeOne: 'kghy_01',
			tradeTwo: 'kghy_0101',
			additionalFields: { customerName: 'Example Ltd' },
		});
		expect(created.error).toBeUndefined();
		expect(created.json[0].Uin).toMatch(/^\d+$/);
		const [request] = requests('CreateAccount');
		// Confirm Password was left out: the node sent Password again (the sandbox, which compares
		// them, accepted the account), and nothing beyond the documented fields was sent.
		expect(Object.keys(request.body).sort()).toEqual(
			['AccountType', 'Area', 'ConfirmPassword', 'CountryCode', 'CustomerName', 'Mail', 'Password', 'PhoneNum', 'TradeOne', 'TradeTwo', 'VerifyCode'].sort(),
		);
		const stored = sandbox.control.tencent.getCustomer(created.json[0].Uin) as { Name: string };
		expect(stored).toBeDefined();
	});

	it('Create Account with a wrong code reports the vendor code and what to do', async () => {
		const result = await runTencent({
			resource: 'customer',
			operation: 'createAccount',
			accountType: 'company',
			mail: 'wrong.code@example.com',
			password: 'Xy7!abcdEF',
			phoneNum: '91234568',
			countryCode: '852',
			area: 'HK',
			verifyCode: '000000',
			tradeOne: 'kghy_01',
			tradeTwo: 'kghy_0101',
			additionalFields: {},
		});
		expect(result.error?.message).toContain('FailedOperation.VerificationCodeIllegal');
		expect(String(result.error?.description)).toContain('Send Verification Code');
		expect(String(result.error?.description)).toMatch(/RequestId: [0-9a-f-]{36}/);
	});

	it('Send Invitation, then Get Invitations from the link itself', async () => {
		const sent = await runTencent({ resource: 'customer', operation: 'sendInvitation', email: 'invitee@example.com', additionalFields: {} });
		expect(sent.error).toBeUndefined();
		const link = String(sent.json[0].InvitationLink);
		expect(link).toContain('RegisterToken=');
		const info = await runTencent({ resource: 'customer', operation: 'getInvitations', invitationToken: [link] });
		expect(info.error).toBeUndefined();
		expect(info.json).toHaveLength(1);
		expect(link).toContain(String(info.json[0].InvitationToken));
		expect(requests('QueryInvitationInfo')[0].body.InvitationToken).toEqual([info.json[0].InvitationToken]);
	});

	it('Get Many Pending Applications pages through all of them', async () => {
		const { value: result, starts } = await onTestClock(sandbox, async () =>
			await runTencent({
				resource: 'customer',
				operation: 'getPendingApplications',
				returnAll: true,
				additionalFields: { pageSize: 2 },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(turnedAway(starts, 5)).toEqual([]);
		const calls = requests('QueryPendingClientsV2');
		expect(result.json.length).toBeGreaterThan(2);
		// The total tells the node when to stop: no extra empty page is fetched.
		expect(calls).toHaveLength(Math.ceil(result.json.length / 2));
		expect(calls.map((c) => c.body.Page)).toEqual(calls.map((_, i) => i + 1));
		expect(new Set(result.json.map((a) => a.ClientUin)).size).toBe(result.json.length);
	});

	it('Review Application approves an applicant, who then appears among customers', async () => {
		const pending = await runTencent({ resource: 'customer', operation: 'getPendingApplications', returnAll: false, limit: 1, additionalFields: {} });
		const applicant = pending.json[0].ClientUin as number;
		const result = await runTencent({
			resource: 'customer',
			operation: 'reviewApplication',
			applicantUin: byId(applicant),
			approveType: 'pass',
			additionalFields: {},
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0].RequestId).toEqual(expect.any(String));
		expect(sandbox.control.tencent.getCustomer(applicant)).toEqual(expect.objectContaining({ ClientUin: Number(applicant) }));
	});

	it('Get Many UINs returns every customer UIN across pages, and Limit stops early', async () => {
		const all = await runTencent({ resource: 'customer', operation: 'getManyUins', returnAll: true, additionalFields: {} });
		expect(all.error).toBeUndefined();
		expect(all.json).toHaveLength(300);
		expect(all.json.every((r) => typeof r.CustomerUin === 'string')).toBe(true);
		expect(requests('DescribeCustomerUin')).toHaveLength(3);

		sandbox.control.clearRequests();
		const some = await runTencent({ resource: 'customer', operation: 'getManyUins', returnAll: false, limit: 7, additionalFields: {} });
		expect(some.json).toHaveLength(7);
		expect(requests('DescribeCustomerUin').map((r) => r.body)).toEqual([{ Page: 1, PageSize: 7 }]);
	});

	it('Get Details splits 45 UINs into 3 calls of at most 20', async () => {
		const uins = Array.from({ length: 45 }, (_, i) => customer + i);
		const result = await runTencent({ resource: 'customer', operation: 'getDetails', customerUins: [uins.slice(0, 30).join(', '), ...uins.slice(30).map(String)] });
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(45);
		expect(result.json.map((r) => String(r.CustomerUin)).sort()).toEqual(uins.map(String).sort());
		expect(requests('DescribeCustomerInfo').map((r) => (r.body.CustomerUin as number[]).length)).toEqual([20, 20, 5]);
	});

	it('Get Verification Status returns a boolean', async () => {
		const result = await runTencent({ resource: 'customer', operation: 'getVerificationStatus', customerUin: byId(customer) });
		expect(result.error).toBeUndefined();
		expect(typeof result.json[0].AccountStatus).toBe('boolean');
	});

	it('Update Remark sends the UIN as a string and replaces the remark', async () => {
		const result = await runTencent({ resource: 'customer', operation: 'updateRemark', customerUin: byId(customer), remark: 'VIP - billing contact Alice' });
		expect(result.error).toBeUndefined();
		expect(result.json[0].ClientRemark).toBe('VIP - billing contact Alice');
		expect(requests('ModifyClientRemark')[0].body).toEqual({ ClientUin: String(customer), Remark: 'VIP - billing contact Alice' });
		expect((sandbox.control.tencent.getCustomer(customer) as { Remark: string }).Remark).toBe('VIP - billing contact Alice');
	});

	it('Set Service Suspension suspends and restores a customer', async () => {
		const suspended = await runTencent({ resource: 'customer', operation: 'setServiceSuspension', customerUin: byId(customer), type: 2 });
		expect(suspended.error).toBeUndefined();
		expect((sandbox.control.tencent.getCustomer(customer) as { Force: number }).Force).toBe(2);
		await runTencent({ resource: 'customer', operation: 'setServiceSuspension', customerUin: byId(customer), type: 0 });
		expect((sandbox.control.tencent.getCustomer(customer) as { Force: number }).Force).toBe(0);
		expect(requests('ForceQN').map((r) => r.body)).toEqual([
			{ ClientUin: customer, Type: 2 },
			{ ClientUin: customer, Type: 0 },
		]);
	});
});
