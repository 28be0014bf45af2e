import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiFailure, FailureKind } from './failure';
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
	httpCode: string;
	/** Extra context for Continue On Fail items. */
	context?: IDataObject;
}

/**
 * The error a person sees for a failed call, the same way for every provider: the vendor's code
 * and message, what to do, how many tries, the vendor's request reference, and for a write whose
 * outcome is unknown, that it was not repeated and how to check. Nothing secret goes in.
 */
export function vendorApiError(node: INode, parts: ApiErrorParts): NodeApiError {
	const { failure, spec } = parts;
	const ambiguousWrite = spec.write && parts.kind === 'transient';
	const what = failure.code ? `${failure.code}: ${redact(failure.message)}` : redact(failure.message);
	const message = ambiguousWrite
		? `${parts.vendor} ${parts.called}: outcome unknown (${what})`
		: `${parts.vendor} ${parts.called} failed: ${what}`;
	const lines: string[] = [];
	if (ambiguousWrite) {
		lines.push(
			`The request was sent but no clear answer came back, so it may or may not have been applied. It was not repeated, to avoid doing it twice.${spec.verifyHint ? ` ${spec.verifyHint}` : ''}`,
		);
	}
	if (parts.advice) lines.push(parts.advice);
	if (failure.timeout && !ambiguousWrite) lines.push('No answer came within the timeout; raise Options > Timeout if the service is slow.');
	if (failure.network && !ambiguousWrite) lines.push('The connection failed; check the endpoint and the network.');
	if (parts.attempts > 1) lines.push(`Tried ${parts.attempts} times.`);
	if (failure.detail) lines.push(redact(failure.detail));
	if (failure.requestId) lines.push(`${parts.requestIdLabel ?? 'Request ID'}: ${failure.requestId}`);

	const error = new NodeApiError(
		node,
		{ message: what, code: failure.code ?? null, requestId: failure.requestId ?? null } as JsonObject,
		{ message, description: lines.join(' '), httpCode: parts.httpCode, itemIndex: parts.itemIndex },
	);
	error.context.vendorCode = failure.code;
	error.context.requestId = failure.requestId;
	if (ambiguousWrite) error.context.outcome = 'unknown';
	Object.assign(error.context, parts.context ?? {});
	return error;
}
