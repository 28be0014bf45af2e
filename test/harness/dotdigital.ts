import type { IDataObject, INodeParameters } from 'n8n-workflow';

import * as dotdigitalKeys from '../../sandbox/dotdigital/keys';
import { errorOf, outputOf, runWorkflow, setCredential } from './runWorkflow';
import type { Sandbox } from './sandbox';
import type { NodeRun } from './tencent';
import { NODE_NAME, singleNodeWorkflow } from './workflows';

export const DOTDIGITAL_KEYS = dotdigitalKeys as unknown as { resellerUser: { username: string; password: string } } & IDataObject;

export const RESELLER = 'dotdigital-reseller';
export const WRONG_PASSWORD = 'dotdigital-wrong-password';
export const SINGULAR_PATH = 'dotdigital-singular-path';

const user = () => DOTDIGITAL_KEYS.resellerUser;

export function useDotdigitalSandbox(sandbox: Sandbox) {
	const { username, password } = user();
	const base = `${sandbox.url}/WebApi/ResellerServices`;
	setCredential(RESELLER, { username, password, baseUrl: base });
	setCredential(WRONG_PASSWORD, { username, password: `${password}-but-wrong`, baseUrl: base });
	setCredential(SINGULAR_PATH, { username, password, baseUrl: `${sandbox.url}/WebApi/ResellerService` });
}

export const resellerPassword = () => user().password;

export async function runDotdigital(
	parameters: INodeParameters,
	options: { items?: IDataObject[]; credential?: string; continueOnFail?: boolean } = {},
): Promise<NodeRun> {
	const credential = options.credential ?? RESELLER;
	const run = await runWorkflow(
		singleNodeWorkflow('dotdigitalReseller', parameters, {
			items: options.items,
			continueOnFail: options.continueOnFail,
			credentials: { dotdigitalResellerApi: { id: credential, name: credential } },
		}),
	);
	const items = outputOf(run, NODE_NAME);
	return { run, items, json: items.map((i) => i.json), error: errorOf(run) };
}

export const account = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
