import type { RerunTable } from '../shared/rerun';

/** What running each Huawei write again does (see README, "Running a write again"). */
export const HUAWEI_RERUN: RerunTable = {
	'customer.sendVerificationCode': {
		effect: 'addsAgain',
		protection: 'another code e-mail is sent (Huawei allows 15 an hour, 60 a day); no key protects it',
	},
	'customer.create': {
		effect: 'addsAgain',
		protection:
			'it would create another account, but Huawei refuses a second customer with the same Sales Platform User ID (CBC.99000039), so a re-run after success fails instead',
	},
	'customer.freeze': { effect: 'harmless', protection: 'frozen customers stay frozen' },
	'customer.unfreeze': { effect: 'harmless', protection: 'unfrozen customers stay unfrozen' },
	'budget.set': { effect: 'harmless', protection: 'a budget is set to an absolute amount, so the second run sets the same amount' },
	'realnameAuth.submitIndividual': { effect: 'addsAgain', protection: 'it submits the documents for review again; no key protects it' },
	'realnameAuth.submitEnterprise': { effect: 'addsAgain', protection: 'it submits the documents for review again; no key protects it' },
	'realnameAuth.changeToEnterprise': { effect: 'addsAgain', protection: 'it submits the change for review again; no key protects it' },
	'custom.customApiCall': {
		effect: 'addsAgain',
		protection:
			'the node cannot know what an API it does not list does, so it treats it as adding again (never repeated after an unclear outcome) unless it is marked as a read',
	},
};
