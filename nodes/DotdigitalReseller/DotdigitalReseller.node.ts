import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { SendCall } from '../shared/executor';
import { buildNodeProperties, operationSubtitle } from '../shared/properties';
import { executeSpecs } from '../shared/dispatch';
import { searchAccounts } from './methods/listSearch';
import type { MethodOverrides } from './overrides';
import { applyOverrides, optionsFor, readOverrides } from './overrides';
import { dotdigitalOperations, dotdigitalResources, findDotdigitalOperation } from './resources';
import { dotdigitalResellerApiTest } from './credentialTest';
import { DOTDIGITAL_TIMEOUT_SECONDS, dotdigitalSender } from './transport';
import { finishSentences } from '../shared/sentences';

export class DotdigitalReseller implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'dotdigital CPaaS Reseller',
		name: 'dotdigitalReseller',
		icon: { light: 'file:dotdigital.svg', dark: 'file:dotdigital.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(dotdigitalResources, dotdigitalOperations),
		description:
			'Provision dotdigital CPaaS accounts, users, roles, credit and inbound numbers as a reseller. Only AddUserToAccount and Add Credit are published; other methods are inferred and can be renamed.',
		defaults: { name: 'dotdigital CPaaS Reseller' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dotdigitalResellerApi', required: true, testedBy: 'dotdigitalResellerApiTest' }],
		properties: finishSentences([
			{
				displayName:
					'Only AddUserToAccount and Add Credit are published by dotdigital. Operations marked "Inferred" use method and field names that follow the service\'s naming but are not published: if your account names them differently, override them under Options, or use Custom API Call.',
				name: 'inferredNotice',
				type: 'notice',
				default: '',
			},
			...buildNodeProperties(dotdigitalResources, dotdigitalOperations),
			...dotdigitalOperations.map((spec) => optionsFor(spec, DOTDIGITAL_TIMEOUT_SECONDS)),
		]),
	};

	methods = {
		listSearch: { searchAccounts },
		credentialTest: { dotdigitalResellerApiTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeSpecs.call(this, findDotdigitalOperation, (spec, options, itemIndex) => {
			let overrides: MethodOverrides;
			try {
				overrides = readOverrides(spec.request?.inferred ? options : {});
			} catch (error) {
				throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: ${(error as Error).message}`, { itemIndex });
			}
			const base = dotdigitalSender(
				(options.timeout as number | undefined) ?? DOTDIGITAL_TIMEOUT_SECONDS,
				(s) => overrides.methodName ?? s.vendorAction,
			);
			const send: SendCall = async (context, s, request, index, signal) =>
				await base(context, s, applyOverrides(request, overrides), index, signal);
			return send;
		});
	}
}
