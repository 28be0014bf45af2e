#!/usr/bin/env node
'use strict';
/**
 * Self-check of the sandbox: starts it on a free port, signs requests with the vendor SDK's
 * `sign3` (as the official SDK would) and checks the behaviours tests rely on: authentication
 * errors, validation errors, paging, rate limits, every fault kind, the control API, and one valid
 * call of each of the 46 actions. Exits 0 when everything passes.
 *
 * Output: one line per failed check and a closing `N passed, N failed` line.
 */
const assert = require('assert/strict');
const Sign = require('tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/sign.js');
const { startSandbox } = require('./server');
const { controlRequest, getText } = require('./httpClient');
const { createTencentClient } = require('./tencent/client');
const { partnerKey, tempPartnerKey, customerKey } = require('./tencent/keys');
const { ACTIONS } = require('./tencent/actions');
const { monthOf, addMonths } = require('./tencent/time');

const checks = [];
const check = (name, fn) => checks.push({ name, fn });

/** Asserts a Tencent error envelope with `code`. */
function expectError(res, code) {
	assert.equal(res.status, 200, `HTTP ${res.status}: ${res.text.slice(0, 200)}`);
	assert.ok(res.json && res.json.Response, `no Response envelope: ${res.text.slice(0, 200)}`);
	const error = res.json.Response.Error;
	assert.ok(error, `expected ${code}, got success: ${res.text.slice(0, 300)}`);
	assert.equal(error.Code, code, `expected ${code}, got ${error.Code}: ${error.Message}`);
	assert.match(res.json.Response.RequestId, /^[0-9a-f-]{36}$/);
	return error;
}

/** Asserts success and returns the Response object. */
function expectOk(res) {
	assert.equal(res.status, 200, `HTTP ${res.status}: ${res.text.slice(0, 200)}`);
	assert.ok(res.json && res.json.Response, `no Response envelope: ${res.text.slice(0, 200)}`);
	const error = res.json.Response.Error;
	assert.ok(!error, error ? `unexpected ${error.Code}: ${error.Message}` : '');
	assert.match(res.json.Response.RequestId, /^[0-9a-f-]{36}$/);
	return res.json.Response;
}

const P = partnerKey;
const C = customerKey;
const FIRST = 200000000001;

// ---------------------------------------------------------------- signing and authentication

check('SDK sign3 reproduces the reference test vector', () => {
	const auth = Sign.sign3({
		method: 'POST',
		url: 'https://intlpartnersmgt.intl.tencentcloudapi.com/',
		payload: Buffer.from('{"Page":1,"PageSize":100,"Order":"desc"}'),
		timestamp: 1700000000,
		service: 'intlpartnersmgt',
		secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
		secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
		headers: { 'Content-Type': 'application/json' },
	});
	assert.equal(auth.split('Signature=')[1], '35c439331a96fea15adf4a39c5ba752cb76331076bf4cc857ed01e745ff2a839');
});

check('valid signed call succeeds', async ({ client }) => {
	const r = expectOk(await client.call('QueryPartnerCredit', {}));
	assert.equal(typeof r.TotalCredit, 'number');
	assert.equal(Math.round((r.TotalCredit - r.AllocatedCredit - r.RemainingCredit) * 100), 0);
});

check('real endpoint Host header is accepted when signed with it', async ({ client }) => {
	expectOk(await client.call('QueryPartnerCredit', {}, { host: 'intlpartnersmgt.intl.tencentcloudapi.com' }));
});

check('Content-Type with charset is accepted when signed consistently', async ({ client }) => {
	expectOk(await client.call('QueryPartnerCredit', {}, { contentType: 'application/json; charset=utf-8' }));
});

check('missing Authorization -> AuthFailure.InvalidAuthorization', async ({ client }) => {
	expectError(await client.call('QueryPartnerCredit', {}, { authorization: null }), 'AuthFailure.InvalidAuthorization');
	expectError(await client.call('QueryPartnerCredit', {}, { authorization: 'HMAC foo' }), 'AuthFailure.InvalidAuthorization');
});

check('stale timestamp -> AuthFailure.SignatureExpire', async ({ client }) => {
	expectError(await client.call('QueryPartnerCredit', {}, { timestamp: Math.floor(Date.now() / 1000) - 301 }), 'AuthFailure.SignatureExpire');
	expectError(await client.call('QueryPartnerCredit', {}, { timestamp: Date.now() }), 'AuthFailure.SignatureExpire');
	expectOk(await client.call('QueryPartnerCredit', {}, { timestamp: Math.floor(Date.now() / 1000) - 250 }));
});

check('sandbox clock offset -> AuthFailure.SignatureExpire', async ({ client, sandbox }) => {
	sandbox.control.setClockOffset({ offsetMs: 10 * 60 * 1000 });
	try {
		expectError(await client.call('QueryPartnerCredit', {}), 'AuthFailure.SignatureExpire');
	} finally {
		sandbox.control.setClockOffset({ offsetMs: 0 });
	}
	expectOk(await client.call('QueryPartnerCredit', {}));
});

check('unknown SecretId -> AuthFailure.SecretIdNotFound', async ({ client }) => {
	expectError(await client.call('QueryPartnerCredit', {}, { key: { secretId: 'AKIDunknown000000000000000000000001', secretKey: 'x' } }), 'AuthFailure.SecretIdNotFound');
});

check('wrong secret -> AuthFailure.SignatureFailure', async ({ client }) => {
	expectError(await client.call('QueryPartnerCredit', {}, { key: { secretId: P.secretId, secretKey: 'wrongSecret' } }), 'AuthFailure.SignatureFailure');
});

check('tampered body -> AuthFailure.SignatureFailure', async ({ client }) => {
	expectError(await client.call('QueryCustomersCredit', { Page: 2 }, { signBody: '{"Page":1}' }), 'AuthFailure.SignatureFailure');
	// Same object, different serialisation (spacing) is different bytes: must fail too.
	expectError(await client.call('QueryCustomersCredit', '{"Page": 1}', { signBody: '{"Page":1}' }), 'AuthFailure.SignatureFailure');
});

check('Content-Type changed after signing -> AuthFailure.SignatureFailure', async ({ client, sandbox }) => {
	const key = P;
	const timestamp = Math.floor(Date.now() / 1000);
	const host = new URL(sandbox.url).host;
	const authorization = Sign.sign3({
		method: 'POST', url: `https://${new URL(sandbox.url).hostname}/`, payload: Buffer.from('{}'), timestamp, service: 'intlpartnersmgt',
		secretId: key.secretId, secretKey: key.secretKey, headers: { 'Content-Type': 'application/json' },
	});
	expectError(await client.call('QueryPartnerCredit', '{}', { timestamp, host, authorization, contentType: 'application/json; charset=utf-8' }), 'AuthFailure.SignatureFailure');
});

check('temporary key: no token -> TokenFailure, wrong token -> TokenFailure, right token ok', async ({ client }) => {
	expectError(await client.call('QueryPartnerCredit', {}, { key: tempPartnerKey, sendToken: false }), 'AuthFailure.TokenFailure');
	expectError(await client.call('QueryPartnerCredit', {}, { key: tempPartnerKey, sendToken: 'nope' }), 'AuthFailure.TokenFailure');
	expectOk(await client.call('QueryPartnerCredit', {}, { key: tempPartnerKey }));
	expectOk(await client.call('QueryPartnerCredit', {}, { key: P, sendToken: 'ignored-for-permanent-keys' }));
});

check('wrong version -> NoSuchVersion; unknown action -> InvalidAction', async ({ client }) => {
	expectError(await client.call('QueryPartnerCredit', {}, { version: '2017-03-12' }), 'NoSuchVersion');
	expectError(await client.call('QueryPartnerCredit', {}, { version: null }), 'NoSuchVersion');
	expectError(await client.call('QueryCreditQuota', {}), 'InvalidAction');
});

check('body not a JSON object -> InvalidParameter', async ({ client }) => {
	expectError(await client.call('QueryPartnerCredit', 'not json'), 'InvalidParameter');
	expectError(await client.call('QueryPartnerCredit', '[1]'), 'InvalidParameter');
	expectError(await client.call('QueryPartnerCredit', ''), 'InvalidParameter');
});

check('customer key on partner action and partner key on customer action -> UinNoAuth', async ({ client }) => {
	expectError(await client.call('QueryCustomersCredit', {}, { key: C }), 'UnauthorizedOperation.UinNoAuth');
	expectError(await client.call('QueryCustomerBillingQuota', {}), 'UnauthorizedOperation.UinNoAuth');
	const quota = expectOk(await client.call('QueryCustomerBillingQuota', {}, { key: C }));
	assert.equal(typeof quota.Data.RemainingCredit, 'number');
});

// ---------------------------------------------------------------- validation

check('missing required field -> MissingParameter naming it', async ({ client }) => {
	const e = expectError(await client.call('QueryPendingClientsV2', { Page: 1 }), 'MissingParameter');
	assert.match(e.Message, /PageSize/);
});

check('unknown field -> UnknownParameter naming it', async ({ client }) => {
	const e = expectError(await client.call('QueryCustomersCredit', { Page: 1, Limit: 10 }), 'UnknownParameter');
	assert.match(e.Message, /Limit/);
	expectError(await client.call('QueryPartnerCredit', { Region: 'ap-guangzhou' }), 'UnknownParameter');
});

check('wrong JSON types -> InvalidParameter naming field and type', async ({ client }) => {
	let e = expectError(await client.call('QueryCustomersCredit', { Page: '1' }), 'InvalidParameter');
	assert.match(e.Message, /Page.*Integer/);
	e = expectError(await client.call('QueryCreditByUinList', { UinList: 200000000001 }), 'InvalidParameter');
	assert.match(e.Message, /UinList/);
	e = expectError(await client.call('QueryCreditByUinList', { UinList: ['200000000001'] }), 'InvalidParameter');
	assert.match(e.Message, /UinList\.0/);
	expectError(await client.call('ModifyClientRemark', { ClientUin: FIRST, Remark: 'x' }), 'InvalidParameter');
	expectError(await client.call('QueryCustomersCredit', { Page: null }), 'InvalidParameter');
	expectError(await client.call('QueryCustomersCredit', { Page: 1.5 }), 'InvalidParameter');
});

check('out-of-range values -> InvalidParameterValue or the documented code', async ({ client }) => {
	expectError(await client.call('QueryPendingClientsV2', { Page: 1, PageSize: 101 }), 'InvalidParameterValue');
	expectError(await client.call('QueryPendingClientsV2', { Page: 0, PageSize: 10 }), 'InvalidParameterValue');
	expectError(await client.call('QueryCustomersCredit', { PageSize: 1001 }), 'InvalidParameterValue');
	expectError(await client.call('QueryCustomersCredit', { Order: 'newest' }), 'InvalidParameterValue');
	expectError(await client.call('QueryCreditByUinList', { UinList: [] }), 'InvalidParameterValue.UinList');
	expectError(await client.call('QueryCreditByUinList', { UinList: Array.from({ length: 51 }, (_, i) => FIRST + i) }), 'InvalidParameterValue.UinList');
	expectError(await client.call('DescribeCustomerInfo', { CustomerUin: Array.from({ length: 21 }, (_, i) => FIRST + i) }), 'InvalidParameterValue');
	expectError(await client.call('QueryInvitationInfo', { InvitationToken: [] }), 'InvalidParameterValue');
	expectError(await client.call('ForceQN', { ClientUin: FIRST, Type: 1 }), 'InvalidParameterValue');
	expectError(await client.call('ApproveClientApply', { ClientUin: 300000000001, ApproveType: 'approve' }), 'InvalidParameterValue');
	expectError(await client.call('AllocateCreditPool', { SubAgentUin: 400000000001, Credit: 1000001 }), 'InvalidParameterValue.VoucherAmountOutOfRange');
	expectError(await client.call('AllocateCreditPool', { SubAgentUin: 400000000001, Credit: -1 }), 'InvalidParameterValue.VoucherAmountOutOfRange');
	expectError(await client.call('DescribeCustomerBillSummary', { CustomerUin: FIRST, Month: '2025-1' }), 'InvalidParameterValue.InvalidMonth');
	expectError(await client.call('DescribeCustomerBillSummary', { CustomerUin: FIRST, Month: '2099-01' }), 'InvalidParameterValue.InvalidMonth');
	expectError(await client.call('DescribeCustomerBillDetailByDay', { CustomerUin: FIRST, Date: '2025-05-31' }), 'InvalidParameterValue');
	expectError(await client.call('DescribeCustomerBillDetailByDay', { CustomerUin: FIRST, Date: '2025/06/01' }), 'InvalidParameterValue');
	expectError(await client.call('DescribeCustomerUin', { Page: 0, PageSize: 10 }), 'InvalidParameter.Page');
	expectError(await client.call('ModifyClientRemark', { ClientUin: 'abc', Remark: 'x' }), 'InvalidParameterValue.InvalidUin');
	expectError(await client.call('SendVerifyCode', { CountryCode: '86', PhoneNum: '13800000000' }), 'InvalidParameterValue.UnSupportArea');
});

check('non-customer UINs get the per-action codes', async ({ client }) => {
	expectError(await client.call('QueryCreditByUinList', { UinList: [999999999999] }), 'UnauthorizedOperation.NotCustomerUin');
	expectError(await client.call('QueryAccountVerificationStatus', { ClientUin: 999999999999 }), 'UnauthorizedOperation.NotCustomerUin');
	expectError(await client.call('ModifyClientRemark', { ClientUin: '999999999999', Remark: 'x' }), 'InvalidParameterValue.InvalidUin');
	expectError(await client.call('DescribeCustomerBillDetail', { CustomerUin: 999999999999, Month: '2025-01', Page: 1, PageSize: 10 }), 'UnauthorizedOperation.NotCustomerUin');
	expectError(await client.call('ApproveClientApply', { ClientUin: FIRST, ApproveType: 'pass' }), 'FailedOperation.ClientNotApply');
});

// ---------------------------------------------------------------- paging and data

check('QueryCustomersCredit paging: totals, order, ties, masking', async ({ client }) => {
	const seen = [];
	let total = null;
	for (let page = 1; page <= 4; page++) {
		const r = expectOk(await client.call('QueryCustomersCredit', { Page: page, PageSize: 100 }));
		total = r.Total;
		seen.push(...r.Data);
		if (page === 4) assert.equal(r.Data.length, 0);
	}
	assert.equal(total, 300);
	assert.equal(new Set(seen.map((c) => c.ClientUin)).size, 300);
	for (let i = 1; i < seen.length; i++) {
		const a = seen[i - 1];
		const b = seen[i];
		assert.ok(a.AssociationTime > b.AssociationTime || (a.AssociationTime === b.AssociationTime && a.ClientUin > b.ClientUin), `order broken at ${i}`);
	}
	assert.ok(seen.some((c, i) => i > 0 && seen[i - 1].AssociationTime === c.AssociationTime), 'expected some shared AssociationTime');
	assert.equal(seen[0].AssociationTime, seen[1].AssociationTime, 'the two newest customers share a time');
	assert.ok(seen.some((c) => c.Credit === 0), 'expected customers with Credit 0');
	assert.ok(seen.every((c) => /^.{1,4}\*{5}@/.test(c.Email) && c.Arrears === '-'));
	assert.match(seen[0].AssociationTime, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
	const asc = expectOk(await client.call('QueryCustomersCredit', { Page: 1, PageSize: 300, Order: 'asc' }));
	assert.deepEqual(asc.Data.map((c) => c.ClientUin), seen.map((c) => c.ClientUin).reverse());
	const byUin = expectOk(await client.call('QueryCustomersCredit', { FilterType: 'ClientUin', Filter: String(FIRST) }));
	assert.equal(byUin.Total, 1);
	assert.equal(byUin.Data[0].ClientUin, FIRST);
});

check('DescribeCustomerUin: Total is a string, empty page Data is null', async ({ client }) => {
	const r = expectOk(await client.call('DescribeCustomerUin', { Page: 1, PageSize: 1000 }));
	assert.equal(r.Total, '300');
	assert.equal(r.Data.length, 300);
	assert.equal(typeof r.Data[0].CustomerUin, 'string');
	const empty = expectOk(await client.call('DescribeCustomerUin', { Page: 2, PageSize: 1000 }));
	assert.equal(empty.Data, null);
});

check('bill detail: hundreds of lines, 8-decimal strings, summaries add up', async ({ client, sandbox }) => {
	sandbox.control.setRateLimit({ enabled: false });
	const month = addMonths(monthOf(Math.floor(Date.now() / 1000)), -1);
	const first = expectOk(await client.call('DescribeCustomerBillDetail', { CustomerUin: FIRST, Month: month, Page: 1, PageSize: 200 }));
	assert.ok(first.Total > 200, `expected > 200 lines, got ${first.Total}`);
	assert.match(first.DetailSet[0].TotalCost, /^\d+\.\d{8}$/);
	const lines = [...first.DetailSet];
	for (let page = 2; (page - 1) * 200 < first.Total; page++) {
		lines.push(...expectOk(await client.call('DescribeCustomerBillDetail', { CustomerUin: FIRST, Month: month, Page: page, PageSize: 200 })).DetailSet);
	}
	assert.equal(lines.length, first.Total);
	const cents = (s) => BigInt(s.replace('.', ''));
	const total = lines.reduce((s, l) => s + cents(l.TotalCost), 0n);
	const byProduct = expectOk(await client.call('DescribeBillSummaryByProduct', { CustomerUin: FIRST, BillMonth: month }));
	assert.equal(byProduct.SummaryOverview.reduce((s, p) => s + cents(p.TotalCost), 0n), total);
	const summary = expectOk(await client.call('DescribeCustomerBillSummary', { CustomerUin: FIRST, Month: month }));
	assert.equal(typeof summary.TotalCost, 'number');
});

// ---------------------------------------------------------------- business flows

check('AllocateCustomerCredit: delta, history, partner figures, limits', async ({ client, sandbox }) => {
	const uin = FIRST + 5;
	const before = sandbox.control.getCustomer(uin);
	const partnerBefore = expectOk(await client.call('QueryPartnerCredit', {}));
	const r = expectOk(await client.call('AllocateCustomerCredit', { ClientUin: uin, AddedCredit: 123.45, Remark: 'selfcheck' }));
	assert.equal(r.TotalCredit, Math.round((before.Credit + 123.45) * 100) / 100);
	assert.equal(r.RemainingCredit, Math.round((before.RemainingCredit + 123.45) * 100) / 100);
	const partnerAfter = expectOk(await client.call('QueryPartnerCredit', {}));
	assert.equal(Math.round((partnerBefore.RemainingCredit - partnerAfter.RemainingCredit) * 100), 12345);
	const history = expectOk(await client.call('QueryCreditAllocationHistory', { ClientUin: uin }));
	assert.equal(history.History[0].Remark, 'selfcheck');
	assert.equal(history.History[0].Credit, 123.45);
	assert.equal(history.History[0].ClientCreditAfter, r.RemainingCredit);
	expectError(await client.call('AllocateCustomerCredit', { ClientUin: uin, AddedCredit: -(r.RemainingCredit + 1) }), 'InvalidParameterValue.CreditAmountOutOfRange');
	const toZero = expectOk(await client.call('AllocateCustomerCredit', { ClientUin: uin, AddedCredit: -r.RemainingCredit }));
	assert.equal(toZero.RemainingCredit, 0);
	const partnerNow = expectOk(await client.call('QueryPartnerCredit', {}));
	expectError(await client.call('AllocateCustomerCredit', { ClientUin: uin, AddedCredit: partnerNow.RemainingCredit + 0.01 }), 'FailedOperation.BalanceInsufficient');
	expectOk(await client.call('AllocateCustomerCredit', { ClientUin: uin, AddedCredit: partnerNow.RemainingCredit }));
	assert.equal(expectOk(await client.call('QueryPartnerCredit', {})).RemainingCredit, 0);
});

check('SendVerifyCode + CreateAccount with the code from the control API', async ({ client, sandbox }) => {
	const phone = '91234567';
	expectOk(await client.call('SendVerifyCode', { CountryCode: '852', PhoneNum: phone }));
	expectError(await client.call('SendVerifyCode', { CountryCode: '852', PhoneNum: phone }), 'FailedOperation.SendVerifyCodeLimit60');
	const viaHttp = await controlRequest(sandbox.url, 'GET', `/_control/tencent/verify-code?PhoneNum=${phone}`);
	assert.equal(viaHttp.status, 200);
	const code = viaHttp.json.VerifyCode;
	assert.match(code, /^\d{6}$/);
	const account = {
		AccountType: 'company', Mail: 'selfcheck-new@example.com', Password: 'Xy7!abcdEF', ConfirmPassword: 'Xy7!abcdEF', PhoneNum: phone,
		CountryCode: '852', Area: 'HK', VerifyCode: code === '000000' ? '111111' : '000000', TradeOne: 'kghy_01', TradeTwo: 'kghy_0101', CustomerName: 'Selfcheck Ltd',
	};
	expectError(await client.call('CreateAccount', account), 'FailedOperation.VerificationCodeIllegal');
	expectError(await client.call('CreateAccount', { ...account, VerifyCode: code, TradeTwo: 'kghy_0201' }), 'FailedOperation.TradeInfoIncorrect');
	expectError(await client.call('CreateAccount', { ...account, VerifyCode: code, Area: 'SG' }), 'InvalidParameter.AreaContentIncorrect');
	expectError(await client.call('CreateAccount', { ...account, VerifyCode: code, Mail: '' }), 'InvalidParameterValue.MailEmpty');
	expectError(await client.call('CreateAccount', { ...account, VerifyCode: code, Password: 'abcdefgh', ConfirmPassword: 'abcdefgh' }), 'InvalidParameter.PasswordContentIncorrect');
	const existing = sandbox.control.getCustomer(FIRST).Email;
	expectError(await client.call('CreateAccount', { ...account, VerifyCode: code, Mail: existing.toUpperCase() }), 'FailedOperation.MailIsRegistered');
	const created = expectOk(await client.call('CreateAccount', { ...account, VerifyCode: code }));
	assert.equal(typeof created.Uin, 'string');
	const stored = sandbox.control.getCustomer(Number(created.Uin));
	assert.equal(stored.Email, 'selfcheck-new@example.com');
	const newest = expectOk(await client.call('QueryCustomersCredit', { Page: 1, PageSize: 1 }));
	assert.equal(newest.Data[0].ClientUin, Number(created.Uin));
	const log = sandbox.control.getRequests({ provider: 'tencent', action: 'CreateAccount' });
	assert.ok(log.every((e) => e.body.Password === '[redacted]'), 'passwords are redacted in the request log');
});

check('pending clients: approve moves the applicant into customers', async ({ client, sandbox }) => {
	const pending = expectOk(await client.call('QueryPendingClientsV2', { Page: 1, PageSize: 100 }));
	const applicant = pending.Data[0];
	expectOk(await client.call('ApproveClientApply', { ClientUin: applicant.ClientUin, ApproveType: 'pass' }));
	assert.equal(sandbox.control.getCustomer(applicant.ClientUin).Email, applicant.Email);
	const after = expectOk(await client.call('QueryPendingClientsV2', { Page: 1, PageSize: 100 }));
	assert.equal(after.Total, pending.Total - 1);
	const blocked = pending.Data.find((p) => p.ClientUin === 300000000009);
	expectError(await client.call('ApproveClientApply', { ClientUin: blocked.ClientUin, ApproveType: 'pass' }), 'FailedOperation.ClientBuySP');
	expectOk(await client.call('ApproveClientApply', { ClientUin: blocked.ClientUin, ApproveType: 'reject', RejectReason: 'no' }));
});

check('invitation: link carries RegisterToken, QueryInvitationInfo finds it', async ({ client }) => {
	const r = expectOk(await client.call('CreateAndSendClientInvitationMail', { Email: 'invitee@example.com' }));
	const token = new URL(r.InvitationLink).searchParams.get('RegisterToken');
	assert.match(token, /^[0-9a-f]{32}$/);
	const info = expectOk(await client.call('QueryInvitationInfo', { InvitationToken: [token, 'unknown-token'] }));
	assert.equal(info.InvitationInfo.length, 1);
	assert.equal(info.InvitationInfo[0].Status, 1);
});

check('download URL: Ready 0 for two polls, then 1 with a CSV the sandbox serves', async ({ client, sandbox }) => {
	const month = addMonths(monthOf(Math.floor(Date.now() / 1000)), -1);
	const body = { Month: month, FileType: 'billDetail', CustomerUinType: 'Customer', CustomerUin: FIRST };
	const a = expectOk(await client.call('DescribeCustomerBillDownloadUrl', body));
	const b = expectOk(await client.call('DescribeCustomerBillDownloadUrl', body));
	const c = expectOk(await client.call('DescribeCustomerBillDownloadUrl', body));
	assert.deepEqual([a.Ready, b.Ready, c.Ready], [0, 0, 1]);
	assert.equal(a.DownloadUrl, '');
	assert.ok(c.DownloadUrl.startsWith(`${sandbox.url}/_files/`));
	const file = await getText(c.DownloadUrl);
	assert.equal(file.status, 200);
	assert.match(file.headers['content-type'], /text\/csv/);
	assert.match(file.text, /^Id,OwnerAccountId,/);
	sandbox.control.setDownloadReadyAfter({ polls: -1 });
	const never = expectOk(await client.call('DescribeRebateDownloadUrl', { Month: month, FileType: 'CommissionDetail' }));
	assert.equal(never.Ready, 0);
	sandbox.control.setDownloadReadyAfter({ polls: 2 });
});

check('request log: header names only, region header flagged', async ({ client, sandbox }) => {
	sandbox.control.clearRequests();
	await client.call('QueryPartnerCredit', {}, { headers: { 'X-TC-Region': 'ap-guangzhou' } });
	await client.call('QueryPartnerCredit', {});
	const log = sandbox.control.getRequests({ provider: 'tencent' });
	assert.equal(log.length, 2);
	assert.equal(log[0].hasRegionHeader, true);
	assert.equal(log[1].hasRegionHeader, false);
	assert.ok(log[1].headerNames.includes('authorization') && log[1].headerNames.every((n) => n === n.toLowerCase()));
	assert.ok(!JSON.stringify(log).includes('TC3-HMAC-SHA256'), 'no header values in the log');
	assert.equal(log[1].language, 'en-US');
	assert.equal(log[1].outcome, 'ok');
	const viaHttp = await controlRequest(sandbox.url, 'GET', '/_control/requests?provider=tencent');
	assert.equal(viaHttp.json.length, 2);
});

// ---------------------------------------------------------------- rate limits

check('rate limit: the 6th QueryCustomersCredit within a second is throttled', async ({ client, sandbox }) => {
	sandbox.control.reset();
	const results = [];
	for (let i = 0; i < 6; i++) results.push(await client.call('QueryCustomersCredit', { Page: 1, PageSize: 1 }));
	results.slice(0, 5).forEach(expectOk);
	const e = expectError(results[5], 'RequestLimitExceeded');
	assert.equal(e.Message, 'Your request frequency has exceeded the limit.');
	// Another key has its own window; a different action too.
	expectOk(await client.call('QueryCustomersCredit', { Page: 1, PageSize: 1 }, { key: tempPartnerKey }));
	expectOk(await client.call('QueryPartnerCredit', {}));
	await new Promise((r) => setTimeout(r, 1050));
	expectOk(await client.call('QueryCustomersCredit', { Page: 1, PageSize: 1 }));
	const off = await controlRequest(sandbox.url, 'POST', '/_control/ratelimit', { enabled: false });
	assert.equal(off.status, 200);
	for (let i = 0; i < 8; i++) expectOk(await client.call('ForceQN', { ClientUin: FIRST, Type: 0 }));
	sandbox.control.setRateLimit({ enabled: true });
	const forced = [];
	for (let i = 0; i < 3; i++) forced.push(await client.call('ForceQN', { ClientUin: FIRST, Type: 0 }));
	expectError(forced[2], 'RequestLimitExceeded');
});

// ---------------------------------------------------------------- faults

check('fault throttle / serviceBusy / internalError answer the vendor envelope', async ({ client, sandbox }) => {
	sandbox.control.setRateLimit({ enabled: false });
	for (const [kind, code] of [['throttle', 'RequestLimitExceeded'], ['serviceBusy', 'OperationDenied.ServiceBusy'], ['internalError', 'InternalError']]) {
		sandbox.control.addFault({ provider: 'tencent', action: 'QueryPartnerCredit', kind, count: 2 });
		expectOk(await client.call('QueryVoucherPool', {})); // other actions are not affected
		expectError(await client.call('QueryPartnerCredit', {}), code);
		expectError(await client.call('QueryPartnerCredit', {}), code);
		expectOk(await client.call('QueryPartnerCredit', {}));
	}
});

check('service faults count only requests that authenticate', async ({ client, sandbox }) => {
	sandbox.control.addFault({ provider: 'tencent', kind: 'serviceBusy', count: 1 });
	expectError(await client.call('QueryPartnerCredit', {}, { key: { secretId: P.secretId, secretKey: 'bad' } }), 'AuthFailure.SignatureFailure');
	expectError(await client.call('QueryPartnerCredit', {}), 'OperationDenied.ServiceBusy');
	expectOk(await client.call('QueryPartnerCredit', {}));
});

check('fault http500 / http502 answer that HTTP status', async ({ client, sandbox }) => {
	sandbox.control.addFault({ provider: 'tencent', kind: 'http500', count: 1 });
	const a = await client.call('QueryPartnerCredit', {});
	assert.equal(a.status, 500);
	sandbox.control.addFault({ provider: 'tencent', kind: 'http502', count: 1 });
	const b = await client.call('QueryPartnerCredit', {});
	assert.equal(b.status, 502);
	assert.equal(b.json, null, 'a 502 body is not JSON');
	expectOk(await client.call('QueryPartnerCredit', {}));
});

check('transport faults apply before authentication', async ({ client, sandbox }) => {
	sandbox.control.addFault({ provider: 'tencent', kind: 'http503', count: 1 });
	const r = await client.call('QueryPartnerCredit', {}, { authorization: null });
	assert.equal(r.status, 503);
	expectError(await client.call('QueryPartnerCredit', {}, { authorization: null }), 'AuthFailure.InvalidAuthorization');
});

check('fault slow delays the answer', async ({ client, sandbox }) => {
	sandbox.control.addFault({ provider: 'tencent', kind: 'slow', delayMs: 300, count: 1 });
	const t0 = Date.now();
	expectOk(await client.call('QueryPartnerCredit', {}));
	assert.ok(Date.now() - t0 >= 290, `took ${Date.now() - t0} ms`);
});

check('fault drop destroys the socket without an answer', async ({ client, sandbox }) => {
	sandbox.control.addFault({ provider: 'tencent', kind: 'drop', count: 1 });
	await assert.rejects(client.call('QueryPartnerCredit', {}), /socket hang up|ECONNRESET/);
	expectOk(await client.call('QueryPartnerCredit', {}));
});

check('afterApply fault: the write is applied, then the client sees the failure', async ({ client, sandbox }) => {
	const uin = FIRST + 7;
	const before = sandbox.control.getCustomer(uin).RemainingCredit;
	sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'http502', count: 1, afterApply: true });
	const r = await client.call('AllocateCustomerCredit', { ClientUin: uin, AddedCredit: 10 });
	assert.equal(r.status, 502);
	assert.equal(sandbox.control.getCustomer(uin).RemainingCredit, Math.round((before + 10) * 100) / 100);
	sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'internalError', count: 1, afterApply: true });
	expectError(await client.call('AllocateCustomerCredit', { ClientUin: uin, AddedCredit: 10 }), 'InternalError');
	assert.equal(sandbox.control.getCustomer(uin).RemainingCredit, Math.round((before + 20) * 100) / 100);
	sandbox.control.addFault({ provider: 'tencent', action: 'AllocateCustomerCredit', kind: 'drop', count: 1, afterApply: true });
	await assert.rejects(client.call('AllocateCustomerCredit', { ClientUin: uin, AddedCredit: 10 }), /socket hang up|ECONNRESET/);
	assert.equal(sandbox.control.getCustomer(uin).RemainingCredit, Math.round((before + 30) * 100) / 100);
});

check('history lag: an allocation is applied at once and listed lagMs later by the sandbox clock', async ({ client, sandbox }) => {
	const uin = FIRST + 8;
	const before = sandbox.control.getCustomer(uin).Credit;
	const listed = () => client.call('QueryCreditAllocationHistory', { ClientUin: uin }).then((r) => expectOk(r).History.some((h) => h.Remark === 'lagging'));
	sandbox.control.tencent.setHistoryLag({ lagMs: 5000 });
	expectOk(await client.call('AllocateCustomerCredit', { ClientUin: uin, AddedCredit: 1, Remark: 'lagging' }));
	assert.equal(sandbox.control.getCustomer(uin).Credit, Math.round((before + 1) * 100) / 100);
	assert.equal(await listed(), false);
	sandbox.control.setClockOffset({ offsetMs: 5000 });
	assert.equal(await listed(), true);
	sandbox.control.setClockOffset({ offsetMs: 0 });
	sandbox.control.tencent.setHistoryLag({ lagMs: 0 });
	assert.equal((await controlRequest(sandbox.url, 'POST', '/_control/tencent/history-lag', { lagMs: -1 })).status, 400);
});

check('control API over HTTP: faults, bad input, unknown route, state', async ({ client, sandbox }) => {
	const bad = await controlRequest(sandbox.url, 'POST', '/_control/faults', { provider: 'tencent', kind: 'explode' });
	assert.equal(bad.status, 400);
	const ok = await controlRequest(sandbox.url, 'POST', '/_control/faults', { provider: 'tencent', action: 'QueryPartnerCredit', kind: 'throttle', count: 1 });
	assert.equal(ok.status, 200);
	expectError(await client.call('QueryPartnerCredit', {}), 'RequestLimitExceeded');
	assert.equal((await controlRequest(sandbox.url, 'GET', '/_control/nope')).status, 404);
	const added = await controlRequest(sandbox.url, 'POST', '/_control/tencent/customers', { Name: 'Added Co', Email: 'added@example.com', Credit: 50 });
	assert.equal(added.status, 200);
	const state = await controlRequest(sandbox.url, 'GET', `/_control/state/tencent/customer?ClientUin=${added.json.ClientUin}`);
	assert.equal(state.json.Email, 'added@example.com');
	assert.equal(state.json.RemainingCredit, 50);
	const credit = await controlRequest(sandbox.url, 'POST', '/_control/tencent/credit', { ClientUin: added.json.ClientUin, RemainingCredit: 5 });
	assert.equal(credit.json.RemainingCredit, 5);
	const removed = await controlRequest(sandbox.url, 'POST', '/_control/tencent/customers/remove', { ClientUin: added.json.ClientUin });
	assert.equal(removed.status, 200);
	assert.equal((await controlRequest(sandbox.url, 'GET', `/_control/state/tencent/customer?ClientUin=${added.json.ClientUin}`)).status, 404);
	const notFound = await getText(`${sandbox.url}/anything`);
	assert.equal(notFound.status, 404);
	assert.equal(JSON.parse(notFound.text).error, 'NotFound');
});

// ---------------------------------------------------------------- every action once

/** A valid request for every action (key, body); months relative to now. */
function sampleCalls() {
	const now = Math.floor(Date.now() / 1000);
	const prev = addMonths(monthOf(now), -1);
	const prevRange = { StartTime: `${prev}-01 00:00:00`, EndTime: `${prev}-28 23:59:59`, PeriodType: 'day' };
	return {
		SendVerifyCode: [P, { CountryCode: '65', PhoneNum: '81234567' }],
		CreateAccount: null, // covered by its own flow above
		CreateAndSendClientInvitationMail: [P, { Email: 'sample@example.com', InvitationRole: 'SubAgent', MaterialUrl: 'https://example.com/m.pdf' }],
		QueryInvitationInfo: [P, { InvitationToken: ['00000000000000000000000000000000'] }],
		QueryPendingClientsV2: [P, { Page: 1, PageSize: 100 }],
		ApproveClientApply: [P, { ClientUin: 300000000002, ApproveType: 'reject', RejectReason: 'duplicate' }],
		DescribeCustomerUin: [P, { Page: 1, PageSize: 100 }],
		DescribeCustomerInfo: [P, { CustomerUin: [FIRST, FIRST + 1] }],
		QueryAccountVerificationStatus: [P, { ClientUin: FIRST }],
		ModifyClientRemark: [P, { ClientUin: String(FIRST), Remark: 'VIP - billing contact Alice' }],
		ForceQN: [P, { ClientUin: FIRST + 1, Type: 2 }],
		QueryPartnerCredit: [P, {}],
		QueryCustomersCredit: [P, { FilterType: 'Name', Filter: 'a', Page: 1, PageSize: 50, Order: 'asc' }],
		QueryDirectCustomersCredit: [P, {}],
		QueryCreditByUinList: [P, { UinList: [FIRST, FIRST + 1] }],
		AllocateCustomerCredit: [P, { ClientUin: FIRST + 2, AddedCredit: 100.0, Remark: 'monthly top-up' }],
		QueryCreditAllocationHistory: [P, { ClientUin: FIRST + 2, Page: 1, PageSize: 20 }],
		AllocateCreditPool: [P, { SubAgentUin: 400000000001, Credit: 500 }],
		QueryCustomerBillingQuota: [C, {}],
		QueryVoucherPool: [P, {}],
		QueryVoucherAmountByUin: [P, { ClientUins: [FIRST] }],
		QueryVoucherListByUin: [P, { ClientUins: [FIRST], Status: 'Unused' }],
		DescribeCustomerVoucherList: [P, { Page: 1, PageSize: 100, VoucherStatus: 'Issued' }],
		DescribeCustomerVoucherUsageDetails: [P, { Page: 1, PageSize: 100, CustomerUin: FIRST, VoucherId: 12130001 }],
		DescribeCustomerOwnVoucherList: [C, { Page: 1, PageSize: 100 }],
		DescribeCustomerOwnVoucherUsageDetails: [C, { Page: 1, PageSize: 100, VoucherId: 12130001 }],
		DescribeCustomerBillSummary: [P, { CustomerUin: FIRST, Month: prev, PayMode: 'postPay', IsConfirmed: '0' }],
		DescribeCustomerBillDetail: [P, { CustomerUin: FIRST, Month: prev, Page: 1, PageSize: 200, ActionType: 'postpay_deduct_h' }],
		DescribeCustomerBillDetailByDay: [P, { CustomerUin: FIRST, Date: `${prev}-15` }],
		DescribeBillSummaryByPayMode: [P, { BillMonth: prev, CustomerUin: FIRST }],
		DescribeBillSummaryByProduct: [P, { BillMonth: prev, CustomerUin: FIRST }],
		DescribeBillSummaryByRegion: [P, { BillMonth: prev, CustomerUin: FIRST }],
		DescribeCustomerBillDownloadUrl: [P, { Month: prev, FileType: 'billResource', CustomerUinType: 'Customer', CustomerUin: FIRST }],
		DescribeRebateDownloadUrl: [P, { Month: prev, FileType: 'CommissionDetail' }],
		DescribeBillSummary: [C, { Month: prev, GroupType: 'project' }],
		DescribeBillDetail: [C, { Month: prev, Page: 1, PageSize: 200 }],
		DescribeBillDownloadUrl: [C, { Month: prev, FileType: 'L3' }],
		DescribeCustomerOwnCostExplorerFilter: [C, prevRange],
		DescribeCustomerOwnCostExplorerSummary: [C, { Dimension: 'Business', FeeType: 'totalCost', BillType: 1, ...prevRange, Page: 1, PageSize: 50, Filter: { RegionIn: [] } }],
		QuerySubAgentsDetailV2: [P, { Page: 1, PageSize: 100 }],
		QueryPendingSubAgentsV2: [P, { Page: 1, PageSize: 100 }],
		ApproveSubAgentApply: [P, { SubAgentUin: 410000000001, ApproveType: 'pass' }],
		QueryT1IndirectCustomersDetail: [P, { SubAgentUin: 400000000001, Page: 2, PageSize: 100 }],
		GetCountryCodes: [P, {}],
		GetTradeConfigList: [C, {}],
		QueryPolicyProductListByCode: [P, { PolicyCode: 'StandardPolicy2024', ProductCode: 'p_cvm', Page: 1, PageSize: 200 }],
	};
}

check('every one of the 46 actions answers a valid request', async ({ client, sandbox }) => {
	sandbox.control.reset();
	sandbox.control.setRateLimit({ enabled: false });
	const calls = sampleCalls();
	assert.equal(ACTIONS.size, 46);
	for (const name of ACTIONS.keys()) {
		assert.ok(name in calls, `no sample call for ${name}`);
		if (!calls[name]) continue;
		const [key, body] = calls[name];
		const res = await client.call(name, body, { key });
		try {
			expectOk(res);
		} catch (error) {
			throw new Error(`${name}: ${error.message}`);
		}
	}
	const log = sandbox.control.getRequests({ provider: 'tencent' });
	assert.ok(log.every((e) => !e.detail), `sandbox bug: ${JSON.stringify(log.find((e) => e.detail))}`);
});

check('seeding 100 000 customers pages correctly', async ({ client, sandbox }) => {
	const seeded = await controlRequest(sandbox.url, 'POST', '/_control/tencent/seed', { customers: 100000 });
	assert.equal(seeded.status, 200);
	const last = expectOk(await client.call('QueryCustomersCredit', { Page: 1000, PageSize: 100 }));
	assert.equal(last.Total, 100000);
	assert.equal(last.Data.length, 100);
	assert.equal(last.Data[99].ClientUin, FIRST);
	const uins = expectOk(await client.call('DescribeCustomerUin', { Page: 100, PageSize: 1000 }));
	assert.equal(uins.Total, '100000');
	sandbox.control.reset();
});

check('same seed gives the same data', async () => {
	const a = await startSandbox({ tencent: { seed: 7, customers: 20, anchor: '2026-01-01T00:00:00Z' } });
	const b = await startSandbox({ tencent: { seed: 7, customers: 20, anchor: '2026-01-01T00:00:00Z' } });
	try {
		for (let i = 0; i < 20; i++) assert.deepEqual(a.control.getCustomer(FIRST + i), b.control.getCustomer(FIRST + i));
		assert.notDeepEqual(a.control.getCustomer(FIRST), (await resetWith(a, { tencent: { seed: 8, customers: 20 } })).control.getCustomer(FIRST));
	} finally {
		await a.close();
		await b.close();
	}
});

async function resetWith(sandbox, body) {
	sandbox.control.reset(body);
	return sandbox;
}

// ---------------------------------------------------------------- dotdigital (the checks live in dotdigital/selfcheck.js)

require('./dotdigital/selfcheck').registerDotdigitalChecks(check);

// ---------------------------------------------------------------- Huawei (the checks live in huawei/selfcheck.js)

require('./huawei/selfcheck').registerHuaweiChecks(check);

/**
 * A sandbox on a free port and a signing Tencent client, as every check expects them. Most checks
 * fire many calls per second; the rate-limit check turns limits back on itself.
 */
async function openCheckContext() {
	const sandbox = await startSandbox({ port: 0 });
	const client = createTencentClient(sandbox.url);
	sandbox.control.setRateLimit({ enabled: false });
	return {
		context: { client, sandbox },
		close: async () => {
			client.close();
			await sandbox.close();
		},
	};
}

async function main() {
	const { context, close } = await openCheckContext();
	let passed = 0;
	let failed = 0;
	for (const { name, fn } of checks) {
		try {
			await fn(context);
			passed++;
		} catch (error) {
			failed++;
			process.stdout.write(`FAIL ${name}: ${error && error.message}\n`);
		}
	}
	await close();
	process.stdout.write(`selfcheck: ${passed} passed, ${failed} failed\n`);
	process.exitCode = failed ? 1 : 0;
}

// The test suite runs the same checks one by one (test/sandbox/selfcheck.test.ts).
module.exports = { checks, openCheckContext };

if (require.main === module) {
	main().catch((error) => {
		process.stdout.write(`selfcheck crashed: ${error && error.stack}\n`);
		process.exitCode = 1;
	});
}
