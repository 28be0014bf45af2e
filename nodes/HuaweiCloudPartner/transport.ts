import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { bssEndpointOf } from '../../credentials/huaweiSites';
import { rfc3986 } from '../../credentials/signing/requestParts';
import { inCauseChain } from '../shared/causeChain';
import type { CallContext } from '../shared/context';
import type { SendCall } from '../shared/executor';
import type { ApiFailure } from '../shared/failure';
import { bodyExcerpt, redirectFailure, retryAfterMs } from '../shared/httpFailure';
import type { AccountIdentity } from '../shared/pacing';
import { type VendorAnswer, type VendorDescription, vendorSender } from '../shared/sender';
import type { BuiltRequest, OperationSpec } from '../shared/types';
import { isDotSegment } from '../shared/validation';
import { huaweiApiOf } from './apiKey';
import { explainHuaweiFailure, HUAWEI_FAILURES } from './errors';
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

interface HttpLikeResponse {
	status?: number;
	data?: unknown;
	headers?: IDataObject;
}

/** The HTTP answer behind an error thrown by n8n's request helper, if there was one. */
function responseBehind(error: unknown): HttpLikeResponse | undefined {
	return inCauseChain(error, (link) => {
		const response = link.response as HttpLikeResponse | undefined;
		return response && typeof response.status === 'number' ? response : undefined;
	});
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
	return inCauseChain(error, (link) => {
		if (link.apiFailure) return link.apiFailure as ApiFailure;
		if (typeof link.iamHttpStatus !== 'number') return undefined;
		return {
			httpStatus: link.iamHttpStatus,
			code: 'IAM.ServiceError',
			message: String(link.message ?? `HTTP ${link.iamHttpStatus} from Huawei IAM`),
			notSent: true,
		};
	});
}

/** The vendor's answer behind a thrown request error: IAM's trouble, a redirect or Huawei's envelope. */
function huaweiFailureThrown(error: unknown): ApiFailure | undefined {
	const iamTrouble = iamServiceFailure(error);
	if (iamTrouble) return iamTrouble;
	const answer = responseBehind(error);
	return answer ? (redirectFailure(answer.status, answer.headers) ?? huaweiFailureFromResponse(answer)) : undefined;
}

/**
 * The REST call of one API. Status errors are not ignored: n8n must see a 401 to renew an expired
 * IAM token; the re-send that follows the renewal passes the send guard like any other send.
 */
function huaweiRequest(spec: OperationSpec, request: BuiltRequest): IHttpRequestOptions {
	const http = spec.request?.http ?? { method: 'POST', path: '/' };
	const options: IHttpRequestOptions = { method: http.method, url: fillPath(http.path, request.path), headers: { ...(spec.request?.headers ?? {}) }, json: true };
	if (Object.keys(request.qs).length > 0) options.qs = request.qs;
	if (http.method === 'POST' || http.method === 'PUT') options.body = request.body;
	return options;
}

/** Huawei's answer: its error envelope (`CBC.0000` is success), the body, or a plain success. */
function huaweiAnswer(response: IN8nHttpFullResponse, spec: OperationSpec, request: BuiltRequest): VendorAnswer {
	const body = parsedBody(response.body);
	if (body?.error_code && !['CBC.0000'].includes(String(body.error_code))) {
		return { failure: { httpStatus: response.statusCode, code: String(body.error_code), message: String(body.error_msg ?? ''), requestId: String(response.headers?.['x-request-id'] ?? '') || undefined } };
	}
	if (body) return { value: body };
	return { value: spec.answer?.echoRequestWhenEmpty ? { success: true, ...request.body, ...request.qs } : { success: true } };
}

/**
 * Huawei as the sender sees it: the REST path and method of each API, signed by the credential
 * the Authentication parameter picks, paced per caller and API (about 10 calls per second each),
 * errors that name missing permissions and where to grant them.
 */
export const HUAWEI: VendorDescription = {
	vendor: 'Huawei Cloud',
	callOf: (context, spec, request) => ({
		credentialType: huaweiCredentialType(context),
		budget: huaweiApiOf(spec, huaweiOperations),
		called: spec.vendorAction,
		request: () => huaweiRequest(spec, request),
	}),
	account: (credentialType) => HUAWEI_ACCOUNT[credentialType],
	failures: HUAWEI_FAILURES,
	answerOf: huaweiAnswer,
	failureThrown: huaweiFailureThrown,
	readsVendorClock: true,
	explain: explainHuaweiFailure,
};

/**
 * The one way this node talks to Huawei: paced to about 10 calls per second per API, retried as
 * the reference allows, with errors that name missing permissions and where to grant them.
 */
export function huaweiSender(timeoutSeconds = HUAWEI_DEFAULT_TIMEOUT_SECONDS): SendCall {
	return vendorSender(HUAWEI, timeoutSeconds);
}
