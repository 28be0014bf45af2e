import type { IDataObject } from 'n8n-workflow';

import { chunk } from './paging';

/** Where each id of a split call stands after one of the calls failed. */
export interface BatchStanding {
	/** Calls that succeeded: applied (a write) or read. */
	done: string[];
	/** The failed call's ids whose outcome is unknown (timeout, dropped connection, 5xx on a write). */
	unknown: string[];
	/** The failed call's ids the vendor refused or never received: not applied. */
	failed: string[];
	/** Ids of later calls, never sent because an earlier call failed. */
	notSent: string[];
}

const SHOWN_IDS = 30;

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
 * Sends `ids` in calls of at most `maxPerCall`, one after the other, and returns each call's
 * answer. When a call fails after others, the error says where every id stands. `doneOf` picks,
 * from a successful call, the ids that really were applied (a vendor may refuse some of a call).
 */
export async function sendInBatches<T>(
	ids: unknown[],
	maxPerCall: number,
	write: boolean,
	sendPart: (part: unknown[]) => Promise<T>,
	doneOf: (part: unknown[], answer: T) => unknown[] = (part) => part,
): Promise<T[]> {
	const parts = chunk(ids, maxPerCall);
	const answers: T[] = [];
	const done: string[] = [];
	for (let index = 0; index < parts.length; index++) {
		const settled = await sendPart(parts[index]).then(
			(answer) => ({ ok: true as const, answer }),
			(error: unknown) => ({ ok: false as const, error }),
		);
		if (settled.ok) {
			answers.push(settled.answer);
			done.push(...doneOf(parts[index], settled.answer).map(String));
		} else {
			const error = settled.error;
			if (parts.length > 1) {
				const outcome = (error as { context?: IDataObject }).context?.outcome;
				const failedIds = parts[index].map(String);
				annotate(
					error,
					{
						done,
						unknown: outcome === 'unknown' ? failedIds : [],
						failed: outcome === 'notSent' || outcome === 'unknown' ? [] : failedIds,
						notSent: [...(outcome === 'notSent' ? failedIds : []), ...parts.slice(index + 1).flat().map(String)],
					},
					write,
				);
			}
			throw error;
		}
	}
	return answers;
}
