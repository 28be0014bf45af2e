import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { vendorApiError } from '../shared/apiError';

import { DOTDIGITAL_DEFAULT_BASE_URL } from '../../credentials/DotdigitalResellerApi.credentials';
import { withSendGuard } from '../../credentials/signing/requestParts';
import type { CallContext } from '../shared/context';
import { cancelSignalOf } from '../shared/context';
import type { SendCall } from '../shared/executor';
import { ApiCallError, type ApiFailure, type FailureKind } from '../shared/failure';
import { bodyExcerpt, networkFailure, redirectFailure } from '../shared/httpFailure';
import { sendGuard, stopConsequenceIn } from '../shared/stopping';
import { accountKeyOf, type AccountIdentity, sendPaced } from '../shared/pacing';
import type { BuiltRequest, OperationSpec } from '../shared/types';
import { normaliseDates } from './dates';

export const DOTDIGITAL_CREDENTIAL = 'dotdigitalResellerApi';
/** The service's own limit is 125 s; 5 s more covers the network (reference 1.6). */
export const DOTDIGITAL_TIMEOUT_SECONDS = 130;
/** The reseller API user is the account dotdigital would throttle. */
const DOTDIGITAL_ACCOUNT: AccountIdentity = {
	endpointOf: (credentials) => String(credentials.baseUrl ?? '').trim() || DOTDIGITAL_DEFAULT_BASE_URL,
	callerFields: ['username'],
};

function classify(failure: ApiFailure): FailureKind {
	// A redirect is answered the same way every time: never retried, never followed.
	if (failure.redirect) return 'permanent';
	if (failure.notSent) return 'notProcessed';
	if (failure.httpStatus === 429) return 'notProcessed';
	if (failure.network || failure.timeout) return 'transient';
	if (failure.httpStatus !== undefined && failure.httpStatus >= 500) return 'transient';
	return 'permanent';
}

function fail(failure: ApiFailure): never {
	throw new ApiCallError(failure, classify(failure));
}

function looksLikeXml(response: IN8nHttpFullResponse): boolean {
	const type = String(response.headers?.['content-type'] ?? '');
	return type.includes('xml') || (typeof response.body === 'string' && response.body.trim().startsWith('<'));
}

/** The fault body `{ ErrorType, ErrorDetail: { Message } }` as a failure. */
export function dotdigitalFailure(response: IN8nHttpFullResponse): ApiFailure {
	const body = response.body as IDataObject | string | undefined;
	if (body && typeof body === 'object' && (body.ErrorType || body.ErrorDetail)) {
		const detail = (body.ErrorDetail ?? {}) as IDataObject;
		const extra = Object.keys(detail).filter((k) => k !== 'Message');
		return {
			httpStatus: response.statusCode,
			code: String(body.ErrorType ?? 'Fault'),
			message: String(detail.Message ?? ''),
			detail: extra.length ? `ErrorDetail: ${JSON.stringify(detail)}` : undefined,
		};
	}
	const message = body && typeof body === 'object' && body.Message ? String(body.Message) : `HTTP ${response.statusCode}`;
	return { httpStatus: response.statusCode, message, detail: typeof body === 'string' && body.trim() ? bodyExcerpt(body) : undefined };
}

async function baseUrlOf(context: CallContext): Promise<string> {
	const credentials = await context.getCredentials(DOTDIGITAL_CREDENTIAL);
	return String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '') || DOTDIGITAL_DEFAULT_BASE_URL;
}

async function callOnce(
	context: CallContext,
	method: string,
	body: IDataObject,
	baseUrl: string,
	timeoutMs: number,
	signal: AbortSignal | undefined,
): Promise<IDataObject> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		baseURL: baseUrl,
		url: `/${encodeURIComponent(method)}`,
		headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
		timeout: timeoutMs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: false,
	};
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			DOTDIGITAL_CREDENTIAL,
			withSendGuard(options, sendGuard(signal)),
		)) as IN8nHttpFullResponse;
	} catch (error) {
		const heldBack = stopConsequenceIn(error);
		if (heldBack) throw heldBack;
		const failure = networkFailure(error, timeoutMs);
		if (failure) fail(failure);
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
	const redirect = redirectFailure(response.statusCode, response.headers);
	if (redirect) fail(redirect);
	if (typeof response.body === 'string' && response.body.trim().startsWith('{')) {
		try {
			response.body = JSON.parse(response.body);
		} catch {
			// leave it as text; it is reported below
		}
	} else if (typeof response.body === 'string' && response.body.trim().startsWith('[')) {
		try {
			response.body = JSON.parse(response.body);
		} catch {
			// leave it as text
		}
	}
	if (looksLikeXml(response)) {
		fail({
			httpStatus: response.statusCode,
			code: 'XmlAnswer',
			message: 'The Reseller Service answered in XML instead of JSON',
			detail: 'It does that when it does not see Accept: application/json, which the node always sends; a proxy in between may drop the header.',
		});
	}
	if (response.statusCode >= 300) fail(dotdigitalFailure(response));
	const answer = response.body;
	if (answer === undefined || answer === null || answer === '') return { success: true };
	if (Array.isArray(answer)) return normaliseDates(answer) as unknown as IDataObject;
	if (typeof answer === 'object') return normaliseDates(answer as IDataObject);
	return { value: answer as string };
}

function advice(spec: OperationSpec, failure: ApiFailure, method: string): string | undefined {
	if (failure.httpStatus === 401) return 'Wrong username or password: check the dotdigital Reseller API credential (a reseller API user from your account manager).';
	if (failure.httpStatus === 404)
		return spec.request?.inferred
			? `No method "${method}" at this Base URL. Its name is inferred, not published: if your account lists it under another name, set Options > Method Name. If every call fails like this, the Base URL spelling is wrong (ResellerServices vs ResellerService).`
			: 'The service is not at this Base URL: try the other published spelling (.../WebApi/ResellerServices or .../WebApi/ResellerService).';
	if (failure.code === 'ArgumentFaultContract') return 'dotdigital rejected an argument; the message names it.';
	if (failure.code === 'SecurityFaultContract') return 'The account or user is not under your reseller account.';
	return undefined;
}

function toNodeError(node: INode, spec: OperationSpec, method: string, error: ApiCallError, attempts: number, itemIndex: number): NodeApiError {
	const { failure, kind } = error;
	const ambiguous = spec.write && kind === 'transient';
	return vendorApiError(node, {
		vendor: 'dotdigital',
		called: method,
		spec: ambiguous ? { ...spec, writeRules: { ...spec.writeRules, verifyHint: `The service may have completed it after its own 125 s limit. ${spec.writeRules?.verifyHint ?? ''}`.trim() } } : spec,
		failure,
		kind,
		attempts,
		itemIndex,
		advice: advice(spec, failure, method),
		httpCode: failure.httpStatus ? String(failure.httpStatus) : failure.timeout ? '504' : '502',
	});
}

/**
 * The one way this node talks to dotdigital: POST {base}/{Method} with a JSON body, 130 s timeout,
 * reads retried after 5xx and timeouts, writes never repeated after an unclear outcome.
 * `methodOf` decides the method name per item (an override may rename it).
 */
export function dotdigitalSender(timeoutSeconds: number, methodOf: (spec: OperationSpec, request?: BuiltRequest) => string): SendCall {
	const timeoutMs = Math.round(timeoutSeconds * 1000);
	return async (context, spec, request, itemIndex, runSignal) => {
		const method = methodOf(spec, request);
		const baseUrl = await baseUrlOf(context);
		try {
			const account = await accountKeyOf(context, DOTDIGITAL_CREDENTIAL, DOTDIGITAL_ACCOUNT);
			// No rate is published: the limiter paces only after dotdigital has answered 429.
			const signal = runSignal ?? cancelSignalOf(context);
			const outcome = await sendPaced(
				{ key: `${account}:${method}`, documentedRate: spec.rateLimitPerSecond, write: spec.write, signal },
				async () => await callOnce(context, method, request.body, baseUrl, timeoutMs, signal),
			);
			return outcome.value;
		} catch (error) {
			if (error instanceof ApiCallError) {
				throw toNodeError(context.getNode(), spec, method, error, (error as ApiCallError & { attempts?: number }).attempts ?? 1, itemIndex);
			}
			throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
		}
	};
}
