import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { triggerProperties } from './description';
import { pollLowCredit, pollNewCustomers } from './poll';
import type { Provider, TriggerEvent } from './customer';

export class CloudPartnerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cloud Partner Trigger',
		name: 'cloudPartnerTrigger',
		icon: { light: 'file:cloudPartner.svg', dark: 'file:cloudPartner.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] + ": " + $parameter["provider"]}}',
		description: 'Starts a workflow when you gain a customer or a customer runs low on credit (Tencent Cloud, Huawei Cloud, dotdigital)',
		defaults: { name: 'Cloud Partner Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Credentials are tied to the provider with `hide` rather than `show`: the editor treats a
		// parameter that credentials `show` on as an authentication field and moves it out of the
		// parameter list, which would hide the Provider selector itself.
		credentials: [
			{ name: 'tencentCloudPartnerApi', required: true, displayOptions: { hide: { provider: ['huawei', 'dotdigital'] } } },
			{
				name: 'huaweiCloudPartnerApi',
				required: true,
				displayOptions: { hide: { provider: ['tencent', 'dotdigital'], authentication: ['iamToken'] } },
			},
			{
				name: 'huaweiCloudPartnerIamApi',
				required: true,
				displayOptions: { hide: { provider: ['tencent', 'dotdigital'], authentication: ['accessKey'] } },
			},
			{ name: 'dotdigitalResellerApi', required: true, displayOptions: { hide: { provider: ['tencent', 'huawei'] } } },
		],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const provider = this.getNodeParameter('provider') as Provider;
		const event = this.getNodeParameter('event') as TriggerEvent;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		let items: IDataObject[] | null;
		if (event === 'newCustomer') items = await pollNewCustomers(this, provider, options);
		else if (event === 'lowCredit') items = await pollLowCredit(this, provider, options);
		else throw new NodeOperationError(this.getNode(), `Unknown event "${String(event)}"`);
		return items && items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
}
