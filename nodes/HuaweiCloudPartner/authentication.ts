import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { HUAWEI_AKSK_CREDENTIAL, HUAWEI_IAM_CREDENTIAL } from './transport';

/** The node and the trigger offer both of Huawei's ways to authenticate, chosen the same way. */
export const huaweiAuthenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Access Key (AK/SK)', value: 'accessKey', description: 'Signed requests; recommended by Huawei' },
		{ name: 'IAM Token', value: 'iamToken', description: 'User name and password; the node renews the 24-hour token' },
	],
	default: 'accessKey',
};

export const huaweiCredentials: INodeCredentialDescription[] = [
	{ name: HUAWEI_AKSK_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['accessKey'] } } },
	{ name: HUAWEI_IAM_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['iamToken'] } } },
];
