import type { IDataObject } from 'n8n-workflow';

import { chunk } from '../shared/paging';
import type { OperationExecute } from '../shared/types';

/**
 * Freezes or unfreezes any number of customers, 10 per call as Huawei allows, and reports each
 * customer on its own item: Huawei answers a partial failure with HTTP 200 and `error_details`.
 */
export const freezeExecute: OperationExecute = async (_context, spec, send, request) => {
	const ids = (request.body.customer_ids as string[]) ?? [];
	const action = spec.operation;
	const results: IDataObject[] = [];
	for (const part of chunk(ids, spec.batch?.maxPerCall ?? 10)) {
		const answer = await send({ ...request, body: { ...request.body, customer_ids: part } });
		const failures = new Map(((answer.error_details as IDataObject[] | undefined) ?? []).map((d) => [String(d.id), d]));
		for (const id of part) {
			const failure = failures.get(id);
			results.push(
				failure
					? { customer_id: id, action, success: false, error_code: failure.error_code, error_msg: failure.error_msg }
					: { customer_id: id, action, success: true },
			);
		}
	}
	return results;
};
