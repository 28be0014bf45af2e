import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildNodeProperties, requestOptionsProperty } from '../shared/properties';
import { executeSpecs } from '../shared/router';
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
		return await executeSpecs.call(this, findHuaweiOperation, (_spec, options) =>
			huaweiSender((options.timeout as number | undefined) ?? HUAWEI_DEFAULT_TIMEOUT_SECONDS),
		);
	}
}
