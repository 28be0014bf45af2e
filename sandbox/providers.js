'use strict';
/**
 * The providers this sandbox stands in for. Adding one (Huawei, dotdigital) means writing a
 * module with the same shape as tencent/index.js and listing its factory here:
 * { name, matches(req, path), handle(req, res, rawBody, { tooLarge }), reset(options),
 *   control: { functions, routes }, state }.
 */
const { createTencentProvider } = require('./tencent');
const { createDotdigitalProvider } = require('./dotdigital');
const { createHuaweiProvider } = require('./huawei');

/** name -> factory(shared services, initial options for that provider) */
const PROVIDER_FACTORIES = {
	tencent: createTencentProvider,
	dotdigital: createDotdigitalProvider,
	huawei: createHuaweiProvider,
};

module.exports = { PROVIDER_FACTORIES };
