import type { IDataObject, INodeProperties, INodePropertyOptions, IPollFunctions } from 'n8n-workflow';

import type { PageStop } from '../paging';
import type { CustomerIdForm } from './customerIds';
import type { Stamped } from './watermark';

/** A record an event emits once: an id, a sortable UTC time, and what the item shows of it. */
export interface EventRecord extends Stamped {
	/** The customer it concerns, for "Only These Customers"; absent when it concerns none yet. */
	customerId?: string;
	/** The item's fields (besides provider and event). */
	fields: IDataObject;
	raw: IDataObject;
}

/**
 * How one poll reads a source's list: from where (a resume point), and until the poll's deadline
 * (the pager notes where it stopped in it). A source that reads several lists in turn (a range per
 * year) numbers them as parts; a source with one list has only part 0.
 */
export interface ListRead extends PageStop {
	/** Whether the poll's reading time (or `share` of it) is spent. */
	passed(share?: number): boolean;
	/** Where to start: the position in part `part` (absent: the start of the first part). */
	startAt?: { part: number; position: number };
	/** Set by a source with several parts when the read stopped: the part it stopped in. */
	stoppedInPart?: number;
	/**
	 * While a sweep is under way (a poll carrying on from a resume point): its watermark so far, for
	 * a source whose baseline starts at the vendor's now the time the sweep began, which a baseline
	 * carried over several polls keeps as its moment rather than each poll's now.
	 */
	sweepBegan?: string;
}

/**
 * One "something new appeared" event of a vendor's trigger (New Customer, New Customer Application,
 * New Customer Order, ...): where its records come from. The one watermark poll (pollEvent in
 * poll.ts) keeps every event with the same checks, so the guarantees are the same (nothing missed,
 * nothing twice, small state, a failed poll changes nothing, unreadable stored state and records
 * dated in the future handled, "Only These Customers" checked before any request).
 */
export interface EventSource {
	/** The Event parameter's value, e.g. `newCustomerOrder`; also the key of its static data. */
	event: string;
	/** The entry in the Event list; its name also names the event in the log. */
	option: INodePropertyOptions;
	/**
	 * What the watermark is kept on: the records' vendor time (the default), or ids that only ever
	 * grow, padded to sort (for a vendor that gives no time); `at` holds whichever it is.
	 */
	watermarkOn?: 'time' | 'id';
	/** Seconds before the watermark read again, for records that become visible late. */
	overlapSeconds: number;
	/**
	 * Records stamped at or after `since` ('' for all), with no upper bound (this machine's clock is
	 * not the vendor's), in the list's order; older ones may come too (the watermark skips them).
	 * The answer is consistent: a list that changed while paging is read again. With `read`, the
	 * read starts where it says and stops at its deadline (see ListRead).
	 */
	since(context: IPollFunctions, since: string, read?: ListRead): Promise<EventRecord[]>;
	/**
	 * What the first activation records as known, and the watermark time ('' when the records set
	 * it): a vendor time, never this machine's. `read` as for `since`.
	 */
	baseline(context: IPollFunctions, read?: ListRead): Promise<{ records: EventRecord[]; at: string }>;
	/**
	 * Whether `since` always returns every current record (a pending list read whole): records
	 * without a usable time (at '') are then emitted once each, by id, instead of never.
	 */
	listsAll?: boolean;
	/**
	 * For an event whose records can reach what the partner chose after they were first seen (an
	 * order paid later): given the records the watermark found new (or, on a fresh baseline, knew
	 * already), which to emit now, and the small follow-up state to keep (undefined: none). Without
	 * it every new record is emitted.
	 */
	followUp?(
		context: IPollFunctions,
		found: EventRecord[],
		stored: unknown,
		baseline: boolean,
	): Promise<{ emit: EventRecord[]; state: IDataObject | undefined }>;
	/**
	 * Whether the source finds its own place when a read carries on (its resume point names the
	 * record to carry on after, not a position): then no boundary records are kept for it.
	 */
	findsItsPlace?: boolean;
	/** The newest few, for a manual test run. */
	newest(context: IPollFunctions, count: number): Promise<EventRecord[]>;
	/** The form of the customer ids the records carry, checked in "Only These Customers" before any request. */
	customerIdForm: CustomerIdForm;
	/** Editor fields only this event has (shown for it alone). */
	properties?: INodeProperties[];
}

/** What the pager needs of a poll's `read` for the source's list `part`: the stop, and where to start. */
export function pagesOf(read: ListRead | undefined, part = 0): { stop?: PageStop; startAt?: number } {
	if (!read) return {};
	return { stop: read, startAt: read.startAt?.part === part ? read.startAt.position : undefined };
}

/**
 * Runs `work` over `parts` in turn (chunks of ids, one request each), from the part `read` starts
 * at; once two have run, stops before the next if the poll's reading time is spent, and notes it.
 */
export async function eachPart<T>(parts: T[], read: ListRead | undefined, work: (part: T) => Promise<void>): Promise<void> {
	const first = read?.startAt?.part ?? 0;
	for (let index = first; index < parts.length; index++) {
		if (read && index - first >= 2 && read.passed()) {
			read.stoppedInPart = index;
			read.resumeAt = 0;
			return;
		}
		await work(parts[index]);
	}
}
