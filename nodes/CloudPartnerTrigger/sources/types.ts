import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { CustomerRecord } from '../customer';

/** What each provider offers the trigger. */
export interface CustomerSource {
	/**
	 * Customers associated at or after `since` (a sortable UTC time, '' for all), newest first
	 * where the API sorts; `until` bounds the window so customers arriving during the poll wait for
	 * the next one. The answer is consistent: a list that changed while paging is read again.
	 */
	customersSince(context: IPollFunctions, since: string, until: string): Promise<CustomerRecord[]>;
	/** The newest few customers, for a manual test run. */
	newestCustomers(context: IPollFunctions, count: number): Promise<CustomerRecord[]>;
	/** Credit (or budget) of every customer, or of the given ones. */
	creditReadings(context: IPollFunctions, onlyIds: string[]): Promise<{ customers: CustomerRecord[]; complete: boolean }>;
	/** Fills in names and e-mails of customers about to be emitted, where the reading lacked them. */
	describe?(context: IPollFunctions, customers: CustomerRecord[]): Promise<CustomerRecord[]>;
	/** Seconds before the watermark that are read again, for APIs that show customers late. */
	overlapSeconds: number;
	/** How the watermark is kept: on association time, or on ever-growing ids. */
	watermarkOn: 'time' | 'id';
}

export type SourceOptions = IDataObject;
