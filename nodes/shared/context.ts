import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

/** Any n8n context that may call a vendor: an action node, a list search or a trigger poll. */
export type CallContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** The execution's cancel signal where the context has one, so waits end when a run is stopped. */
export function cancelSignalOf(context: CallContext): AbortSignal | undefined {
	const withSignal = context as { getExecutionCancelSignal?: () => AbortSignal | undefined };
	return typeof withSignal.getExecutionCancelSignal === 'function'
		? withSignal.getExecutionCancelSignal()
		: undefined;
}
