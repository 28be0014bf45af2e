import type { RerunTable } from '../shared/rerun';

/** What running each Tencent write again does (see README, "Running a write again"). */
export const TENCENT_RERUN: RerunTable = {
	'customer.createAccount': {
		effect: 'addsAgain',
		protection:
			'it would create another account, but Tencent refuses a second account for the same e-mail (FailedOperation.MailIsRegistered), so a re-run after success fails instead',
	},
	'customer.sendVerificationCode': {
		effect: 'addsAgain',
		protection: 'another SMS code is sent; Tencent refuses a second code to the same number within 60 s and more than 5 an hour',
	},
	'customer.sendInvitation': {
		effect: 'addsAgain',
		protection: 'another invitation e-mail with a new link is sent; Tencent only refuses one to the same address within 3 minutes, and no key protects it',
	},
	'customer.reviewApplication': {
		effect: 'harmless',
		protection: 'a reviewed application is no longer pending, so Tencent refuses the second review and nothing changes',
	},
	'customer.updateRemark': { effect: 'harmless', protection: 'it sets the same remark again' },
	'customer.setServiceSuspension': { effect: 'harmless', protection: 'it sets the same suspension state again' },
	'credit.allocateToCustomer': {
		effect: 'addsAgain',
		protection:
			"the amount is added each time. Set Idempotency Key: the node records it in the allocation's remark, looks it up in the customer's allocation history first, and skips an allocation already made",
	},
	'credit.allocateToSubAgent': {
		effect: 'addsAgain',
		protection:
			"the amount is added to the pool each time, and Tencent keeps no allocation history for credit pools that the node could check, so nothing protects it: compare the reseller's Credit (Second-Level Reseller > Get Many) first",
	},
	'subAgent.reviewApplication': {
		effect: 'harmless',
		protection: 'a reviewed application is no longer pending, so Tencent refuses the second review and nothing changes',
	},
	'custom.customAction': {
		effect: 'addsAgain',
		protection:
			'the node cannot know what an action it does not list does, so it treats it as adding again (never repeated after an unclear outcome) unless it is marked as a read',
	},
};
