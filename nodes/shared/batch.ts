import type { IDataObject } from 'n8n-workflow';

import { runInOrder, settleRun, valuesOf } from './concurrency';
import { describeSplitCall, reportSplitCall, splitCallContext } from './failureReport';
import { carried, type Standing, standingOf } from './outcome';
import { chunk } from './chunk';
import { cancelledError, markStopConsequence, outcomeOf, StoppedBeforeSending, stopReasonOf } from './stopping';
import type { CallScheduling } from './types';

/**
 * A split call that another item's failure stopped after some of its calls went out: neither
 * done nor never sent, so the error carries where each id stands. It is marked as a consequence
 * of the stop, so the failure that caused the stop is the one the run reports; this item keeps
 * its standing (partly applied) in that report.
 */
function partlySent(standing: Standing<string>, write: boolean): Error {
	const { summary, detail } = describeSplitCall(standing, write);
	const error = new Error(`Stopped at an earlier failure after part of the list was sent [split call: ${summary}]`) as Error & {
		context: IDataObject;
		description: string;
	};
	error.description = detail;
	error.context = { outcome: carried('partlyApplied'), batch: splitCallContext(standing) };
	return markStopConsequence(error);
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
	const standing = () =>
		standingOf(run.settled, (index) => parts[index].map(String), outcomeOf, (index, answer) => doneOf(parts[index], answer).map(String));
	const reported = (error: unknown) => {
		if (parts.length > 1) reportSplitCall(error, standing(), write);
		return error;
	};
	const cutShort = () => {
		const reason = scheduling.signal ? stopReasonOf(scheduling.signal) : cancelledError();
		if (!(reason instanceof StoppedBeforeSending)) return reason;
		if (run.settled.some((entry) => entry.state === 'done')) return partlySent(standing(), write);
		// Nothing applied, but the vendor answered a call (turned it away) before the stop: that
		// call was sent, so the list is "not applied (turned away)", not "never sent".
		const turnedAway = run.settled.find((entry) => entry.state === 'failed' && outcomeOf(entry.error) === 'turnedAway');
		return turnedAway ? reported((turnedAway as { error: unknown }).error) : reason;
	};
	// A stop that came once every call was on its way held nothing back: the list was applied.
	return valuesOf(settleRun(run, { reportFailure: reported, cutShort }));
}
