import type { IDataObject } from 'n8n-workflow';

import { inCauseChain } from './causeChain';
import type { ApiFailure } from './failure';
import { type CarriedOutcome, fromCarried, type Outcome } from './outcome';

/** The error a wait or a scheduler ends with when the execution is cancelled. */
export function cancelledError(): Error {
	return new Error('The execution was cancelled');
}

/**
 * Why a call that was still waiting for its turn (a free slot, the rate limiter, a retry) was not
 * sent: an earlier call of the run failed, and after a failure nothing more goes out, so that a
 * re-run only has to cover what was never sent.
 */
export class StoppedBeforeSending extends Error {
	readonly context: IDataObject & { outcome: CarriedOutcome } = { outcome: 'notSent' };

	constructor() {
		super('Not sent: the run stopped at an earlier failure');
		this.name = 'StoppedBeforeSending';
	}
}

/**
 * A call the vendor answered by turning it away (throttled: nothing was applied), whose retry was
 * held back because the run stopped at an earlier failure. It was sent, so it is not "never sent";
 * it was not applied, and running it again is safe.
 */
export class TurnedAwayBeforeStop extends StoppedBeforeSending {
	readonly context: IDataObject & { outcome: CarriedOutcome } = { outcome: 'turnedAway' };

	constructor(answer: Pick<ApiFailure, 'code' | 'httpStatus'>) {
		super();
		const answered = answer.code ?? `HTTP ${answer.httpStatus ?? 429}`;
		this.message = `Not applied (turned away): the vendor answered ${answered} and the run stopped at an earlier failure before the call was sent again`;
		this.name = 'TurnedAwayBeforeStop';
	}
}

/** The call held back after a failure that `error` is or wraps, if any. */
function stoppedBeforeSendingIn(error: unknown): StoppedBeforeSending | undefined {
	return inCauseChain(error, (link) => (link instanceof StoppedBeforeSending ? link : undefined));
}

/** Whether `error`, or an error it wraps, is a call that was held back after a failure. */
export function isStoppedBeforeSending(error: unknown): boolean {
	return stoppedBeforeSendingIn(error) !== undefined;
}

const STOP_CONSEQUENCE = Symbol('stopConsequence');

/**
 * Marks `error` as a consequence of the run's stop (a split list stopped midway by another item's
 * failure): it keeps its own outcome for the item's standing, but is never the run's failure.
 */
export function markStopConsequence<E extends Error>(error: E): E {
	Object.defineProperty(error, STOP_CONSEQUENCE, { value: true });
	return error;
}

/** Whether `error` only followed from the run's stop: held back before sending, or stopped midway. */
export function isStopConsequence(error: unknown): boolean {
	return stopConsequenceIn(error) !== undefined;
}

/** The error to end a wait with when `signal` is aborted: the stop itself, or a cancellation. */
export function stopReasonOf(signal: AbortSignal): Error {
	return signal.reason instanceof StoppedBeforeSending ? signal.reason : cancelledError();
}

/**
 * Where a failed call stands, as its error says (see Outcome): `unknown`, `notSent`, `turnedAway`,
 * `partlyApplied` or `notApplied`; undefined when the error says nothing (the vendor refused it).
 */
export function outcomeOf(error: unknown): Outcome | undefined {
	const heldBack = stoppedBeforeSendingIn(error);
	return fromCarried((heldBack ?? (error as { context?: IDataObject } | undefined))?.context?.outcome);
}

/**
 * A signal aborted by `stop()` or by any of `parents`, with the first reason given. Built with
 * AbortSignal.any, so a run of thousands of items adds no listener per item to its parent.
 */
export function stopControl(...parents: Array<AbortSignal | undefined>): { signal: AbortSignal; stop: (reason?: Error) => void } {
	const controller = new AbortController();
	const stop = (reason: Error = new StoppedBeforeSending()) => {
		if (!controller.signal.aborted) controller.abort(reason);
	};
	const sources = [controller.signal, ...parents.filter((parent): parent is AbortSignal => parent !== undefined)];
	return { signal: sources.length === 1 ? controller.signal : AbortSignal.any(sources), stop };
}

/**
 * A check that travels with a request into the credential, which runs it each time it signs the
 * request. n8n signs a request a second time when it re-sends it after renewing an expired token
 * (the vendor answered 401 and carried nothing out), so that re-send obeys the run's rules: once
 * the run is stopping (an earlier failure, or a cancellation) nothing more goes out, neither a
 * first send nor a re-send.
 */
export function sendGuard(signal: AbortSignal | undefined): () => void {
	let signings = 0;
	return () => {
		signings++;
		if (!signal?.aborted) return;
		const reason = stopReasonOf(signal);
		if (signings === 1) throw reason;
		const why = reason instanceof StoppedBeforeSending ? 'the run stopped at an earlier failure' : 'the execution was cancelled';
		throw markStopConsequence(
			Object.assign(new Error(`Not applied: turned away because the token had expired, and not sent again after renewing it because ${why}`), {
				context: {} as IDataObject,
			}),
		);
	};
}

/** The error under n8n's wrapping that held a call back because the run is stopping, if any. */
export function stopConsequenceIn(error: unknown): Error | undefined {
	return inCauseChain(error, (link) => (link instanceof StoppedBeforeSending || link[STOP_CONSEQUENCE] === true ? (link as unknown as Error) : undefined));
}
