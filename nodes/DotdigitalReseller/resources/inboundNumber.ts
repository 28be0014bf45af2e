import type { FieldSpec, OperationSpec } from '../../shared/types';
import { accountId, countryIsoCode, resellerRead, resellerWrite } from './sharedFields';

const numberFields = (): FieldSpec[] => [
	accountId(),
	{ name: 'Number', displayName: 'Number', kind: 'string', required: true, pattern: /^\+?\d{3,15}$/, patternHint: 'a long number or shortcode, digits only', description: 'The dedicated number or shortcode' },
	{ name: 'Keyword', displayName: 'Keyword', kind: 'string', description: 'Keyword on a shortcode, if the number is a shortcode keyword' },
];

export const inboundNumberOperations: OperationSpec[] = [
	resellerRead({
		resource: 'inboundNumber',
		operation: 'getAvailable',
		name: 'Get Available',
		action: 'Get available inbound numbers',
		description: 'Numbers and shortcodes in your pool that can be allocated',
		vendorAction: 'GetAvailableInboundNumbers',
		answer: { recordsPath: '*', clientSideLimit: true },
		fields: [
			countryIsoCode('Only numbers of this country (ISO alpha-3)'),
			{
				name: 'NumberType',
				displayName: 'Number Type',
				kind: 'options',
				options: [
					{ name: 'Dedicated', value: 'Dedicated' },
					{ name: 'Shortcode', value: 'Shortcode' },
					{ name: 'Keyword', value: 'Keyword' },
				],
				default: 'Dedicated',
				description: 'Only this kind of number',
			},
		],
	}),
	resellerWrite({
		resource: 'inboundNumber',
		operation: 'allocate',
		name: 'Allocate',
		action: 'Allocate an inbound number',
		description: 'Gives a number (or a shortcode with a keyword) from your pool to an account',
		vendorAction: 'AllocateInboundNumber',
		writeRules: { verifyHint: "Check Inbound Number > Get Many for the account before allocating again." },
		fields: numberFields(),
	}),
	resellerWrite({
		resource: 'inboundNumber',
		operation: 'release',
		name: 'Release',
		action: 'Release an inbound number',
		description: 'Takes a number back from an account into your pool',
		vendorAction: 'ReleaseInboundNumber',
		fields: numberFields(),
	}),
	resellerRead({
		resource: 'inboundNumber',
		operation: 'getMany',
		name: 'Get Many',
		action: "Get an account's inbound numbers",
		description: 'Lists the numbers allocated to an account',
		vendorAction: 'GetInboundNumbers',
		answer: { recordsPath: '*', clientSideLimit: true },
		fields: [accountId()],
	}),
];
