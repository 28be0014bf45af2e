import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { DOTDIGITAL_DEFAULT_BASE_URL } from '../../credentials/DotdigitalResellerApi.credentials';
import type { VendorErrorParts } from '../shared/apiError';
import type { CallContext } from '../shared/context';
import type { SendCall } from '../shared/executor';
import type { ApiFailure, FailureKind, FailureTable } from '../shared/failure';
import { bodyExcerpt } from '../shared/httpFailure';
import type { AccountIdentity } from '../shared/pacing';
import { type VendorAnswer, type VendorCall, type VendorDescription, vendorSender } from '../shared/sender';
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

/** dotdigital publishes no codes of its own for throttling or busy: HTTP statuses say it all. */
export const DOTDIGITAL_FAILURES: FailureTable = {};

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

/** Parses a JSON answer that came as text (the request asks for text, to see XML as it is). */
function parsedAnswer(body: IN8nHttpFullResponse['body']): IN8nHttpFullResponse['body'] {
	if (typeof body !== 'string' || !/^[{[]/.test(body.trim())) return body;
	try {
		return JSON.parse(body) as IDataObject;
	} catch {
		return body; // left as text; it is reported as it is
	}
}

/** dotdigital's answer: XML (a dropped Accept header), a fault, or the result with its dates read. */
function dotdigitalAnswer(raw: IN8nHttpFullResponse): VendorAnswer {
	const response: IN8nHttpFullResponse = { ...raw, body: parsedAnswer(raw.body) };
	if (looksLikeXml(response)) {
		return {
			failure: {
				httpStatus: response.statusCode,
				code: 'XmlAnswer',
				message: 'The Reseller Service answered in XML instead of JSON',
				detail: 'It does that when it does not see Accept: application/json, which the node always sends; a proxy in between may drop the header.',
			},
		};
	}
	if (response.statusCode >= 300) return { failure: dotdigitalFailure(response) };
	const answer = response.body;
	if (answer === undefined || answer === null || answer === '') return { value: { success: true } };
	if (Array.isArray(answer)) return { value: normaliseDates(answer) as unknown as IDataObject };
	if (typeof answer === 'object') return { value: normaliseDates(answer as IDataObject) };
	return { value: { value: answer as string } };
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

/** What dotdigital adds to a failed call's error: advice by status or fault, and for a write in doubt, its own time limit. */
function explainDotdigitalFailure(failure: ApiFailure, kind: FailureKind, spec: OperationSpec, call: VendorCall): VendorErrorParts {
	const ambiguous = spec.write && kind === 'transient';
	return {
		spec: ambiguous ? { ...spec, writeRules: { ...spec.writeRules, verifyHint: `The service may have completed it after its own 125 s limit. ${spec.writeRules?.verifyHint ?? ''}`.trim() } } : spec,
		advice: advice(spec, failure, call.called),
	};
}

/**
 * dotdigital as the sender sees it: POST {base}/{Method} with a JSON body, paced per API user and
 * method; `methodOf` decides the method name per item (an override may rename it).
 */
export function dotdigitalDescription(methodOf: (spec: OperationSpec, request?: BuiltRequest) => string): VendorDescription {
	return {
		vendor: 'dotdigital',
		callOf: async (context, spec, request) => {
			const method = methodOf(spec, request);
			const baseUrl = await baseUrlOf(context);
			return {
				credentialType: DOTDIGITAL_CREDENTIAL,
				// No rate is published: the limiter paces only after dotdigital has answered 429.
				budget: method,
				called: method,
				request: () => ({
					method: 'POST',
					baseURL: baseUrl,
					url: `/${encodeURIComponent(method)}`,
					headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
					body: JSON.stringify(request.body),
					ignoreHttpStatusErrors: true,
					json: false,
				}),
			};
		},
		account: () => DOTDIGITAL_ACCOUNT,
		failures: DOTDIGITAL_FAILURES,
		answerOf: dotdigitalAnswer,
		readsVendorClock: false,
		explain: explainDotdigitalFailure,
	};
}

/**
 * The one way this node talks to dotdigital: POST {base}/{Method} with a JSON body, 130 s timeout,
 * reads retried after 5xx and timeouts, writes never repeated after an unclear outcome.
 */
export function dotdigitalSender(timeoutSeconds: number, methodOf: (spec: OperationSpec, request?: BuiltRequest) => string): SendCall {
	return vendorSender(dotdigitalDescription(methodOf), timeoutSeconds);
}
