import type { FieldSpec, OperationSpec } from '../../shared/types';
import { query } from './sharedFields';

const resource = 'customerOrder';

/** Huawei order ids (e.g. `CS2105181503TZCMD`); anything else could change the request. */
export const CUSTOMER_ORDER_ID: FieldSpec = {
	name: 'order_id',
	displayName: 'Order ID',
	kind: 'string',
	required: true,
	maxLength: 64,
	pattern: /^[A-Za-z0-9_-]{1,64}$/,
	patternHint: 'an order ID of letters, digits, _ and -, e.g. CS2105181503TZCMD',
	paramName: 'orderId',
	description: 'The order, from Order > Get Many or the Order IDs a renewal returns',
};

const YES_NO = [
	{ name: 'Yes', value: 'YES' },
	{ name: 'No', value: 'NO' },
];

const CHECK_ORDER = "Look the order up with Order > Get using the customer's credential: Completed means it was paid, Pending Payment that it was not.";

/** Coupons and discounts go with their switch: Huawei needs them with YES and refuses them with NO. */
function benefitsMatchSwitches(body: Record<string, unknown>): string | undefined {
	for (const [flag, list, label] of [
		['use_coupon', 'coupon_infos', 'Coupons'],
		['use_discount', 'discount_infos', 'Discounts'],
	] as const) {
		const given = Array.isArray(body[list]) && (body[list] as unknown[]).length > 0;
		if (body[flag] === 'YES' && !given) return `"${label}" is required when "Use ${label}" is Yes`;
		if (body[flag] === 'NO' && given) return `"${label}" must be left empty when "Use ${label}" is No (Huawei refuses them)`;
	}
	return undefined;
}

export const customerOrderOperations: OperationSpec[] = [
	{
		resource,
		operation: 'pay',
		name: 'Pay',
		action: 'Pay a pending order as a customer',
		description: "Pays one of the customer's yearly/monthly orders that is pending payment, from the customer's balance or monthly settlement, optionally with coupons or a discount",
		vendorAction: 'PayOrders',
		request: { http: { method: 'POST', path: '/v3/orders/customer-orders/pay' }, finalize: ({ body }) => benefitsMatchSwitches(body) },
		write: true,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		answer: { echoRequestWhenEmpty: true },
		writeRules: { verifyHint: CHECK_ORDER },
		fields: [
			CUSTOMER_ORDER_ID,
			{ name: 'use_coupon', displayName: 'Use Coupons', kind: 'options', required: true, options: YES_NO, default: 'NO', paramName: 'useCoupon', description: 'Whether to pay part of the order with coupons (then list them in Coupons)' },
			{ name: 'use_discount', displayName: 'Use Discounts', kind: 'options', required: true, options: YES_NO, default: 'NO', paramName: 'useDiscount', description: 'Whether to apply a discount (then name it in Discounts)' },
			{
				name: 'coupon_infos',
				displayName: 'Coupons',
				kind: 'objectList',
				maxItems: 3,
				members: [
					{ name: 'id', displayName: 'Coupon ID', kind: 'string', required: true, maxLength: 64, description: 'The coupon (coupon_id from Partner Account > Get Coupons with the customer\'s credential)' },
					{
						name: 'type',
						displayName: 'Coupon Type',
						kind: 'options',
						required: true,
						options: [
							{ name: 'Discount Coupon', value: 300 },
							{ name: 'Promotional Cash Coupon', value: 301 },
							{ name: 'Promotional Flexi-Purchase Coupon', value: 302 },
							{ name: 'Promotional Stored-Value Card', value: 303 },
						],
						default: 301,
						description: 'What kind of coupon it is',
					},
				],
				description: 'Up to 3 coupons to pay with; required when Use Coupons is Yes',
			},
			{
				name: 'discount_infos',
				displayName: 'Discounts',
				kind: 'objectList',
				maxItems: 1,
				members: [
					{ name: 'id', displayName: 'Discount ID', kind: 'string', required: true, maxLength: 64, description: 'discount_id from Get Discounts' },
					{
						name: 'type',
						displayName: 'Discount Type',
						kind: 'options',
						required: true,
						options: [
							{ name: 'Promotional', value: 0 },
							{ name: 'Contract', value: 1 },
							{ name: 'Commercial', value: 2 },
							{ name: 'Partner-Granted', value: 3 },
							{ name: 'Order Price Adjustment', value: 609 },
						],
						default: 3,
						description: 'discount_type from Get Discounts; an order price adjustment (609) must be used as it is',
					},
				],
				description: 'One discount to apply; required when Use Discounts is Yes',
			},
		],
	},
	{
		resource,
		operation: 'cancel',
		name: 'Cancel',
		action: 'Cancel a pending order as a customer',
		description: "Cancels one of the customer's yearly/monthly orders that is still pending payment",
		vendorAction: 'CancelCustomerOrder',
		request: { http: { method: 'PUT', path: '/v2/orders/customer-orders/cancel' } },
		write: true,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		answer: { echoRequestWhenEmpty: true },
		writeRules: { verifyHint: "Look the order up with Order > Get using the customer's credential: Cancelled means it was cancelled." },
		fields: [CUSTOMER_ORDER_ID],
	},
	{
		resource,
		operation: 'getDiscounts',
		name: 'Get Discounts',
		action: 'Get the discounts an order can use',
		description: 'Lists the discounts a pending order can be paid with, one item per discount, with the line items each applies to',
		vendorAction: 'ListOrderDiscounts',
		request: { http: { method: 'GET', path: '/v2/orders/customer-orders/order-discounts' } },
		write: false,
		rateLimitPerSecond: 10,
		access: { needsCustomerKey: true },
		answer: { recordsPath: 'discounts' },
		fields: [query(CUSTOMER_ORDER_ID)],
	},
];
