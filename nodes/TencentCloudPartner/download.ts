import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cancelSignalOf } from '../shared/context';
import { checkedSetting } from '../shared/checkedSetting';
import { numberTypeOptions } from '../shared/fields';
import { cancellableSleep } from '../shared/cancellableSleep';
import type { FieldSpec, OperationExecute } from '../shared/types';

/** Checks before the first request, like any field: an expression may give 0, 2.5 or text. */
export const MAX_CHECKS_SETTING: FieldSpec = {
	name: 'maxPolls',
	displayName: 'Max Checks',
	kind: 'integer',
	min: 1,
	max: 100,
	description: 'How many times to ask before giving up.',
};

/** An hour between checks is already far more than Tencent takes to generate a file. */
export const SECONDS_BETWEEN_CHECKS_SETTING: FieldSpec = {
	name: 'pollIntervalSeconds',
	displayName: 'Seconds Between Checks',
	kind: 'number',
	min: 0,
	max: 3600,
	decimals: 1,
	description: 'Seconds to wait before asking again, 0 to 3600.',
};

/** Editor options shared by the three download-URL operations. */
export const downloadProperties: INodeProperties[] = [
	{
		displayName: 'Wait Until Ready',
		name: 'waitUntilReady',
		type: 'boolean',
		default: true,
		description:
			'Whether to ask again until Tencent has generated the file (Ready = 1). Off returns the first answer, which may have an empty URL.',
	},
	{
		displayName: MAX_CHECKS_SETTING.displayName,
		name: MAX_CHECKS_SETTING.name,
		type: 'number',
		typeOptions: numberTypeOptions(MAX_CHECKS_SETTING),
		default: 10,
		description: 'How many times to ask before giving up',
		displayOptions: { show: { waitUntilReady: [true] } },
	},
	{
		displayName: SECONDS_BETWEEN_CHECKS_SETTING.displayName,
		name: SECONDS_BETWEEN_CHECKS_SETTING.name,
		type: 'number',
		typeOptions: numberTypeOptions(SECONDS_BETWEEN_CHECKS_SETTING),
		default: 5,
		displayOptions: { show: { waitUntilReady: [true] } },
	},
	{
		displayName: 'Download File',
		name: 'downloadFile',
		type: 'boolean',
		default: false,
		description: 'Whether to download the file into the item as binary data (the URL is valid for one hour)',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: { downloadFile: [true] } },
	},
];

function isReady(answer: IDataObject): boolean {
	if (answer.Ready !== undefined && answer.Ready !== null) return Number(answer.Ready) === 1;
	return typeof answer.DownloadUrl === 'string' && answer.DownloadUrl !== '';
}

function fileNameOf(url: string, fallback: string): string {
	try {
		const last = new URL(url).pathname.split('/').filter(Boolean).pop();
		return last ? decodeURIComponent(last) : fallback;
	} catch {
		return fallback;
	}
}

async function downloadInto(
	context: IExecuteFunctions,
	answer: IDataObject,
	itemIndex: number,
	fallbackName: string,
): Promise<INodeExecutionData> {
	const url = String(answer.DownloadUrl);
	const property = context.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const response = (await context.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		timeout: 120000,
	})) as { body: ArrayBuffer | Buffer; headers: IDataObject };
	const buffer = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
	const mimeType = String(response.headers?.['content-type'] ?? '').split(';')[0] || undefined;
	const binary = await context.helpers.prepareBinaryData(buffer, fileNameOf(url, fallbackName), mimeType);
	return { json: answer, binary: { [property]: binary } };
}

/**
 * Asks for the download URL, asking again (a bounded number of times) until the file is ready,
 * then optionally downloads it. The presigned URL needs no credential. The wait between checks
 * ends when the execution is cancelled or the run stopped.
 */
export const downloadUrlExecute: OperationExecute = async (context, spec, send, request, itemIndex, scheduling) => {
	const wait = context.getNodeParameter('waitUntilReady', itemIndex, true) as boolean;
	const setting = (field: FieldSpec, fallback: number) => checkedSetting(context, itemIndex, field, context.getNodeParameter(field.name, itemIndex, fallback));
	const maxPolls = wait ? setting(MAX_CHECKS_SETTING, 10) : 1;
	const intervalMs = wait ? Math.round(setting(SECONDS_BETWEEN_CHECKS_SETTING, 5) * 1000) : 0;
	const signal = scheduling?.signal ?? cancelSignalOf(context);
	let answer: IDataObject = {};
	for (let poll = 1; poll <= maxPolls; poll++) {
		answer = await send(request);
		if (isReady(answer) || !wait) break;
		if (poll === maxPolls) {
			throw new NodeOperationError(
				context.getNode(),
				`Item ${itemIndex + 1}: the file was still not ready after ${maxPolls} checks (${spec.vendorAction})`,
				{
					itemIndex,
					description:
						"Tencent generates bill files on request, and a month's final bill only from 01:00 (UTC+8) on the 5th of the next month. Raise Max Checks or Seconds Between Checks, or run again later." +
						(answer.RequestId ? ` Last RequestId: ${String(answer.RequestId)}` : ''),
				},
			);
		}
		await cancellableSleep(intervalMs, signal);
	}
	const download = context.getNodeParameter('downloadFile', itemIndex, false) as boolean;
	if (!download) return [answer];
	if (!isReady(answer)) {
		throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: the file is not ready, so it cannot be downloaded yet`, {
			itemIndex,
			description: 'Turn on Wait Until Ready, or run again later.',
		});
	}
	return [await downloadInto(context, answer, itemIndex, `${spec.vendorAction}.csv`)];
};
