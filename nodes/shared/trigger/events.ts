import type { IDataObject, INodeProperties, INodePropertyOptions, IPollFunctions } from 'n8n-workflow';

import type { Stamped, WatermarkState } from './watermark';
import { advance, takeNew, windowStart } from './watermark';

/** A record an event emits once: an id, a sortable UTC time, and what the item shows of it. */
export interface EventRecord extends Stamped {
	/** The customer it concerns, for "Only These Customers"; absent when it concerns none yet. */
	customerId?: string;
	/** The item's fields (besides provider and event). */
	fields: IDataObject;
	raw: IDataObject;
}

/**
 * One "something new appeared" event of a vendor's trigger, beyond New Customer: where its records
 * come from. The shared poll keeps the same watermark as New Customer, so the guarantees are the
 * same (nothing missed, nothing twice, small state, a failed poll changes nothing).
 */
export interface EventSource {
	/** The Event parameter's value, e.g. `newCustomerOrder`; also the key of its static data. */
	event: string;
	/** The entry in the Event list. */
	option: INodePropertyOptions;
	/** Seconds before the watermark read again, for records that become visible late. */
	overlapSeconds: number;
	/**
	 * Records stamped at or after `since` ('' for all) and, where the API filters on it, at or
	 * before `until`. The answer is consistent: a list that changed while paging is read again.
	 */
	since(context: IPollFunctions, since: string, until: string): Promise<EventRecord[]>;
	/** What the first activation records as known, and the watermark time ('' when the records set it). */
	baseline(context: IPollFunctions, now: string): Promise<{ records: EventRecord[]; at: string }>;
	/** The newest few, for a manual test run. */
	newest(context: IPollFunctions, count: number): Promise<EventRecord[]>;
	/** Editor fields only this event has (shown for it alone). */
	properties?: INodeProperties[];
}

const SAMPLE_SIZE = 3;

const utcNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

function onlyIds(options: IDataObject): Set<string> {
	return new Set(
		String(options.customerIds ?? '')
			.split(/[\s,;]+/)
			.filter(Boolean),
	);
}

/** Stored state this poll can trust; anything else (damaged, from another version) means start over. */
function storedWatermark(value: unknown): WatermarkState | undefined {
	const state = value as WatermarkState | undefined;
	if (!state || typeof state !== 'object' || typeof state.at !== 'string' || !Array.isArray(state.recent)) return undefined;
	return state.recent.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string')
		? state
		: undefined;
}

const oldestFirst = (a: EventRecord, b: EventRecord) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1);

/**
 * One poll of a watermark event. The first activation records where things stand (or emits them
 * all when asked); later polls emit what is newer than the watermark and not seen in its window.
 * Static data is written only once the whole poll has succeeded.
 */
export async function pollWatermarkEvent(
	context: IPollFunctions,
	provider: string,
	source: EventSource,
	options: IDataObject,
): Promise<IDataObject[] | null> {
	const includeRaw = options.includeRaw !== false;
	const watch = onlyIds(options);
	const toItems = (records: EventRecord[], extra: IDataObject = {}) =>
		records
			.filter((r) => watch.size === 0 || (r.customerId !== undefined && watch.has(r.customerId)))
			.map((r) => ({ provider, event: source.event, ...r.fields, ...extra, ...(includeRaw ? { raw: r.raw } : {}) }));

	if (context.getMode() === 'manual') return toItems(await source.newest(context, SAMPLE_SIZE), { sample: true });

	const staticData = context.getWorkflowStaticData('node');
	const stored = storedWatermark(staticData[source.event]);
	if (!stored) {
		if (options.emitExisting === true) {
			const everything = await source.since(context, '', utcNow());
			staticData[source.event] = advance({ at: '', recent: [] }, everything, source.overlapSeconds) as unknown as IDataObject;
			return toItems([...everything].sort(oldestFirst));
		}
		const start = await source.baseline(context, utcNow());
		staticData[source.event] = advance({ at: start.at, recent: [] }, start.records, source.overlapSeconds) as unknown as IDataObject;
		return null;
	}

	const records = await source.since(context, windowStart(stored.at, source.overlapSeconds), utcNow());
	const { fresh, next } = takeNew(records, stored, source.overlapSeconds);
	staticData[source.event] = next as unknown as IDataObject;
	return toItems(fresh);
}
