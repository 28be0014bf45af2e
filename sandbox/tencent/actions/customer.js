'use strict';
/**
 * Customer onboarding and management actions (reference 7.1, actions 1-11).
 */
const { PARTNER, ANY, UNDOCUMENTED_MAX_PAGE_SIZE, spec, fail, paginate, customerOr } = require('./common');
const { COUNTRIES, UNSUPPORTED_COUNTRY_CODES, TRADES } = require('../data/catalog');
const { buildCustomer } = require('../data/customers');
const { formatDateTime } = require('../time');

const MAIL_FORMAT = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PASSWORD_SPECIALS = /[!@#$%^&*()]/;
const VERIFY_CODE_TTL_MS = 30 * 60 * 1000;
const SMS_SPACING_MS = 60 * 1000;
const SMS_PER_HOUR = 5;
const INVITATION_SPACING_MS = 180 * 1000;
const INVITATION_RECORD_DAYS = 60;

const knownCountryCode = (code) => COUNTRIES.some((c) => c.Code === code);

/** Country-code checks shared by SendVerifyCode and CreateAccount, with each action's codes. */
function checkCountryCode(code, { format, unsupported, unknown }) {
	if (!/^\d{1,4}$/.test(code)) fail(format, `The CountryCode \`${code}\` is invalid; expected the dialing code digits from GetCountryCodes, e.g. 852.`);
	if (UNSUPPORTED_COUNTRY_CODES.has(code)) fail(unsupported, `International accounts cannot be created for dialing code ${code}.`);
	if (!knownCountryCode(code)) fail(unknown, `The CountryCode \`${code}\` is not a code returned by GetCountryCodes.`);
}

const CreateAccount = {
	rate: 5,
	callers: PARTNER,
	write: true,
	params: {
		AccountType: { type: 'string', required: true, allowEmpty: true },
		Mail: { type: 'string', required: true, allowEmpty: true },
		Password: { type: 'string', required: true, allowEmpty: true },
		ConfirmPassword: { type: 'string', required: true, allowEmpty: true },
		PhoneNum: { type: 'string', required: true, allowEmpty: true },
		CountryCode: { type: 'string', required: true, allowEmpty: true },
		Area: { type: 'string', required: true, allowEmpty: true },
		VerifyCode: { type: 'string', required: true, allowEmpty: true },
		TradeOne: { type: 'string', required: true, allowEmpty: true },
		TradeTwo: { type: 'string', required: true, allowEmpty: true },
		Extended: { type: 'string', allowEmpty: true },
		CustomerName: { type: 'string', allowEmpty: true },
	},
	/**
	 * Checks run in this order: empty values, formats, contents, the SMS code, then the
	 * account-level rules (e-mail already registered, too many accounts on the phone).
	 */
	handler(ctx) {
		const b = ctx.body;
		const { onboarding, directory } = ctx.data;
		const empty = [
			['AccountType', 'InvalidParameterValue.AccountTypeEmpty'],
			['Mail', 'InvalidParameterValue.MailEmpty'],
			['Password', 'InvalidParameterValue.PasswordEmpty'],
			['ConfirmPassword', 'InvalidParameter.ConfirmPasswordContentIncorrect'],
			['PhoneNum', 'InvalidParameterValue.PhoneNumEmpty'],
			['CountryCode', 'InvalidParameterValue.CountryCodeEmpty'],
			['Area', 'InvalidParameterValue.AreaEmpty'],
			['TradeOne', 'InvalidParameterValue.TradeInfoEmpty'],
			['TradeTwo', 'InvalidParameterValue.TradeInfoEmpty'],
			['VerifyCode', 'FailedOperation.VerificationCodeIllegal'],
		];
		for (const [field, code] of empty) if (b[field].trim() === '') fail(code, `The parameter \`${field}\` must not be empty.`);

		if (!['personal', 'company'].includes(b.AccountType)) {
			fail('InvalidParameter.AccountTypeContentIncorrect', `The AccountType \`${b.AccountType}\` is not accepted; use personal or company.`);
		}
		if (!MAIL_FORMAT.test(b.Mail) || b.Mail.length > 100) fail('InvalidParameter.MailFormatIncorrect', `The Mail \`${b.Mail}\` is not a valid e-mail address.`);
		if (b.Password.length < 8 || b.Password.length > 20 || /\s/.test(b.Password)) {
			fail('InvalidParameter.PasswordFormatIncorrect', 'The Password must be 8-20 characters long and contain no spaces.');
		}
		if (!/\d/.test(b.Password) || !/[A-Za-z]/.test(b.Password) || !PASSWORD_SPECIALS.test(b.Password)) {
			fail('InvalidParameter.PasswordContentIncorrect', 'The Password must contain digits, letters and at least one of !@#$%^&*().');
		}
		if (b.ConfirmPassword !== b.Password) fail('InvalidParameter.ConfirmPasswordContentIncorrect', 'The ConfirmPassword does not match the Password.');
		if (!/^\d{1,32}$/.test(b.PhoneNum)) fail('InvalidParameter.PhoneNumFormatIncorrect', 'The PhoneNum must be 1-32 digits, without the country code.');
		checkCountryCode(b.CountryCode, {
			format: 'InvalidParameter.CountryCodeFormatIncorrect',
			unsupported: 'InvalidParameterValue.UnSupportArea',
			unknown: 'InvalidParameter.CountryCodeContentIncorrect',
		});
		if (!/^[A-Z]{2}$/.test(b.Area)) fail('InvalidParameter.AreaFormatIncorrect', `The Area \`${b.Area}\` is invalid; expected an ISO 3166 alpha-2 code such as HK.`);
		if (!COUNTRIES.some((c) => c.IOS2 === b.Area && c.Code === b.CountryCode)) {
			fail('InvalidParameter.AreaContentIncorrect', `The Area ${b.Area} does not correspond to CountryCode ${b.CountryCode}.`);
		}
		const tradeOne = TRADES.find((t) => t.id === b.TradeOne);
		if (!tradeOne || !tradeOne.children.some((c) => c.id === b.TradeTwo)) {
			fail('FailedOperation.TradeInfoIncorrect', `TradeTwo ${b.TradeTwo} is not a layer-2 industry of TradeOne ${b.TradeOne}.`);
		}
		if (b.CustomerName !== undefined) {
			const n = b.CustomerName;
			if (n.length < 2 || n.length > 200 || /^\d+$/.test(n)) fail('InvalidParameterValue', 'The CustomerName must be 2-200 characters and may not consist only of digits.');
		}
		const sent = onboarding.codes.get(b.PhoneNum);
		if (!sent || sent.countryCode !== b.CountryCode || sent.code !== b.VerifyCode || ctx.nowMs - sent.sentAtMs > VERIFY_CODE_TTL_MS) {
			fail('FailedOperation.VerificationCodeIllegal', 'The verification code is wrong or has expired; request a new one with SendVerifyCode.');
		}
		if (directory.findByEmail(b.Mail)) fail('FailedOperation.MailIsRegistered', `The e-mail address ${b.Mail} is already registered.`);
		const bound = onboarding.phoneAccounts.get(b.PhoneNum) || 0;
		if (bound >= onboarding.MAX_ACCOUNTS_PER_PHONE) fail('FailedOperation.PhoneBindUpper', 'This mobile number already has the maximum number of accounts; use another number.');

		const uin = directory.nextUin();
		directory.add(
			buildCustomer(
				{
					ClientUin: uin,
					Name: b.CustomerName || b.Mail,
					Email: b.Mail,
					Mobile: b.PhoneNum,
					CountryCode: b.CountryCode,
					Area: b.Area,
					AccountType: b.AccountType,
					source: 'CreateAccount',
					trade: [b.TradeOne, b.TradeTwo],
				},
				ctx.nowSec,
			),
		);
		onboarding.phoneAccounts.set(b.PhoneNum, bound + 1);
		onboarding.codes.delete(b.PhoneNum);
		return { Uin: String(uin), Reason: 'success' };
	},
};

const SendVerifyCode = {
	rate: 20,
	callers: ANY,
	write: true,
	params: {
		CountryCode: { type: 'string', required: true },
		PhoneNum: { type: 'string', required: true, pattern: /^\d{1,32}$/, patternText: '1-32 digits without the country code' },
	},
	handler(ctx) {
		const { CountryCode, PhoneNum } = ctx.body;
		const { onboarding } = ctx.data;
		checkCountryCode(CountryCode, { format: 'InvalidParameterValue', unsupported: 'InvalidParameterValue.UnSupportArea', unknown: 'InvalidParameterValue' });
		if ((onboarding.phoneAccounts.get(PhoneNum) || 0) >= onboarding.MAX_ACCOUNTS_PER_PHONE) {
			fail('FailedOperation.PhoneBindUpper', 'This mobile number already has the maximum number of accounts; use another number.');
		}
		const previous = onboarding.codes.get(PhoneNum);
		const sends = (previous ? previous.sends : []).filter((t) => ctx.nowMs - t < 3600 * 1000);
		if (previous && ctx.nowMs - previous.sentAtMs < SMS_SPACING_MS) fail('FailedOperation.SendVerifyCodeLimit60', 'Less than 60 seconds since the previous code was sent to this number.');
		if (sends.length >= SMS_PER_HOUR) fail('FailedOperation.SendVerifyCodeLimit', 'Verification codes were requested too often for this number; try again later.');
		sends.push(ctx.nowMs);
		onboarding.codes.set(PhoneNum, { countryCode: CountryCode, code: onboarding.nextCode(PhoneNum), sentAtMs: ctx.nowMs, sends });
		return {};
	},
};

const CreateAndSendClientInvitationMail = {
	rate: 1,
	callers: PARTNER,
	write: true,
	params: {
		Email: { type: 'string', required: true, check: (v) => (MAIL_FORMAT.test(v) ? undefined : `The Email \`${v}\` is not a valid e-mail address.`) },
		InvitationRole: spec.enumOf(['Client', 'SubAgent']),
		MaterialUrl: { type: 'string', allowEmpty: true },
	},
	handler(ctx) {
		const { Email, InvitationRole = 'Client' } = ctx.body;
		const { onboarding } = ctx.data;
		const key = Email.toLowerCase();
		const last = onboarding.lastMailAt.get(key);
		if (last !== undefined && ctx.nowMs - last < INVITATION_SPACING_MS) {
			fail('FailedOperation.SendMailLimit180', 'Less than 3 minutes since the previous invitation e-mail to this address.');
		}
		onboarding.lastMailAt.set(key, ctx.nowMs);
		const token = onboarding.newToken();
		onboarding.invitations.set(token, {
			CreateTime: formatDateTime(ctx.nowSec), createSec: ctx.nowSec, Status: 1, UseTime: '', ClientUin: 0, ClientMail: '',
			ClientType: InvitationRole === 'SubAgent' ? 1 : 2, BindTime: '', email: Email, role: InvitationRole,
			materialUrl: ctx.body.MaterialUrl || '',
		});
		return { InvitationLink: `https://www.tencentcloud.com/account/register?RegisterToken=${token}&InvitationRole=${InvitationRole}` };
	},
};

const QueryInvitationInfo = {
	rate: 20,
	callers: PARTNER,
	params: {
		InvitationToken: { type: 'array', required: true, items: { type: 'string' }, minItems: 1, maxItems: 100 },
	},
	handler(ctx) {
		const out = [];
		const seen = new Set();
		for (const token of ctx.body.InvitationToken) {
			const r = ctx.data.onboarding.invitations.get(token);
			if (!r || seen.has(token) || ctx.nowSec - r.createSec > INVITATION_RECORD_DAYS * 86400) continue;
			seen.add(token);
			out.push({
				InvitationToken: token, CreateTime: r.CreateTime, Status: r.Status, UseTime: r.UseTime, ClientUin: r.ClientUin,
				ClientMail: r.ClientMail, ClientType: r.ClientType || (r.role === 'SubAgent' ? 1 : 2), BindTime: r.BindTime,
			});
		}
		return { InvitationInfo: out };
	},
};

const QueryPendingClientsV2 = {
	rate: 5,
	callers: PARTNER,
	params: { Page: spec.page({ required: true }), PageSize: spec.pageSize(100, { required: true }) },
	handler(ctx) {
		const list = ctx.data.onboarding.pendingClients;
		return {
			Data: paginate(list, ctx.body.Page, ctx.body.PageSize).map((p) => ({
				ApplyTime: p.ApplyTime, ClientUin: p.ClientUin, Email: p.Email, Mobile: p.Mobile, Name: p.Name, Status: p.Status, Type: p.Type,
			})),
			Total: list.length,
		};
	},
};

const ApproveClientApply = {
	rate: 5,
	callers: PARTNER,
	write: true,
	params: {
		ClientUin: spec.uin({ required: true, code: 'InvalidParameterValue.InvalidUin' }),
		ApproveType: spec.enumOf(['pass', 'reject'], { required: true }),
		RejectReason: { type: 'string', allowEmpty: true },
	},
	handler(ctx) {
		const { ClientUin, ApproveType } = ctx.body;
		const { onboarding, directory } = ctx.data;
		const index = onboarding.pendingClients.findIndex((p) => p.ClientUin === ClientUin);
		if (index < 0) fail('FailedOperation.ClientNotApply', `The UIN ${ClientUin} has not applied to become your sub-customer.`);
		const applicant = onboarding.pendingClients[index];
		if (ApproveType === 'pass' && applicant.blocker) fail(applicant.blocker, `The application of ${ClientUin} cannot be approved (${applicant.blocker}).`);
		onboarding.pendingClients.splice(index, 1);
		if (ApproveType === 'pass') {
			directory.add(
				buildCustomer(
					{
						ClientUin,
						Name: applicant.Name,
						Email: applicant.Email,
						Mobile: applicant.mobile,
						CountryCode: applicant.countryCode,
						Area: applicant.area,
						AccountType: applicant.Type,
						IdentifyType: applicant.identifyType,
						source: 'ApproveClientApply',
					},
					ctx.nowSec,
				),
			);
		}
		return {};
	},
};

const DescribeCustomerUin = {
	rate: 20,
	callers: PARTNER,
	params: {
		Page: spec.page({ required: true, code: 'InvalidParameter.Page' }),
		PageSize: spec.pageSize(UNDOCUMENTED_MAX_PAGE_SIZE, { required: true, code: 'InvalidParameter.Page' }),
	},
	handler(ctx) {
		const { directory } = ctx.data;
		const { Page, PageSize } = ctx.body;
		const offset = (Page - 1) * PageSize;
		const uins = offset < directory.size ? directory.page('asc', offset, PageSize) : [];
		return { Data: uins.length ? uins.map((u) => ({ CustomerUin: String(u) })) : null, Total: String(directory.size) };
	},
};

const DescribeCustomerInfo = {
	rate: 20,
	callers: PARTNER,
	params: { CustomerUin: spec.uinList(1, 20, { required: true }) },
	handler(ctx) {
		const data = [];
		for (const uin of new Set(ctx.body.CustomerUin)) {
			const c = ctx.data.directory.get(uin);
			if (!c) continue;
			data.push({
				CustomerUin: String(c.ClientUin), Email: c.Email, Phone: c.Mobile, Mark: c.Remark, Name: c.Name, BindTime: c.BindTime,
				AccountStatus: c.AccountStatus, AuthStatus: c.AuthStatus, AuthType: c.AuthType, CidRegisterTime: c.CidRegisterTime,
				UinRegisterTime: c.UinRegisterTime, AuthPassTime: c.AuthPassTime, HasExpense: c.HasExpense,
			});
		}
		return { Data: data };
	},
};

const QueryAccountVerificationStatus = {
	rate: 20,
	callers: PARTNER,
	params: { ClientUin: spec.uin({ required: true, code: 'FailedOperation.UinInvalid' }) },
	handler(ctx) {
		const c = customerOr(ctx, ctx.body.ClientUin, 'UnauthorizedOperation.NotCustomerUin');
		return { AccountStatus: c.AuthStatus === '3' };
	},
};

const ModifyClientRemark = {
	rate: 5,
	callers: PARTNER,
	write: true,
	params: {
		ClientUin: { type: 'string', required: true, code: 'InvalidParameterValue.InvalidUin', pattern: /^[1-9]\d{0,15}$/, patternText: 'a UIN written as a string of digits' },
		Remark: { type: 'string', required: true, allowEmpty: true },
	},
	handler(ctx) {
		const uin = Number(ctx.body.ClientUin);
		customerOr(ctx, uin, 'InvalidParameterValue.InvalidUin');
		const c = ctx.data.directory.update(uin, { Remark: ctx.body.Remark });
		return { ClientRemark: c.Remark };
	},
};

const ForceQN = {
	rate: 2,
	callers: PARTNER,
	write: true,
	params: {
		ClientUin: spec.uuin({ required: true }),
		Type: { type: 'uinteger', required: true, enum: [0, 2] },
	},
	handler(ctx) {
		customerOr(ctx, ctx.body.ClientUin, 'InvalidParameterValue');
		ctx.data.directory.update(ctx.body.ClientUin, { Force: ctx.body.Type });
		return {};
	},
};

module.exports = {
	CreateAccount, SendVerifyCode, CreateAndSendClientInvitationMail, QueryInvitationInfo, QueryPendingClientsV2, ApproveClientApply,
	DescribeCustomerUin, DescribeCustomerInfo, QueryAccountVerificationStatus, ModifyClientRemark, ForceQN,
};
