import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { executeOperation } from '../shared/executor';
import { buildNodeProperties, REQUEST_OPTIONS, requestOptionsProperty } from '../shared/properties';
import { runPerItem } from '../shared/router';
import { searchCustomers } from './methods/listSearch';
import { findHuaweiOperation, huaweiOperations, huaweiResources } from './resources';
import {
	HUAWEI_AKSK_CREDENTIAL,
	HUAWEI_DEFAULT_TIMEOUT_SECONDS,
	HUAWEI_IAM_CREDENTIAL,
	huaweiSender,
} from './transport';

export class HuaweiCloudPartner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Huawei Cloud Partner',
		name: 'huaweiCloudPartner',
		icon: { light: 'file:huaweiCloud.svg', dark: 'file:huaweiCloud.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Register and manage customers, budgets, orders and bills in Huawei Cloud Partner Center (Europe and International)',
		defaults: { name: 'Huawei Cloud Partner' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: HUAWEI_AKSK_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['accessKey'] } } },
			{ name: HUAWEI_IAM_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['iamToken'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Access Key (AK/SK)', value: 'accessKey', description: 'Signed requests; recommended by Huawei' },
					{ name: 'IAM Token', value: 'iamToken', description: 'User name and password; the node renews the 24-hour token' },
				],
				default: 'accessKey',
			},
			...buildNodeProperties(huaweiResources, huaweiOperations),
			requestOptionsProperty(HUAWEI_DEFAULT_TIMEOUT_SECONDS),
		],
	};

	methods = {
		listSearch: { searchCustomers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const spec = findHuaweiOperation(resource, operation);
		if (!spec) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
		}
		return await runPerItem.call(this, async (itemIndex) => {
			const options = this.getNodeParameter(REQUEST_OPTIONS, itemIndex, {}) as IDataObject;
			const send = huaweiSender((options.timeout as number | undefined) ?? HUAWEI_DEFAULT_TIMEOUT_SECONDS);
			return await executeOperation(this, spec, send, itemIndex);
		});
	}
}
