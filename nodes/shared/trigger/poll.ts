import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { keepingActivationBaseline } from './activationBaseline';
import type { CustomerRecord, Provider } from './customer';
import { customerEvent } from './customer';
import type { CustomerIdForm } from './customerIds';
import { watchedIds } from './customerIds';
import type { LowCreditRule } from './lowCredit';
import { evaluateLowCredit, levelOf } from './lowCredit';
import type { EventRecord, EventSource } from './events';
import type { CreditSource, VendorTrigger } from './source';
import { latestAcceptable, readLowCreditState, readWatermarkState, usable, watermarkInFuture } from './storedState';
import { vendorTimeOr } from './vendorClock';
import type { WatermarkState } from './watermark';
import { advance, takeNew, takeUndated, windowStart, withUndated } from './watermark';

/** How many records a manual test run returns. */
const SAMPLE_SIZE = 3;

/** "Only These Customers", checked against the vendor's id form before any request. */
function onlyIds(context: IPollFunctions, form: CustomerIdForm, options: IDataObject): string[] {
	const watched = watchedIds(options, form);
	if ('message' in watched) throw new NodeOperationError(context.getNode(), watched.message);
	return watched.ids;
}

/** The item a workflow receives: provider, event, the record's fields, and the vendor's record when asked for. */
function itemOf(provider: Provider, event: string, record: EventRecord, extra: IDataObject, includeRaw: boolean): IDataObject {
	return { provider, event, ...record.fields, ...extra, ...(includeRaw ? { raw: record.raw } : {}) };
}

const oldestFirst = (a: EventRecord, b: EventRecord) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1);

/** What a watermark poll found: the records to emit, those a baseline recorded as known, and the state to store. */
interface WatermarkOutcome {
	emit: EventRecord[];
	/** The records a fresh baseline recorded as known (undefined when the poll continued from a stored state). */
	known?: EventRecord[];
	state: WatermarkState;
}

/**
 * The watermark's bookkeeping in one poll of an event (New Customer, New Customer Application, ...).
 * The first activation (or a stored state it cannot read, logged) records where things stand, or
 * emits everything when asked; later polls emit what is newer than the watermark minus the overlap
 * and not seen in that window, and, for a source that lists everything on each poll, each record
 * without a time once. Every time the bookkeeping compares with is the vendor's (its answers' Date
 * header; this machine's clock only when the vendor sends none): the watermark never passes shortly
 * after the vendor's now, and a stored one beyond it starts a fresh baseline. Nothing is written
 * here: the caller stores the state once the whole poll has succeeded.
 */
async function pollWatermark(context: IPollFunctions, source: EventSource, emitExisting: boolean): Promise<WatermarkOutcome> {
	const on = source.watermarkOn ?? 'time';
	const label = source.option.name;
	const ceiling = () => (on === 'time' ? latestAcceptable(vendorTimeOr(context)) : undefined);
	/** `next` with the undated ids still listed, and the undated records not known before. */
	const settle = (next: WatermarkState, records: EventRecord[], known?: string[]): { state: WatermarkState; undated: EventRecord[] } => {
		if (source.listsAll !== true) return { state: next, undated: [] };
		const { fresh, undated } = takeUndated(records, known);
		return { state: withUndated(next, undated), undated: fresh };
	};

	const staticData = context.getWorkflowStaticData('node');
	const stored = usable(context, label, readWatermarkState(staticData[source.event], on));
	if (stored) {
		const records = await source.since(context, windowStart(stored.at, source.overlapSeconds));
		const future = on === 'time' ? watermarkInFuture(stored.at, vendorTimeOr(context)) : undefined;
		if (future === undefined) {
			const { fresh, next } = takeNew(records, stored, source.overlapSeconds, ceiling());
			const { state, undated } = settle(next, records, stored.undated);
			return { emit: [...undated, ...fresh], state };
		}
		usable(context, label, { unreadable: future });
	}
	if (emitExisting) {
		const everything = await source.since(context, '');
		const { state } = settle(advance({ at: '', recent: [] }, everything, source.overlapSeconds, ceiling()), everything);
		return { emit: [...everything].sort(oldestFirst), state };
	}
	const start = await source.baseline(context);
	const { state } = settle(advance({ at: start.at, recent: [] }, start.records, source.overlapSeconds, ceiling()), start.records);
	return { emit: [], known: start.records, state };
}

/**
 * One poll of a watermark event (New Customer, New Customer Application, New Customer Order, ...):
 * a manual run samples the newest records and stores nothing; otherwise the watermark finds what is
 * new, the event's follow-up (if any) decides what of it to emit, and the states are stored.
 */
async function pollEvent(context: IPollFunctions, provider: Provider, source: EventSource, options: IDataObject): Promise<IDataObject[]> {
	const includeRaw = options.includeRaw !== false;
	const watch = new Set(onlyIds(context, source.customerIdForm, options));
	const toItems = (records: EventRecord[], extra: IDataObject = {}) =>
		records
			.filter((r) => watch.size === 0 || (r.customerId !== undefined && watch.has(r.customerId)))
			.map((r) => itemOf(provider, source.event, r, extra, includeRaw));

	if (context.getMode() === 'manual') return toItems(await source.newest(context, SAMPLE_SIZE), { sample: true });
	const outcome = await pollWatermark(context, source, options.emitExisting === true);
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

function ruleOf(context: IPollFunctions, source: CreditSource, options: IDataObject): LowCreditRule {
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
async function pollLowCredit(context: IPollFunctions, provider: Provider, source: CreditSource, options: IDataObject): Promise<IDataObject[]> {
	const rule = ruleOf(context, source, options);
	const includeRaw = options.includeRaw !== false;
	const extra = { threshold: rule.threshold, thresholdType: rule.mode };
	const toItem = (c: CustomerRecord, more: IDataObject = {}) => itemOf(provider, 'lowCredit', customerEvent(c), { ...extra, ...more }, includeRaw);
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
		return (await describe(sample)).map((c) => toItem(c, { sample: true }));
	}

	const staticData = context.getWorkflowStaticData('node');
	const stored = usable(context, 'Low Credit', readLowCreditState(staticData.lowCredit));
	const { crossed, low } = evaluateLowCredit(customers, stored?.low ?? [], rule, complete);
	const emit = stored !== undefined || options.emitExisting === true;
	const items = emit ? (await describe(crossed)).map((c) => toItem(c)) : [];
	staticData.lowCredit = { low };
	return items;
}

/** One poll of a vendor's trigger: the selected event, read from that vendor's sources. */
export async function pollTrigger(host: IPollFunctions, trigger: VendorTrigger): Promise<INodeExecutionData[][] | null> {
	const activationBaseline = keepingActivationBaseline(host, host.getNodeParameter('event') as string);
	const context = activationBaseline.context;
	const event = context.getNodeParameter('event') as string;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const watermarkEvent = [trigger.newCustomer, ...trigger.moreEvents].find((e) => e.event === event);
	let items: IDataObject[];
	if (watermarkEvent) items = await pollEvent(context, trigger.provider, watermarkEvent, options);
	else if (event === 'lowCredit') items = await pollLowCredit(context, trigger.provider, trigger.lowCredit, options);
	else throw new NodeOperationError(context.getNode(), `Unknown event "${event}"`);
	activationBaseline.settle(items.length > 0);
	return items.length ? [context.helpers.returnJsonArray(items)] : null;
}
