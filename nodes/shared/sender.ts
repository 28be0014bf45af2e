import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { withSendGuard } from '../../credentials/signing/requestParts';
import { type VendorErrorParts, vendorApiError } from './apiError';
import type { CallContext } from './context';
import { cancelSignalOf } from './context';
import type { SendCall } from './executor';
import { ApiCallError, type ApiFailure, type FailureKind, type FailureTable, vendorCallError } from './failure';
import { networkFailure, redirectFailure } from './httpFailure';
import { accountKeyOf, type AccountIdentity, sendPaced } from './pacing';
import { sendGuard, stopConsequenceIn } from './stopping';
import { noteVendorDate } from './trigger/vendorClock';
import type { BuiltRequest, OperationSpec } from './types';

/** One call as the vendor sees it, worked out before it is paced and sent. */
export interface VendorCall {
	/** The credential that signs it. */
	credentialType: string;
	/** What the vendor counts calls by within an account: the action, the API, the method. */
	budget: string;
	/** What is called, as errors name it: the action or method name. */
	called: string;
	/**
	 * The request n8n sends, built afresh for each attempt (n8n and the signer add to what they
	 * are given); the sender adds the timeout and the full-response flag. A request that cannot
	 * be built (a path value that would reach another API) fails the item, after its turn came.
	 */
	request: () => IHttpRequestOptions;
}

/** What the vendor's answer holds: the node's output, or the vendor's refusal. */
export type VendorAnswer = { value: IDataObject } | { failure: ApiFailure };

/**
 * Everything that differs between vendors' senders; `vendorSender` is the rest. In the spirit of
 * n8n's Microsoft Graph transport: differences are folded into this description, not into a
 * second sender.
 */
export interface VendorDescription {
	/** The vendor's name as people know it, e.g. "Tencent Cloud". */
	vendor: string;
	/** The call for one request: credential, budget and the HTTP request to send. */
	callOf: (context: CallContext, spec: OperationSpec, request: BuiltRequest) => VendorCall | Promise<VendorCall>;
	/** How the vendor tells one account from another, for the limiter, per credential type. */
	account: (credentialType: string) => AccountIdentity;
	/** What the vendor's codes mean for retrying and throttling. */
	failures: FailureTable;
	/** The answer read: the output, or the vendor's refusal (a 3xx never gets here). */
	answerOf: (response: IN8nHttpFullResponse, spec: OperationSpec, request: BuiltRequest) => VendorAnswer;
	/**
	 * The vendor's answer behind an error n8n's request helper threw, if it is one (a transport
	 * that lets n8n see status errors, so that n8n renews an expired token on 401).
	 */
	failureThrown?: (error: unknown) => ApiFailure | undefined;
	/** The answers' Date header is the vendor's clock, which trigger watermarks are taken from. */
	readsVendorClock: boolean;
	/** What the vendor adds to a failed call's error: advice, the HTTP code, its request label. */
	explain: (failure: ApiFailure, kind: FailureKind, spec: OperationSpec, call: VendorCall) => VendorErrorParts;
}

/** Sends `call` once: an answer, or the vendor's failure as an ApiCallError for the retry ladder. */
async function sendOnce(
	context: CallContext,
	vendor: VendorDescription,
	call: VendorCall,
	spec: OperationSpec,
	request: BuiltRequest,
	timeoutMs: number,
	signal: AbortSignal | undefined,
): Promise<IDataObject> {
	const fail = (failure: ApiFailure): never => {
		throw vendorCallError(failure, vendor.failures);
	};
	const options: IHttpRequestOptions = { ...call.request(), timeout: timeoutMs, returnFullResponse: true };
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			call.credentialType,
			withSendGuard(options, sendGuard(signal)),
		)) as IN8nHttpFullResponse;
	} catch (error) {
		const heldBack = stopConsequenceIn(error);
		if (heldBack) throw heldBack;
		const failure = vendor.failureThrown?.(error) ?? networkFailure(error, timeoutMs);
		if (failure) fail(failure);
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
	if (vendor.readsVendorClock) noteVendorDate(context, response.headers?.date);
	const redirect = redirectFailure(response.statusCode, response.headers);
	if (redirect) fail(redirect);
	const answer = vendor.answerOf(response, spec, request);
	if ('failure' in answer) fail(answer.failure);
	return (answer as { value: IDataObject }).value;
}

/** The error a person sees for a call that failed for good (see vendorApiError). */
function nodeErrorOf(node: INode, vendor: VendorDescription, call: VendorCall, spec: OperationSpec, error: ApiCallError, itemIndex: number): NodeApiError {
	const { failure, kind, attempts } = error;
	return vendorApiError(node, { vendor: vendor.vendor, called: call.called, spec, failure, kind, attempts, itemIndex, ...vendor.explain(failure, kind, spec, call) });
}

/**
 * The one way a node talks to its vendor: paced to the account's budget, retried as the retry
 * policy allows (reads after throttling, busy, 5xx and timeouts; writes only when the vendor did
 * nothing), never sending once the run stops, and failing with an error that says what became of
 * the call and what to do.
 */
export function vendorSender(vendor: VendorDescription, timeoutSeconds: number): SendCall {
	const timeoutMs = Math.round(timeoutSeconds * 1000);
	return async (context, spec, request, itemIndex, runSignal) => {
		const call = await vendor.callOf(context, spec, request);
		const signal = runSignal ?? cancelSignalOf(context);
		try {
			const account = await accountKeyOf(context, call.credentialType, vendor.account(call.credentialType));
			const outcome = await sendPaced(
				{ key: `${account}:${call.budget}`, documentedRate: spec.rateLimitPerSecond, write: spec.write, signal },
				async () => await sendOnce(context, vendor, call, spec, request, timeoutMs, signal),
			);
			return outcome.value;
		} catch (error) {
			if (error instanceof ApiCallError) throw nodeErrorOf(context.getNode(), vendor, call, spec, error, itemIndex);
			throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
		}
	};
}
