import type { FieldSpec, OperationSpec } from '../../shared/types';

/** Field specs and operation shapes that several resources share; spellings exactly as documented (`Firstname`). */

export const E164 = /^\+?[1-9]\d{7,14}$/;
export const E164_HINT = 'a phone number in E.164 form: country code and number, digits only, e.g. 447700900123';

export const accountId = (overrides: Partial<FieldSpec> = {}): FieldSpec => ({
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

export const int32 = (name: string, displayName: string, description: string, overrides: Partial<FieldSpec> = {}): FieldSpec => ({
	name,
	displayName,
	kind: 'integer',
	required: true,
	min: 1,
	max: 2147483647,
	description,
	...overrides,
});

export const userId = int32('UserId', 'User ID', 'ID of the portal user (from User > Get Many)');
export const roleId = int32('RoleId', 'Role ID', 'ID of the predefined role (from Role > Get Many)');
export const phone = (name: string, displayName: string, required: boolean): FieldSpec => ({
	name,
	displayName,
	kind: 'string',
	required,
	pattern: E164,
	patternHint: E164_HINT,
	description: `${displayName} in E.164 form, digits only (e.g. 447700900123)`,
});
/** The Reseller Service names countries by ISO 3166 alpha-3 code wherever it takes one. */
export const countryIsoCode = (description: string): FieldSpec => ({
	name: 'CountryIsoCode',
	displayName: 'Country',
	kind: 'string',
	pattern: /^[A-Za-z]{3}$/,
	patternHint: 'an ISO 3166 alpha-3 code such as GBR',
	description,
});
export const password = (required: boolean): FieldSpec => ({
	name: 'Password',
	displayName: 'Password',
	kind: 'password',
	required,
	pattern: /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[^A-Za-z0-9]).{9,}$/,
	patternHint: 'longer than 8 characters, with upper and lower case letters, a digit and a symbol',
	description: 'Longer than 8 characters and complex (upper and lower case, digit, symbol)',
});

/** A method whose name and fields are not published, only inferred; dotdigital documents no rate. */
const inferredMethod =
	(write: boolean) =>
	(spec: Omit<OperationSpec, 'write' | 'rateLimitPerSecond'>): OperationSpec => ({
		...spec,
		write,
		rateLimitPerSecond: 0,
		request: { ...spec.request, inferred: true },
	});
export const resellerWrite = inferredMethod(true);
export const resellerRead = inferredMethod(false);
