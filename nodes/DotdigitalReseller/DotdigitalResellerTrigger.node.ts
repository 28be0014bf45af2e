import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pollTrigger } from '../shared/trigger/poll';
import { eventSubtitle, triggerProperties } from '../shared/trigger/properties';
import { dotdigitalResellerApiTest } from './credentialTest';
import { dotdigitalCredit, dotdigitalNewCustomer } from './triggerSource';
import { finishSentences } from '../shared/sentences';
import type { VendorTrigger } from '../shared/trigger/source';

const TRIGGER: VendorTrigger = { provider: 'dotdigital', newCustomer: dotdigitalNewCustomer, lowCredit: dotdigitalCredit, moreEvents: [] };

export class DotdigitalResellerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'dotdigital CPaaS Reseller Trigger',
		name: 'dotdigitalResellerTrigger',
		icon: { light: 'file:dotdigital.svg', dark: 'file:dotdigital.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(),
		description: 'Starts a workflow when a dotdigital CPaaS account is added under you or runs low on credits (uses inferred read methods)',
		defaults: { name: 'dotdigital CPaaS Reseller Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dotdigitalResellerApi', required: true, testedBy: 'dotdigitalResellerApiTest' }],
		properties: finishSentences([
			{
				displayName:
					'This trigger reads accounts with GetAccounts and GetAccountCredit, method names INFERRED from the reseller API (not in the published reference). If your account names them differently, set them under Options.',
				name: 'inferredNotice',
				type: 'notice',
				default: '',
			},
			...triggerProperties({
				creditUnit: 'whole credits',
				creditPrecision: 0,
				customerIdName: 'dotdigital account IDs',
				customerIdExample: '1001, 1002',
				lowCreditDescription: "An account's credit balance fell below the threshold.",
				extraOptions: [
					{
						displayName: 'Account Credit Method',
						name: 'accountCreditMethod',
						type: 'string',
						default: 'GetAccountCredit',
						description: 'Inferred dotdigital method that reads an account\'s credit; change it if your account names it differently',
					},
					{
						displayName: 'List Accounts Method',
						name: 'listAccountsMethod',
						type: 'string',
						default: 'GetAccounts',
						description: 'Inferred dotdigital method that lists accounts; change it if your account names it differently',
					},
				],
			}),
		]),
	};

	methods = {
		credentialTest: { dotdigitalResellerApiTest },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollTrigger(this, TRIGGER);
	}
}
