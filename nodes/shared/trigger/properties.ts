import type { INodeProperties } from 'n8n-workflow';

import { NEW_CUSTOMER } from './customer';
import type { EventSource } from './events';

/** How a vendor's trigger words its fields: the unit of credit, and its own extra options. */
export interface TriggerWording {
	/** What amounts are counted in ("USD", "whole credits"): used in the threshold's help text. */
	creditUnit: string;
	/** Decimal places of an amount (dotdigital credits are whole numbers). */
	creditPrecision: number;
	/** What the vendor calls a customer id, for "Only These Customers". */
	customerIdName: string;
	/** An example id list for that field. */
	customerIdExample: string;
	/** Shown above the low-credit fields when "credit" means something else for this vendor. */
	lowCreditNotice?: string;
	/** What "Low Credit" means for this vendor, in the Event selector. */
	lowCreditDescription: string;
	/** Options only this vendor has. */
	extraOptions?: INodeProperties[];
}

const lowCredit = { show: { event: ['lowCredit'] } };

const LOW_CREDIT = { name: 'Low Credit', value: 'lowCredit' };

/** The trigger's subtitle on the canvas: the chosen event by its display name. */
export function eventSubtitle(moreEvents: EventSource[] = []): string {
	const names = Object.fromEntries([NEW_CUSTOMER, LOW_CREDIT, ...moreEvents.map((e) => e.option)].map((o) => [o.value, o.name]));
	return `={{ (${JSON.stringify(names)})[$parameter["event"]] || $parameter["event"] }}`;
}

/** The fields every vendor's trigger shares, worded for that vendor. */
export function triggerProperties(wording: TriggerWording, moreEvents: EventSource[] = []): INodeProperties[] {
	const commonOptions: INodeProperties[] = [
		{
			displayName: 'Emit Existing on First Activation',
			name: 'emitExisting',
			type: 'boolean',
			default: false,
			description: 'Whether the first poll after activation emits every existing customer (or every one already low); otherwise it only records where things stand',
		},
		{
			displayName: 'Include Customers Without Credit',
			name: 'includeWithoutCredit',
			type: 'boolean',
			default: false,
			description: 'Whether customers never given any credit or budget count as low for Low Credit (they cannot run low, so they are left out by default)',
		},
		{
			displayName: 'Include Raw Record',
			name: 'includeRaw',
			type: 'boolean',
			default: true,
			description: 'Whether each item also carries the vendor\'s own record under raw',
		},
		{
			displayName: 'Only These Customers',
			name: 'customerIds',
			type: 'string',
			default: '',
			placeholder: wording.customerIdExample,
			description: `Watch only these ${wording.customerIdName}, separated by commas. For Low Credit this also reads only their credit.`,
		},
	];
	const options = [...commonOptions, ...(wording.extraOptions ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName));

	return [
		{
			displayName: 'Event',
			name: 'event',
			type: 'options',
			noDataExpression: true,
			options: [
				NEW_CUSTOMER,
				{ ...LOW_CREDIT, description: wording.lowCreditDescription },
				...moreEvents.map((e) => e.option),
			],
			default: 'newCustomer',
		},
		...moreEvents.flatMap((e) => (e.properties ?? []).map((p) => ({ ...p, displayOptions: { show: { event: [e.event] } } }))),
		...(wording.lowCreditNotice
			? [{ displayName: wording.lowCreditNotice, name: 'lowCreditNotice', type: 'notice', default: '', displayOptions: lowCredit } as INodeProperties]
			: []),
		{
			displayName: 'Threshold Type',
			name: 'thresholdType',
			type: 'options',
			options: [
				{ name: 'Amount', value: 'amount', description: `Remaining credit below an amount, in ${wording.creditUnit}` },
				{ name: 'Percentage', value: 'percentage', description: 'Remaining credit below a share of the credit or budget granted' },
			],
			default: 'amount',
			displayOptions: lowCredit,
		},
		// Two fields, so that switching the type starts from a sensible value: 100 as a percentage
		// would fire for every customer that has spent anything.
		{
			displayName: 'Threshold',
			name: 'threshold',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: wording.creditPrecision },
			default: 100,
			description: `Fire when the remaining credit drops below this amount, in ${wording.creditUnit}`,
			displayOptions: { show: { event: ['lowCredit'], thresholdType: ['amount'] } },
		},
		{
			displayName: 'Threshold (%)',
			name: 'thresholdPercent',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
			default: 20,
			description: 'Fire when the remaining credit drops below this percentage of the credit or budget granted',
			displayOptions: { show: { event: ['lowCredit'], thresholdType: ['percentage'] } },
		},
		{
			displayName: 'Re-Arm Margin',
			name: 'rearmMargin',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: wording.creditPrecision },
			default: 10,
			description: `A customer that fired fires again only after its credit has recovered above the threshold plus this margin (in ${wording.creditUnit}, or percentage points for a percentage), so a balance hovering at the threshold does not fire every poll`,
			displayOptions: lowCredit,
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options,
		},
	];
}
