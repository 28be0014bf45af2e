import type { FieldSpec, OperationSpec } from '../../shared/types';
import { ACTION_TYPE_FIELD, monthField, PAY_MODE_FIELD, TENCENT_TIME_ZONE_NOTE } from './sharedFields';
import { downloadProperties, downloadUrlExecute } from '../download';

/** Bills an end customer reads with its own key; a resource of their own so nobody misses that. */
const resource = 'ownBill';

const PERIOD_TYPE: FieldSpec = {
	name: 'PeriodType',
	displayName: 'Period',
	kind: 'options',
	required: true,
	options: [
		{ name: 'Day', value: 'day' },
		{ name: 'Month', value: 'month' },
	],
	default: 'month',
	description: 'Split amounts per day (range up to 2 months) or per month (range up to 6 months)',
};

const rangeField = (name: 'StartTime' | 'EndTime', displayName: string): FieldSpec => ({
	name,
	displayName,
	kind: 'dateTime',
	required: true,
	paramName: name === 'StartTime' ? 'startTime' : 'endTime',
	description: `${displayName} of the range: pick it or type YYYY-MM-DD hh:mm:ss.`,
	timeZoneNote: TENCENT_TIME_ZONE_NOTE,
});

export const ownBillOperations: OperationSpec[] = [
	{
		resource,
		operation: 'getSummary',
		name: 'Get Summary',
		action: 'Get own monthly bill summary',
		description: 'Own monthly bill summary grouped by product, project or tag; one item per group',
		vendorAction: 'DescribeBillSummary',
		write: false,
		rateLimitPerSecond: 1,
		access: { needsCustomerKey: true },
		answer: { recordsPath: 'SummaryDetail', simplifiable: true },
		fields: [
			monthField('Month'),
			{
				name: 'GroupType',
				displayName: 'Group By',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Product', value: 'product' },
					{ name: 'Project', value: 'project' },
					{ name: 'Tag', value: 'tag' },
				],
				default: 'product',
				description: 'Dimension to group by (GroupType)',
			},
			{
				name: 'TagKey',
				displayName: 'Tag Keys',
				kind: 'stringList',
				description: 'Tag keys to group by when grouping by tag',
			},
		],
	},
	{
		resource,
		operation: 'getDetails',
		name: 'Get Details',
		action: 'Get own bill detail lines',
		description: 'Own bill detail lines for a month; one item per line',
		vendorAction: 'DescribeBillDetail',
		write: false,
		rateLimitPerSecond: 1,
		access: { needsCustomerKey: true },
		answer: { recordsPath: 'DetailSet', simplifiable: true },
		paging: { style: 'pageNumber', pageField: 'Page', sizeField: 'PageSize', maxPageSize: 200, totalPath: 'Total' },
		fields: [monthField('Month'), PAY_MODE_FIELD, ACTION_TYPE_FIELD],
	},
	{
		resource,
		operation: 'getDownloadUrl',
		name: 'Get Bill File',
		action: 'Get own bill file download URL',
		description: 'Gets a download URL for the own L2 or L3 bill file (from 2022-06); can wait for it and download it',
		vendorAction: 'DescribeBillDownloadUrl',
		write: false,
		rateLimitPerSecond: 20,
		access: { needsCustomerKey: true },
		fields: [
			monthField('Month', { description: 'Bill month (from 2022-06): pick any day of it, or type YYYY-MM.' }),
			{
				name: 'FileType',
				displayName: 'File Type',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Resource Bill (L2)', value: 'L2' },
					{ name: 'Detail Bill (L3)', value: 'L3' },
				],
				default: 'L3',
				description: 'Bill level',
			},
		],
		ownLogic: { extraProperties: downloadProperties, execute: downloadUrlExecute },
	},
	{
		resource,
		operation: 'getCostFilters',
		name: 'Get Cost Filters',
		action: 'Get own cost analysis filter values',
		description: 'Values available for cost-analysis filters (products, regions, zones, projects...) in a time range',
		vendorAction: 'DescribeCustomerOwnCostExplorerFilter',
		write: false,
		rateLimitPerSecond: 20,
		access: { needsCustomerKey: true },
		answer: { resultPath: 'Data' },
		fields: [rangeField('StartTime', 'Start'), rangeField('EndTime', 'End'), PERIOD_TYPE],
	},
	{
		resource,
		operation: 'getCostSummary',
		name: 'Get Cost Summary',
		action: 'Get own cost analysis',
		description: 'Costs grouped by a dimension and split per day or month; one item per group',
		vendorAction: 'DescribeCustomerOwnCostExplorerSummary',
		write: false,
		rateLimitPerSecond: 20,
		access: { needsCustomerKey: true },
		answer: { recordsPath: 'Detail', simplifiable: true },
		paging: { style: 'pageNumber', pageField: 'Page', sizeField: 'PageSize', maxPageSize: 200 },
		request: {
			fixedBody: { BillType: 1 },
			finalize: ({ body }) =>
				body.Dimension === 'Tag' && body.TagKey === undefined ? '"Tag Key" is required when grouping by tag' : undefined,
		},
		fields: [
			{
				name: 'Dimension',
				displayName: 'Group By',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Default', value: 'Default' },
					{ name: 'Product', value: 'Business' },
					{ name: 'Sub-Product', value: 'Product' },
					{ name: 'Region', value: 'Region' },
					{ name: 'Zone', value: 'Zone' },
					{ name: 'Transaction Type', value: 'ActionType' },
					{ name: 'Pay Mode', value: 'PayMode' },
					{ name: 'Project', value: 'Project' },
					{ name: 'Payer UIN', value: 'PayerUin' },
					{ name: 'Owner UIN', value: 'OwnerUin' },
					{ name: 'Tag', value: 'Tag' },
				],
				default: 'Business',
				description: 'Dimension to group costs by',
			},
			{
				name: 'FeeType',
				displayName: 'Fee Type',
				kind: 'options',
				required: true,
				options: [
					{ name: 'Original Cost', value: 'originalCost' },
					{ name: 'Total Cost', value: 'totalCost' },
				],
				default: 'totalCost',
				description: 'Which amount to report',
			},
			rangeField('StartTime', 'Start'),
			rangeField('EndTime', 'End'),
			PERIOD_TYPE,
			{
				name: 'TagKey',
				displayName: 'Tag Key',
				kind: 'string',
				description: 'Tag key to group by; required when grouping by tag',
			},
			{
				name: 'Filter',
				displayName: 'Filter (JSON)',
				kind: 'json',
				description:
					'CostAnalyzeFilter object, e.g. {"BusinessIn":["p_cvm"],"RegionIn":["1"]}; values come from Get Cost Filters',
			},
		],
	},
];
