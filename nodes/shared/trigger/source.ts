import type { INodeProperties, IPollFunctions } from 'n8n-workflow';

import type { CustomerRecord, Provider } from './customer';
import type { CustomerIdForm } from './customerIds';
import type { LowCreditRule } from './lowCredit';

/** What a vendor's trigger reads; the shared polling machinery does the bookkeeping. */
export interface CustomerSource {
	provider: Provider;
	/**
	 * Customers associated at or after `since` (a sortable UTC time, '' for all), newest first
	 * where the API sorts, with no upper bound (this machine's clock is not the vendor's). The
	 * answer is consistent: a list that changed while paging is read again.
	 */
	customersSince(context: IPollFunctions, since: string): Promise<CustomerRecord[]>;
	/**
	 * What the first activation records as already known, and the watermark time to start from
	 * ('' when the records themselves set it): a vendor time, never this machine's.
	 */
	baseline(context: IPollFunctions): Promise<{ records: CustomerRecord[]; at: string }>;
	/** The newest few customers, for a manual test run. */
	newestCustomers(context: IPollFunctions, count: number): Promise<CustomerRecord[]>;
	/** Credit (or budget) of every customer, or of the given ones. */
	creditReadings(context: IPollFunctions, onlyIds: string[]): Promise<{ customers: CustomerRecord[]; complete: boolean }>;
	/** Fills in names and e-mails of customers about to be emitted, where the reading lacked them. */
	describe?(context: IPollFunctions, customers: CustomerRecord[]): Promise<CustomerRecord[]>;
	/** Refuses a low-credit rule the vendor's data cannot answer, with a reason the user can act on. */
	checkRule?(rule: LowCreditRule, onlyIds: string[]): { message: string; description: string } | undefined;
	/** Seconds before the watermark that are read again, for APIs that show customers late. */
	overlapSeconds: number;
	/** How the watermark is kept: on association time, or on ever-growing ids. */
	watermarkOn: 'time' | 'id';
	/** The form of this vendor's customer ids, checked in "Only These Customers" before any request. */
	customerIdForm: CustomerIdForm;
}

/** How a vendor's trigger words its fields: the unit of credit, and its own extra options. */
export interface TriggerWording {
	/** What amounts are counted in ("USD", "whole credits"): used in the threshold's help text. */
	creditUnit: string;
	/** Decimal places of an amount (dotdigital credits are whole numbers). */
	creditPrecision: number;
	/** What the vendor calls a customer id, for "Only These Customers". */
	customerIdName: string;
	/** An example id list for that field. */
	customerIdExample: string;
	/** Shown above the low-credit fields when "credit" means something else for this vendor. */
	lowCreditNotice?: string;
	/** What "Low Credit" means for this vendor, in the Event selector. */
	lowCreditDescription: string;
	/** Options only this vendor has. */
	extraOptions?: INodeProperties[];
}
