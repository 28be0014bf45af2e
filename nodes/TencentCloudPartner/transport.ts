import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { withSendGuard } from '../../credentials/signing/requestParts';
import { TENCENT_DEFAULT_ENDPOINT, TENCENT_PARTNER_VERSION } from '../../credentials/TencentCloudPartnerApi.credentials';
import type { CallContext } from '../shared/context';
import { cancelSignalOf } from '../shared/context';
import type { SendCall } from '../shared/executor';
import { ApiCallError, type ApiFailure } from '../shared/failure';
import { bodyExcerpt, networkFailure, redirectFailure } from '../shared/httpFailure';
import { sendGuard, stopConsequenceIn } from '../shared/stopping';
import { accountKeyOf, type AccountIdentity, sendPaced } from '../shared/pacing';
import { noteVendorDate } from '../shared/trigger/vendorClock';
import type { OperationSpec } from '../shared/types';
import { chinaTimesToUtc } from './chinaTime';
import { classifyTencentFailure, tencentNodeApiError } from './errors';

export const TENCENT_CREDENTIAL = 'tencentCloudPartnerApi';
export const TENCENT_DEFAULT_TIMEOUT_SECONDS = 30;
/**
 * Tencent counts calls per SecretId at the service, whichever credential record holds it and
 * whichever of the service's two published host names it calls (reference section 1).
 */
export const TENCENT_ACCOUNT: AccountIdentity = {
	endpointOf: (credentials) => String(credentials.endpoint ?? '').trim() || TENCENT_DEFAULT_ENDPOINT,
	callerFields: ['secretId'],
	sameServiceHosts: { 'intlpartnersmgt.tencentcloudapi.com': 'intlpartnersmgt.intl.tencentcloudapi.com' },
};

function fail(failure: ApiFailure): never {
	throw new ApiCallError(failure, classifyTencentFailure(failure));
}

/** Unwraps Tencent's envelope: errors arrive inside an HTTP 200 as `Response.Error`. */
export function unwrapTencentResponse(response: IN8nHttpFullResponse): IDataObject {
	const body = response.body as IDataObject | string | undefined;
	const redirect = redirectFailure(response.statusCode, response.headers);
	if (redirect) fail(redirect);
	if (response.statusCode !== 200) {
		fail({ httpStatus: response.statusCode, message: `HTTP ${response.statusCode} from the Tencent endpoint`, detail: bodyExcerpt(body) });
	}
	const envelope = typeof body === 'object' && body !== null ? (body.Response as IDataObject | undefined) : undefined;
	if (!envelope || typeof envelope !== 'object') {
		fail({ httpStatus: response.statusCode, message: 'The answer was not a Tencent Cloud API response', detail: bodyExcerpt(body) });
	}
	const error = envelope.Error as IDataObject | undefined;
	if (error) {
		fail({
			code: String(error.Code ?? 'UnknownError'),
			message: String(error.Message ?? ''),
			requestId: envelope.RequestId as string | undefined,
		});
	}
	return envelope;
}

async function callOnce(
	context: CallContext,
	spec: OperationSpec,
	body: IDataObject,
	timeoutMs: number,
	signal: AbortSignal | undefined,
): Promise<IDataObject> {
	// No base URL: the credential signs for, and sends to, its own Endpoint.
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: '/',
		headers: { 'X-TC-Action': spec.vendorAction, 'X-TC-Version': spec.request?.apiVersion ?? TENCENT_PARTNER_VERSION },
		body,
		json: true,
		timeout: timeoutMs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			TENCENT_CREDENTIAL,
			withSendGuard(options, sendGuard(signal)),
		)) as IN8nHttpFullResponse;
	} catch (error) {
		const heldBack = stopConsequenceIn(error);
		if (heldBack) throw heldBack;
		const failure = networkFailure(error, timeoutMs);
		if (!failure) throw new NodeApiError(context.getNode(), error as JsonObject);
		fail(failure);
	}
	noteVendorDate(context, response.headers?.date);
	return chinaTimesToUtc(spec.vendorAction, unwrapTencentResponse(response));
}

/**
 * The one way this node talks to Tencent: paced to the action's documented rate, retried as the
 * reference allows (reads on throttling, busy, 5xx and timeouts; writes only when throttled), and
 * failing with an error that says what to do.
 */
export function tencentSender(timeoutSeconds = TENCENT_DEFAULT_TIMEOUT_SECONDS): SendCall {
	const timeoutMs = Math.round(timeoutSeconds * 1000);
	return async (context, spec, request, itemIndex, runSignal) => {
		const signal = runSignal ?? cancelSignalOf(context);
		try {
			const account = await accountKeyOf(context, TENCENT_CREDENTIAL, TENCENT_ACCOUNT);
			const outcome = await sendPaced(
				{ key: `${account}:${spec.vendorAction}`, documentedRate: spec.rateLimitPerSecond, write: spec.write, signal },
				async () => await callOnce(context, spec, request.body, timeoutMs, signal),
			);
			return outcome.value;
		} catch (error) {
			if (error instanceof ApiCallError) {
				const attempts = (error as ApiCallError & { attempts?: number }).attempts ?? 1;
				throw tencentNodeApiError(context.getNode(), spec, error.failure, error.kind, attempts, itemIndex);
			}
			throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
		}
	};
}
