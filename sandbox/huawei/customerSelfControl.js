'use strict';
/**
 * Control operation for what a customer sees with its own AK/SK: its yearly/monthly resources as
 * the sandbox holds them (expiry, auto-renewal, renewed periods), so tests can pick resources to
 * renew or unsubscribe and check what a call changed.
 */
const { customerSelfOf, cstDay } = require('./data/customerSelf');
const { SERVICES } = require('./data/catalog');
const { formatUtc } = require('./time');
const { CUSTOMER_DOMAIN } = require('./keys');

/**
 * @param {{ getData: () => object }} deps
 */
function createCustomerSelfControl({ getData }) {
	const functions = {
		/**
		 * The yearly/monthly resources of `customer_id` (default the customer key's account).
		 * @param {Record<string, any>} [body] the control call's body
		 */
		getOwnResources(body = {}) {
			const self = customerSelfOf(getData(), String((body && body.customer_id) || CUSTOMER_DOMAIN.id));
			return {
				resources: self.resources.map(({ serviceIndex, expireSec, effectiveSec, ...r }) => ({
					...r,
					service_type_code: SERVICES[serviceIndex][0],
					effective_day: cstDay(effectiveSec),
					expire_time: formatUtc(expireSec),
				})),
				renewConfig: { ...self.renewConfig },
				projectsAuthorized: self.projectsAuthorized,
			};
		},
	};
	const routes = [{ method: 'GET', path: '/_control/huawei/customer-self', run: (q) => functions.getOwnResources({ customer_id: q.get('customer_id') ?? undefined }) }];
	return { functions, routes };
}

module.exports = { createCustomerSelfControl };
