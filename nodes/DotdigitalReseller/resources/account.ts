import type { OperationSpec } from '../../shared/types';
import { accountId, countryIsoCode, resellerRead, resellerWrite } from './sharedFields';

export const accountOperations: OperationSpec[] = [
	resellerWrite({
		resource: 'account',
		operation: 'create',
		name: 'Create',
		action: 'Create an account',
		description: 'Creates a customer account under your reseller account',
		vendorAction: 'CreateAccount',
		writeRules: { verifyHint: 'Look for the account with Account > Get Many (search by name) before creating it again.' },
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
		answer: { recordsPath: '*' },
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
];
