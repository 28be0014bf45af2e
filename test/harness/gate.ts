/**
 * The sandbox's gate (sandbox/gate.js) for tests: hold a vendor's requests and let the vendor
 * receive and answer them in the order the test chooses, so what a test asserts about calls in
 * flight follows from that order, never from latency racing pacing on a busy machine.
 */
import { sleep } from 'n8n-workflow';

import * as gateModule from '../../sandbox/gate';

/** A request held at the gate. */
export interface HeldRequest {
	method: string;
	url: string;
	body: string;
}

export interface Gate {
	url: string;
	waiting(): number;
	mostWaiting(): number;
	held(): HeldRequest[];
	arrivals: string[];
	/** Lets the oldest held request (or the oldest `match` picks) through; resolves once its answer reached the client. */
	release(match?: (request: HeldRequest, index: number) => boolean): Promise<void>;
	close(): Promise<void>;
}

/** What the gate's `held` is shown of a request: its line and headers. */
export interface IncomingRequest {
	method?: string;
	url?: string;
	headers: Record<string, string | string[] | undefined>;
}

export const startGate = (gateModule as unknown as {
	startGate: (target: string, held: (req: IncomingRequest, body: string) => boolean, options?: { keepHost?: boolean }) => Promise<Gate>;
}).startGate;

/**
 * Resolves once `condition` holds, looking again every few milliseconds (a wait, not a measure).
 * The overall limit only turns a run that never gets there into a failure instead of a hang; it is
 * far longer than any loaded machine needs. `meanwhile` runs before each look (e.g. to move a clock).
 */
export async function until(condition: () => boolean, what = 'the condition', meanwhile?: () => void, limitMs = 60000): Promise<void> {
	const giveUpAt = Date.now() + limitMs;
	while (!condition()) {
		if (Date.now() > giveUpAt) throw new Error(`Gave up waiting for ${what}`);
		meanwhile?.();
		await sleep(3);
	}
}

/** The JSON body of a held request (Tencent and Huawei send JSON). */
export const bodyOf = (request: HeldRequest): Record<string, unknown> => JSON.parse(request.body || '{}') as Record<string, unknown>;

/**
 * Points a vendor at a gate (`pointAt` makes it, holding while the flag it is given says so) that
 * holds calls until `count` are open at once, then lets them through newest first (so answers come
 * back out of order) and holds nothing more. That the client keeps several calls open is then seen,
 * not inferred from latency against pacing. The first `passFirst` calls are never held (a list's
 * first page, whose answer tells how many more there are).
 */
export async function gateUntilOpenAtOnce(pointAt: (holding: () => boolean) => Promise<Gate>, { count = 2, passFirst = 0 } = {}) {
	let holding = true;
	let seen = 0;
	const gate = await pointAt(() => ++seen > passFirst && holding);
	return {
		gate,
		async letThrough(): Promise<void> {
			await until(() => gate.waiting() >= count, `${count} calls open at once`);
			holding = false;
			while (gate.waiting() > 0) await gate.release((_request, index) => index === gate.waiting() - 1);
		},
	};
}
