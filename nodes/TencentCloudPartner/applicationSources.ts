import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { EventRecord, EventSource, ListRead } from '../shared/trigger/events';
import { pagesOf } from '../shared/trigger/events';
import { sortableUtc } from '../shared/trigger/watermark';
import type { OperationSpec } from '../shared/types';
import { operationSpec } from '../shared/operationLookup';
import { tencentOperations } from './resources';
import { sending, TENCENT_UIN_FORM } from './triggerSource';
import { readList } from '../shared/paging';

/**
 * Applications are stamped when made and should be listed at once, but nothing promises it: one
 * that shows up with an older ApplyTime within this window is still emitted, once.
 */
export const APPLICATION_OVERLAP_SECONDS = 15 * 60;

const PENDING_CLIENTS = operationSpec(tencentOperations, 'customer', 'getPendingApplications');
const PENDING_SUB_AGENTS = operationSpec(tencentOperations, 'subAgent', 'getPendingApplications');

/**
 * Every pending application, page by page, read again if the total moved meanwhile. The pending
 * lists have no time filter and no documented order, so a poll reads them whole; they hold only
 * applications awaiting review, which leave the list once answered.
 */
async function allPending(context: IPollFunctions, spec: OperationSpec, read?: ListRead): Promise<IDataObject[]> {
	return await readList(spec, { body: {}, qs: {}, path: {} }, sending(context, spec), { ...pagesOf(read), consistent: true });
}

/**
 * An application is the applicant and the time it applied: someone rejected who applies again
 * later is a new application and fires again. An ApplyTime that is no real time (empty, null, a zero
 * date, text) leaves `at` empty and names the application by what Tencent wrote, so it is still
 * emitted once (see listsAll).
 */
function stamped(uin: unknown, applyTime: unknown): { id: string; at: string } {
	// The transport gave a real ApplyTime in UTC; anything else is no time (see sortableUtc).
	const at = sortableUtc(applyTime);
	return { id: `${String(uin)}@${at || JSON.stringify(applyTime ?? null)}`, at };
}

function customerApplication(a: IDataObject): EventRecord {
	const { id, at } = stamped(a.ClientUin, a.ApplyTime);
	return {
		id,
		at,
		customerId: String(a.ClientUin),
		fields: {
			customerId: String(a.ClientUin),
			name: (a.Name as string) || null,
			email: (a.Email as string) || null,
			mobile: (a.Mobile as string) || null,
			applicantType: (a.Type as string) || null,
			status: (a.Status as string) || null,
			appliedAt: at || null,
		},
		raw: a,
	};
}

/** AuthState 3 means the applicant's identity verification was approved (reference 8). */
const VERIFIED = 3;

function resellerApplication(a: IDataObject): EventRecord {
	const { id, at } = stamped(a.SubAgentUin, a.ApplyTime);
	return {
		id,
		at,
		// "Only These Customers" watches the applicant's UIN, as it does for customer applications.
		customerId: String(a.SubAgentUin),
		fields: {
			resellerId: String(a.SubAgentUin),
			name: (a.Name as string) || null,
			email: (a.Email as string) || null,
			mobile: (a.Mobile as string) || null,
			status: (a.Status as string) || null,
			authState: a.AuthState ?? null,
			verified: Number(a.AuthState) === VERIFIED,
			appliedAt: at || null,
		},
		raw: a,
	};
}

/** A pending-application event over one of Tencent's two pending lists. */
function pendingApplicationSource(
	event: string,
	option: EventSource['option'],
	spec: OperationSpec,
	toRecord: (a: IDataObject) => EventRecord,
): EventSource {
	const pending = async (context: IPollFunctions, read?: ListRead) => (await allPending(context, spec, read)).map(toRecord);
	return {
		event,
		option,
		overlapSeconds: APPLICATION_OVERLAP_SECONDS,
		// Applicants are accounts, named by UIN like customers.
		customerIdForm: TENCENT_UIN_FORM,
		// The list is read whole: an application without a time is kept by id while it is pending.
		listsAll: true,
		// Every pending application, in the list's order: the watermark skips those below it.
		since: async (context, _since, read) => await pending(context, read),
		// Everything pending now is known; the newest application sets the watermark.
		baseline: async (context, read) => ({ records: await pending(context, read), at: '' }),
		newest: async (context, count) => (await pending(context)).sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, count),
	};
}

export const customerApplicationSource = pendingApplicationSource(
	'newCustomerApplication',
	{
		name: 'New Customer Application',
		value: 'newCustomerApplication',
		description: 'An account applied to become your customer and awaits your review',
	},
	PENDING_CLIENTS,
	customerApplication,
);

export const resellerApplicationSource = pendingApplicationSource(
	'newResellerApplication',
	{
		name: 'New Reseller Application',
		value: 'newResellerApplication',
		description: 'An account applied to become your second-level reseller and awaits your review',
	},
	PENDING_SUB_AGENTS,
	resellerApplication,
);
