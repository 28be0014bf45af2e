import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { keepingActivationBaseline } from './activationBaseline';
import type { CustomerRecord, Provider } from './customer';
import { customerEvent } from './customer';
import type { CustomerIdForm } from './customerIds';
import { watchedIds } from './customerIds';
import type { LowCreditRule } from './lowCredit';
import { evaluateLowCredit, levelOf } from './lowCredit';
import type { EventRecord, EventSource, ListRead } from './events';
import type { ReadDeadline } from './pollBudget';
import { readDeadline } from './pollBudget';
import type { CreditSource, VendorTrigger } from './source';
import type { ResumePoint } from './storedState';
import { latestAcceptable, readLowCreditResume, readLowCreditState, readResumePoint, readWatermarkState, usable, watermarkInFuture } from './storedState';
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

/** The item a workflow receives: provider, event, the record's fields, and the vendor's record when asked for. */
function itemOf(provider: Provider, event: string, record: EventRecord, extra: IDataObject, includeRaw: boolean): IDataObject {
	return { provider, event, ...record.fields, ...extra, ...(includeRaw ? { raw: record.raw } : {}) };
}

const oldestFirst = (a: EventRecord, b: EventRecord) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1);

/** What a watermark poll found: the records to emit, those a baseline recorded as known, and the states to store. */
interface WatermarkOutcome {
	emit: EventRecord[];
	/** The records a baseline recorded as known in this poll (undefined when the poll continued from a stored state). */
	known?: EventRecord[];
	/** The watermark to store; undefined while a sweep is under way (the stored one stays). */
	state?: WatermarkState;
	/** Where the next poll carries on, when this one stopped at its deadline. */
	resume?: ResumePoint;
}

/** How many of the last records read a resume point keeps to recognise its place by. */
const BOUNDARY_RECORDS = 3;

/** The static-data key of an event's resume point, beside its watermark and follow-up. */
export const resumeKey = (source: EventSource) => `${source.event}Resume`;

/** The ids of both lists, each once, sorted (the undated ids a sweep has seen). */
const union = (a: string[] = [], b: string[] = []) => [...new Set([...a, ...b])].sort();

/** The stored `[id, at]` pairs as records the watermark can take in. */
const stampedOf = (pairs: Array<[string, string]>): Stamped[] => pairs.map(([id, at]) => ({ id, at }));

/** The highest of some watermark keys ('' when none). */
const highest = (keys: string[]) => keys.reduce((max, key) => (key > max ? key : max), '');

/** The read a poll makes: its deadline, and where a resume point says to start. */
function readFor(deadline: ReadDeadline, resume: { from?: [number, number]; watermark?: WatermarkState } | undefined): ListRead {
	const from = resume?.from;
	return {
		passed: (share?: number) => deadline.passed(share),
		...(from ? { startAt: { part: from[0], position: from[1] } } : {}),
		...(resume?.watermark?.at ? { sweepBegan: resume.watermark.at } : {}),
	};
}

/**
 * Whether a read that carried on from `resume` met one of the records it stopped at: then, as the
 * list keeps its records' relative order, nothing after them can have moved before where it started
 * reading again. Otherwise more than a page before it was removed meanwhile, and the sweep starts
 * over (what it emitted stays known, so nothing is emitted twice).
 */
const keptItsPlace = (resume: ResumePoint | undefined, records: EventRecord[]) =>
	!resume?.from || resume.boundary.length === 0 || records.some((r) => resume.boundary.includes(r.id));

/** Where a stopped (or lost) read carries on at the next poll. */
function carryOn(read: ListRead, records: EventRecord[], sweep: ResumePoint['sweep'], watermark: WatermarkState, lost: boolean, findsItsPlace = false): ResumePoint {
	if (lost || read.resumeAt === undefined) return { sweep, boundary: [], watermark };
	const boundary = findsItsPlace ? [] : records.slice(-BOUNDARY_RECORDS).map((r) => r.id);
	return { sweep, from: [read.stoppedInPart ?? 0, read.resumeAt], boundary, watermark };
}

/**
 * The watermark's bookkeeping in one poll of an event (New Customer, New Customer Application, ...).
 * The first activation (or a stored state it cannot read, logged) records where things stand, or
 * emits everything when asked; later polls emit what is newer than the watermark minus the overlap
 * and not seen in that window, and, for a source that lists everything on each poll, each record
 * without a time once. Every time the bookkeeping compares with is the vendor's (its answers' Date
 * header; this machine's clock only when the vendor sends none): the watermark never passes shortly
 * after the vendor's now, and a stored one beyond it starts a fresh baseline. Nothing is written
 * here: the caller stores the states once the whole poll has succeeded.
 *
 * A read that reaches the poll's deadline stops (see pollBudget.ts) and the poll becomes part of a
 * sweep that the next polls carry on from a resume point. A sweep for new records emits what each
 * poll finds new, keeps what it emitted so nothing is emitted twice, and leaves the stored watermark
 * until it has read the whole list; then the watermark moves, no further than the vendor's time when
 * the sweep began, so a record that arrived meanwhile in a part already read is still new next time.
 * A baseline sweep emits nothing and records what each poll reads as known.
 */
async function pollWatermark(context: IPollFunctions, source: EventSource, emitExisting: boolean): Promise<WatermarkOutcome> {
	const on = source.watermarkOn ?? 'time';
	const label = source.option.name;
	const ceiling = () => (on === 'time' ? latestAcceptable(vendorTimeOr(context)) : undefined);
	// Records without a time are emitted once each by id where the list is read whole (and when
	// everything existing is emitted); elsewhere they are never new.
	const undatedOf = (records: EventRecord[], known?: string[]) =>
		source.listsAll === true || emitExisting ? takeUndated(records, known) : { fresh: [], undated: [] };
	const deadline = readDeadline(context);

	const staticData = context.getWorkflowStaticData('node');
	const stored = usable(context, label, readWatermarkState(staticData[source.event], on));
	const resumed = usable(context, `${label} resume point`, readResumePoint(staticData[resumeKey(source)], on), 'reading the list from its start');
	const resumeOf = (sweep: ResumePoint['sweep']) => (resumed?.sweep === sweep ? resumed : undefined);

	/** One poll of a sweep for records new since `from`. */
	const sweepNew = (from: WatermarkState, records: EventRecord[], read: ListRead, resume: ResumePoint | undefined): WatermarkOutcome => {
		const emitted = resume?.watermark.recent ?? [];
		const { fresh } = takeNew(records, { at: from.at, recent: [...from.recent, ...emitted] }, source.overlapSeconds);
		const undated = undatedOf(records, union(from.undated, resume?.watermark.undated));
		const emit = [...undated.fresh, ...fresh];
		const allUndated = union(resume?.watermark.undated, undated.undated);
		const lost = !keptItsPlace(resume, records);
		if (read.resumeAt === undefined && !lost) {
			// The whole list is read: the watermark moves, no further than where the sweep began.
			const cap = resume ? resume.watermark.at : ceiling();
			const next = advance(from, [...records, ...stampedOf(emitted)], source.overlapSeconds, cap);
			return { emit, state: source.listsAll === true ? withUndated(next, allUndated) : next };
		}
		const cap = resume?.watermark.at ?? (on === 'time' ? vendorTimeOr(context) : highest([from.at, ...records.map((r) => r.at)]));
		const progress = withUndated({ at: cap, recent: [...emitted, ...fresh.map((r): [string, string] => [r.id, r.at])] }, allUndated);
		return { emit, resume: carryOn(read, records, 'new', progress, lost, source.findsItsPlace) };
	};

	if (stored) {
		const resume = resumeOf('new');
		const read = readFor(deadline, resume);
		const records = await source.since(context, windowStart(stored.at, source.overlapSeconds), read);
		const future = on === 'time' ? watermarkInFuture(stored.at, vendorTimeOr(context)) : undefined;
		if (future === undefined) return sweepNew(stored, records, read, resume);
		usable(context, label, { unreadable: future });
	}
	if (emitExisting) {
		const resume = resumeOf('new');
		const read = readFor(deadline, resume);
		const everything = await source.since(context, '', read);
		const outcome = sweepNew({ at: '', recent: [] }, everything, read, resume);
		return { ...outcome, emit: outcome.emit.sort(oldestFirst) };
	}
	const resume = resumeOf('baseline');
	const read = readFor(deadline, resume);
	const start = await source.baseline(context, read);
	const before = resume?.watermark ?? { at: start.at, recent: [] };
	const next = withUndated(
		advance(before, start.records, source.overlapSeconds, ceiling()),
		union(before.undated, undatedOf(start.records).undated),
	);
	const lost = !keptItsPlace(resume, start.records);
	if (read.resumeAt === undefined && !lost) return { emit: [], known: start.records, state: next };
	return { emit: [], known: start.records, resume: carryOn(read, start.records, 'baseline', next, lost, source.findsItsPlace) };
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
	if (outcome.state) staticData[source.event] = outcome.state as unknown as IDataObject;
	if (outcome.resume) staticData[resumeKey(source)] = outcome.resume as unknown as IDataObject;
	else delete staticData[resumeKey(source)];
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
 * recovered above threshold plus margin. The ids waiting to recover are the whole state, with a
 * resume point while a reading of many customers is carried over several polls by their budget.
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
	const ids = onlyIds(context, source.customerIdForm, options);

	if (context.getMode() === 'manual') {
		const { customers } = await source.creditReadings(context, ids);
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
	const resumed = usable(context, 'Low Credit resume point', readLowCreditResume(staticData.lowCreditResume), 'reading from the first customer');
	const read = readFor(readDeadline(context), resumed);
	const { customers, complete } = await source.creditReadings(context, ids, read);
	const stopped = read.resumeAt !== undefined;
	// Customers no longer listed are forgotten only by a reading of all of them in one poll.
	const { crossed, low } = evaluateLowCredit(customers, stored?.low ?? [], rule, complete && !stopped && !resumed);
	// The first reading (over as many polls as it takes) records who is low already, unless asked to emit them.
	const emit = resumed ? !resumed.baseline : stored !== undefined || options.emitExisting === true;
	const items = emit ? (await describe(crossed)).map((c) => toItem(c)) : [];
	staticData.lowCredit = { low };
	if (stopped) staticData.lowCreditResume = { from: [read.stoppedInPart ?? 0, read.resumeAt!], baseline: !emit };
	else delete staticData.lowCreditResume;
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
