import type { OperationSpec } from '../../shared/types';
import { customerIdField, EN_US, INDIRECT_PARTNER_FIELD, offsetPagingInQuery, query, utcTimeField } from './sharedFields';
import { PERMISSIONS } from './permissions';
import { orderDetailsExecute } from '../orderDetails';

/** Huawei order ids (e.g. `CS2105181503TZCMD`); anything else could change the request path. */
const ORDER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const ORDER_STATUS = [
	['1', 'Pending Approval'],
	['3', 'Processing'],
	['4', 'Cancelled'],
	['5', 'Completed'],
	['6', 'Pending Payment'],
	['9', 'To Be Confirmed'],
].map(([value, name]) => ({ name, value: Number(value) }));

export const ORDER_TYPE = [
	['1', 'New Purchase'],
	['2', 'Renewal'],
	['3', 'Change'],
	['4', 'Unsubscription'],
	['11', 'Pay-per-Use to Yearly/Monthly'],
	['13', 'Trial'],
	['14', 'Trial to Commercial'],
	['15', 'Price Adjustment'],
].map(([value, name]) => ({ name, value }));

export const orderOperations: OperationSpec[] = [
	{
		resource: 'order',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many orders',
		description: "Lists yearly/monthly orders of your customers, with filters (a creation-time range may span at most one year)",
		vendorAction: 'ListCustomerOrders',
		request: {
			http: { method: 'GET', path: '/v2/orders/customer-orders' },
			finalize: ({ qs }) => {
				const begin = Date.parse(String(qs.create_time_begin ?? ''));
				const end = Date.parse(String(qs.create_time_end ?? ''));
				return Number.isFinite(begin) && Number.isFinite(end) && end - begin > 366 * 86400000
					? '"Created From" and "Created To" may be at most one year apart'
					: undefined;
			},
		},
		write: false,
		rateLimitPerSecond: 10,
		access: { permissions: [...PERMISSIONS.orders.codes], permissionPath: PERMISSIONS.orders.path },
		answer: { recordsPath: 'order_infos' },
		paging: offsetPagingInQuery('total_count'),
		fields: [
			query({ name: 'order_id', displayName: 'Order ID', kind: 'string', maxLength: 64, description: 'Only this order' }),
			query(customerIdField({ required: false, description: 'Only orders of this customer' })),
			query(utcTimeField('create_time_begin', 'Created From', 'Orders created at or after this time')),
			query(utcTimeField('create_time_end', 'Created To', 'Orders created at or before this time (at most one year after Created From)')),
			query({ name: 'service_type_code', displayName: 'Service Type Code', kind: 'string', maxLength: 64, placeholder: 'hws.service.type.ebs', description: 'Only orders of this cloud service type' }),
			query({ name: 'status', displayName: 'Status', kind: 'options', options: ORDER_STATUS, default: 5, description: 'Only orders in this status' }),
			query({ name: 'order_type', displayName: 'Order Type', kind: 'options', options: ORDER_TYPE, default: '1', description: 'Only orders of this type' }),
			query({
				name: 'order_by',
				displayName: 'Sort',
				kind: 'options',
				options: [
					{ name: 'Oldest First', value: 'createTime' },
					{ name: 'Newest First', value: '-createTime' },
				],
				default: '-createTime',
				description: 'Order by creation time',
			}),
			query(utcTimeField('payment_time_begin', 'Paid From', 'Orders paid at or after this time')),
			query(utcTimeField('payment_time_end', 'Paid To', 'Orders paid at or before this time')),
			query(INDIRECT_PARTNER_FIELD),
			query({
				name: 'method',
				displayName: 'Whose Orders',
				kind: 'options',
				options: [
					{ name: 'My Customers', value: 'oneself' },
					{ name: 'Enterprise Sub-Customers', value: 'sub_customer' },
				],
				default: 'oneself',
				description: 'Orders of your own customers, or of the sub-customers of enterprise customers (method).',
			}),
		],
	},
	{
		resource: 'order',
		operation: 'get',
		name: 'Get',
		action: 'Get an order with its line items',
		description: 'Returns one order with all its line items (fetched page by page)',
		vendorAction: 'ShowCustomerOrderDetails',
		request: { http: { method: 'GET', path: '/v2/orders/customer-orders/details/{order_id}' }, headers: EN_US },
		write: false,
		rateLimitPerSecond: 10,
		access: { permissions: [...PERMISSIONS.orders.codes], permissionPath: PERMISSIONS.orders.path },
		fields: [
			{ name: 'order_id', displayName: 'Order ID', kind: 'string', required: true, maxLength: 64, paramName: 'orderId', in: 'path', pattern: ORDER_ID, patternHint: 'an order ID of letters, digits, _ and -, e.g. CS2105181503TZCMD', description: 'The order to show' },
			query(INDIRECT_PARTNER_FIELD),
		],
		ownLogic: { execute: orderDetailsExecute },
	},
	{
		resource: 'order',
		operation: 'getRefund',
		name: 'Get Refund Details',
		action: 'Get the refund of an unsubscription or downgrade order',
		description: 'Returns the amounts of an unsubscription or downgrade order: one item per amount (negative = refunded; positive = already consumed or a handling fee), with the original order it came from',
		vendorAction: 'ShowRefundOrderDetails',
		request: { http: { method: 'GET', path: '/v2/orders/customer-orders/refund-orders' } },
		write: false,
		rateLimitPerSecond: 10,
		answer: { recordsPath: 'refund_infos' },
		fields: [
			query({ name: 'order_id', displayName: 'Order ID', kind: 'string', required: true, maxLength: 64, paramName: 'orderId', pattern: ORDER_ID, patternHint: 'an order ID of letters, digits, _ and -, e.g. CS2105181503TZCMD', description: 'The unsubscription or downgrade order (Order > Get Many with Order Type Unsubscription or Change)' }),
			query(customerIdField({ required: false, description: 'The customer the order belongs to; required when you ask about a customer\'s order' })),
			query(INDIRECT_PARTNER_FIELD),
		],
	},
];
