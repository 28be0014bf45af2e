'use strict';
/**
 * Product catalog and price inquiries (bssintl ListServiceTypes ... ListResourceSpecsPrice). Any
 * caller may read them; none needs a permission item. Catalog lists take `X-Language` and default
 * to Chinese; the specification lists page by an opaque marker; price inquiries validate every
 * product line and answer CBC.3006 for a service type the catalog does not sell.
 */
const { ANY, MAX_OFFSET, spec, ok, pageOf } = require('./common');
const { cbc, invalidParam } = require('../errors');
const P = require('../data/products');

const unsupportedService = (code) => cbc(400, 'CBC.3006', `Unsupported cloud service type: ${code}.`);
const name = (language, en, zh) => (language === 'en_US' ? en : zh);
const contains = (text, part) => text.toLowerCase().includes(part.toLowerCase());

/** An opaque next-page marker (the offset of the next record), as real markers are opaque. */
const markerOf = (offset) => Buffer.from(`offset:${offset}`).toString('base64');
function offsetOfMarker(marker) {
	if (marker === undefined) return 0;
	const match = /^offset:(\d+)$/.exec(Buffer.from(marker, 'base64').toString('utf8'));
	if (!match) throw invalidParam(`Invalid parameter \`marker\`: ${JSON.stringify(marker)} is not a marker this API returned.`);
	return Number(match[1]);
}
/** One marker page of `list` and the marker of the next (null on the last page). */
function markerPage(list, marker, limit) {
	const offset = offsetOfMarker(marker);
	const next = offset + limit < list.length ? markerOf(offset + limit) : null;
	return { records: list.slice(offset, offset + limit), page_info: { next_marker: next } };
}

const code = (required = false) => spec.str(64, { required });
const filterSpec = (keys) => ({ type: 'array', maxItems: 1, items: { type: 'object', fields: { key: { type: 'string', required: true, enum: keys }, value: { type: 'string', required: true, maxLength: 128 } } } });
const catalogPaging = { offset: spec.offset(MAX_OFFSET), limit: spec.limit(100) };

/** A read anyone may make, without a permission item; `language` when it takes X-Language. */
const openRead = (method, path, params, handler, language = true) => ({ method, path, codes: null, callers: ANY, language, params, handler });

const ListServiceTypes = openRead(
	'GET',
	'/v2/products/service-types',
	{ ...catalogPaging, service_type_name: spec.str(128) },
	function (ctx) {
		const b = ctx.body;
		const list = P.SERVICE_TYPES.map(([code, en, zh, abbreviation]) => ({ service_type_name: name(ctx.language, en, zh), service_type_code: code, abbreviation })).filter(
			(s) => b.service_type_name === undefined || contains(s.service_type_name, b.service_type_name),
		);
		return ok({ total_count: list.length, service_types: pageOf(list, b.offset, b.limit) });
	},
);

const ListResourceTypes = openRead(
	'GET',
	'/v2/products/resource-types',
	catalogPaging,
	function (ctx) {
		const list = P.RESOURCE_TYPES.map(([code, service, en, zh, desc]) => ({ resource_type_code: code, resource_type_name: name(ctx.language, en, zh), resource_type_desc: name(ctx.language, desc, zh), service_type_code: service }));
		return ok({ total_count: list.length, resource_types: pageOf(list, ctx.body.offset, ctx.body.limit) });
	},
);

const ListServiceResources = openRead(
	'GET',
	'/v2/products/service-resources',
	{ ...catalogPaging, service_type_code: code(true) },
	function (ctx) {
		const b = ctx.body;
		if (!P.SERVICE_TYPES.some((s) => s[0] === b.service_type_code)) throw unsupportedService(b.service_type_code);
		const list = P.RESOURCE_TYPES.filter((r) => r[1] === b.service_type_code).map(([code, service, en, zh, desc]) => ({
			basic_info: { resource_type_code: code, product_owner_service: service, name: name(ctx.language, en, zh), description: name(ctx.language, desc, zh) },
		}));
		return ok({ total_count: list.length, infos: pageOf(list, b.offset, b.limit) });
	},
);

const ListUsageTypes = openRead(
	'GET',
	'/v2/products/usage-types',
	{ ...catalogPaging, resource_type_code: code() },
	function (ctx) {
		const b = ctx.body;
		const list = [];
		for (const [usage, en, zh, resourceTypes] of P.USAGE_TYPES) {
			for (const r of P.RESOURCE_TYPES.filter((t) => resourceTypes.includes(t[0]) && (b.resource_type_code === undefined || t[0] === b.resource_type_code))) {
				const service = P.SERVICE_TYPES.find((s) => s[0] === r[1]);
				list.push({ code: usage, name: name(ctx.language, en, zh), resource_type_code: r[0], service_type_code: r[1], resource_type_name: name(ctx.language, r[2], r[3]), service_type_name: name(ctx.language, service[1], service[2]) });
			}
		}
		return ok({ total_count: list.length, usage_types: pageOf(list, b.offset, b.limit) });
	},
);

const ListConversions = openRead(
	'GET',
	'/v2/bases/conversions',
	{ measure_type: { type: 'integer', enum: [1, 2, 3, 4, 7, 9, 10, 11, 12, 16, 19, 20, 27, 28, 29, 30, 31, 40, 41, 108] } },
	function (ctx) {
		const type = ctx.body.measure_type;
		const conversions = P.CONVERSIONS.filter((c) => type === undefined || c[3] === type).map(([measure_id, ref_measure_id, conversion_ratio, measure_type]) => ({ measure_id, ref_measure_id, conversion_ratio, measure_type }));
		return ok({ conversions });
	},
);

/** The members every price inquiry line has (DemandProductInfo / PeriodProductInfo). */
const productLine = {
	id: spec.str(64, { required: true }),
	cloud_service_type: code(true),
	resource_type: code(true),
	resource_spec: spec.str(128, { required: true }),
	region: code(true),
	available_zone: spec.str(64),
	resource_size: { type: 'integer', min: 1 },
	size_measure_id: { type: 'integer', min: 1 },
	subscription_num: { type: 'integer', required: true, min: 1, max: 1000 },
};

/** A price inquiry's product lines: the members every line has and `members` of its kind, 1 to 100 lines. */
const productLines = (members) => ({ type: 'array', required: true, minItems: 1, maxItems: 100, items: { type: 'object', fields: { ...productLine, ...members } } });

/** The catalog entry a price line names, or the vendor's error for the first thing wrong with it. */
function pricedSpec(line, index) {
	const where = `product_infos[${index}]`;
	if (!P.SERVICE_TYPES.some((s) => s[0] === line.cloud_service_type)) throw unsupportedService(line.cloud_service_type);
	if (!P.regionKnown(line.region)) throw invalidParam(`Invalid parameter \`${where}.region\`: ${JSON.stringify(line.region)} is not a region.`);
	const found = P.specOf(line.cloud_service_type, line.resource_type, line.resource_spec);
	if (!found) throw invalidParam(`Invalid parameter \`${where}.resource_spec\`: ${line.cloud_service_type} sells no ${line.resource_type} of specification ${JSON.stringify(line.resource_spec)}.`);
	const unit = P.LINEAR[line.resource_type];
	if (unit && (line.resource_size === undefined || line.size_measure_id !== unit))
		throw invalidParam(`Invalid parameter \`${where}.resource_size\`: a linear product needs resource_size with size_measure_id ${unit}.`);
	return { found, units: (unit ? line.resource_size : 1) * line.subscription_num };
}

function uniqueIds(lines) {
	const seen = new Set();
	for (const line of lines) {
		if (seen.has(line.id)) throw invalidParam(`Invalid parameter \`product_infos\`: the id ${JSON.stringify(line.id)} is used twice.`);
		seen.add(line.id);
	}
}

const projectId = { type: 'string', required: true, pattern: /^[0-9a-f]{32}$/, patternText: 'a project ID of 32 hexadecimal characters' };
const productId = (found) => `OFFI${Buffer.from(found.spec).toString('hex').slice(0, 16).toUpperCase()}`;
/** Partner-set discount (607) every sandbox quote gets. */
const PARTNER_DISCOUNT = 0.1;

const ListOnDemandResourceRatings = openRead(
	'POST',
	'/v2/bills/ratings/on-demand-resources',
	{
		project_id: projectId,
		inquiry_precision: { type: 'integer', enum: [0, 1] },
		product_infos: productLines({
			usage_factor: spec.str(64, { required: true }),
			usage_value: { type: 'number', required: true, min: 0 },
			usage_measure_id: { type: 'integer', required: true, enum: Object.keys(P.HOURS_PER_MEASURE).map(Number) },
		}),
	},
	function (ctx) {
		const b = ctx.body;
		uniqueIds(b.product_infos);
		const places = b.inquiry_precision === 1 ? 10 : 6;
		const results = b.product_infos.map((line, index) => {
			const { found, units } = pricedSpec(line, index);
			const official = P.round(found.hourly * units * line.usage_value * P.HOURS_PER_MEASURE[line.usage_measure_id], places);
			const discount = P.round(official * PARTNER_DISCOUNT, places);
			return {
				id: line.id,
				product_id: productId(found),
				amount: P.round(official - discount, places),
				discount_amount: discount,
				official_website_amount: official,
				measure_id: 1,
				discount_rating_results: discount ? [{ discount_id: 'PD-607-0001', discount_type: 607, amount: discount, measure_id: 1, discount_name: 'Partner discount' }] : [],
			};
		});
		const sum = (key) => P.round(results.reduce((total, r) => total + r[key], 0), places);
		return ok({ amount: sum('amount'), discount_amount: sum('discount_amount'), official_website_amount: sum('official_website_amount'), measure_id: 1, currency: 'USD', product_rating_results: results });
	},
	false,
);

const ListRateOnPeriodDetail = openRead(
	'POST',
	'/v2/bills/ratings/period-resources/subscribe-rate',
	{
		project_id: projectId,
		product_infos: productLines({
			period_type: { type: 'integer', required: true, enum: [0, 2, 3, 4] },
			period_num: { type: 'integer', required: true, min: 1, max: 9999 },
			fee_installment_mode: spec.enumOf(['HALF_PAY', 'ZERO_PAY', 'NA']),
		}),
	},
	function (ctx) {
		const b = ctx.body;
		uniqueIds(b.product_infos);
		const lines = b.product_infos.map((line, index) => {
			const { found, units } = pricedSpec(line, index);
			const official = P.round(P.monthlyOf(found) * units * line.period_num * P.MONTHS_PER_PERIOD[line.period_type], 2);
			// Yearly subscriptions are priced at 10 months: the real catalog's usual 2-month saving.
			const listed = line.period_type === 3 ? P.round((official * 10) / 12, 2) : official;
			return { line, found, official: listed };
		});
		const total = P.round(lines.reduce((sum, l) => sum + l.official, 0), 2);
		const discounted = lines.map((l) => ({ ...l, discount: P.round(l.official * PARTNER_DISCOUNT, 2) }));
		const discountTotal = P.round(discounted.reduce((sum, l) => sum + l.discount, 0), 2);
		return ok({
			official_website_rating_result: {
				official_website_amount: total,
				measure_id: 1,
				product_rating_results: lines.map((l) => ({ id: l.line.id, product_id: productId(l.found), official_website_amount: l.official, measure_id: 1 })),
			},
			optional_discount_rating_results: [
				{
					discount_id: 'PD-607-0001',
					amount: P.round(total - discountTotal, 2),
					official_website_amount: total,
					discount_amount: discountTotal,
					measure_id: 1,
					discount_type: 607,
					discount_name: 'Partner discount',
					best_offer: 1,
					product_rating_results: discounted.map((l) => ({ id: l.line.id, product_id: productId(l.found), amount: P.round(l.official - l.discount, 2), official_website_amount: l.official, discount_amount: l.discount, measure_id: 1 })),
				},
			],
			currency: 'USD',
		});
	},
	false,
);

const ListRenewRateOnPeriod = openRead(
	'POST',
	'/v2/bills/ratings/period-resources/renew-rate',
	{
		resource_ids: { type: 'array', required: true, minItems: 1, maxItems: 10, items: { type: 'string', maxLength: 64 } },
		period_type: { type: 'integer', required: true, enum: [2, 3] },
		period_num: { type: 'integer', required: true, min: 1 },
		include_relative_resources: { type: 'boolean' },
	},
	/** Resources that cannot be priced are listed in fail_resource_infos with their code; the others are priced. */
	
	function (ctx) {
		const b = ctx.body;
		if (b.period_num > (b.period_type === 3 ? 3 : 11)) throw cbc(400, 'CBC.30050008', 'The period type or number of periods for the resource does not exist.');
		const months = b.period_num * (b.period_type === 3 ? 10 : 1);
		const results = [];
		const failures = [];
		for (const id of b.resource_ids) {
			const resource = P.PERIOD_RESOURCES.find((r) => r.id === id);
			if (!resource) failures.push({ error_code: 'CBC.30050009', error_msg: 'The resources do not exist or has been deleted due to expiration.', resource_id: id });
			else if (!resource.main) failures.push({ error_code: 'CBC.30050007', error_msg: 'It is not a primary resource, and the renewal quotation is not allowed.', resource_id: id });
			else {
				const related = b.include_relative_resources ? resource.attached.map((a) => P.PERIOD_RESOURCES.find((r) => r.id === a)) : [];
				const monthly = [resource, ...related].reduce((sum, r) => sum + P.resourceMonthly(r), 0);
				results.push({ resource_id: id, amount: P.round(monthly * months, 2) });
			}
		}
		const total = P.round(results.reduce((sum, r) => sum + r.amount, 0), 2);
		const discount = P.round(total * PARTNER_DISCOUNT, 2);
		const text = (x) => x.toFixed(2);
		return ok({
			currency: 'USD',
			renew_inquiry_results: results.map((r) => ({ resource_id: r.resource_id, amount: text(r.amount) })),
			official_website_rating_result: { official_website_amount: text(total) },
			optional_discount_rating_results: results.length
				? [{ discount_id: 'PD-607-0001', amount: text(total - discount), official_website_amount: text(total), discount_amount: text(discount), discount_type: 607, discount_name: 'Partner discount', best_offer: 1 }]
				: [],
			fail_resource_infos: failures,
		});
	},
	false,
);

/** The specifications a query names, by the catalog's order; unknown services are CBC.3006. */
function specsOf(b) {
	if (b.cloud_service_type !== undefined && !P.SERVICE_TYPES.some((s) => s[0] === b.cloud_service_type)) throw unsupportedService(b.cloud_service_type);
	if (!P.regionKnown(b.region_code)) throw invalidParam(`Invalid parameter \`region_code\`: ${JSON.stringify(b.region_code)} is not a region.`);
	const filter = (b.filters || [])[0];
	return P.SPECS.filter(
		(s) =>
			(b.cloud_service_type === undefined || s.service === b.cloud_service_type) &&
			(b.resource_type === undefined || s.resourceType === b.resource_type) &&
			(!filter || filter.key !== 'RESOURCE_SPEC' || s.spec === filter.value),
	);
}

const serviceNames = (s, language) => {
	const service = P.SERVICE_TYPES.find((t) => t[0] === s.service);
	const type = P.RESOURCE_TYPES.find((t) => t[0] === s.resourceType);
	return { cloud_service_type: s.service, cloud_service_type_name: name(language, service[1], service[2]), resource_type: s.resourceType, resource_type_name: name(language, type[2], type[3]) };
};

const ListResourceSpecs = openRead(
	'POST',
	'/v2/products/resource-specs-query',
	{
		cloud_service_type: code(true),
		resource_type: code(true),
		region_code: code(true),
		charge_mode: spec.enumOf(['1', '3'], { required: true }),
		filters: filterSpec(['RESOURCE_SPEC']),
		marker: spec.str(256),
		limit: { type: 'integer', min: 1, max: 100, default: 100 },
	},
	function (ctx) {
		const b = ctx.body;
		const list = specsOf(b).map((s) => ({ ...serviceNames(s, ctx.language), resource_spec: s.spec, resource_spec_name: s.name, charge_mode: b.charge_mode, region_code: b.region_code }));
		const page = markerPage(list, b.marker, b.limit);
		return ok({ page_info: page.page_info, cloud_service_basics: page.records });
	},
);

const CHARGING_MODES = ['PERIOD', 'ON_DEMAND', 'ONE_TIME', 'ON_DEMAND_PKG'];

/** List prices of a specification: pay-per-use by the hour, yearly/monthly by the month and the year. */
function priceList(s, mode) {
	const prices = [
		{ offering_id: `OFFI-OD-${s.spec}`, currency: 'USD', official_price: s.hourly.toFixed(4), charging_mode: 'ON_DEMAND', period_type: 4, period_nums: [1], billing_usage_factor: 'Duration' },
		{ offering_id: `OFFI-PM-${s.spec}`, currency: 'USD', official_price: P.monthlyOf(s).toFixed(2), charging_mode: 'PERIOD', period_type: 2, period_nums: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
		{ offering_id: `OFFI-PY-${s.spec}`, currency: 'USD', official_price: (P.monthlyOf(s) * 10).toFixed(2), charging_mode: 'PERIOD', period_type: 3, period_nums: [1, 2, 3] },
	];
	return mode ? prices.filter((p) => p.charging_mode === mode) : prices;
}

const ListResourceSpecsPrice = openRead(
	'POST',
	'/v2/products/resource-specs-price/query',
	{
		cloud_service_type: code(),
		resource_type: code(),
		region_code: code(true),
		filters: filterSpec(['RESOURCE_SPEC', 'CHARGING_MODE']),
		need_attributes: { type: 'boolean' },
		need_price: { type: 'boolean' },
		marker: spec.str(256),
		limit: { type: 'integer', min: 1, max: 50, default: 50 },
	},
	function (ctx) {
		const b = ctx.body;
		const filter = (b.filters || [])[0];
		if (filter && filter.key === 'CHARGING_MODE' && !CHARGING_MODES.includes(filter.value))
			throw invalidParam(`Invalid parameter \`filters[0].value\`: ${JSON.stringify(filter.value)} is not one of ${CHARGING_MODES.join(', ')}.`);
		const mode = filter && filter.key === 'CHARGING_MODE' ? filter.value : undefined;
		// Specifications sold only once or as packages are not in this catalog.
		const list = (mode === 'ONE_TIME' || mode === 'ON_DEMAND_PKG' ? [] : specsOf(b)).map((s) => {
			const names = serviceNames(s, ctx.language);
			/** @type {Record<string, any>} */
			const info = { ...names, resource_spec: s.spec, resource_spec_name: s.name };
			if (b.need_attributes) info.attributes = s.attributes;
			if (b.need_price) info.price_lists = priceList(s, mode);
			return info;
		});
		const page = markerPage(list, b.marker, b.limit);
		return ok({ page_info: page.page_info, region_code: b.region_code, resource_spec_infos: page.records });
	},
);

module.exports = {
	ListServiceTypes,
	ListResourceTypes,
	ListServiceResources,
	ListUsageTypes,
	ListConversions,
	ListOnDemandResourceRatings,
	ListRateOnPeriodDetail,
	ListRenewRateOnPeriod,
	ListResourceSpecs,
	ListResourceSpecsPrice,
};
