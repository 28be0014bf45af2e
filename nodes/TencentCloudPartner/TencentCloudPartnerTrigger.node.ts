import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pollTrigger } from '../shared/trigger/poll';
import { eventSubtitle, triggerProperties } from '../shared/trigger/properties';
import { TENCENT_CREDENTIAL } from './transport';
import { customerApplicationSource, resellerApplicationSource } from './applicationSources';
import { tencentCredit, tencentNewCustomer } from './triggerSource';
import { finishSentences } from '../shared/sentences';
import type { VendorTrigger } from '../shared/trigger/source';

const APPLICATION_EVENTS = [customerApplicationSource, resellerApplicationSource];
const TRIGGER: VendorTrigger = { provider: 'tencent', newCustomer: tencentNewCustomer, lowCredit: tencentCredit, moreEvents: APPLICATION_EVENTS };

export class TencentCloudPartnerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Cloud Partner Trigger',
		name: 'tencentCloudPartnerTrigger',
		icon: { light: 'file:tencentCloud.svg', dark: 'file:tencentCloud.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(APPLICATION_EVENTS),
		description: 'Starts a workflow when you gain a Tencent Cloud customer, a customer runs low on credit, or someone applies to become your customer or reseller',
		defaults: { name: 'Tencent Cloud Partner Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: TENCENT_CREDENTIAL, required: true }],
		properties: finishSentences(triggerProperties({
			creditUnit: 'USD',
			creditPrecision: 2,
			customerIdName: 'customer UINs',
			customerIdExample: '200000000001, 200000000002',
			lowCreditDescription: "A customer's remaining credit fell below the threshold.",
		}, APPLICATION_EVENTS)),
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollTrigger(this, TRIGGER);
	}
}
