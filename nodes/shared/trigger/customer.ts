import type { IDataObject } from 'n8n-workflow';

import type { Stamped } from './watermark';

/** A customer as every vendor's trigger source reports it. */
export interface CustomerRecord extends Stamped {
	name?: string;
	email?: string;
	/** Credit or budget granted. */
	credit?: number;
	/** What is left of it. */
	remainingCredit?: number;
	currency?: string;
	/** ISO-8601 UTC time the customer was associated with (or created under) the partner. */
	associatedAt?: string;
	raw: IDataObject;
}

export type Provider = 'tencent' | 'huawei' | 'dotdigital';
export type TriggerEvent = 'newCustomer' | 'lowCredit';

/** The item a workflow receives: the normalised shape, and the vendor's record when asked for. */
export function triggerItem(
	provider: Provider,
	event: TriggerEvent,
	customer: CustomerRecord,
	extra: IDataObject,
	includeRaw: boolean,
): IDataObject {
	return {
		provider,
		event,
		customerId: customer.id,
		name: customer.name ?? null,
		email: customer.email ?? null,
		credit: customer.credit ?? null,
		remainingCredit: customer.remainingCredit ?? null,
		currency: customer.currency ?? null,
		associatedAt: customer.associatedAt ?? null,
		...extra,
		...(includeRaw ? { raw: customer.raw } : {}),
	};
}
