import type {
	ICredentialType,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DotdigitalResellerApi } from '../../credentials/DotdigitalResellerApi.credentials';
import { HuaweiCloudPartnerApi } from '../../credentials/HuaweiCloudPartnerApi.credentials';
import { HuaweiCloudPartnerIamApi } from '../../credentials/HuaweiCloudPartnerIamApi.credentials';
import { TencentCloudPartnerApi } from '../../credentials/TencentCloudPartnerApi.credentials';
import { DotdigitalReseller } from '../../nodes/DotdigitalReseller/DotdigitalReseller.node';
import { DotdigitalResellerTrigger } from '../../nodes/DotdigitalReseller/DotdigitalResellerTrigger.node';
import { HuaweiCloudPartner } from '../../nodes/HuaweiCloudPartner/HuaweiCloudPartner.node';
import { HuaweiCloudPartnerTrigger } from '../../nodes/HuaweiCloudPartner/HuaweiCloudPartnerTrigger.node';
import { TencentCloudPartner } from '../../nodes/TencentCloudPartner/TencentCloudPartner.node';
import { TencentCloudPartnerTrigger } from '../../nodes/TencentCloudPartner/TencentCloudPartnerTrigger.node';

export const PACKAGE = 'n8n-nodes-cloud-partners';
export const START_NODE_TYPE = 'test.start';

/** A start node that emits the items given in its `items` parameter (a JSON array). */
class TestStart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Start',
		name: 'start',
		group: ['input'],
		version: 1,
		description: 'Emits the configured items',
		defaults: { name: 'Start' },
		usableAsTool: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | object[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as object[];
		return [items.map((json) => ({ json: json as INodeExecutionData['json'] }))];
	}
}

export const nodes: Record<string, INodeType> = {
	[START_NODE_TYPE]: new TestStart(),
	[`${PACKAGE}.tencentCloudPartner`]: new TencentCloudPartner(),
	[`${PACKAGE}.huaweiCloudPartner`]: new HuaweiCloudPartner(),
	[`${PACKAGE}.dotdigitalReseller`]: new DotdigitalReseller(),
	[`${PACKAGE}.tencentCloudPartnerTrigger`]: new TencentCloudPartnerTrigger(),
	[`${PACKAGE}.huaweiCloudPartnerTrigger`]: new HuaweiCloudPartnerTrigger(),
	[`${PACKAGE}.dotdigitalResellerTrigger`]: new DotdigitalResellerTrigger(),
};

export const credentialTypes: Record<string, ICredentialType> = {
	tencentCloudPartnerApi: new TencentCloudPartnerApi(),
	huaweiCloudPartnerApi: new HuaweiCloudPartnerApi(),
	huaweiCloudPartnerIamApi: new HuaweiCloudPartnerIamApi(),
	dotdigitalResellerApi: new DotdigitalResellerApi(),
};

export const nodeTypes: INodeTypes = {
	getByName(type: string): INodeType | IVersionedNodeType {
		const node = nodes[type];
		if (!node) throw new Error(`Unknown node type ${type}`);
		return node;
	},
	getByNameAndVersion(type: string): INodeType {
		const node = nodes[type];
		if (!node) throw new Error(`Unknown node type ${type}`);
		return node;
	},
	getKnownTypes() {
		return {};
	},
};

/** Registers another node type (used by later providers' tests). */
export function registerNodeType(type: string, node: INodeType) {
	nodes[type] = node;
}
