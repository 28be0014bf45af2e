import { CUSTOM_API_CALL_NAME, CUSTOM_RESOURCE, findOperationIn } from '../../shared/customCall';
import { withRerun } from '../../shared/rerun';
import type { FieldSpec, OperationSpec, ResourceSpec } from '../../shared/types';
import { DOTDIGITAL_RERUN } from '../rerun';

/** Fields of the only fully published method; spellings exactly as documented (`Firstname`). */
const E164 = /^\+?[1-9]\d{7,14}$/;
const E164_HINT = 'a phone number in E.164 form: country code and number, digits only, e.g. 447700900123';

const accountId = (overrides: Partial<FieldSpec> = {}): FieldSpec => ({
	name: 'AccountId',
	displayName: 'Account',
	kind: 'accountId',
	required: true,
	min: 1,
	max: 2147483647,
	listSearch: 'searchAccounts',
	paramName: 'accountId',
	description: 'The customer account: pick it from your accounts or enter its ID (a whole number)',
	...overrides,
});

const int32 = (name: string, displayName: string, description: string, overrides: Partial<FieldSpec> = {}): FieldSpec => ({
	name,
	displayName,
	kind: 'integer',
	required: true,
	min: 1,
	max: 2147483647,
	description,
	...overrides,
});

const userId = int32('UserId', 'User ID', 'ID of the portal user (from User > Get Many)');
const roleId = int32('RoleId', 'Role ID', 'ID of the predefined role (from Role > Get Many)');
const phone = (name: string, displayName: string, required: boolean): FieldSpec => ({
	name,
	displayName,
	kind: 'string',
	required,
	pattern: E164,
	patternHint: E164_HINT,
	description: `${displayName} in E.164 form, digits only (e.g. 447700900123)`,
});
/** The Reseller Service names countries by ISO 3166 alpha-3 code wherever it takes one. */
const countryIsoCode = (description: string): FieldSpec => ({
	name: 'CountryIsoCode',
	displayName: 'Country',
	kind: 'string',
	pattern: /^[A-Za-z]{3}$/,
	patternHint: 'an ISO 3166 alpha-3 code such as GBR',
	description,
});
const password = (required: boolean): FieldSpec => ({
	name: 'Password',
	displayName: 'Password',
	kind: 'password',
	required,
	pattern: /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[^A-Za-z0-9]).{9,}$/,
	patternHint: 'longer than 8 characters, with upper and lower case letters, a digit and a symbol',
	description: 'Longer than 8 characters and complex (upper and lower case, digit, symbol)',
});
const numberFields = (): FieldSpec[] => [
	accountId(),
	{ name: 'Number', displayName: 'Number', kind: 'string', required: true, pattern: /^\+?\d{3,15}$/, patternHint: 'a long number or shortcode, digits only', description: 'The dedicated number or shortcode' },
	{ name: 'Keyword', displayName: 'Keyword', kind: 'string', description: 'Keyword on a shortcode, if the number is a shortcode keyword' },
];

const resellerWrite = (spec: Omit<OperationSpec, 'write' | 'rateLimitPerSecond' | 'inferred'>): OperationSpec => ({
	...spec,
	write: true,
	rateLimitPerSecond: 0,
	inferred: true,
});
const resellerRead = (spec: Omit<OperationSpec, 'write' | 'rateLimitPerSecond' | 'inferred'>): OperationSpec => ({
	...spec,
	write: false,
	rateLimitPerSecond: 0,
	inferred: true,
});

export const dotdigitalResources: ResourceSpec[] = [
	{ value: 'account', name: 'Account', description: 'Customer (child) accounts under your reseller account' },
	{ value: 'user', name: 'User', description: 'Portal users of an account' },
	{ value: 'role', name: 'Role', description: 'Predefined roles of users and accounts' },
	{ value: 'credit', name: 'Credit', description: 'Credit allocations (credits expire after at most 12 months)' },
	{ value: 'report', name: 'Chargeable Activity Report', description: 'Chargeable activity of your accounts' },
	{ value: 'inboundNumber', name: 'Inbound Number', description: 'Dedicated numbers and shortcodes' },
	{ value: CUSTOM_RESOURCE, name: CUSTOM_API_CALL_NAME, description: 'Any Reseller Service method the node does not list' },
];

export const dotdigitalOperations: OperationSpec[] = withRerun([
	resellerWrite({
		resource: 'account',
		operation: 'create',
		name: 'Create',
		action: 'Create an account',
		description: 'Creates a customer account under your reseller account',
		vendorAction: 'CreateAccount',
		verifyHint: 'Look for the account with Account > Get Many (search by name) before creating it again.',
		fields: [
			{ name: 'AccountName', displayName: 'Account Name', kind: 'string', required: true, minLength: 1, maxLength: 100, description: 'Display or company name of the account' },
			{ name: 'ParentAccountId', displayName: 'Parent Account ID', kind: 'integer', min: 1, max: 2147483647, description: 'Create it under this account; your reseller account when left out' },
			{ name: 'CompanyName', displayName: 'Company Name', kind: 'string', description: 'Company name' },
			countryIsoCode('ISO 3166 alpha-3 country code, e.g. GBR'),
			{ name: 'TimeZone', displayName: 'Time Zone', kind: 'string', description: 'Time zone of the account' },
			{ name: 'Notes', displayName: 'Notes', kind: 'text', description: 'Free text' },
		],
	}),
	resellerRead({
		resource: 'account',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many accounts',
		description: 'Lists the accounts under your reseller account',
		vendorAction: 'GetAccounts',
		recordsPath: '*',
		paging: { style: 'pageNumber', pageField: 'PageNumber', sizeField: 'PageSize', maxPageSize: 500, totalPath: 'TotalCount' },
		fields: [
			{ name: 'ParentAccountId', displayName: 'Parent Account ID', kind: 'integer', min: 1, max: 2147483647, description: 'Only accounts under this one' },
			{ name: 'Name', displayName: 'Name Contains', kind: 'string', description: 'Only accounts whose name contains this' },
			{ name: 'Status', displayName: 'Status', kind: 'string', placeholder: 'Active', description: 'Only accounts in this status (e.g. Active, Suspended)' },
		],
	}),
	resellerRead({
		resource: 'account',
		operation: 'get',
		name: 'Get',
		action: 'Get an account',
		description: 'Returns one account with its details and roles',
		vendorAction: 'GetAccount',
		fields: [accountId()],
	}),
	resellerWrite({
		resource: 'account',
		operation: 'update',
		name: 'Update',
		action: 'Update an account',
		description: "Changes an account's name, company, country, time zone or notes",
		vendorAction: 'UpdateAccount',
		fields: [
			accountId(),
			{ name: 'AccountName', displayName: 'Account Name', kind: 'string', maxLength: 100, description: 'New name' },
			{ name: 'CompanyName', displayName: 'Company Name', kind: 'string', description: 'New company name' },
			countryIsoCode('New ISO 3166 alpha-3 country code'),
			{ name: 'TimeZone', displayName: 'Time Zone', kind: 'string', description: 'New time zone' },
			{ name: 'Notes', displayName: 'Notes', kind: 'text', description: 'New notes' },
		],
	}),
	{
		resource: 'user',
		operation: 'addToAccount',
		name: 'Add to Account',
		action: 'Add a user to an account',
		description: 'Creates a portal user in an account (published method)',
		vendorAction: 'AddUserToAccount',
		write: true,
		rateLimitPerSecond: 0,
		verifyHint: 'Check User > Get Many for the account before adding the user again; usernames are unique.',
		fields: [
			accountId(),
			{ name: 'Username', displayName: 'Username', kind: 'string', required: true, description: "The user's login name" },
			password(true),
			{ name: 'Firstname', displayName: 'First Name', kind: 'string', required: true, paramName: 'firstname', description: 'First name (sent as Firstname, exactly as documented)' },
			{ name: 'LastName', displayName: 'Last Name', kind: 'string', required: true, description: 'Last name' },
			{ name: 'EmailAddress', displayName: 'Email', kind: 'email', required: true, placeholder: 'name@email.com', description: 'E-mail address' },
			phone('MobilePhoneNumber', 'Mobile Phone Number', true),
			phone('LandlinePhoneNumber', 'Landline Phone Number', true),
			{ name: 'Notes', displayName: 'Notes', kind: 'text', description: 'Free text' },
			{ name: 'ChangePasswordAtNextLogon', displayName: 'Change Password at Next Logon', kind: 'boolean', description: 'Whether the user must change the password at the first portal log-on' },
		],
	},
	resellerRead({
		resource: 'user',
		operation: 'getMany',
		name: 'Get Many',
		action: "Get many users of an account",
		description: 'Lists the portal users of an account',
		vendorAction: 'GetUsers',
		recordsPath: '*',
		clientSideLimit: true,
		fields: [accountId()],
	}),
	resellerWrite({
		resource: 'user',
		operation: 'update',
		name: 'Update',
		action: 'Update a user',
		description: "Changes a user's name, e-mail, phone numbers or notes",
		vendorAction: 'UpdateUser',
		fields: [
			userId,
			{ name: 'Firstname', displayName: 'First Name', kind: 'string', paramName: 'firstname', description: 'New first name' },
			{ name: 'LastName', displayName: 'Last Name', kind: 'string', description: 'New last name' },
			{ name: 'EmailAddress', displayName: 'Email', kind: 'email', description: 'New e-mail address' },
			phone('MobilePhoneNumber', 'Mobile Phone Number', false),
			phone('LandlinePhoneNumber', 'Landline Phone Number', false),
			{ name: 'Notes', displayName: 'Notes', kind: 'text', description: 'New notes' },
		],
	}),
	resellerWrite({
		resource: 'user',
		operation: 'remove',
		name: 'Remove',
		action: 'Remove a user from an account',
		description: 'Removes a portal user from an account',
		vendorAction: 'RemoveUserFromAccount',
		fields: [accountId(), userId],
	}),
	resellerWrite({
		resource: 'user',
		operation: 'setPassword',
		name: 'Set Password',
		action: "Set a user's password",
		description: "Sets a portal user's password",
		vendorAction: 'SetUserPassword',
		fields: [
			userId,
			password(true),
			{ name: 'ChangePasswordAtNextLogon', displayName: 'Change Password at Next Logon', kind: 'boolean', description: 'Whether the user must change it at the next log-on' },
		],
	}),
	resellerRead({
		resource: 'role',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get the predefined roles',
		description: 'Lists the predefined roles',
		vendorAction: 'GetRoles',
		recordsPath: '*',
		clientSideLimit: true,
		fields: [],
	}),
	...(
		[
			['addToUser', 'Add to User', 'Give a user a role', 'AddRoleToUser', true],
			['removeFromUser', 'Remove From User', "Take a role from a user", 'RemoveRoleFromUser', true],
			['addToAccount', 'Add to Account', 'Give every user of an account a role', 'AddRoleToAccount', false],
			['removeFromAccount', 'Remove From Account', 'Take a role from an account', 'RemoveRoleFromAccount', false],
		] as Array<[string, string, string, string, boolean]>
	).map(([operation, name, action, vendorAction, forUser]) =>
		resellerWrite({
			resource: 'role',
			operation,
			name,
			action,
			description: forUser ? `${action} in an account` : `${action}; a role on an account applies to all its users`,
			vendorAction,
			fields: forUser ? [accountId(), userId, roleId] : [accountId(), roleId],
		}),
	),
	resellerRead({
		resource: 'role',
		operation: 'getForUser',
		name: 'Get for User',
		action: "Get a user's roles",
		description: 'Lists the roles of a user',
		vendorAction: 'GetUserRoles',
		recordsPath: '*',
		clientSideLimit: true,
		fields: [accountId(), userId],
	}),
	resellerRead({
		resource: 'role',
		operation: 'getForAccount',
		name: 'Get for Account',
		action: "Get an account's roles",
		description: 'Lists the roles applied to an account',
		vendorAction: 'GetAccountRoles',
		recordsPath: '*',
		clientSideLimit: true,
		fields: [accountId()],
	}),
	resellerWrite({
		resource: 'credit',
		operation: 'add',
		name: 'Add',
		action: 'Add credit to an account',
		description:
			'Adds credits to an account; they expire after the given months (at most 12). The meaning of the three fields is published; their names and the method name are inferred.',
		vendorAction: 'AddCredit',
		verifyHint: 'Check Credit > Get for the account before adding again: a second call adds the credits twice.',
		fields: [
			accountId(),
			int32('Credits', 'Credits', 'Number of credits to add: a positive whole number (credit cannot be removed this way)'),
			{ name: 'ExpiryMonths', displayName: 'Expiry (Months)', kind: 'integer', min: 1, max: 12, description: 'Months the credits stay available, 1 to 12; 12 when left out' },
		],
	}),
	resellerRead({
		resource: 'credit',
		operation: 'get',
		name: 'Get',
		action: "Get an account's credit",
		description: "Returns an account's credit balance and its allocations with expiry dates",
		vendorAction: 'GetAccountCredit',
		fields: [accountId()],
	}),
	resellerRead({
		resource: 'report',
		operation: 'get',
		name: 'Get',
		action: 'Get chargeable activity',
		description: 'Chargeable activity (channel, quantity, credits) of your accounts in a date range; one item per row',
		vendorAction: 'GetChargeableActivity',
		recordsPath: '*',
		clientSideLimit: true,
		fields: [
			{ name: 'StartDate', displayName: 'Start Date', kind: 'utcDateTime', required: true, paramName: 'startDate', description: 'From this date and time (sent as ISO-8601 UTC)' },
			{ name: 'EndDate', displayName: 'End Date', kind: 'utcDateTime', required: true, paramName: 'endDate', description: 'Until this date and time (sent as ISO-8601 UTC)' },
			accountId({ required: false, description: 'Only this account; all your accounts when left out' }),
		],
		finalizeRequest: ({ body }) => (String(body.EndDate) <= String(body.StartDate) ? '"End Date" must be after "Start Date"' : undefined),
	}),
	resellerRead({
		resource: 'inboundNumber',
		operation: 'getAvailable',
		name: 'Get Available',
		action: 'Get available inbound numbers',
		description: 'Numbers and shortcodes in your pool that can be allocated',
		vendorAction: 'GetAvailableInboundNumbers',
		recordsPath: '*',
		clientSideLimit: true,
		fields: [
			countryIsoCode('Only numbers of this country (ISO alpha-3)'),
			{
				name: 'NumberType',
				displayName: 'Number Type',
				kind: 'options',
				options: [
					{ name: 'Dedicated', value: 'Dedicated' },
					{ name: 'Shortcode', value: 'Shortcode' },
					{ name: 'Keyword', value: 'Keyword' },
				],
				default: 'Dedicated',
				description: 'Only this kind of number',
			},
		],
	}),
	resellerWrite({
		resource: 'inboundNumber',
		operation: 'allocate',
		name: 'Allocate',
		action: 'Allocate an inbound number',
		description: 'Gives a number (or a shortcode with a keyword) from your pool to an account',
		vendorAction: 'AllocateInboundNumber',
		verifyHint: "Check Inbound Number > Get Many for the account before allocating again.",
		fields: numberFields(),
	}),
	resellerWrite({
		resource: 'inboundNumber',
		operation: 'release',
		name: 'Release',
		action: 'Release an inbound number',
		description: 'Takes a number back from an account into your pool',
		vendorAction: 'ReleaseInboundNumber',
		fields: numberFields(),
	}),
	resellerRead({
		resource: 'inboundNumber',
		operation: 'getMany',
		name: 'Get Many',
		action: "Get an account's inbound numbers",
		description: 'Lists the numbers allocated to an account',
		vendorAction: 'GetInboundNumbers',
		recordsPath: '*',
		clientSideLimit: true,
		fields: [accountId()],
	}),
	{
		resource: CUSTOM_RESOURCE,
		operation: 'callMethod',
		name: CUSTOM_API_CALL_NAME,
		customCall: true,
		action: 'Call any Reseller Service method',
		description: 'POSTs a JSON body to any method name, for methods the node does not list. Treated as a write: never repeated after an unclear outcome.',
		vendorAction: 'CallMethod',
		write: true,
		rateLimitPerSecond: 0,
		fields: [
			{ name: 'method', displayName: 'Method Name', kind: 'string', required: true, paramName: 'methodName', in: 'path', maxLength: 128, pattern: /^[A-Za-z][A-Za-z0-9_]*$/, patternHint: 'a method name such as GetAccounts', placeholder: 'GetAccounts', description: 'The method, as the last part of the URL' },
			{ name: 'Body', displayName: 'Body (JSON)', kind: 'json', required: true, paramName: 'jsonBody', description: 'The request object, sent as is (fields at the top level)' },
		],
		execute: async (_context, _spec, send, request) => {
			const answer = await send({ body: (request.body.Body as never) ?? {}, qs: {}, path: request.path });
			return Array.isArray(answer) ? (answer as never) : [answer];
		},
	},
], DOTDIGITAL_RERUN);

export function findDotdigitalOperation(resource: string, operation: string): OperationSpec | undefined {
	return findOperationIn(dotdigitalOperations, resource, operation);
}
