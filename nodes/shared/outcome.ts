import type { Settled } from './concurrency';

/**
 * Where a call, an item or an id stands after a run stopped at a failure. The one vocabulary of
 * every failure report (a run's `[items: ...]`, a split call's `[split call: ...]`) and of the
 * `outcome` a failed call's error carries, so a person re-running a workflow knows what to re-run.
 * Each outcome, with the words the messages use for a write (and for a read, where they differ):
 *
 * - `applied` "applied" ("read"): the vendor carried it out. A split call's context names it `done`.
 * - `partlyApplied` "partly applied (split list stopped midway)": a list sent in several calls
 *   that another item's failure stopped after some of its calls went out; its error says which
 *   ids were applied. An error carries it as `outcome: 'partial'`.
 * - `unknown` "outcome unknown": sent, but no clear answer came back (a timeout, a dropped
 *   connection, a 5xx, a redirect that may follow a request carried out): it may have been
 *   applied, and it was not repeated, so that nothing is done twice.
 * - `notApplied` "not applied" ("not read"): the vendor answered and refused it, or it failed for
 *   good before it could apply. A split call's context names it `failed`.
 * - `turnedAway` "not applied (turned away)" ("not read (turned away)"): the vendor answered that
 *   it did nothing (throttled), and the retry was held back because the run stopped: it was sent,
 *   nothing was applied, and running it again is safe.
 * - `notSent` "never sent": it never left (no connection could be made, or it was held back after
 *   an earlier failure): nothing was applied, and running it again is safe.
 */
export type Outcome = 'applied' | 'partlyApplied' | 'unknown' | 'notApplied' | 'turnedAway' | 'notSent';

/** The outcomes in the order the reports list them. */
export const OUTCOMES: readonly Outcome[] = ['applied', 'partlyApplied', 'unknown', 'notApplied', 'turnedAway', 'notSent'];

/** The words a message uses for each outcome, for writes and for reads. */
const LABELS: Record<Outcome, { write: string; read: string }> = {
	applied: { write: 'applied', read: 'read' },
	partlyApplied: { write: 'partly applied (split list stopped midway)', read: 'partly read (split list stopped midway)' },
	unknown: { write: 'outcome unknown', read: 'outcome unknown' },
	notApplied: { write: 'not applied', read: 'not read' },
	turnedAway: { write: 'not applied (turned away)', read: 'not read (turned away)' },
	notSent: { write: 'never sent', read: 'never sent' },
};

/** How a message names `outcome`. */
export function outcomeLabel(outcome: Outcome, write = true): string {
	return LABELS[outcome][write ? 'write' : 'read'];
}

/** The `outcome` value an error carries (its context, and Continue On Fail items show it). */
export type CarriedOutcome = Exclude<Outcome, 'partlyApplied'> | 'partial';

/** `outcome` as an error carries it: the one spelling that differs is `partial`, kept for the items that show it. */
export function carried(outcome: Outcome): CarriedOutcome {
	return outcome === 'partlyApplied' ? 'partial' : outcome;
}

/** The outcome an error's carried value stands for, if it names one. */
export function fromCarried(value: unknown): Outcome | undefined {
	if (value === 'partial') return 'partlyApplied';
	return OUTCOMES.includes(value as Outcome) ? (value as Outcome) : undefined;
}

/** Who stands where: item numbers, or the ids of a split list, by outcome. */
export type Standing<T> = Record<Outcome, T[]>;

/** A standing with the groups given and every other outcome empty. */
export function standingWith<T>(groups: Partial<Standing<T>> = {}): Standing<T> {
	return Object.fromEntries(OUTCOMES.map((outcome) => [outcome, [...(groups[outcome] ?? [])]])) as Standing<T>;
}

/**
 * Where the members of every task stand once a run is over: a task that was done is `applied`
 * (only the members `doneOf` names: a vendor may refuse some), one never started is `notSent`,
 * one that failed stands where its error says (`outcomeOfFailure`), `notApplied` if it says nothing.
 */
export function standingOf<V, T>(
	settled: Array<Settled<V>>,
	membersOf: (index: number) => T[],
	outcomeOfFailure: (error: unknown) => Outcome | undefined,
	doneOf: (index: number, value: V) => T[] = membersOf,
): Standing<T> {
	const standing = standingWith<T>();
	settled.forEach((entry, index) => {
		if (entry.state === 'done') standing.applied.push(...doneOf(index, entry.value));
		else if (entry.state === 'notStarted') standing.notSent.push(...membersOf(index));
		else standing[outcomeOfFailure(entry.error) ?? 'notApplied'].push(...membersOf(index));
	});
	return standing;
}
