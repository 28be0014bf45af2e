/**
 * "Low credit" bookkeeping with hysteresis: a customer fires once when its credit drops below the
 * threshold, and is armed again only after it recovers above the threshold plus a margin.
 */

export interface CreditReading {
	id: string;
	/** Credit or budget granted; undefined when the API does not say. */
	credit?: number;
	/** What is left of it. */
	remainingCredit?: number;
}

export interface LowCreditRule {
	mode: 'amount' | 'percentage';
	threshold: number;
	margin: number;
	/** Whether customers with no credit or budget at all count (they cannot "run low"). */
	includeWithoutLimit: boolean;
}

/** The value compared with the threshold, or undefined when the customer does not take part. */
export function levelOf(reading: CreditReading, rule: LowCreditRule): number | undefined {
	const remaining = Number(reading.remainingCredit);
	if (!Number.isFinite(remaining)) return undefined;
	const granted = reading.credit;
	if (rule.mode === 'percentage') {
		if (granted !== undefined && granted > 0) return (remaining / granted) * 100;
		return rule.includeWithoutLimit ? 0 : undefined;
	}
	// A known zero grant means no credit line at all: such a customer cannot "run low".
	if (granted !== undefined && !(granted > 0) && !rule.includeWithoutLimit) return undefined;
	return remaining;
}

/**
 * Which readings cross below the threshold now, and the ids still waiting to recover. `complete`
 * says the readings cover every customer, so ids that are gone can be forgotten.
 */
export function evaluateLowCredit<T extends CreditReading>(
	readings: T[],
	lowIds: string[],
	rule: LowCreditRule,
	complete: boolean,
): { crossed: T[]; low: string[] } {
	const low = new Set(lowIds);
	const present = new Set<string>();
	const crossed: T[] = [];
	for (const reading of readings) {
		present.add(reading.id);
		const level = levelOf(reading, rule);
		if (level === undefined) {
			low.delete(reading.id);
			continue;
		}
		if (level < rule.threshold) {
			if (!low.has(reading.id)) {
				low.add(reading.id);
				crossed.push(reading);
			}
		} else if (level >= rule.threshold + rule.margin) {
			low.delete(reading.id);
		}
	}
	if (complete) for (const id of [...low]) if (!present.has(id)) low.delete(id);
	return { crossed, low: [...low].sort() };
}
