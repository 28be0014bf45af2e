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
		tencent: Record<string, (body?: unknown) => unknown>;
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
