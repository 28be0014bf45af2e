import type { IDataObject } from 'n8n-workflow';

/** Reads a dotted path such as `Response.Data` or `data.total_count`. */
export function getPath(source: unknown, path: string): unknown {
	let current: unknown = source;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
}

/**
 * The records at `path`; a missing or null list (Tencent sends `null` for empty pages) is empty.
 * The path `*` means "the list itself, or the first list in the object", for services whose
 * answer shape is not published.
 */
export function recordsAt(response: IDataObject, path: string): IDataObject[] {
	const value = path === '*' ? (Array.isArray(response) ? response : Object.values(response).find(Array.isArray)) : getPath(response, path);
	if (!Array.isArray(value)) return [];
	return value.map((entry) => (entry !== null && typeof entry === 'object' ? (entry as IDataObject) : { value: entry }));
}

/** A total count that some APIs send as a string; undefined when absent or not a number. */
export function totalAt(response: IDataObject, path: string | undefined): number | undefined {
	if (!path) return undefined;
	const value = Number(getPath(response, path));
	return Number.isFinite(value) ? value : undefined;
}
