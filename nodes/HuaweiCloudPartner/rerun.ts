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
	'customerOrder.pay': { effect: 'harmless', protection: 'an order is paid once: Huawei refuses to pay an order that is no longer pending payment' },
	'customerOrder.cancel': { effect: 'harmless', protection: 'a cancelled order stays cancelled: Huawei refuses to cancel an order that is not pending payment' },
	'customerSubscription.renew': {
		effect: 'addsAgain',
		protection: 'each run creates another renewal order (and with Pay Automatically pays it), extending the resources again; nothing protects it',
	},
	'customerSubscription.enableAutoRenew': { effect: 'harmless', protection: 'the resource stays set to renew automatically, with the times given' },
	'customerSubscription.disableAutoRenew': { effect: 'harmless', protection: 'auto-renewal stays off' },
	'customerSubscription.setRenewalSettings': { effect: 'harmless', protection: 'the setting is set to the value given, not changed by it' },
	'customerSubscription.changeToPayPerUse': { effect: 'harmless', protection: 'the change at expiry stays set up (or cancelled)' },
	'customerSubscription.unsubscribe': {
		effect: 'harmless',
		protection: 'Huawei refuses to unsubscribe a resource (or renewed periods) already unsubscribed, so the second run changes and refunds nothing',
	},
	'customerEnterprise.authorizeProjects': { effect: 'harmless', protection: 'enterprise projects stay enabled' },
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
