import type { IDataObject } from 'n8n-workflow';

import { itemRanges } from './concurrency';
import { OUTCOMES, outcomeLabel, type Standing } from './outcome';

/** The most ids a split call's report names per outcome; the rest are counted. */
const SHOWN_IDS = 30;

function idList(ids: string[]): string {
	const shown = ids.slice(0, SHOWN_IDS).join(', ');
	return ids.length > SHOWN_IDS ? `${shown} and ${ids.length - SHOWN_IDS} more` : shown;
}

function capitalised(text: string): string {
	return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/**
 * A standing in words: `summary` counts each outcome that has members ("3 applied, 8 never
 * sent"), `detail` names them, one sentence per outcome, as `listed` writes it.
 */
function describe<T>(standing: Standing<T>, write: boolean, listed: (label: string, members: T[]) => string): { summary: string; detail: string } {
	const present = OUTCOMES.filter((outcome) => standing[outcome].length > 0);
	return {
		summary: present.map((outcome) => `${standing[outcome].length} ${outcomeLabel(outcome, write)}`).join(', '),
		detail: present.map((outcome) => listed(capitalised(outcomeLabel(outcome, write)), standing[outcome])).join(' '),
	};
}

/** A split call's standing in words, e.g. "Applied (10): a, b, ...", at most 30 ids per outcome. */
export function describeSplitCall(standing: Standing<string>, write: boolean): { summary: string; detail: string } {
	return describe(standing, write, (label, ids) => `${label} (${ids.length}): ${idList(ids)}.`);
}

/** An error's message, description and context, as the report adds to them. */
type Reported = Error & { context?: IDataObject; description?: string | null };

/**
 * A split call's standing as its error's context shows it (Continue On Fail items carry it as
 * `batch`): `done` and `failed` are its names for `applied` and `notApplied`. A part is one call,
 * so no id of it is ever partly applied.
 */
export function splitCallContext(standing: Standing<string>): IDataObject {
	return { done: standing.applied, unknown: standing.unknown, failed: standing.notApplied, turnedAway: standing.turnedAway, notSent: standing.notSent };
}

/**
 * Adds to the error of a failed call which ids were applied, unknown, refused and never sent, in
 * the message itself (people read the message first) and in the error's context for Continue On
 * Fail items, so nobody re-runs the whole list and applies the first calls twice.
 */
export function reportSplitCall(error: unknown, standing: Standing<string>, write: boolean): void {
	if (!(error instanceof Error)) return;
	const reported = error as Reported;
	const { summary, detail } = describeSplitCall(standing, write);
	error.message = `${error.message} [split call: ${summary}]`;
	reported.description = [detail, reported.description].filter(Boolean).join(' ');
	if (reported.context) reported.context.batch = splitCallContext(standing);
}

/**
 * Adds to the error that stopped a run of writes where every item stands: with several writes in
 * flight, others may have been applied after the failing one was sent, and whoever re-runs the
 * workflow must re-run only the rest. Item numbers count from 1, as in the other messages.
 */
export function reportItems(error: unknown, standing: Standing<number>): void {
	if (!(error instanceof Error)) return;
	const reported = error as Reported;
	const { summary, detail } = describe(standing, true, (label, indices) => `${label}: item${indices.length > 1 ? 's' : ''} ${itemRanges(indices)}.`);
	error.message = `${error.message} [items: ${summary}]`;
	reported.description = [`The run stopped at this failure and sent nothing more. ${detail}`, reported.description].filter(Boolean).join(' ');
	if (reported.context) {
		reported.context.items = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, standing[outcome].map((index) => index + 1)]));
	}
}
