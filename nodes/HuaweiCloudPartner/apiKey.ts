import type { OperationSpec } from '../shared/types';

/** A path template (`/v2/orders/customer-orders/details/{order_id}`) as a pattern for real paths. */
function templatePattern(path: string): RegExp {
	const escaped = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+');
	return new RegExp(`^${escaped}/?$`);
}

/**
 * The API a call counts against at Huawei, which limits calls per API (method and path template):
 * a custom call to a listed API shares that API's budget, and calls that differ only in an id
 * share one, so the limiter keeps one entry per API rather than one per id.
 */
export function huaweiApiOf(spec: Pick<OperationSpec, 'http' | 'vendorAction'>, listed: Array<Pick<OperationSpec, 'http'>>): string {
	if (!spec.http) return spec.vendorAction;
	const { method, path } = spec.http;
	const match = listed.find((other) => other.http && other.http.method === method && templatePattern(other.http.path).test(path));
	if (match?.http) return `${method} ${match.http.path}`;
	// An API the node does not list: segments that look like ids stand for any id.
	const generic = path
		.split('/')
		.map((segment) => (/^(?=.*\d)[A-Za-z0-9_-]{8,}$/.test(segment) ? '{id}' : segment))
		.join('/');
	return `${method} ${generic}`;
}
