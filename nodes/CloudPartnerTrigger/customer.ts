import type { IDataObject } from 'n8n-workflow';

import type { Stamped } from './watermark';

/** A customer as every provider's source reports it to the trigger. */
export interface CustomerRecord extends Stamped {
	name?: string;
	email?: string;
	/** Credit or budget granted. */
	credit?: number;
	/** What is left of it. */
	remainingCredit?: number;
	currency?: string;
	/** ISO-8601 UTC time the customer was associated with (or created under) the partner. */
	associatedAt?: string;
	raw: IDataObject;
}

export type Provider = 'tencent' | 'huawei' | 'dotdigital';
export type TriggerEvent = 'newCustomer' | 'lowCredit';

/** Tencent writes times in UTC+8 without an offset; this is the same instant as `...Z`. */
export function utcFromChinaTime(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/.exec(value.trim());
	if (!match) return undefined;
	const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
	const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s));
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The item a workflow receives: the normalised shape, and the vendor's record when asked for. */
export function triggerItem(
	provider: Provider,
	event: TriggerEvent,
	customer: CustomerRecord,
	extra: IDataObject,
	includeRaw: boolean,
): IDataObject {
	return {
		provider,
		event,
		customerId: customer.id,
		name: customer.name ?? null,
		email: customer.email ?? null,
		credit: customer.credit ?? null,
		remainingCredit: customer.remainingCredit ?? null,
		currency: customer.currency ?? null,
		associatedAt: customer.associatedAt ?? null,
		...extra,
		...(includeRaw ? { raw: customer.raw } : {}),
	};
}
