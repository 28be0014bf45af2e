import type { IDataObject, INodeParameters } from 'n8n-workflow';

import * as huaweiKeys from '../../sandbox/huawei/keys';
import { credentialsHelper, errorOf, outputOf, runWorkflow, setCredential } from './runWorkflow';
import type { Sandbox } from './sandbox';
import type { NodeRun } from './tencent';
import { NODE_NAME, singleNodeWorkflow } from './workflows';

export const HUAWEI_KEYS = huaweiKeys as unknown as {
	partnerKey: { accessKeyId: string; secretAccessKey: string; domainId: string; domainName: string };
	tempPartnerKey: { accessKeyId: string; secretAccessKey: string; securityToken: string; domainId: string };
	resellerKey: { accessKeyId: string; secretAccessKey: string; domainId: string };
	customerKey: { accessKeyId: string; secretAccessKey: string; domainId: string };
	iamUser: { domainName: string; userName: string; password: string };
	XACCOUNT_TYPE: string;
	CUSTOMER_DOMAIN: { id: string };
};

export const AKSK = 'huawei-aksk';
export const AKSK_LOOKUP = 'huawei-aksk-lookup';
export const AKSK_TEMP = 'huawei-aksk-temp';
export const AKSK_CUSTOMER = 'huawei-aksk-customer';
export const AKSK_WRONG = 'huawei-aksk-wrong';
export const IAM = 'huawei-iam';
export const IAM_WRONG = 'huawei-iam-wrong';

/** Credentials for every sandbox key and the IAM user, all pointing at this sandbox. */
export function useHuaweiSandbox(sandbox: Sandbox) {
	const site = { site: 'custom', endpoint: sandbox.url };
	const aksk = (key: { accessKeyId: string; secretAccessKey: string; domainId?: string }, extra: IDataObject = {}) => ({
		...site,
		accessKeyId: key.accessKeyId,
		secretAccessKey: key.secretAccessKey,
		securityToken: '',
		domainId: key.domainId ?? '',
		resolvedDomainId: '',
		...extra,
	});
	setCredential(AKSK, aksk(HUAWEI_KEYS.partnerKey));
	setCredential(AKSK_LOOKUP, aksk(HUAWEI_KEYS.partnerKey, { domainId: '' }));
	setCredential(AKSK_TEMP, aksk(HUAWEI_KEYS.tempPartnerKey, { securityToken: HUAWEI_KEYS.tempPartnerKey.securityToken }));
	setCredential(AKSK_CUSTOMER, aksk(HUAWEI_KEYS.customerKey));
	setCredential(AKSK_WRONG, aksk({ ...HUAWEI_KEYS.partnerKey, secretAccessKey: 'not-the-right-secret-key' }));
	const iam = { ...site, iamEndpoint: '', domainName: HUAWEI_KEYS.iamUser.domainName, userName: HUAWEI_KEYS.iamUser.userName, password: HUAWEI_KEYS.iamUser.password, token: '' };
	setCredential(IAM, iam);
	setCredential(IAM_WRONG, { ...iam, password: `${HUAWEI_KEYS.iamUser.password}-but-wrong` });
}

/** Runs one Huawei Cloud Partner node; `credential` names a stored credential (AK/SK or IAM). */
export async function runHuawei(
	parameters: INodeParameters,
	options: { items?: IDataObject[]; credential?: string; continueOnFail?: boolean } = {},
): Promise<NodeRun> {
	const credential = options.credential ?? AKSK;
	const iam = credential.startsWith('huawei-iam');
	const run = await runWorkflow(
		singleNodeWorkflow('huaweiCloudPartner', { authentication: iam ? 'iamToken' : 'accessKey', ...parameters }, {
			items: options.items,
			continueOnFail: options.continueOnFail,
			credentials: { [iam ? 'huaweiCloudPartnerIamApi' : 'huaweiCloudPartnerApi']: { id: credential, name: credential } },
		}),
	);
	const items = outputOf(run, NODE_NAME);
	return { run, items, json: items.map((i) => i.json), error: errorOf(run) };
}

export const storedCredential = (id: string) => credentialsHelper.store.get(id) ?? {};

/** A resource locator value typed as an id, as the editor stores it. */
export const ref = (value: string) => ({ __rl: true, mode: 'id', value });
