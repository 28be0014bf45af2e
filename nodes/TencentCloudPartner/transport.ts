import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { TENCENT_DEFAULT_ENDPOINT, TENCENT_PARTNER_VERSION } from '../../credentials/TencentCloudPartnerApi.credentials';
import type { SendCall } from '../shared/executor';
import { bodyExcerpt } from '../shared/httpFailure';
import type { AccountIdentity } from '../shared/pacing';
import { type VendorAnswer, type VendorDescription, vendorSender } from '../shared/sender';
import { chinaTimesToUtc } from './chinaTime';
import { explainTencentFailure, TENCENT_FAILURES } from './errors';

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

/** Unwraps Tencent's envelope: errors arrive inside an HTTP 200 as `Response.Error`. */
export function unwrapTencentResponse(response: IN8nHttpFullResponse): VendorAnswer {
	const body = response.body as IDataObject | string | undefined;
	if (response.statusCode !== 200) {
		return { failure: { httpStatus: response.statusCode, message: `HTTP ${response.statusCode} from the Tencent endpoint`, detail: bodyExcerpt(body) } };
	}
	const envelope = typeof body === 'object' && body !== null ? (body.Response as IDataObject | undefined) : undefined;
	if (!envelope || typeof envelope !== 'object') {
		return { failure: { httpStatus: response.statusCode, message: 'The answer was not a Tencent Cloud API response', detail: bodyExcerpt(body) } };
	}
	const error = envelope.Error as IDataObject | undefined;
	if (error) {
		return { failure: { code: String(error.Code ?? 'UnknownError'), message: String(error.Message ?? ''), requestId: envelope.RequestId as string | undefined } };
	}
	return { value: envelope };
}

/**
 * Tencent as the sender sees it: one signed POST per action, paced per SecretId and action,
 * answers unwrapped from the envelope with China-time fields in UTC.
 */
export const TENCENT: VendorDescription = {
	vendor: 'Tencent Cloud',
	callOf: (_context, spec, request) => ({
		credentialType: TENCENT_CREDENTIAL,
		budget: spec.vendorAction,
		called: spec.vendorAction,
		// No base URL: the credential signs for, and sends to, its own Endpoint.
		request: () => ({
			method: 'POST',
			url: '/',
			headers: { 'X-TC-Action': spec.vendorAction, 'X-TC-Version': spec.request?.apiVersion ?? TENCENT_PARTNER_VERSION },
			body: request.body,
			json: true,
			ignoreHttpStatusErrors: true,
		}),
	}),
	account: () => TENCENT_ACCOUNT,
	failures: TENCENT_FAILURES,
	answerOf: (response, spec) => {
		const answer = unwrapTencentResponse(response);
		return 'value' in answer ? { value: chinaTimesToUtc(spec.vendorAction, answer.value) } : answer;
	},
	readsVendorClock: true,
	explain: explainTencentFailure,
};

/**
 * The one way this node talks to Tencent: paced to the action's documented rate, retried as the
 * reference allows (reads on throttling, busy, 5xx and timeouts; writes only when throttled), and
 * failing with an error that says what to do.
 */
export function tencentSender(timeoutSeconds = TENCENT_DEFAULT_TIMEOUT_SECONDS): SendCall {
	return vendorSender(TENCENT, timeoutSeconds);
}
