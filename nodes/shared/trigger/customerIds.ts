/**
 * "Only These Customers": the ids a trigger watches, each checked against the vendor's id form
 * before any request, so a typo is reported instead of reaching the vendor as null on every poll.
 */
import type { IDataObject } from 'n8n-workflow';

import { describeValue } from '../validation';

/** What a source accepts in "Only These Customers". */
export interface CustomerIdForm {
	/** The id as the vendor writes it, or undefined when the text is not one. */
	check(text: string): string | undefined;
	/** Words that finish "must be ...", e.g. "a list of UINs made of digits". */
	hint: string;
}

/** A positive whole number no larger than `max`, written without leading zeros. */
export function numericIdForm(max: number, hint: string): CustomerIdForm {
	return {
		hint,
		check: (text) => {
			if (!/^\d{1,20}$/.test(text)) return undefined;
			const value = Number(text);
			return Number.isSafeInteger(value) && value > 0 && value <= max ? String(value) : undefined;
		},
	};
}

/** The watched ids, or the first entry that is not an id of this form. */
export function watchedIds(options: IDataObject, form: CustomerIdForm): { ids: string[] } | { message: string } {
	const raw = options.customerIds;
	const entries = (Array.isArray(raw) ? raw.map((entry) => String(entry)) : [String(raw ?? '')])
		.flatMap((text) => text.split(/[\s,;]+/))
		.filter(Boolean);
	const ids: string[] = [];
	for (const entry of entries) {
		const id = form.check(entry);
		if (id === undefined) return { message: `"Only These Customers" must be ${form.hint}; got ${describeValue(entry)}` };
		if (!ids.includes(id)) ids.push(id);
	}
	return { ids };
}
