import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { accountKeyOf } from '../shared/pacing';
import { cancellableSleep } from '../shared/cancellableSleep';
import { readList } from '../shared/paging';
import { outcomeOf } from '../shared/stopping';
import type { BuiltRequest, CallOptions, FieldSpec, OperationExecute, OperationSpec } from '../shared/types';
import { TENCENT_ACCOUNT, TENCENT_CREDENTIAL } from './transport';

/**
 * Credit > Allocate to Customer, applied once per Idempotency Key. Tencent offers no idempotency
 * key, but its ledger can serve as one: the key goes into the allocation's Remark, and
 * QueryCreditAllocationHistory lists every allocation of the customer with its Remark. Before
 * sending, the node looks the key up; after an unclear answer (timeout, dropped connection, 5xx)
 * it looks again, a few times while the ledger catches up, and only sends again when the key is
 * still not there.
 */

/** Longest Remark the node sends with a key (Tencent publishes no limit; this is the node's own). */
export const MAX_KEYED_REMARK_LENGTH = 255;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 64;
/** Allocations read back, newest first, when looking for a key: 10 pages of 100. */
export const LOOKBACK_ALLOCATIONS = 1000;
const HISTORY_PAGE_SIZE = 100;
/**
 * Waits before each look at the ledger after an unclear answer: at once, then 2, 4 and 8 s later
 * (14 s in all), so an allocation the ledger lists a little late is still found before the node
 * decides it was not applied.
 */
export const LEDGER_RECHECK_DELAYS_MS = [0, 2000, 4000, 8000];
/** Sends of one allocation at most: the first, and one more when the ledger shows it was not applied. */
const MAX_SENDS = 2;

/**
 * How the node waits between looks at the ledger. Tests swap `sleep` for one that moves the
 * sandbox clock instead of waiting, so a ledger that lags is proven without real time passing.
 */
export const ledgerClock = { sleep: cancellableSleep };

/** `[idem:KEY]`: written first in the Remark, so a vendor that cut long remarks would cut the user's words, not the key. */
export const keyMark = (key: string) => `[idem:${key}]`;

export function remarkWithKey(key: string, remark: unknown): string {
	const text = typeof remark === 'string' ? remark : '';
	return text === '' ? keyMark(key) : `${keyMark(key)} ${text}`;
}

function carriesKey(remark: unknown, key: string): boolean {
	const mark = keyMark(key);
	return typeof remark === 'string' && (remark === mark || remark.startsWith(`${mark} `));
}

export const idempotencyKeyField: FieldSpec = {
	name: 'IdempotencyKey',
	displayName: 'Idempotency Key',
	kind: 'string',
	in: 'setting',
	maxLength: MAX_IDEMPOTENCY_KEY_LENGTH,
	pattern: /^[^\s[\]]+$/,
	patternHint: 'text without spaces or square brackets, e.g. an order ID',
	placeholder: '={{ $json.orderId }}',
	description: `A value unique to this allocation, e.g. an order ID. The node writes it into the Remark as ${keyMark('KEY')} and skips the allocation when the customer's history already holds it, so running the workflow again, a retried execution or a webhook delivered twice credit once. Up to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`,
};

const keyOf = (request: BuiltRequest) => request.settings?.IdempotencyKey as string | undefined;

/** Rules that span the fields of an allocation, checked before anything is sent. */
export function checkAllocation(request: BuiltRequest): string | undefined {
	if (request.body.AddedCredit === 0) return '"Added Credit" must not be 0';
	const key = keyOf(request);
	if (key === undefined) return undefined;
	const remark = remarkWithKey(key, request.body.Remark);
	if (remark.length <= MAX_KEYED_REMARK_LENGTH) return undefined;
	const room = MAX_KEYED_REMARK_LENGTH - keyMark(key).length - 1;
	return `"Remark" must be at most ${room} characters with this Idempotency Key (the key takes ${keyMark(key).length + 1} of the ${MAX_KEYED_REMARK_LENGTH} the node sends); got ${String(request.body.Remark).length}`;
}

const cents = (value: unknown) => Math.round(Number(value) * 100);

/**
 * Keys being applied in this process, and keys it applied lately: a second item with the same key
 * in one run (or a duplicate webhook on the same worker) waits for the first and then finds it here,
 * even while the ledger does not list it yet.
 */
const inFlight = new Map<string, Promise<void>>();
const appliedHere = new Map<string, IDataObject>();
const REMEMBERED_KEYS = 10000;

function remember(scope: string, allocation: IDataObject) {
	appliedHere.set(scope, allocation);
	if (appliedHere.size > REMEMBERED_KEYS) appliedHere.delete(appliedHere.keys().next().value as string);
}

/** Forgets the keys this process applied, as a new worker process starts: only the ledger knows them then (tests). */
export function forgetKeysAppliedHere(): void {
	appliedHere.clear();
}

async function claim(scope: string): Promise<() => void> {
	while (inFlight.has(scope)) await inFlight.get(scope)!.catch(() => undefined);
	let release: () => void = () => {};
	inFlight.set(scope, new Promise<void>((resolve) => (release = resolve)));
	return () => {
		inFlight.delete(scope);
		release();
	};
}

type Send = (request: BuiltRequest, options?: CallOptions) => Promise<IDataObject>;

/** The allocation carrying `key` among the customer's newest LOOKBACK_ALLOCATIONS, if any. */
async function findInLedger(send: Send, historySpec: OperationSpec, uin: unknown, key: string): Promise<IDataObject | undefined> {
	const newest = await readList(historySpec, { body: { ClientUin: uin as number }, qs: {}, path: {} }, async (request) => await send(request, { spec: historySpec, settlesFailure: true }), {
		limit: LOOKBACK_ALLOCATIONS,
		pageSize: HISTORY_PAGE_SIZE,
		enough: (page) => page.some((entry) => carriesKey(entry.Remark, key)),
	});
	return newest.find((entry) => carriesKey(entry.Remark, key));
}

/** An item whose key was already applied for another amount: nothing is sent. */
function keyReused(context: IExecuteFunctions, itemIndex: number, key: string, entry: IDataObject, asked: unknown): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`Item ${itemIndex + 1}: Idempotency Key "${key}" was already used for an allocation of ${String(entry.Credit)} USD to this customer (${String(entry.AllocatedTime ?? 'time unknown')}); this item asks for ${String(asked)} USD`,
		{ itemIndex, description: 'Nothing was sent. Use a new key for a different allocation, or the same amount to confirm the earlier one.' },
	);
}

/**
 * Settles an unclear answer by reading the ledger: the allocation when it shows up, undefined when
 * it is still missing after every look. Throws `unclear` (outcome unknown) when the ledger cannot
 * be read or the run stops meanwhile.
 */
async function settleFromLedger(
	look: () => Promise<IDataObject | undefined>,
	unclear: Error & { description?: string | null },
	signal: AbortSignal | undefined,
): Promise<IDataObject | undefined> {
	for (const delay of LEDGER_RECHECK_DELAYS_MS) {
		try {
			if (delay > 0) await ledgerClock.sleep(delay, signal);
			const found = await look();
			if (found) return found;
		} catch (error) {
			unclear.description = [
				unclear.description,
				`The allocation history could not be read to settle it (${(error as Error).message}), so it was not sent again: check Credit > Get Allocation History for the key before running it again.`,
			]
				.filter(Boolean)
				.join(' ');
			throw unclear;
		}
	}
	return undefined;
}

/** Credit > Allocate to Customer: one call without a key; with one, applied once per key and customer. */
export function allocateOnce(historySpec: OperationSpec): OperationExecute {
	return async (context, spec, send, request, itemIndex, scheduling) => {
		const key = keyOf(request);
		if (key === undefined) return [await send(request)];
		const { ClientUin: uin, AddedCredit: amount } = request.body;
		const body = { ...request.body, Remark: remarkWithKey(key, request.body.Remark) };
		const scope = `${await accountKeyOf(context, TENCENT_CREDENTIAL, TENCENT_ACCOUNT)}\u0000${String(uin)}\u0000${key}`;
		const look = async () => await findInLedger(send, historySpec, uin, key);
		const already = (allocation: IDataObject) => {
			if (cents(allocation.Credit) !== cents(amount)) throw keyReused(context, itemIndex, key, allocation, amount);
			return [{ outcome: 'alreadyApplied', idempotencyKey: key, ClientUin: uin, allocation }];
		};

		const release = await claim(scope);
		try {
			const known = appliedHere.get(scope) ?? (await look().catch((error: unknown) => Promise.reject(unsent(error))));
			if (known) return already(known);
			for (let sends = 1; ; sends++) {
				const settled = await send({ ...request, body }, { settlesFailure: true }).then(
					(answer) => ({ ok: true as const, answer }),
					(error: unknown) => ({ ok: false as const, error }),
				);
				if (settled.ok) {
					const { answer } = settled;
					remember(scope, { Credit: amount, Remark: body.Remark, TotalCredit: answer.TotalCredit, ClientCreditAfter: answer.RemainingCredit, RequestId: answer.RequestId });
					return [{ ...answer, outcome: 'applied', idempotencyKey: key }];
				}
				if (outcomeOf(settled.error) !== 'unknown') throw settled.error;
				const unclear = settled.error as Error & { description?: string | null; context?: IDataObject };
				const found = await settleFromLedger(look, unclear, scheduling?.signal);
				if (found) {
					remember(scope, found);
					return [{ outcome: 'applied', idempotencyKey: key, ClientUin: uin, allocation: found, answerLost: unclear.message }];
				}
				if (sends >= MAX_SENDS) throw notApplied(unclear, key, sends);
			}
		} finally {
			release();
		}
	};
}

/** The key could not be looked up before sending: the allocation was not sent. */
function unsent(error: unknown): unknown {
	const failed = error as Error & { description?: string | null; context?: IDataObject };
	if (!(failed instanceof Error)) return error;
	failed.description = ['Nothing was sent: the Idempotency Key could not be looked up in the allocation history first.', failed.description].filter(Boolean).join(' ');
	if (failed.context) failed.context.outcome = 'notSent';
	return failed;
}

/** Every send had an unclear answer and the ledger never listed the key: not applied, and said so. */
function notApplied(error: Error & { description?: string | null; context?: IDataObject }, key: string, sends: number): Error {
	const waited = LEDGER_RECHECK_DELAYS_MS.reduce((sum, ms) => sum + ms, 0) / 1000;
	error.message = `Tencent Cloud AllocateCustomerCredit: not applied; Idempotency Key ${key} is not in the allocation history ${waited} s after each of ${sends} unclear sends (last: ${error.message})`;
	error.description = `Each send got no clear answer, and the customer's allocation history did not list the key ${waited} s later, so the allocation was not applied. Running it again with the same key is safe.`;
	if (error.context) error.context.outcome = 'notApplied';
	return error;
}
