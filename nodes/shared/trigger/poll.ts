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
import { latestAcceptable, readLowCreditState, readWatermarkState, usable } from './storedState';
import { advance, takeNew, windowStart } from './watermark';

/** How many records a manual test run returns. */
const SAMPLE_SIZE = 3;

/** Now as a sortable UTC second, the form of a time watermark. */
const utcNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** "Only These Customers", checked against the vendor's id form before any request. */
function onlyIds(context: IPollFunctions, form: CustomerIdForm, options: IDataObject): string[] {
	const watched = watchedIds(options, form);
	if ('message' in watched) throw new NodeOperationError(context.getNode(), watched.message);
	return watched.ids;
}

/**
 * New Customer: the first activation records where things stand; every later poll reads only
 * what is newer than the watermark (minus the source's overlap) and emits what it has not seen.
 * Static data changes only after the whole poll succeeded.
 */
async function pollNewCustomers(context: IPollFunctions, source: CustomerSource, options: IDataObject): Promise<IDataObject[] | null> {
	const includeRaw = options.includeRaw !== false;
	const watch = new Set(onlyIds(context, source.customerIdForm, options));
	const keep = (c: CustomerRecord) => watch.size === 0 || watch.has(c.id);
	const toItems = (customers: CustomerRecord[], extra: IDataObject = {}) =>
		customers.filter(keep).map((c) => triggerItem(source.provider, 'newCustomer', c, extra, includeRaw));

	if (context.getMode() === 'manual') {
		return toItems(await source.newestCustomers(context, SAMPLE_SIZE), { sample: true });
	}

	const staticData = context.getWorkflowStaticData('node');
	const now = utcNow();
	// A time watermark never passes shortly after now (see advance); ids have no such bound.
	const ceiling = source.watermarkOn === 'time' ? latestAcceptable(now) : undefined;
	const stored = usable(context, 'New Customer', readWatermarkState(staticData.newCustomer, source.watermarkOn, now));
	if (!stored) {
		if (options.emitExisting === true) {
			const everyone = await source.customersSince(context, '', now);
			staticData.newCustomer = advance({ at: '', recent: [] }, everyone, source.overlapSeconds, ceiling) as unknown as IDataObject;
			return toItems([...everyone].sort((a, b) => (a.at < b.at ? -1 : 1)));
		}
		const start = await source.baseline(context, now);
		staticData.newCustomer = advance({ at: start.at, recent: [] }, start.records, source.overlapSeconds, ceiling) as unknown as IDataObject;
		return null;
	}

	const records = await source.customersSince(context, windowStart(stored.at, source.overlapSeconds), now);
	const { fresh, next } = takeNew(records, stored, source.overlapSeconds, ceiling);
	staticData.newCustomer = next as unknown as IDataObject;
	return toItems(fresh);
}

const oldestFirst = (a: EventRecord, b: EventRecord) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1);

/**
 * One poll of a watermark event (New Customer Application, New Customer Order, ...): the same
 * bookkeeping and checks as New Customer on a time watermark. The first activation (or a stored
 * state it cannot read, logged) records where things stand, or emits everything when asked; later
 * polls emit what is newer than the watermark and not seen in its window. The watermark never
 * passes shortly after now, and static data is written only once the whole poll has succeeded.
 */
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

	const staticData = context.getWorkflowStaticData('node');
	const now = utcNow();
	const ceiling = latestAcceptable(now);
	const stored = usable(context, source.option.name, readWatermarkState(staticData[source.event], 'time', now));
	if (!stored) {
		if (options.emitExisting === true) {
			const everything = await source.since(context, '', now);
			staticData[source.event] = advance({ at: '', recent: [] }, everything, source.overlapSeconds, ceiling) as unknown as IDataObject;
			return toItems([...everything].sort(oldestFirst));
		}
		const start = await source.baseline(context, now);
		staticData[source.event] = advance({ at: start.at, recent: [] }, start.records, source.overlapSeconds, ceiling) as unknown as IDataObject;
		return null;
	}

	const records = await source.since(context, windowStart(stored.at, source.overlapSeconds), now);
	const { fresh, next } = takeNew(records, stored, source.overlapSeconds, ceiling);
	staticData[source.event] = next as unknown as IDataObject;
	return toItems(fresh);
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
