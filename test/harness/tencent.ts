import type { IDataObject, INodeExecutionData, INodeParameters, IRun } from 'n8n-workflow';

import { errorOf, outputOf, runWorkflow, setCredential } from './runWorkflow';
import type { Sandbox } from './sandbox';
import { TENCENT_KEYS } from './sandbox';
import { NODE_NAME, singleNodeWorkflow } from './workflows';

export const PARTNER_CREDENTIAL = 'tencent-partner';
export const TEMP_CREDENTIAL = 'tencent-temporary';
export const CUSTOMER_CREDENTIAL = 'tencent-customer';
export const WRONG_SECRET_CREDENTIAL = 'tencent-wrong-secret';

/** Credentials for every sandbox key, all pointing at this sandbox. */
export function useTencentSandbox(sandbox: Sandbox) {
	const base = { sessionToken: '', endpoint: sandbox.url, language: 'en-US' };
	setCredential(PARTNER_CREDENTIAL, { ...base, ...TENCENT_KEYS.partnerKey });
	setCredential(TEMP_CREDENTIAL, {
		...base,
		secretId: TENCENT_KEYS.tempPartnerKey.secretId,
		secretKey: TENCENT_KEYS.tempPartnerKey.secretKey,
		sessionToken: TENCENT_KEYS.tempPartnerKey.token,
	});
	setCredential(CUSTOMER_CREDENTIAL, { ...base, ...TENCENT_KEYS.customerKey });
	setCredential(WRONG_SECRET_CREDENTIAL, { ...base, secretId: TENCENT_KEYS.partnerKey.secretId, secretKey: 'not-the-right-secret' });
}

export interface NodeRun {
	run: IRun;
	items: INodeExecutionData[];
	json: IDataObject[];
	error?: Error & IDataObject;
}

/** Runs one Tencent Cloud Partner node through WorkflowExecute and returns its output. */
export async function runTencent(
	parameters: INodeParameters,
	options: { items?: IDataObject[]; credential?: string; continueOnFail?: boolean } = {},
): Promise<NodeRun> {
	const credential = options.credential ?? PARTNER_CREDENTIAL;
	const run = await runWorkflow(
		singleNodeWorkflow('tencentCloudPartner', parameters, {
			items: options.items,
			continueOnFail: options.continueOnFail,
			credentials: { tencentCloudPartnerApi: { id: credential, name: credential } },
		}),
	);
	const items = outputOf(run, NODE_NAME);
	return { run, items, json: items.map((i) => i.json), error: errorOf(run) };
}

/** A resource locator value typed as an id, as the editor stores it. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
