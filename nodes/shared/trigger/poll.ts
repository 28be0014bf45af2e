import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CustomerRecord, TriggerEvent } from './customer';
import { triggerItem } from './customer';
import type { CustomerIdForm } from './customerIds';
import { watchedIds } from './customerIds';
import type { LowCreditRule } from './lowCredit';
import { evaluateLowCredit, levelOf } from './lowCredit';
import type { EventRecord, EventSource } from './events';
import type { CustomerSource } from './source';
import { latestAcceptable, readLowCreditState, readWatermarkState, usable, watermarkInFuture } from './storedState';
import { vendorTimeOr } from './vendorClock';
import type { Stamped, WatermarkState } from './watermark';
import { advance, takeNew, takeUndated, windowStart, withUndated } from './watermark';

/** How many records a manual test run returns. */
const SAMPLE_SIZE = 3;

/** "Only These Customers", checked against the vendor's id form before any request. */
function onlyIds(context: IPollFunctions, form: CustomerIdForm, options: IDataObject): string[] {
	const watched = watchedIds(options, form);
	if ('message' in watched) throw new NodeOperationError(context.getNode(), watched.message);
	return watched.ids;
}

/** A watermark poll as the shared bookkeeping sees it, whatever the event. */
interface WatermarkPoll<T extends Stamped> {
	/** The event's name in the log, e.g. "New Customer". */
	label: string;
	/** Its key in the node's static data. */
	key: string;
	on: 'time' | 'id';
	overlapSeconds: number;
	/** Whether every poll lists all current records (a pending list), so records without a time are kept by id. */
	listsAll: boolean;
	/** Records stamped at or after `since` ('' for all), with no upper bound. */
	since(since: string): Promise<T[]>;
	/** What the first activation records as known, and the watermark time ('' when the records set it). */
	baseline(): Promise<{ records: T[]; at: string }>;
}

const oldestFirst = (a: Stamped, b: Stamped) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1);

/** What a watermark poll found: the records to emit, those a baseline recorded as known, and the state to store. */
interface WatermarkOutcome<T> {
	emit: T[];
	/** The records a fresh baseline recorded as known (undefined when the poll continued from a stored state). */
	known?: T[];
	state: WatermarkState;
}

/**
 * One poll of a watermark event (New Customer, New Customer Application, New Customer Order, ...).
 * The first activation (or a stored state it cannot read, logged) records where things stand, or
 * emits everything when asked; later polls emit what is newer than the watermark minus the overlap
 * and not seen in that window, and, for a source that lists everything on each poll, each record
 * without a time once. Every time the bookkeeping compares with is the vendor's (its answers' Date
 * header; this machine's clock only when the vendor sends none): the watermark never passes shortly
 * after the vendor's now, and a stored one beyond it starts a fresh baseline. Nothing is written
 * here: the caller stores the state once the whole poll has succeeded.
 */
async function pollWatermark<T extends Stamped>(context: IPollFunctions, poll: WatermarkPoll<T>, emitExisting: boolean): Promise<WatermarkOutcome<T>> {
	const ceiling = () => (poll.on === 'time' ? latestAcceptable(vendorTimeOr(context)) : undefined);
	/** `next` with the undated ids still listed, and the undated records not known before. */
	const settle = (next: WatermarkState, records: T[], known?: string[]): { state: WatermarkState; undated: T[] } => {
		if (!poll.listsAll) return { state: next, undated: [] };
		const { fresh, undated } = takeUndated(records, known);
		return { state: withUndated(next, undated), undated: fresh };
	};

	const staticData = context.getWorkflowStaticData('node');
	const stored = usable(context, poll.label, readWatermarkState(staticData[poll.key], poll.on));
	if (stored) {
		const records = await poll.since(windowStart(stored.at, poll.overlapSeconds));
		const future = poll.on === 'time' ? watermarkInFuture(stored.at, vendorTimeOr(context)) : undefined;
		if (future === undefined) {
			const { fresh, next } = takeNew(records, stored, poll.overlapSeconds, ceiling());
			const { state, undated } = settle(next, records, stored.undated);
			return { emit: [...undated, ...fresh], state };
		}
		usable(context, poll.label, { unreadable: future });
	}
	if (emitExisting) {
		const everything = await poll.since('');
		const { state } = settle(advance({ at: '', recent: [] }, everything, poll.overlapSeconds, ceiling()), everything);
		return { emit: [...everything].sort(oldestFirst), state };
	}
	const start = await poll.baseline();
	const { state } = settle(advance({ at: start.at, recent: [] }, start.records, poll.overlapSeconds, ceiling()), start.records);
	return { emit: [], known: start.records, state };
}

/** New Customer: a watermark poll over the vendor's customer list. */
async function pollNewCustomers(context: IPollFunctions, source: CustomerSource, options: IDataObject): Promise<IDataObject[] | null> {
	const includeRaw = options.includeRaw !== false;
	const watch = new Set(onlyIds(context, source.customerIdForm, options));
	const keep = (c: CustomerRecord) => watch.size === 0 || watch.has(c.id);
	const toItems = (customers: CustomerRecord[], extra: IDataObject = {}) =>
		customers.filter(keep).map((c) => triggerItem(source.provider, 'newCustomer', c, extra, includeRaw));

	if (context.getMode() === 'manual') {
		return toItems(await source.newestCustomers(context, SAMPLE_SIZE), { sample: true });
	}
	const outcome = await pollWatermark(
		context,
		{
			label: 'New Customer',
			key: 'newCustomer',
			on: source.watermarkOn,
			overlapSeconds: source.overlapSeconds,
			listsAll: false,
			since: async (since) => await source.customersSince(context, since),
			baseline: async () => await source.baseline(context),
		},
		options.emitExisting === true,
	);
	context.getWorkflowStaticData('node').newCustomer = outcome.state as unknown as IDataObject;
	return toItems(outcome.emit);
}

/** An event beyond New Customer (New Customer Application, New Customer Order, ...): a watermark poll over its source. */
async function pollWatermarkEvent(
	context: IPollFunctions,
	provider: string,
	source: EventSource,
	options: IDataObject,
): Promise<IDataObject[] | null> {
	const includeRaw = options.includeRaw !== false;
	const watch = new Set(onlyIds(context, source.customerIdForm, options));
	const toItems = (records: EventRecord[], extra: IDataObject = {}) =>
		records
			.filter((r) => watch.size === 0 || (r.customerId !== undefined && watch.has(r.customerId)))
			.map((r) => ({ provider, event: source.event, ...r.fields, ...extra, ...(includeRaw ? { raw: r.raw } : {}) }));

	if (context.getMode() === 'manual') return toItems(await source.newest(context, SAMPLE_SIZE), { sample: true });
	const outcome = await pollWatermark(
		context,
		{
			label: source.option.name,
			key: source.event,
			on: 'time',
			overlapSeconds: source.overlapSeconds,
			listsAll: source.listsAll === true,
			since: async (since) => await source.since(context, since),
			baseline: async () => await source.baseline(context),
		},
		options.emitExisting === true,
	);
	const staticData = context.getWorkflowStaticData('node');
	let emit = outcome.emit;
	if (source.followUp) {
		const key = `${source.event}FollowUp`;
		const next = await source.followUp(context, outcome.known ?? outcome.emit, staticData[key], outcome.known !== undefined);
		emit = next.emit;
		if (next.state) staticData[key] = next.state;
		else delete staticData[key];
	}
	staticData[source.event] = outcome.state as unknown as IDataObject;
	return toItems(emit);
}

function ruleOf(context: IPollFunctions, source: CustomerSource, options: IDataObject): LowCreditRule {
	const mode = context.getNodeParameter('thresholdType', 'amount') as 'amount' | 'percentage';
	const threshold = Number(context.getNodeParameter(mode === 'percentage' ? 'thresholdPercent' : 'threshold', 0));
	const margin = Number(context.getNodeParameter('rearmMargin', 0));
	if (!Number.isFinite(threshold) || threshold < 0 || !Number.isFinite(margin) || margin < 0) {
		throw new NodeOperationError(context.getNode(), 'Threshold and Re-Arm Margin must be numbers of at least 0');
	}
	const rule: LowCreditRule = { mode, threshold, margin, includeWithoutLimit: options.includeWithoutCredit === true };
	const refusal = source.checkRule?.(rule, onlyIds(context, source.customerIdForm, options));
	if (refusal) throw new NodeOperationError(context.getNode(), refusal.message, { description: refusal.description });
	return rule;
}

/**
 * Low Credit: a customer fires once when it drops below the threshold, and again only after it
 * recovered above threshold plus margin. The ids waiting to recover are the whole state.
 */
async function pollLowCredit(context: IPollFunctions, source: CustomerSource, options: IDataObject): Promise<IDataObject[] | null> {
	const rule = ruleOf(context, source, options);
	const includeRaw = options.includeRaw !== false;
	const extra = { threshold: rule.threshold, thresholdType: rule.mode };
	const describe = async (customers: CustomerRecord[]) => {
		const missing = customers.filter((c) => !c.name);
		if (!source.describe || missing.length === 0) return customers;
		try {
			const described = new Map((await source.describe(context, missing)).map((c) => [c.id, c]));
			return customers.map((c) => described.get(c.id) ?? c);
		} catch {
			// Names are a convenience: an alert goes out without them rather than not at all.
			return customers;
		}
	};
	const { customers, complete } = await source.creditReadings(context, onlyIds(context, source.customerIdForm, options));

	if (context.getMode() === 'manual') {
		const withLevel = customers
			.map((c) => ({ c, level: levelOf(c, rule) }))
			.filter((e): e is { c: CustomerRecord; level: number } => e.level !== undefined)
			.sort((a, b) => a.level - b.level);
		const below = withLevel.filter((e) => e.level < rule.threshold);
		const sample = (below.length ? below : withLevel).slice(0, SAMPLE_SIZE).map((e) => e.c);
		return (await describe(sample)).map((c) => triggerItem(source.provider, 'lowCredit', c, { ...extra, sample: true }, includeRaw));
	}

	const staticData = context.getWorkflowStaticData('node');
	const stored = usable(context, 'Low Credit', readLowCreditState(staticData.lowCredit));
	const { crossed, low } = evaluateLowCredit(customers, stored?.low ?? [], rule, complete);
	const emit = stored !== undefined || options.emitExisting === true;
	const items = emit ? (await describe(crossed)).map((c) => triggerItem(source.provider, 'lowCredit', c, extra, includeRaw)) : [];
	staticData.lowCredit = { low };
	return items;
}

/** One poll of a vendor's trigger: the selected event, read from that vendor's source. */
export async function pollCustomerEvents(
	context: IPollFunctions,
	source: CustomerSource,
	moreEvents: EventSource[] = [],
): Promise<INodeExecutionData[][] | null> {
	const event = context.getNodeParameter('event') as TriggerEvent;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const other = moreEvents.find((e) => e.event === (event as string));
	let items: IDataObject[] | null;
	if (other) items = await pollWatermarkEvent(context, source.provider, other, options);
	else if (event === 'newCustomer') items = await pollNewCustomers(context, source, options);
	else if (event === 'lowCredit') items = await pollLowCredit(context, source, options);
	else throw new NodeOperationError(context.getNode(), `Unknown event "${String(event)}"`);
	return items && items.length ? [context.helpers.returnJsonArray(items)] : null;
}
