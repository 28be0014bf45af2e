import type { IDataObject } from 'n8n-workflow';

import { runInOrder, type OrderedRun } from './concurrency';
import { chunk } from './chunk';
import { cancelledError, markStopConsequence, outcomeOf, StoppedBeforeSending, stopReasonOf } from './stopping';
import type { CallScheduling } from './types';

/** Where each id of a split call stands after one of the calls failed. */
export interface BatchStanding {
	/** Calls that succeeded: applied (a write) or read. */
	done: string[];
	/** The failed call's ids whose outcome is unknown (timeout, dropped connection, 5xx on a write). */
	unknown: string[];
	/** The failed call's ids the vendor refused or never received: not applied. */
	failed: string[];
	/** The failed call's ids the vendor turned away (throttled) before the run stopped: not applied. */
	turnedAway: string[];
	/** Ids of later calls, never sent because an earlier call failed. */
	notSent: string[];
}

const SHOWN_IDS = 30;

/** A call the vendor answered without applying it (throttled), then held back by the run's stop. */
export const TURNED_AWAY_LABEL = 'not applied (turned away)';

function idList(ids: string[]): string {
	const shown = ids.slice(0, SHOWN_IDS).join(', ');
	return ids.length > SHOWN_IDS ? `${shown} and ${ids.length - SHOWN_IDS} more` : shown;
}

/** One line per group that has ids, e.g. "Applied (10): a, b, ...". */
export function describeStanding(standing: BatchStanding, write: boolean): { summary: string; detail: string } {
	const groups: Array<[string, string[]]> = [
		[write ? 'applied' : 'read', standing.done],
		['outcome unknown', standing.unknown],
		[write ? 'not applied' : 'not read', standing.failed],
		[write ? TURNED_AWAY_LABEL : 'not read (turned away)', standing.turnedAway],
		['never sent', standing.notSent],
	];
	const present = groups.filter(([, ids]) => ids.length > 0);
	return {
		summary: present.map(([label, ids]) => `${ids.length} ${label}`).join(', '),
		detail: present.map(([label, ids]) => `${label.charAt(0).toUpperCase()}${label.slice(1)} (${ids.length}): ${idList(ids)}.`).join(' '),
	};
}

/**
 * Adds to the error of a failed call which ids were done, unknown, refused and never sent, in
 * the message itself (people read the message first) and in the error's context for Continue On
 * Fail items, so nobody re-runs the whole list and applies the first calls twice.
 */
function annotate(error: unknown, standing: BatchStanding, write: boolean) {
	if (!(error instanceof Error)) return;
	const withContext = error as Error & { context?: IDataObject; description?: string | null };
	const { summary, detail } = describeStanding(standing, write);
	error.message = `${error.message} [split call: ${summary}]`;
	withContext.description = [detail, withContext.description].filter(Boolean).join(' ');
	if (withContext.context) withContext.context.batch = { ...standing } as unknown as IDataObject;
}

/**
 * A split call that another item's failure stopped after some of its calls went out: neither
 * done nor never sent, so the error carries where each id stands. It is marked as a consequence
 * of the stop, so the failure that caused the stop is the one the run reports; this item keeps
 * its standing (partly applied) in that report.
 */
function partlySent(standing: BatchStanding, write: boolean): Error {
	const { summary, detail } = describeStanding(standing, write);
	const error = new Error(`Stopped at an earlier failure after part of the list was sent [split call: ${summary}]`) as Error & {
		context: IDataObject;
		description: string;
	};
	error.description = detail;
	error.context = { outcome: 'partial', batch: { ...standing } as unknown as IDataObject };
	return markStopConsequence(error);
}

/** Where every id stands after a run of split calls stopped at a failure. */
function standingAfter<T>(
	parts: unknown[][],
	settled: OrderedRun<T>['settled'],
	doneOf: (part: unknown[], answer: T) => unknown[],
): BatchStanding {
	const standing: BatchStanding = { done: [], unknown: [], failed: [], turnedAway: [], notSent: [] };
	settled.forEach((entry, index) => {
		const ids = parts[index].map(String);
		if (entry.state === 'done') standing.done.push(...doneOf(parts[index], entry.value).map(String));
		else if (entry.state === 'notStarted') standing.notSent.push(...ids);
		else {
			const outcome = outcomeOf(entry.error);
			if (outcome === 'unknown') standing.unknown.push(...ids);
			else if (outcome === 'turnedAway') standing.turnedAway.push(...ids);
			else if (outcome === 'notSent') standing.notSent.push(...ids);
			else standing.failed.push(...ids);
		}
	});
	return standing;
}

/**
 * Each id once, where it first appears: a list that names an id twice asks for it once and gets
 * one record for it (60 copies of one id would otherwise go out in 2 calls and come back twice).
 */
export function distinctIds(ids: unknown[]): unknown[] {
	const seen = new Set<string>();
	return ids.filter((id) => {
		const key = String(id);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/**
 * Sends `ids`, each distinct id once, in calls of at most `maxPerCall`, up to `scheduling.limit`
 * calls at once (started in order), and returns each call's answer in order. After a failure no
 * further call starts; the calls already in flight are waited for, and the error says where every
 * id stands. `doneOf` picks, from a successful call, the ids that really were applied (a vendor
 * may refuse some).
 */
export async function sendInBatches<T>(
	ids: unknown[],
	maxPerCall: number,
	write: boolean,
	sendPart: (part: unknown[], index: number) => Promise<T>,
	doneOf: (part: unknown[], answer: T) => unknown[] = (part) => part,
	scheduling: CallScheduling = { limit: 1 },
): Promise<T[]> {
	const parts = chunk(distinctIds(ids), maxPerCall);
	const run = await runInOrder(parts.length, scheduling.limit, async (index) => await sendPart(parts[index], index), {
		stopOnError: true,
		signal: scheduling.signal,
	});
	if (run.firstFailure !== undefined) {
		const error = (run.settled[run.firstFailure] as { error: unknown }).error;
		if (parts.length > 1) annotate(error, standingAfter(parts, run.settled, doneOf), write);
		throw error;
	}
	// Every call was answered (a stop that came meanwhile held nothing back): the list was applied.
	if (run.settled.every((entry) => entry.state === 'done')) return run.settled.map((entry) => (entry as { value: T }).value);
	if (run.cancelled) {
		const reason = scheduling.signal ? stopReasonOf(scheduling.signal) : cancelledError();
		const someDone = run.settled.some((entry) => entry.state === 'done');
		if (reason instanceof StoppedBeforeSending && someDone) throw partlySent(standingAfter(parts, run.settled, doneOf), write);
		// Nothing applied, but the vendor answered a call (turned it away) before the stop: that
		// call was sent, so the list is "not applied (turned away)", not "never sent".
		const turnedAway = run.settled.find((entry) => entry.state === 'failed' && outcomeOf(entry.error) === 'turnedAway') as { error: unknown } | undefined;
		if (reason instanceof StoppedBeforeSending && turnedAway) {
			if (parts.length > 1) annotate(turnedAway.error, standingAfter(parts, run.settled, doneOf), write);
			throw turnedAway.error;
		}
		throw reason;
	}
	return run.settled.map((entry) => (entry as { value: T }).value);
}
