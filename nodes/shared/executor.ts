import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CallContext } from './context';
import { paramNameOf } from './fields';
import { sendInBatches } from './batch';
import { choosePageSize, collectPages } from './paging';
import { ADDITIONAL_FIELDS, isListOperation, listSettings } from './properties';
import { getPath, recordsAt } from './records';
import { simplifyRecord } from './simplify';
import type { RequestSlots } from './concurrency';
import { isStoppedBeforeSending, stopControl } from './stopping';
import type { BuiltRequest, CallOptions, CallScheduling, FieldSpec, OperationResult, OperationSpec } from './types';
import { checkedSetting } from './checkedSetting';
import { coerceField, FieldValidationError, isBlank } from './validation';

/**
 * Sends one call for an operation and returns the vendor's answer, unwrapped from any envelope.
 * `signal`, when given, ends waits (rate limiter, retries) early: the execution was cancelled or
 * the run stopped at a failure. Without it, the sender uses the execution's cancel signal.
 */
export type SendCall = (
	context: CallContext,
	spec: OperationSpec,
	request: BuiltRequest,
	itemIndex: number,
	signal?: AbortSignal,
) => Promise<IDataObject>;

/** What the items of one node run share for their calls. */
export interface RunScheduling {
	/** Caps the calls open at once across items, pages and split calls. */
	slots: RequestSlots;
	/** Aborted when the execution is cancelled or, without Continue On Fail, the run stopped. */
	signal?: AbortSignal;
	/**
	 * Stops the whole run after a failed call (without Continue On Fail), naming the error and the
	 * item that caused the stop: the first such call is the failure the run reports.
	 */
	stopRun?: (error: unknown, itemIndex: number) => void;
}

function readRaw(context: IExecuteFunctions, field: FieldSpec, itemIndex: number, extra: IDataObject): unknown {
	const name = paramNameOf(field);
	if (!field.required) {
		// A resource locator inside Additional Fields arrives as { __rl, mode, value }.
		const value = extra[name] as IDataObject | undefined;
		return value !== null && typeof value === 'object' && '__rl' in value ? value.value : value;
	}
	return context.getNodeParameter(name, itemIndex, undefined, { extractValue: true });
}

function isEmptyObject(value: unknown): boolean {
	if (typeof value === 'string') return /^\s*\{\s*\}\s*$/.test(value);
	return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

function targetOf(request: BuiltRequest, location: FieldSpec['in']): IDataObject {
	if (location === 'query') return request.qs;
	if (location === 'path') return request.path;
	if (location === 'setting') return (request.settings ??= {});
	return request.body;
}

function place(request: BuiltRequest, field: FieldSpec, value: unknown) {
	const target = targetOf(request, field.in);
	target[field.name] = value as IDataObject[keyof IDataObject];
}

/**
 * Reads and checks every field of an operation for one item. Nothing is sent unless all of them
 * are valid; the error names the field, the item and the form that was expected.
 */
export function buildRequest(context: IExecuteFunctions, spec: OperationSpec, itemIndex: number): BuiltRequest {
	const request: BuiltRequest = { body: { ...(spec.request?.fixedBody ?? {}) }, qs: {}, path: {} };
	const extra = spec.fields.some((f) => !f.required) || spec.paging
		? (context.getNodeParameter(ADDITIONAL_FIELDS, itemIndex, {}) as IDataObject)
		: {};
	for (const field of spec.fields) {
		const raw = readRaw(context, field, itemIndex, extra);
		if (isBlank(raw) || (field.kind === 'json' && !field.required && isEmptyObject(raw))) {
			if (field.required) {
				throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: "${field.displayName}" is required`, {
					itemIndex,
					description: field.description,
				});
			}
			continue;
		}
		try {
			const value = coerceField(field, raw);
			// An optional nested object left without entries is not sent at all.
			if (value !== undefined) place(request, field, value);
		} catch (error) {
			if (error instanceof FieldValidationError) {
				throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: ${error.message}`, {
					itemIndex,
					description: `${field.description} Nothing was sent.`,
				});
			}
			throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
		}
	}
	const problem = spec.request?.finalize?.(request);
	if (problem) {
		throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: ${problem}`, {
			itemIndex,
			description: 'Nothing was sent.',
		});
	}
	return request;
}

/** A custom call becomes the spec its parameters describe; any other operation stays as it is. */
function bindCustomCall(
	context: IExecuteFunctions,
	spec: OperationSpec,
	request: BuiltRequest,
	itemIndex: number,
): { spec: OperationSpec; request: BuiltRequest } {
	if (!spec.customCall) return { spec, request };
	try {
		return spec.customCall.bindItem(request);
	} catch (error) {
		const message = error instanceof FieldValidationError ? `Item ${itemIndex + 1}: ${error.message}` : (error as Error).message;
		throw new NodeOperationError(context.getNode(), message, { itemIndex, description: 'Nothing was sent.' });
	}
}

function listPlan(context: IExecuteFunctions, spec: OperationSpec, itemIndex: number) {
	const settings = listSettings(spec.paging);
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : checkedSetting(context, itemIndex, settings.limit, context.getNodeParameter('limit', itemIndex, 50));
	const extra = context.getNodeParameter(ADDITIONAL_FIELDS, itemIndex, {}) as IDataObject;
	const optional = (field: FieldSpec | undefined) => (!field || isBlank(extra[field.name]) ? undefined : checkedSetting(context, itemIndex, field, extra[field.name]));
	return { limit, pageSize: optional(settings.pageSize), startAt: optional(settings.startAt) };
}

/**
 * Runs one operation for one item, applying Simplify where the operation offers it. With `run`,
 * every call of the item (pages and split calls too) takes a slot of the node run, and an item's
 * own pages or split calls may run concurrently within them.
 */
export async function executeOperation(
	context: IExecuteFunctions,
	spec: OperationSpec,
	send: SendCall,
	itemIndex: number,
	run?: RunScheduling,
): Promise<OperationResult> {
	let result = await runOperation(context, spec, send, itemIndex, run);
	const enrich = spec.answer?.enrich;
	if (enrich) result = (result as IDataObject[]).map((record) => ({ ...enrich(record), ...record }));
	if (!spec.answer?.simplifiable || !(context.getNodeParameter('simplify', itemIndex, false) as boolean)) return result;
	return (result as IDataObject[]).map((entry) =>
		typeof entry.json === 'object' && entry.json !== null
			? { ...entry, json: simplifyRecord(entry.json as IDataObject) }
			: simplifyRecord(entry),
	);
}

/**
 * Validates, then pages, splits batches, hands over to the operation's own logic or makes the
 * single call, and returns the records (one per output item) or the single answer.
 */
async function runOperation(
	context: IExecuteFunctions,
	chosen: OperationSpec,
	send: SendCall,
	itemIndex: number,
	run: RunScheduling | undefined,
): Promise<OperationResult> {
	const { spec, request } = bindCustomCall(context, chosen, buildRequest(context, chosen, itemIndex), itemIndex);
	// The item's own stop: after one of its calls fails, its other pages or parts are not sent.
	const item = stopControl(run?.signal);
	const call = async (built: BuiltRequest, how: CallOptions = {}) => {
		const attempt = async () => await send(context, how.spec ?? spec, built, itemIndex, run ? item.signal : undefined);
		const settled = await (run ? run.slots.run(attempt, item.signal) : attempt()).then(
			(value) => ({ ok: true as const, value }),
			(error: unknown) => ({ ok: false as const, error }),
		);
		if (settled.ok) return settled.value;
		if (!how.settlesFailure && !isStoppedBeforeSending(settled.error)) {
			item.stop();
			run?.stopRun?.(settled.error, itemIndex);
		}
		throw settled.error;
	};
	const scheduling: CallScheduling = { limit: run?.slots.size ?? 1, signal: run ? item.signal : undefined };
	if (spec.ownLogic) return await spec.ownLogic.execute(context, spec, call, request, itemIndex, scheduling);
	const { batch } = spec.request ?? {};
	const { recordsPath, resultPath } = spec.answer ?? {};

	if (batch) {
		const { field, maxPerCall } = batch;
		const ids = (request.body[field] as unknown[]) ?? [];
		const answers = await sendInBatches(
			ids,
			maxPerCall,
			spec.write,
			async (part) => await call({ ...request, body: { ...request.body, [field]: part as IDataObject[] } }),
			undefined,
			scheduling,
		);
		return answers.flatMap((response) => (recordsPath ? recordsAt(response, recordsPath) : [response]));
	}

	if (spec.paging && recordsPath) {
		const plan = listPlan(context, spec, itemIndex);
		const startDefault = spec.paging.style === 'pageNumber' ? 1 : 0;
		return await collectPages(
			spec.paging,
			recordsPath,
			request,
			{
				limit: plan.limit,
				pageSize: choosePageSize(spec.paging, plan.limit, plan.pageSize),
				startAt: plan.startAt ?? startDefault,
			},
			call,
			{ scheduling },
		);
	}

	const response = await call(request);
	if (resultPath) {
		const result = getPath(response, resultPath);
		const requestId = response.RequestId === undefined ? {} : { RequestId: response.RequestId };
		return [{ ...((result ?? {}) as IDataObject), ...requestId }];
	}
	// An answer that is a bare list (dotdigital's) gives one item per entry, as a list of records does.
	if (!recordsPath) return Array.isArray(response) ? (response as IDataObject[]) : [response];
	const records = recordsAt(response, recordsPath);
	if (!isListOperation(spec)) return records;
	const { limit } = listPlan(context, spec, itemIndex);
	return records.slice(0, limit);
}
