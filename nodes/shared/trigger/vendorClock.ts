/**
 * The vendor's clock as its answers tell it (the HTTP Date header), so trigger watermarks and
 * their checks never depend on this machine's clock, which may be minutes or hours off. The
 * transports note every answer's Date; a poll reads the latest one noted for its own context.
 */

const latestByContext = new WeakMap<object, number>();

/** Notes an answer's Date header for this context (an unreadable or missing header is ignored). */
export function noteVendorDate(context: object, header: unknown): void {
	const text = Array.isArray(header) ? header[0] : header;
	const ms = typeof text === 'string' ? Date.parse(text) : NaN;
	if (!Number.isFinite(ms)) return;
	const seen = latestByContext.get(context);
	if (seen === undefined || ms > seen) latestByContext.set(context, ms);
}

/** The latest time the vendor's answers gave in this context, as a sortable UTC second, if any. */
export function vendorNow(context: object): string | undefined {
	const ms = latestByContext.get(context);
	return ms === undefined ? undefined : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The vendor's now as this poll's answers told it; this machine's clock only for a vendor whose
 * answers carry no Date header (then nothing better is known).
 */
export function vendorTimeOr(context: object): string {
	return vendorNow(context) ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The vendor's now, asking it with `probe` (one cheap read) when no answer of this poll has told it yet. */
export async function askVendorTime(context: object, probe: () => Promise<unknown>): Promise<string> {
	if (vendorNow(context) === undefined) await probe();
	return vendorTimeOr(context);
}
