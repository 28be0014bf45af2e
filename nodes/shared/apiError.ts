import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiFailure, FailureKind } from './failure';
import type { Outcome } from './outcome';
import { redact } from './redact';
import type { OperationSpec } from './types';

export interface ApiErrorParts {
	/** Vendor name as people know it, e.g. "Tencent Cloud". */
	vendor: string;
	/** What is called, e.g. the action or method name. */
	called: string;
	spec: OperationSpec;
	failure: ApiFailure;
	kind: FailureKind;
	attempts: number;
	itemIndex: number;
	/** What to do about this failure, if the provider knows. */
	advice?: string;
	/** Label of the vendor's request reference, e.g. "RequestId". */
	requestIdLabel?: string;
	/** The HTTP code the error reports; by default the answer's status, 504 for a timeout, else 502. */
	httpCode?: string;
	/** Extra context for Continue On Fail items. */
	context?: IDataObject;
}

/** What a vendor adds to the error of a failed call; the sender fills in the rest. */
export type VendorErrorParts = Pick<ApiErrorParts, 'advice' | 'requestIdLabel' | 'httpCode' | 'context'> & {
	/** The spec as the error should read it (e.g. with a verify hint that fits this failure). */
	spec?: OperationSpec;
};

/** The HTTP code an error reports when the vendor names none of its own. */
export function httpCodeOf(failure: ApiFailure): string {
	return failure.httpStatus ? String(failure.httpStatus) : failure.timeout ? '504' : '502';
}

/** Longest piece of outside text (a vendor message, a method name) an error repeats. */
const MAX_QUOTED = 300;

/** Text cut to `max` characters, so no input or answer can make an error message unbounded. */
export function bounded(text: string, max = MAX_QUOTED): string {
	return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/**
 * What became of a write (see Outcome), for the message itself: `unknown` when the request may
 * have been applied (timeout, dropped connection, 5xx), `notSent` when no connection was ever
 * made, `turnedAway` when the vendor answered that it did nothing (throttled).
 */
export function writeOutcome(spec: OperationSpec, failure: ApiFailure, kind: FailureKind): Extract<Outcome, 'unknown' | 'notSent' | 'turnedAway'> | undefined {
	if (!spec.write) return undefined;
	if (failure.notSent) return 'notSent';
	if (failure.redirect) return failure.redirect.mayHaveApplied ? 'unknown' : undefined;
	if (kind === 'notProcessed') return 'turnedAway';
	return kind === 'transient' ? 'unknown' : undefined;
}

/**
 * The error a person sees for a failed call, the same way for every provider: the vendor's code
 * and message, what to do, how many tries, the vendor's request reference, and for a write whose
 * outcome is unknown, that it was not repeated and how to check. Nothing secret goes in.
 */
export function vendorApiError(node: INode, parts: ApiErrorParts): NodeApiError {
	const { failure, spec } = parts;
	const outcome = writeOutcome(spec, failure, parts.kind);
	const called = bounded(parts.called, 100);
	const what = bounded(failure.code ? `${failure.code}: ${redact(failure.message)}` : redact(failure.message));
	const message =
		outcome === 'unknown'
			? `${parts.vendor} ${called}: outcome unknown, it may have been applied; not repeated (${what})`
			: outcome === 'notSent'
				? `${parts.vendor} ${called}: nothing was sent (${what})`
				: `${parts.vendor} ${called} failed: ${what}`;
	const lines: string[] = [];
	if (outcome === 'unknown') {
		lines.push(
			`The request was sent but no clear answer came back, so it may or may not have been applied. It was not repeated, to avoid doing it twice.${spec.writeRules?.verifyHint ? ` ${spec.writeRules.verifyHint}` : ''}`,
		);
	}
	if (outcome === 'notSent') {
		lines.push('The vendor never received the request, so nothing was applied; it is safe to run it again once the endpoint is reachable.');
	}
	if (outcome === 'turnedAway') {
		lines.push('Not applied (turned away): the vendor answered that it did nothing with the request, so it is safe to run it again.');
	}
	if (parts.advice) lines.push(parts.advice);
	if (failure.redirect) {
		lines.push('Credentials never leave their host, so the node does not follow redirects: set the endpoint in the credential to the address the service answers at.');
	}
	if (failure.timeout && outcome !== 'unknown') lines.push('No answer came within the timeout; raise Options > Timeout if the service is slow.');
	if (failure.network && !outcome) lines.push('The connection failed; check the endpoint and the network.');
	if (parts.attempts > 1) lines.push(`Tried ${parts.attempts} times.`);
	if (failure.detail) lines.push(bounded(redact(failure.detail)));
	if (failure.requestId) lines.push(`${parts.requestIdLabel ?? 'Request ID'}: ${bounded(failure.requestId, 100)}`);

	const error = new NodeApiError(
		node,
		{ message: what, code: failure.code ?? null, requestId: failure.requestId ?? null } as JsonObject,
		{ message, description: lines.join(' '), httpCode: parts.httpCode ?? httpCodeOf(failure), itemIndex: parts.itemIndex },
	);
	// NodeApiError swaps a message that mentions ECONNRESET and the like for n8n's generic advice
	// ("You can retry the request immediately"), which after a write that was applied would
	// allocate twice; the message built here says what really happened.
	error.message = message;
	error.context.vendorCode = failure.code;
	error.context.requestId = failure.requestId;
	if (outcome) error.context.outcome = outcome;
	Object.assign(error.context, parts.context ?? {});
	return error;
}
