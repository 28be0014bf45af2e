/** One error of a chain: any object, with the error it wraps as `cause`. */
export type ChainLink = Record<string | symbol, unknown> & { cause?: unknown };

/**
 * How deep a chain is followed: n8n wraps a thrown request error in NodeApiError (`cause`), which
 * may wrap axios's error, which may wrap the socket's; five links cover every wrapping seen.
 */
const MAX_DEPTH = 5;

/**
 * The first value `pick` finds along `error` and the errors it wraps (`cause`), itself first. The
 * one walk over n8n's wrapping: a stop, a transport code or a vendor answer may sit at any depth.
 */
export function inCauseChain<T>(error: unknown, pick: (link: ChainLink) => T | undefined): T | undefined {
	let current = error as ChainLink | undefined;
	for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
		const found = pick(current);
		if (found !== undefined) return found;
		current = current.cause as ChainLink | undefined;
	}
	return undefined;
}
