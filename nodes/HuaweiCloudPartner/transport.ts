import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { CallContext } from '../shared/context';
import { cancelSignalOf } from '../shared/context';
import type { SendCall } from '../shared/executor';
import { ApiCallError, type ApiFailure } from '../shared/failure';
import { bodyExcerpt, networkFailure, redirectFailure, retryAfterMs } from '../shared/httpFailure';
import { bssEndpointOf } from '../../credentials/huaweiSites';
import { accountKeyOf, type AccountIdentity, sendPaced } from '../shared/pacing';
import { noteVendorDate } from '../shared/trigger/vendorClock';
import type { BuiltRequest, OperationSpec } from '../shared/types';
import { sendGuard, stopConsequenceIn } from '../shared/stopping';
import { isDotSegment } from '../shared/validation';
import { rfc3986, withSendGuard } from '../../credentials/signing/requestParts';
import { huaweiApiOf } from './apiKey';
import { classifyHuaweiFailure, huaweiNodeApiError } from './errors';
import { huaweiOperations } from './resources';

export const HUAWEI_AKSK_CREDENTIAL = 'huaweiCloudPartnerApi';
export const HUAWEI_IAM_CREDENTIAL = 'huaweiCloudPartnerIamApi';
export const HUAWEI_DEFAULT_TIMEOUT_SECONDS = 60;
/** Huawei counts calls per caller: the access key, or the IAM user of an account. */
const HUAWEI_ACCOUNT: Record<string, AccountIdentity> = {
	[HUAWEI_AKSK_CREDENTIAL]: { endpointOf: bssEndpointOf, callerFields: ['accessKeyId'] },
	[HUAWEI_IAM_CREDENTIAL]: { endpointOf: bssEndpointOf, callerFields: ['domainName', 'userName'] },
};

/** The credential the node's Authentication parameter picks. */
export function huaweiCredentialType(context: CallContext): string {
	// The parameter never varies per item (it has no expressions), so the node's own value is it.
	return context.getNode().parameters.authentication === 'iamToken' ? HUAWEI_IAM_CREDENTIAL : HUAWEI_AKSK_CREDENTIAL;
}

/**
 * `/v2/orders/customer-orders/details/{order_id}` with the path fields filled in, encoded. A value
 * that is a dot segment would move the call to another API, so it is refused.
 */
export function fillPath(template: string, values: IDataObject): string {
	return template.replace(/\{(\w+)\}/g, (_, name: string) => {
		// RFC 3986 as the SDK escapes: a raw ' or ! in a path is read differently by different
		// parsers (Node's url.parse escapes ', WHATWG does not), so nothing but A-Z a-z 0-9 - _ . ~ goes raw.
		const encoded = rfc3986(String(values[name] ?? ''));
		if (isDotSegment(encoded)) throw new Error(`The ${name} "${encoded}" cannot go into the path: it is a . or .. segment, which would reach another API; nothing was sent`);
		return encoded;
	});
}

function fail(failure: ApiFailure): never {
	throw new ApiCallError(failure, classifyHuaweiFailure(failure));
}

interface HttpLikeResponse {
	status?: number;
	data?: unknown;
	headers?: IDataObject;
}

/** The HTTP answer behind an error thrown by n8n's request helper, if there was one. */
function responseBehind(error: unknown): HttpLikeResponse | undefined {
	let current = error as { response?: HttpLikeResponse; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (current.response && typeof current.response.status === 'number') return current.response;
		current = current.cause as typeof current;
	}
	return undefined;
}

function parsedBody(data: unknown): IDataObject | undefined {
	if (data && typeof data === 'object' && !Buffer.isBuffer(data)) return data as IDataObject;
	if (typeof data === 'string' && data.trim().startsWith('{')) {
		try {
			return JSON.parse(data) as IDataObject;
		} catch {
			return undefined;
		}
	}
	return undefined;
}

/** Huawei's error envelope `{error_code, error_msg}` (or IAM's `{error:{code,message}}`) as a failure. */
export function huaweiFailureFromResponse(response: HttpLikeResponse): ApiFailure {
	const body = parsedBody(response.data);
	const iam = body?.error as IDataObject | undefined;
	const headers = response.headers ?? {};
	return {
		httpStatus: response.status,
		code: (body?.error_code as string | undefined) ?? (iam?.code !== undefined ? `IAM.${String(iam.code)}` : undefined),
		message: String(body?.error_msg ?? iam?.message ?? `HTTP ${response.status}`),
		requestId: String(headers['x-request-id'] ?? body?.request_id ?? '') || undefined,
		retryAfterMs: retryAfterMs(headers['retry-after']),
		detail: body ? undefined : bodyExcerpt(response.data),
	};
}

/**
 * A token request that IAM answered with a 5xx or 429 (the IAM credential marks it), as a failure
 * of the call: nothing was sent to Partner Center, so it may be retried, and it is Huawei's
 * service trouble, not a wrong password. A token call or look-up answered with a redirect carries
 * its failure ready-made (`apiFailure`).
 */
export function iamServiceFailure(error: unknown): ApiFailure | undefined {
	let current = error as { iamHttpStatus?: unknown; apiFailure?: ApiFailure; message?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (current.apiFailure) return current.apiFailure;
		if (typeof current.iamHttpStatus === 'number') {
			return {
				httpStatus: current.iamHttpStatus,
				code: 'IAM.ServiceError',
				message: String(current.message ?? `HTTP ${current.iamHttpStatus} from Huawei IAM`),
				notSent: true,
			};
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

async function callOnce(
	context: CallContext,
	credentialType: string,
	spec: OperationSpec,
	request: BuiltRequest,
	timeoutMs: number,
	signal: AbortSignal | undefined,
): Promise<IDataObject> {
	const http = spec.request?.http ?? { method: 'POST', path: '/' };
	const options: IHttpRequestOptions = {
		method: http.method,
		url: fillPath(http.path, request.path),
		headers: { ...(spec.request?.headers ?? {}) },
		json: true,
		timeout: timeoutMs,
		returnFullResponse: true,
	};
	if (Object.keys(request.qs).length > 0) options.qs = request.qs;
	if (http.method === 'POST' || http.method === 'PUT') options.body = request.body;
	let response: IN8nHttpFullResponse;
	try {
		// Status errors are not ignored: n8n must see a 401 to renew an expired IAM token. The
		// re-send that follows the renewal passes the send guard like any other send.
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			withSendGuard(options, sendGuard(signal)),
		)) as IN8nHttpFullResponse;
	} catch (error) {
		const heldBack = stopConsequenceIn(error);
		if (heldBack) throw heldBack;
		const iamTrouble = iamServiceFailure(error);
		if (iamTrouble) fail(iamTrouble);
		const answer = responseBehind(error);
		if (answer) fail(redirectFailure(answer.status, answer.headers) ?? huaweiFailureFromResponse(answer));
		const failure = networkFailure(error, timeoutMs);
		if (failure) fail(failure);
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
	noteVendorDate(context, response.headers?.date);
	const body = parsedBody(response.body);
	if (body?.error_code && !['CBC.0000'].includes(String(body.error_code))) {
		fail({ httpStatus: response.statusCode, code: String(body.error_code), message: String(body.error_msg ?? ''), requestId: String(response.headers?.['x-request-id'] ?? '') || undefined });
	}
	if (body) return body;
	return spec.answer?.echoRequestWhenEmpty ? { success: true, ...request.body, ...request.qs } : { success: true };
}

/**
 * The one way this node talks to Huawei: paced to about 10 calls per second per API, retried as
 * the reference allows, with errors that name missing permissions and where to grant them.
 */
export function huaweiSender(timeoutSeconds = HUAWEI_DEFAULT_TIMEOUT_SECONDS): SendCall {
	const timeoutMs = Math.round(timeoutSeconds * 1000);
	return async (context, spec, request, itemIndex, runSignal) => {
		const credentialType = huaweiCredentialType(context);
		const api = huaweiApiOf(spec, huaweiOperations);
		const signal = runSignal ?? cancelSignalOf(context);
		try {
			const account = await accountKeyOf(context, credentialType, HUAWEI_ACCOUNT[credentialType]);
			const outcome = await sendPaced(
				{ key: `${account}:${api}`, documentedRate: spec.rateLimitPerSecond, write: spec.write, signal },
				async () => await callOnce(context, credentialType, spec, request, timeoutMs, signal),
			);
			return outcome.value;
		} catch (error) {
			if (error instanceof ApiCallError) {
				const attempts = (error as ApiCallError & { attempts?: number }).attempts ?? 1;
				throw huaweiNodeApiError(context.getNode(), spec, error.failure, error.kind, attempts, itemIndex);
			}
			throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
		}
	};
}
