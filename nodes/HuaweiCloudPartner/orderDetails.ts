import type { IDataObject } from 'n8n-workflow';

import type { OperationExecute } from '../shared/types';

const PAGE = 100;
const MAX_PAGES = 1000;

/** One order with every line item: Huawei pages the line items, the node gathers them. */
export const orderDetailsExecute: OperationExecute = async (_context, _spec, send, request) => {
	let first: IDataObject | undefined;
	const lines: IDataObject[] = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const answer = await send({ ...request, qs: { ...request.qs, offset: page * PAGE, limit: PAGE } });
		first ??= answer;
		const items = (answer.order_line_items as IDataObject[] | undefined) ?? [];
		lines.push(...items);
		const total = Number(answer.total_count);
		if (items.length < PAGE || (Number.isFinite(total) && lines.length >= total)) break;
	}
	return [{ ...(first ?? {}), order_line_items: lines }];
};
