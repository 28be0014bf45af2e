import type { OperationSpec } from '../../shared/types';
import { accountId, resellerRead, resellerWrite, roleId, userId } from './sharedFields';

export const roleOperations: OperationSpec[] = [
	resellerRead({
		resource: 'role',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get the predefined roles',
		description: 'Lists the predefined roles',
		vendorAction: 'GetRoles',
		answer: { recordsPath: '*', clientSideLimit: true },
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
		answer: { recordsPath: '*', clientSideLimit: true },
		fields: [accountId(), userId],
	}),
	resellerRead({
		resource: 'role',
		operation: 'getForAccount',
		name: 'Get for Account',
		action: "Get an account's roles",
		description: 'Lists the roles applied to an account',
		vendorAction: 'GetAccountRoles',
		answer: { recordsPath: '*', clientSideLimit: true },
		fields: [accountId()],
	}),
];
