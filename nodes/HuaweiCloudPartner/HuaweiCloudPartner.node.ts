import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { huaweiAuthenticationProperty, huaweiCredentials } from './authentication';
import { buildNodeProperties, operationSubtitle, requestOptionsProperty } from '../shared/properties';
import { executeSpecs } from '../shared/dispatch';
import { searchCustomers, searchServiceTypes } from './methods/listSearch';
import { findHuaweiOperation, huaweiOperations, huaweiResources } from './resources';
import {
	HUAWEI_DEFAULT_TIMEOUT_SECONDS,
	huaweiSender,
} from './transport';
import { finishSentences } from '../shared/sentences';

export class HuaweiCloudPartner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Huawei Cloud Partner',
		name: 'huaweiCloudPartner',
		icon: { light: 'file:huaweiCloud.svg', dark: 'file:huaweiCloud.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(huaweiResources, huaweiOperations),
		description: 'Register and manage customers, budgets, orders and bills in Huawei Cloud Partner Center (Europe and International)',
		defaults: { name: 'Huawei Cloud Partner' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: huaweiCredentials,
		properties: finishSentences([
			huaweiAuthenticationProperty,
			...buildNodeProperties(huaweiResources, huaweiOperations),
			requestOptionsProperty(HUAWEI_DEFAULT_TIMEOUT_SECONDS),
		]),
	};

	methods = {
		listSearch: { searchCustomers, searchServiceTypes },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeSpecs.call(this, findHuaweiOperation, (_spec, options) =>
			huaweiSender((options.timeout as number | undefined) ?? HUAWEI_DEFAULT_TIMEOUT_SECONDS),
		);
	}
}
