import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { CustomerRecord } from '../shared/trigger/customer';
import { customerEvent, NEW_CUSTOMER } from '../shared/trigger/customer';
import { numericIdForm } from '../shared/trigger/customerIds';
import type { EventSource, ListRead } from '../shared/trigger/events';
import { eachPart, pagesOf } from '../shared/trigger/events';
import type { CreditSource } from '../shared/trigger/source';
import { readList } from '../shared/paging';
import type { OperationSpec } from '../shared/types';
import { operationSpec } from '../shared/operationLookup';
import { dotdigitalOperations } from './resources';
import { DOTDIGITAL_TIMEOUT_SECONDS, dotdigitalSender } from './transport';

const LIST = operationSpec(dotdigitalOperations, 'account', 'getMany');
const CREDIT = operationSpec(dotdigitalOperations, 'credit', 'get');

/** Account ids are the one confirmed identifier; padded, they sort like numbers. */
export const idKey = (id: unknown) => String(id).padStart(12, '0');

function fromAccount(a: IDataObject): CustomerRecord {
	return {
		id: String(a.AccountId),
		// An account without a numeric id cannot be placed against the watermark: never new, never stored.
		at: /^\d{1,12}$/.test(String(a.AccountId)) ? idKey(a.AccountId) : '',
		name: (a.AccountName as string) ?? (a.Name as string) ?? undefined,
		remainingCredit: a.CreditBalance === undefined ? undefined : Number(a.CreditBalance),
		currency: 'credits',
		associatedAt: (a.CreatedDate as string) ?? (a.DateCreated as string) ?? undefined,
		raw: a,
	};
}

/** The inferred read methods, renamed if the trigger's options say so. */
function sender(context: IPollFunctions) {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const names: Record<string, string> = {
		GetAccounts: String(options.listAccountsMethod || 'GetAccounts'),
		GetAccountCredit: String(options.accountCreditMethod || 'GetAccountCredit'),
	};
	return dotdigitalSender(DOTDIGITAL_TIMEOUT_SECONDS, (spec) => names[spec.vendorAction] ?? spec.vendorAction);
}

async function call(context: IPollFunctions, spec: OperationSpec, body: IDataObject): Promise<IDataObject> {
	return await sender(context)(context, spec, { body, qs: {}, path: {} }, 0);
}

/** Every account under the reseller, read again if the count moved meanwhile (as every vendor's list). */
async function allAccounts(context: IPollFunctions, read?: ListRead): Promise<CustomerRecord[]> {
	const send = sender(context);
	const accounts = await readList(LIST, { body: {}, qs: {}, path: {} }, async (request) => await send(context, LIST, request, 0), {
		...pagesOf(read),
		consistent: true,
	});
	return accounts.map(fromAccount);
}

const ACCOUNT_ID_FORM = numericIdForm(2147483647, 'a list of account IDs, whole numbers from 1 to 2147483647, e.g. 1001, 1002');

export const dotdigitalNewCustomer: EventSource = {
	event: 'newCustomer',
	option: NEW_CUSTOMER,
	// No creation time is confirmed: new accounts are those with an id above the highest seen.
	watermarkOn: 'id',
	overlapSeconds: 0,
	customerIdForm: ACCOUNT_ID_FORM,
	// Every account, in the list's order: the watermark skips those below it.
	since: async (context, _since, read) => (await allAccounts(context, read)).map(customerEvent),
	baseline: async (context, read) => ({ records: (await allAccounts(context, read)).map(customerEvent), at: '' }),
	newest: async (context, count) =>
		(await allAccounts(context))
			.sort((a, b) => (a.at < b.at ? 1 : -1))
			.slice(0, count)
			.map(customerEvent),
};

export const dotdigitalCredit: CreditSource = {
	customerIdForm: ACCOUNT_ID_FORM,
	checkRule(rule, onlyIds) {
		if (rule.mode !== 'percentage' || onlyIds.length > 0) return undefined;
		return {
			message: 'A percentage threshold for dotdigital needs "Only These Customers"',
			description:
				"dotdigital's account list gives a balance but not the credits allocated; per-account credit reads (Account Credit Method) do, so list the accounts to watch, or use an amount.",
		};
	},
	async creditReadings(context, onlyIds, read) {
		if (onlyIds.length === 0) return { customers: await allAccounts(context, read), complete: true };
		const customers: CustomerRecord[] = [];
		await eachPart(onlyIds, read, async (id) => {
			const answer = await call(context, CREDIT, { AccountId: Number(id) });
			const allocations = (answer.Allocations as IDataObject[] | undefined) ?? [];
			customers.push({
				id: String(answer.AccountId ?? id),
				at: '',
				credit: allocations.length ? allocations.reduce((sum, a) => sum + Number(a.Credits ?? 0), 0) : undefined,
				remainingCredit: Number(answer.CreditBalance),
				currency: 'credits',
				raw: answer,
			});
		});
		return { customers, complete: false };
	},
};
