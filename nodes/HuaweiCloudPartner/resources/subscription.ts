import type { OperationSpec } from '../../shared/types';
import { customerIdField, offsetPagingInBody, utcTimeField } from './sharedFields';

/** A yearly/monthly resource's status, as ListPayPerUseCustomerResources reports and filters it. */
export const SUBSCRIPTION_STATUS = [
	['2', 'In Use'],
	['3', 'Closed'],
	['4', 'Frozen'],
	['5', 'Expired'],
].map(([value, name]) => ({ name, value: Number(value) }));

export const subscriptionOperations: OperationSpec[] = [
	{
		resource: 'subscription',
		operation: 'getMany',
		name: 'Get Many',
		action: "Get many of a customer's yearly/monthly resources",
		description: "Lists a customer's yearly/monthly resources with their expiry and what happens at expiry (renewal, grace period, deletion), e.g. those expiring in a time range",
		vendorAction: 'ListPayPerUseCustomerResources',
		// Huawei's own spelling of the path ("suscriptions").
		request: { http: { method: 'POST', path: '/v2/orders/suscriptions/resources/query' } },
		write: false,
		rateLimitPerSecond: 10,
		answer: { recordsPath: 'data' },
		paging: offsetPagingInBody('total_count'),
		fields: [
			customerIdField({ description: 'The customer whose resources to list: pick it from your customer list or enter its account ID (domain ID, 32 hexadecimal characters)' }),
			utcTimeField('expire_time_begin', 'Expiring From', 'Only resources expiring at or after this time'),
			utcTimeField('expire_time_end', 'Expiring To', 'Only resources expiring at or before this time'),
			{
				name: 'status_list',
				displayName: 'Statuses',
				kind: 'multiOptions',
				options: SUBSCRIPTION_STATUS,
				description: 'Only resources in one of these statuses; none chosen means every status',
			},
			{ name: 'resource_ids', displayName: 'Resource IDs', kind: 'stringList', maxItems: 50, description: 'Only these resources (up to 50), with their attached resources unless Only Main Resources is on' },
			{ name: 'order_id', displayName: 'Order ID', kind: 'string', maxLength: 64, description: 'Only the resources of this order' },
			{ name: 'service_type_code', displayName: 'Service Type Code', kind: 'string', minLength: 1, maxLength: 64, placeholder: 'hws.service.type.ec2', description: 'Only resources of this cloud service' },
			{
				name: 'only_main_resource',
				displayName: 'Only Main Resources',
				kind: 'options',
				options: [
					{ name: 'Main and Attached Resources', value: 0 },
					{ name: 'Main Resources Only', value: 1 },
				],
				default: 0,
				description: 'Whether to leave out attached resources (e.g. the disks of a cloud server)',
			},
		],
	},
];
