import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pollTrigger } from '../shared/trigger/poll';
import { eventSubtitle, triggerProperties } from '../shared/trigger/properties';
import { huaweiAuthenticationProperty, huaweiCredentials } from './authentication';
import { resourceExpiringSource } from './expirySource';
import { customerOrderSource } from './orderSource';
import { huaweiCredit, huaweiNewCustomer } from './triggerSource';
import { finishSentences } from '../shared/sentences';
import type { VendorTrigger } from '../shared/trigger/source';

const ORDER_EVENTS = [customerOrderSource, resourceExpiringSource];
const TRIGGER: VendorTrigger = { provider: 'huawei', newCustomer: huaweiNewCustomer, lowCredit: huaweiCredit, moreEvents: ORDER_EVENTS };

export class HuaweiCloudPartnerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Huawei Cloud Partner Trigger',
		name: 'huaweiCloudPartnerTrigger',
		icon: { light: 'file:huaweiCloud.svg', dark: 'file:huaweiCloud.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(ORDER_EVENTS),
		description: "Starts a workflow when a Huawei Cloud customer is associated with you, runs low on budget, places an order, or a customer's yearly/monthly resource nears its expiry",
		defaults: { name: 'Huawei Cloud Partner Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: huaweiCredentials,
		properties: finishSentences([
			huaweiAuthenticationProperty,
			...triggerProperties({
				creditUnit: "the budget's currency",
				creditPrecision: 2,
				customerIdName: 'Huawei customer IDs',
				customerIdExample: '0a1b2c3d4e5f40e1a2b3c4d5e6f7a8b9',
				lowCreditDescription: "A customer's remaining budget fell below the threshold.",
				lowCreditNotice:
					'On the Huawei Europe and International sites reseller customers have no balance of their own: they spend against the budget you set, so "credit" here means the budget and what is left of it.',
			}, ORDER_EVENTS),
		]),
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollTrigger(this, TRIGGER);
	}
}
