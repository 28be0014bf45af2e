import type { IDataObject } from 'n8n-workflow';

import { sendInBatches } from '../shared/batch';
import type { OperationExecute } from '../shared/types';

/** Huawei answers a partial failure with HTTP 200 and `error_details`: those ids were not changed. */
function refusedIn(answer: IDataObject): Map<string, IDataObject> {
	return new Map(((answer.error_details as IDataObject[] | undefined) ?? []).map((d) => [String(d.id), d]));
}

/**
 * Freezes or unfreezes any number of customers, 10 per call as Huawei allows, and reports each
 * customer on its own item. When a later call fails, the error lists the customers already
 * changed, those whose outcome is unknown and those never sent.
 */
export const freezeExecute: OperationExecute = async (_context, spec, send, request, _itemIndex, scheduling) => {
	const ids = (request.body.customer_ids as string[]) ?? [];
	const action = spec.operation;
	const parts: string[][] = [];
	const answers = await sendInBatches(
		ids,
		spec.request?.batch?.maxPerCall ?? 10,
		true,
		async (part, index) => {
			parts[index] = part as string[];
			return await send({ ...request, body: { ...request.body, customer_ids: part as string[] } });
		},
		(part, answer) => part.filter((id) => !refusedIn(answer).has(String(id))),
		scheduling,
	);
	return answers.flatMap((answer, index) => {
		const refused = refusedIn(answer);
		return parts[index].map((id) => {
			const failure = refused.get(id);
			return failure
				? { customer_id: id, action, success: false, error_code: failure.error_code, error_msg: failure.error_msg }
				: { customer_id: id, action, success: true };
		});
	});
};
