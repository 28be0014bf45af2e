import type { OperationSpec } from '../../shared/types';
import { COUNTRY_CODE_FIELD, DECISION_FIELDS, PHONE_NUMBER_FIELD, customerUinField } from './sharedFields';

const resource = 'customer';

/** Invitation tokens are letters and digits (e.g. `17772490a7664fc1f3fd31xxxxxx63d8`). */
const INVITATION_TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Invitation links carry the token as `RegisterToken`; accept either the link or the bare token.
 * Undefined when the entry holds no well-formed token (a broken percent-escape included).
 */
export function invitationTokenOf(entry: string): string | undefined {
	const match = /[?&]RegisterToken=([^&#\s]+)/i.exec(entry);
	let token = entry;
	if (match) {
		try {
			token = decodeURIComponent(match[1]);
		} catch {
			return undefined;
		}
	}
	return INVITATION_TOKEN.test(token) ? token : undefined;
}

export const customerOperations: OperationSpec[] = [
	{
		resource,
		operation: 'createAccount',
		name: 'Create Account',
		action: 'Create a customer account',
		description:
			'Registers a new Tencent Cloud International account and binds it to you. Send a verification code to the phone first.',
		vendorAction: 'CreateAccount',
		write: true,
		rateLimitPerSecond: 5,
		access: { needsAllowlist: true },
		writeRules: {
			verifyHint:
				'Look the customer up (Credit > Get Many Customer Credits, filter by e-mail) before trying again; a retry may fail with FailedOperation.MailIsRegistered.',
		},
		fields: [
			{
				name: 'AccountType',
				displayName: 'Account Type',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Company', value: 'company' },
					{ name: 'Personal', value: 'personal' },
				],
				default: 'company',
				description:
					'Account type of the new customer, as Tencent documents it',
			},
			{
				name: 'Mail',
				displayName: 'Email',
				kind: 'email',
				required: true,
				placeholder: 'name@email.com',
				description: 'E-mail address to register; it must not have a Tencent Cloud account yet',
			},
			{
				name: 'Password',
				displayName: 'Password',
				kind: 'password',
				required: true,
				minLength: 8,
				maxLength: 20,
				pattern: /^(?=.*\d)(?=.*[A-Za-z])(?=.*[!@#$%^&*()])[^\s]{8,20}$/,
				patternHint: '8 to 20 characters with a digit, a letter and one of !@#$%^&*(), and no spaces',
				description: 'Initial password: 8-20 characters with digits, letters and at least one of !@#$%^&*(); no spaces',
			},
			{ ...PHONE_NUMBER_FIELD },
			{ ...COUNTRY_CODE_FIELD },
			{
				name: 'Area',
				displayName: 'Area',
				kind: 'string',
				required: true,
				placeholder: 'Select a country or region',
				pattern: /^[A-Z]{2}$/,
				patternHint: 'a two-letter ISO country code in capitals, e.g. HK',
				loadOptionsMethod: 'getAreas',
				description: 'ISO 3166 alpha-2 code matching the Country Code (Get Country Codes: IOS2), e.g. HK with 852; the list leaves out what Country Code does',
			},
			{
				name: 'VerifyCode',
				displayName: 'Verification Code',
				kind: 'string',
				required: true,
				pattern: /^\d{6}$/,
				patternHint: 'the 6-digit code from the SMS',
				description: 'The 6-digit SMS code sent by Customer > Send Verification Code',
			},
			{
				name: 'TradeOne',
				displayName: 'Industry (Layer 1)',
				kind: 'string',
				required: true,
				placeholder: 'Select an industry',
				loadOptionsMethod: 'getTradeOne',
				description: 'Layer-1 industry, from Reference Data > Get Trade Configurations (its TradeList Id)',
			},
			{
				name: 'TradeTwo',
				displayName: 'Industry (Layer 2)',
				kind: 'string',
				required: true,
				placeholder: 'Select a sub-industry',
				loadOptionsMethod: 'getTradeTwo',
				loadOptionsDependsOn: ['tradeOne'],
				description: 'Layer-2 industry within the chosen Industry (Layer 1), listed once that is chosen (its TradeList Children Id)',
			},
			{
				name: 'ConfirmPassword',
				displayName: 'Confirm Password',
				kind: 'password',
				description: 'Must equal Password. Leave it out and the node sends Password again.',
			},
			{
				name: 'CustomerName',
				displayName: 'Customer Name',
				kind: 'string',
				minLength: 2,
				maxLength: 200,
				pattern: /\D/,
				patternHint: 'a name that is not only digits',
				description: "Person's name (personal) or full legal company name (company), 2-200 characters",
			},
			{
				name: 'Extended',
				displayName: 'Extended',
				kind: 'string',
				description: 'Extension field; leave empty unless Tencent asked you to fill it',
			},
		],
		request: {
			finalize: ({ body }) => {
				if (body.ConfirmPassword === undefined) body.ConfirmPassword = body.Password;
				if (body.ConfirmPassword !== body.Password) return '"Confirm Password" must equal "Password"';
				return undefined;
			},
		},
	},
	{
		resource,
		operation: 'sendVerificationCode',
		name: 'Send Verification Code',
		action: 'Send a verification code',
		description:
			'Sends a 6-digit SMS code to a mobile number, for Create Account. Wait 60 seconds before sending to the same number again.',
		vendorAction: 'SendVerifyCode',
		write: true,
		rateLimitPerSecond: 20,
		fields: [{ ...COUNTRY_CODE_FIELD }, { ...PHONE_NUMBER_FIELD }],
	},
	{
		resource,
		operation: 'sendInvitation',
		name: 'Send Invitation',
		action: 'Send an invitation email',
		description:
			'Creates an invitation link for a future customer or second-level reseller and e-mails it. At most one every 3 minutes.',
		vendorAction: 'CreateAndSendClientInvitationMail',
		write: true,
		rateLimitPerSecond: 1,
		access: { needsAllowlist: true },
		writeRules: { verifyHint: 'Check the mailbox or Get Invitations before sending again; Tencent allows one invitation every 3 minutes.' },
		fields: [
			{
				name: 'Email',
				displayName: 'Email',
				kind: 'email',
				required: true,
				placeholder: 'name@email.com',
				description: 'Address that receives the invitation e-mail',
			},
			{
				name: 'InvitationRole',
				displayName: 'Invitation Role',
				kind: 'options',
				options: [
					{ name: 'Customer', value: 'Client', description: 'Invite a sub-customer (Client)' },
					{ name: 'Second-Level Reseller', value: 'SubAgent', description: 'Invite a second-level reseller (SubAgent)' },
				],
				default: 'Client',
				description: 'Who is invited; Tencent assumes a customer when left out',
			},
			{
				name: 'MaterialUrl',
				displayName: 'Material URL',
				kind: 'string',
				description: 'URL of application material; used only when inviting a second-level reseller',
			},
		],
	},
	{
		resource,
		operation: 'getInvitations',
		name: 'Get Invitations',
		action: 'Get invitations',
		description: 'Shows whether invitation links were used, by whom and when the account was bound. Records are kept 60 days.',
		vendorAction: 'QueryInvitationInfo',
		write: false,
		rateLimitPerSecond: 20,
		answer: { recordsPath: 'InvitationInfo' },
		request: { batch: { field: 'InvitationToken', maxPerCall: 100 } },
		fields: [
			{
				name: 'InvitationToken',
				displayName: 'Invitation Tokens',
				kind: 'stringList',
				required: true,
				// Tokens and links hold no commas or spaces, so those can only separate entries.
				splitEntries: true,
				normalizeEntry: invitationTokenOf,
				patternHint: 'an invitation token (letters and digits) or an invitation link with a RegisterToken',
				description:
					'Invitation tokens, or the invitation links themselves (the RegisterToken is taken from the link). Any number; the node asks 100 at a time.',
			},
		],
	},
	{
		resource,
		operation: 'getPendingApplications',
		name: 'Get Many Pending Applications',
		action: 'Get many pending customer applications',
		description: 'Lists accounts that applied to become your customer and await your review',
		vendorAction: 'QueryPendingClientsV2',
		write: false,
		rateLimitPerSecond: 5,
		access: { needsAllowlist: true },
		answer: { recordsPath: 'Data' },
		paging: { style: 'pageNumber', pageField: 'Page', sizeField: 'PageSize', maxPageSize: 100, totalPath: 'Total' },
		fields: [],
	},
	{
		resource,
		operation: 'reviewApplication',
		name: 'Review Application',
		action: 'Approve or reject a customer application',
		description: 'Approves or rejects a pending application to become your customer',
		vendorAction: 'ApproveClientApply',
		write: true,
		rateLimitPerSecond: 5,
		access: { needsAllowlist: true },
		writeRules: { verifyHint: 'Check Get Many Pending Applications and your customer list before trying again.' },
		fields: [
			{
				name: 'ClientUin',
				displayName: 'Applicant UIN',
				kind: 'accountId',
				required: true,
				paramName: 'applicantUin',
				listSearch: 'searchPendingClients',
				description: 'UIN of the account that applied (from Get Many Pending Applications)',
			},
			...DECISION_FIELDS,
		],
	},
	{
		resource,
		operation: 'getManyUins',
		name: 'Get Many UINs',
		action: 'Get many customer UINs',
		description: 'Lists the UINs of all customers bound to you; the cheapest way to enumerate customers',
		vendorAction: 'DescribeCustomerUin',
		write: false,
		rateLimitPerSecond: 20,
		answer: { recordsPath: 'Data' },
		paging: { style: 'pageNumber', pageField: 'Page', sizeField: 'PageSize', maxPageSize: 100, totalPath: 'Total' },
		fields: [],
	},
	{
		resource,
		operation: 'getDetails',
		name: 'Get Details',
		action: 'Get customer details',
		description:
			'Returns contact data, remark, binding time, account and verification status of customers. Any number of UINs; the node asks 20 at a time.',
		vendorAction: 'DescribeCustomerInfo',
		write: false,
		rateLimitPerSecond: 20,
		answer: { recordsPath: 'Data' },
		request: { batch: { field: 'CustomerUin', maxPerCall: 20 } },
		fields: [
			{
				name: 'CustomerUin',
				displayName: 'Customer UINs',
				kind: 'idList',
				required: true,
				paramName: 'customerUins',
				description: 'UINs of the customers to look up',
			},
		],
	},
	{
		resource,
		operation: 'getVerificationStatus',
		name: 'Get Verification Status',
		action: 'Get identity verification status',
		description: 'Tells whether a customer account has completed identity verification (AccountStatus true)',
		vendorAction: 'QueryAccountVerificationStatus',
		write: false,
		rateLimitPerSecond: 20,
		fields: [customerUinField()],
	},
	{
		resource,
		operation: 'updateRemark',
		name: 'Update Remark',
		action: 'Update a customer remark',
		description: 'Replaces your remark text on a customer',
		vendorAction: 'ModifyClientRemark',
		write: true,
		rateLimitPerSecond: 5,
		fields: [
			customerUinField('ClientUin', { sendAs: 'string' }),
			{
				name: 'Remark',
				displayName: 'Remark',
				kind: 'string',
				required: true,
				description: 'New remark; it replaces the current one',
			},
		],
	},
	{
		resource,
		operation: 'setServiceSuspension',
		name: 'Set Service Suspension',
		action: 'Suspend or restore a customer',
		description: "Forces a customer's services into suspension, or lifts a forced suspension",
		vendorAction: 'ForceQN',
		write: true,
		rateLimitPerSecond: 2,
		access: { needsAllowlist: true },
		fields: [
			customerUinField(),
			{
				name: 'Type',
				displayName: 'State',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Suspend', value: 2, description: 'Force service suspension (Type 2)' },
					{ name: 'Restore', value: 0, description: 'Lift the forced suspension (Type 0)' },
				],
				default: 2,
				description: 'Suspend the customer, or restore normal service',
			},
		],
	},
];
