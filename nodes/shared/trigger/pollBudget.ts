/**
 * How long one poll may read. n8n's durable scheduler (2.36 and later, when switched on) abandons a
 * poll that runs past its budget and commits nothing, so a poll that reads a long list whole would
 * be cut off on every run and never emit. Every trigger read consults one deadline, taken when the
 * poll starts: the pager stops before a page once it has passed, and the poll stores where it
 * stopped (see resumePoint.ts) and carries on there at the next poll.
 */
import type { IPollFunctions } from 'n8n-workflow';

import { vendorRateLimiter } from '../rateLimiter';

/**
 * The budget on a host that does not tell it (n8n before 2.38, including 1.x): the durable
 * scheduler's default timeout (N8N_SCHEDULER_POLL_TIMEOUT, 45 s), the shortest a host may impose.
 */
export const DEFAULT_POLL_BUDGET_MS = 45_000;

/**
 * Share of the budget spent reading. The rest is the margin for the request in flight when the
 * deadline passes (its pacing wait and answer), a retry, and emitting: the poll returns before the
 * host cuts it off.
 */
export const READING_SHARE = 2 / 3;

/** The poll's budget in milliseconds: the host's (`getPollBudgetMs`, n8n-workflow 2.38+), or the default. */
export function pollBudgetMs(context: IPollFunctions): number {
	const ask = (context as Partial<IPollFunctions>).getPollBudgetMs;
	const budget = typeof ask === 'function' ? Number(ask.call(context)) : NaN;
	return Number.isFinite(budget) && budget > 0 ? budget : DEFAULT_POLL_BUDGET_MS;
}

/** Whether a poll must stop reading now (or, given a share, whether that share of its reading time is spent); asked before each page. */
export interface ReadDeadline {
	passed(share?: number): boolean;
}

/**
 * The deadline of a poll starting now. Its clock is the rate limiter's (real time in n8n; the test's
 * or the benchmark's virtual clock when they run the limiter on one), so the paced waits that make
 * a long read long spend the budget exactly as they would in n8n, and tests never time anything.
 */
export function readDeadline(context: IPollFunctions, now: () => number = () => vendorRateLimiter.now()): ReadDeadline {
	const start = now();
	const reading = pollBudgetMs(context) * READING_SHARE;
	return { passed: (share = 1) => now() >= start + reading * share };
}
