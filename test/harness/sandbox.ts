import type { IDataObject } from 'n8n-workflow';

import * as sandboxServer from '../../sandbox/server';
import * as tencentKeys from '../../sandbox/tencent/keys';

/** A request as the sandbox logged it (header names only, never values). */
export interface LoggedRequest {
	provider: string;
	action: string;
	body: IDataObject;
	headerNames: string[];
	hasRegionHeader?: boolean;
	hasToken?: boolean;
	language?: string | null;
	/** Tencent: the X-TC-Version header. */
	version?: string | null;
	/** Huawei and dotdigital: the path; Huawei also the method and the query as parsed. */
	path?: string;
	method?: string;
	query?: IDataObject | null;
	/** dotdigital: the HTTP status answered. */
	status?: number | null;
	outcome: string;
	at: number;
}

export interface FaultSpec {
	provider: string;
	action?: string;
	kind: string;
	count?: number;
	delayMs?: number;
	afterApply?: boolean;
	/** Matching requests let through before the fault applies. */
	skip?: number;
}

type ControlFunction = (body?: unknown) => unknown;
/** One vendor's control operations, e.g. `sandbox.control.huawei.getCustomer(id)`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type VendorControl = Record<string, (...args: any[]) => any>;

export interface Sandbox {
	url: string;
	port: number;
	close(): Promise<void>;
	control: Record<string, ControlFunction> & {
		reset(body?: IDataObject): unknown;
		addFault(spec: FaultSpec): unknown;
		getRequests(filter?: { provider?: string; action?: string }): LoggedRequest[];
		clearRequests(): unknown;
		setRateLimit(body: { enabled: boolean }): unknown;
		setClockOffset(body: { offsetMs: number }): unknown;
		tencent: VendorControl;
		huawei: VendorControl;
		dotdigital: VendorControl;
	};
}

export const TENCENT_KEYS = tencentKeys as unknown as {
	partnerKey: { secretId: string; secretKey: string };
	tempPartnerKey: { secretId: string; secretKey: string; token: string };
	customerKey: { secretId: string; secretKey: string };
	FIRST_CUSTOMER_UIN: number;
};

export async function startSandbox(options: IDataObject = {}): Promise<Sandbox> {
	const start = (sandboxServer as unknown as { startSandbox: (o: IDataObject) => Promise<Sandbox> }).startSandbox;
	return await start({ port: 0, ...options });
}
