import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { EventRecord } from './events';
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

/** New Customer in the Event list; every vendor's trigger has it, first. */
export const NEW_CUSTOMER: INodePropertyOptions = {
	name: 'New Customer',
	value: 'newCustomer',
	description: 'A customer was associated with you or created under you',
};

/** A customer as a watermark event's record (New Customer's, and Low Credit's items): emitted once, watched by its own id. */
export function customerEvent(customer: CustomerRecord): EventRecord {
	return {
		id: customer.id,
		at: customer.at,
		customerId: customer.id,
		fields: {
			customerId: customer.id,
			name: customer.name ?? null,
			email: customer.email ?? null,
			credit: customer.credit ?? null,
			remainingCredit: customer.remainingCredit ?? null,
			currency: customer.currency ?? null,
			associatedAt: customer.associatedAt ?? null,
		},
		raw: customer.raw,
	};
}
