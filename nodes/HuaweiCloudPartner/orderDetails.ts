import type { IDataObject } from 'n8n-workflow';

import { collectPages } from '../shared/paging';
import type { OperationExecute, PagingSpec } from '../shared/types';

/** Huawei pages an order's line items as it pages its lists: offset and limit in the query. */
const LINE_ITEMS: PagingSpec = { style: 'offset', offsetField: 'offset', limitField: 'limit', maxPageSize: 100, totalPath: 'total_count', in: 'query' };

/** One order with every line item: Huawei pages the line items, the node gathers them. */
export const orderDetailsExecute: OperationExecute = async (_context, _spec, send, request) => {
	let first: IDataObject | undefined;
	const lines = await collectPages(LINE_ITEMS, 'order_line_items', request, { limit: Infinity, pageSize: LINE_ITEMS.maxPageSize, startAt: 0 }, async (page) => {
		const answer = await send(page);
		first ??= answer;
		return answer;
	});
	return [{ ...(first ?? {}), order_line_items: lines }];
};
