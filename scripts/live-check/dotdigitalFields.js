'use strict';
/**
 * dotdigital publishes no SDK model for the CPaaS Reseller Service, and no response body of any
 * method (reference section 0: "Response bodies of any method: INFERRED"). The live check compares
 * dotdigital's answers with the fields the reference proposes, and says so: every finding for
 * dotdigital is labelled INFERRED, meaning the node's assumption (not a published contract) differs
 * from what the account really answered. Alternative names the reference lists count as the field.
 *
 * Each model describes one record (list methods: every element of the answer's list, found as the
 * node finds it; single methods: the answer itself). Wrapping members around a list are not judged.
 */
const int = { kind: 'integer' };
const str = { kind: 'string' };
const bool = { kind: 'boolean' };
const date = { kind: 'date' };
const strings = { kind: 'array', of: str };

const field = (type, required = false, aliases = []) => ({ type, required, aliases });

const ACCOUNT = {
	AccountId: field(int, true),
	AccountName: field(str, true, ['Name']),
	ParentAccountId: field(int),
	Status: field(str),
	CreatedDate: field(date, false, ['DateCreated']),
	CreditBalance: field(int, false, ['Credits']),
};

const ACCOUNT_DETAILS = {
	...ACCOUNT,
	CompanyName: field(str),
	CountryIsoCode: field(str),
	TimeZone: field(str),
	Notes: field(str),
	Roles: field(strings),
};

const USER = {
	UserId: field(int, true),
	AccountId: field(int),
	Username: field(str, true),
	Firstname: field(str, false, ['FirstName']),
	LastName: field(str),
	EmailAddress: field(str),
	MobilePhoneNumber: field(str),
	LandlinePhoneNumber: field(str),
	Notes: field(str),
	Enabled: field(bool, false, ['IsLockedOut']),
	Roles: field(strings),
};

const ROLE = {
	RoleId: field(int, true),
	RoleName: field(str, true, ['Name']),
	Description: field(str),
};

const documented = (section, fields, list) => ({
	confidence: 'INFERRED',
	source: `dotdigital reference ${section} (INFERRED: no published response body)`,
	list,
	model: { kind: 'object', fields },
});

const DOTDIGITAL_FIELDS = {
	GetAccounts: documented('5.2', ACCOUNT, true),
	GetAccount: documented('5.3', ACCOUNT_DETAILS, false),
	GetUsers: documented('6.2', USER, true),
	GetRoles: documented('7', ROLE, true),
};

module.exports = { DOTDIGITAL_FIELDS };
