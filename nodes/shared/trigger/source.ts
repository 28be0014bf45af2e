import type { IPollFunctions } from 'n8n-workflow';

import type { CustomerRecord, Provider } from './customer';
import type { CustomerIdForm } from './customerIds';
import type { EventSource, ListRead } from './events';
import type { LowCreditRule } from './lowCredit';

/** Where Low Credit reads the customers' credit; the shared poll keeps the threshold state. */
export interface CreditSource {
	/**
	 * Credit (or budget) of every customer, or of the given ones; complete when every customer was
	 * read. With `read`, the reading starts where it says and stops at its deadline, noting where
	 * the next poll carries on (see ListRead): part and position as the source numbers them.
	 */
	creditReadings(context: IPollFunctions, onlyIds: string[], read?: ListRead): Promise<{ customers: CustomerRecord[]; complete: boolean }>;
	/** Fills in names and e-mails of customers about to be emitted, where the reading lacked them. */
	describe?(context: IPollFunctions, customers: CustomerRecord[]): Promise<CustomerRecord[]>;
	/** Refuses a low-credit rule the vendor's data cannot answer, with a reason the user can act on. */
	checkRule?(rule: LowCreditRule, onlyIds: string[]): { message: string; description: string } | undefined;
	/** The form of this vendor's customer ids, checked in "Only These Customers" before any request. */
	customerIdForm: CustomerIdForm;
}

/** What a vendor's trigger reads; the shared poll (poll.ts) does all the bookkeeping. */
export interface VendorTrigger {
	provider: Provider;
	/** New Customer: a watermark event like any other, over the vendor's customer list. */
	newCustomer: EventSource;
	lowCredit: CreditSource;
	/** The vendor's further watermark events, listed after Low Credit. */
	moreEvents: EventSource[];
}
