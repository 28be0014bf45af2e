import type { RerunTable } from '../shared/rerun';

/** What running each dotdigital write again does (see README, "Running a write again"). */
export const DOTDIGITAL_RERUN: RerunTable = {
	'account.create': {
		effect: 'addsAgain',
		protection: 'another account with the same name is created; account names need not be unique, so nothing protects it',
	},
	'account.update': { effect: 'harmless', protection: 'it sets the same values again' },
	'user.addToAccount': {
		effect: 'addsAgain',
		protection: 'usernames are unique, so the second run is refused (Username already exists) and adds nobody',
	},
	'user.update': { effect: 'harmless', protection: 'it sets the same values again' },
	'user.remove': { effect: 'harmless', protection: 'the user is already gone, so the second run is refused and changes nothing' },
	'user.setPassword': { effect: 'harmless', protection: 'it sets the same password again' },
	'role.addToUser': { effect: 'harmless', protection: 'a role the user already holds is not added twice' },
	'role.removeFromUser': { effect: 'harmless', protection: 'the role is already removed, so the second run is refused and changes nothing' },
	'role.addToAccount': { effect: 'harmless', protection: 'a role the account already holds is not added twice' },
	'role.removeFromAccount': { effect: 'harmless', protection: 'the role is already removed, so the second run is refused and changes nothing' },
	'credit.add': {
		effect: 'addsAgain',
		protection:
			'every call is a new allocation, and the Reseller Service has no idempotency key and no ledger entry the node could match, so nothing protects it: check Credit > Get for the account first',
	},
	'inboundNumber.allocate': {
		effect: 'harmless',
		protection: 'the number has left the pool, so the second run is refused (not available) and changes nothing',
	},
	'inboundNumber.release': {
		effect: 'harmless',
		protection: 'the account no longer holds the number, so the second run is refused and changes nothing',
	},
	'custom.callMethod': {
		effect: 'addsAgain',
		protection: 'the node cannot know what a method it does not list does, so it treats it as adding again (never repeated after an unclear outcome)',
	},
};
