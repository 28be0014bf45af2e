/** Vendor time stamps relative to now, as the sandbox seeds them. */

/** ISO-8601 UTC without milliseconds (`YYYY-MM-DDTHH:mm:ssZ`), `offsetSeconds` from now. */
export const utcAt = (offsetSeconds = 0) => new Date(Date.now() + offsetSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** China Standard Time `YYYY-MM-DD HH:mm:ss`, as Tencent writes it, `offsetSeconds` from now. */
export const chinaTimeAt = (offsetSeconds = 0) => new Date(Date.now() + offsetSeconds * 1000 + 8 * 3600000).toISOString().replace('T', ' ').slice(0, 19);
