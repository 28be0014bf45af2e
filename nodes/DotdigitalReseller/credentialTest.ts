import type { ICredentialsDecrypted, ICredentialTestFunctions, IDataObject, INodeCredentialTestResult } from 'n8n-workflow';

import { DOTDIGITAL_DEFAULT_BASE_URL, dotdigitalBasicAuth } from '../../credentials/DotdigitalResellerApi.credentials';
import { bodyExcerpt, networkFailure } from '../shared/httpFailure';

const TEST_TIMEOUT_MS = 30_000;

/** What each answer to the empty AddUserToAccount call means, in the words a person acts on. */
function verdict(statusCode: number, body: unknown, location: unknown): INodeCredentialTestResult {
	const fault = body && typeof body === 'object' ? (body as IDataObject) : undefined;
	const faultMessage = String((fault?.ErrorDetail as IDataObject | undefined)?.Message ?? fault?.Message ?? '');
	if (statusCode === 400 && fault?.ErrorType) {
		return { status: 'OK', message: `Connection tested successfully: the Reseller Service accepted the user and refused the empty test call as expected (${String(fault.ErrorType)}: ${faultMessage})` };
	}
	if (statusCode === 401) {
		return { status: 'Error', message: 'Wrong username or password (HTTP 401 from dotdigital). Use the reseller API user your account manager issued; portal users are refused.' };
	}
	if (statusCode === 404) {
		return {
			status: 'Error',
			message: 'Wrong Base URL (HTTP 404 from dotdigital): the Reseller Service is not at this path. Try the other published spelling, .../WebApi/ResellerService or .../WebApi/ResellerServices.',
		};
	}
	if (statusCode >= 300 && statusCode < 400) {
		return { status: 'Error', message: `Wrong Base URL: it redirects (HTTP ${statusCode}${location ? ` to ${String(location)}` : ''}); the credential is never sent on. Enter the address it points to.` };
	}
	if (statusCode >= 500) {
		return { status: 'Error', message: `The Reseller Service failed (HTTP ${statusCode}${faultMessage ? `: ${faultMessage}` : ''}). Test again later.` };
	}
	const excerpt = faultMessage || (typeof body === 'string' ? bodyExcerpt(body) : '');
	return { status: 'Error', message: `The Base URL did not answer as the Reseller Service does (HTTP ${statusCode}${excerpt ? `: ${excerpt}` : ''}). Check the Base URL.` };
}

/**
 * "Test credential" for dotdigital. No side-effect-free method is published, so the test posts an
 * EMPTY body to the one method known to exist (reference 2.1), which can create nothing: a 400
 * fault ("Value cannot be null") means the user and the path are right, a 401 a wrong username or
 * password, a 404 a wrong Base URL. n8n hands credential tests only its `request` helper.
 */
export async function dotdigitalResellerApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = String(data.baseUrl ?? '').trim().replace(/\/+$/, '') || DOTDIGITAL_DEFAULT_BASE_URL;
	const { username, password } = dotdigitalBasicAuth(data);
	// n8n's CredentialTestContext offers only the `request` helper (no httpRequest) to test functions.
	const { request } = this.helpers;
	try {
		const response = (await request({
			method: 'POST',
			uri: `${baseUrl}/AddUserToAccount`,
			auth: { user: username, pass: password },
			headers: { Accept: 'application/json' },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			followRedirect: false,
			followAllRedirects: false,
			timeout: TEST_TIMEOUT_MS,
		})) as { statusCode: number; body: unknown; headers?: IDataObject };
		return verdict(response.statusCode, response.body, response.headers?.location);
	} catch (error) {
		const failure = networkFailure(error, TEST_TIMEOUT_MS);
		return { status: 'Error', message: `Could not reach the Base URL: ${failure?.message ?? (error as Error).message}. Check the Base URL.` };
	}
}
