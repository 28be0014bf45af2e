import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { buildNodeProperties, operationSubtitle, requestOptionsProperty } from '../shared/properties';
import { executeSpecs } from '../shared/dispatch';
import { getAreas, getCountryCodes, getTradeOne, getTradeTwo } from './methods/loadOptions';
import {
	searchCustomers,
	searchPendingClients,
	searchPendingSubAgents,
	searchSubAgents,
} from './methods/listSearch';
import { findTencentOperation, tencentOperations, tencentResources } from './resources';
import { TENCENT_CREDENTIAL, TENCENT_DEFAULT_TIMEOUT_SECONDS, tencentSender } from './transport';
import { finishSentences } from '../shared/sentences';

export class TencentCloudPartner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tencent Cloud Partner',
		name: 'tencentCloudPartner',
		icon: { light: 'file:tencentCloud.svg', dark: 'file:tencentCloud.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(tencentResources, tencentOperations),
		description:
			'Manage customers, credit, vouchers, bills and second-level resellers as a Tencent Cloud International partner',
		defaults: { name: 'Tencent Cloud Partner' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: TENCENT_CREDENTIAL, required: true }],
		properties: finishSentences([
			...buildNodeProperties(tencentResources, tencentOperations),
			requestOptionsProperty(TENCENT_DEFAULT_TIMEOUT_SECONDS),
		]),
	};

	methods = {
		listSearch: { searchCustomers, searchSubAgents, searchPendingClients, searchPendingSubAgents },
		loadOptions: { getCountryCodes, getAreas, getTradeOne, getTradeTwo },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeSpecs.call(this, findTencentOperation, (_spec, options) =>
			tencentSender((options.timeout as number | undefined) ?? TENCENT_DEFAULT_TIMEOUT_SECONDS),
		);
	}
}
