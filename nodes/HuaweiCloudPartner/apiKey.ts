import type { OperationSpec, RequestShape } from '../shared/types';

type HttpCall = NonNullable<RequestShape['http']>;

/** A path template (`/v2/orders/customer-orders/details/{order_id}`) as a pattern for real paths. */
function templatePattern(path: string): RegExp {
	const escaped = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+');
	return new RegExp(`^${escaped}/?$`);
}

/** An escape of a character that needs none (`%2D` for `-`): the same path to the server. */
function withUnreservedDecoded(path: string): string {
	return path.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
		const character = String.fromCharCode(parseInt(hex, 16));
		return /[A-Za-z0-9._~-]/.test(character) ? character : escape;
	});
}

/**
 * The listed API a method and path reach, if any: same method, and the path matches its template
 * (an id for each `{name}`, a trailing slash or needless escapes make no difference).
 */
export function listedHuaweiApi<T extends Pick<OperationSpec, 'request'>>(call: HttpCall, listed: T[]): T | undefined {
	const path = withUnreservedDecoded(call.path);
	return listed.find(({ request }) => request?.http && request.http.method === call.method && templatePattern(request.http.path).test(path));
}

/**
 * The API a call counts against at Huawei, which limits calls per API (method and path template):
 * a custom call to a listed API shares that API's budget, and calls that differ only in an id
 * share one, so the limiter keeps one entry per API rather than one per id.
 */
export function huaweiApiOf(spec: Pick<OperationSpec, 'request' | 'vendorAction'>, listed: Array<Pick<OperationSpec, 'request'>>): string {
	const http = spec.request?.http;
	if (!http) return spec.vendorAction;
	const { method, path } = http;
	const matched = listedHuaweiApi(http, listed)?.request?.http;
	if (matched) return `${method} ${matched.path}`;
	// An API the node does not list: segments that look like ids stand for any id.
	const generic = path
		.split('/')
		.map((segment) => (/^(?=.*\d)[A-Za-z0-9_-]{8,}$/.test(segment) ? '{id}' : segment))
		.join('/');
	return `${method} ${generic}`;
}
