'use strict';
/**
 * The product catalog and price list behind the product and rating APIs: service types, resource
 * types, usage types, unit conversions, resource specifications (each sold in every region of
 * catalog.js) with hourly and monthly list prices, and a fixed set of yearly/monthly resources to
 * price renewals of. Static: the same in every seed.
 */
const { SERVICES, REGIONS } = require('./catalog');

const round = (x, places) => Math.round(x * 10 ** places) / 10 ** places;

/** [service_type_code, English name, Chinese name, abbreviation]: the catalog's services, and a few sold only as usage. */
const SERVICE_TYPES = [
	...SERVICES.map((s) => [s[0], s[2], s[3], s[0].split('.').pop().toUpperCase()]),
	['hws.service.type.eip', 'Elastic IP', '弹性公网IP', 'EIP'],
	['hws.service.type.ims', 'Image Management Service', '镜像服务', 'IMS'],
	['hws.service.type.marketplace', 'KooGallery', '云商店', 'KooGallery'],
];

/** [resource_type_code, service_type_code, English name, Chinese name, English description] */
const RESOURCE_TYPES = [
	...SERVICES.map((s) => [s[1], s[0], s[4], s[5], `${s[4]} of ${s[2]}`]),
	['hws.resource.type.ip', 'hws.service.type.eip', 'Public IP Address', '公网IP', 'An elastic public IP address'],
	['hws.resource.type.image', 'hws.service.type.ims', 'Private Image', '私有镜像', 'A private image'],
	['hws.resource.type.marketplace.image', 'hws.service.type.marketplace', 'Marketplace Image', '市场镜像', 'An image sold in KooGallery'],
];

/** [code, English name, Chinese name, resource types it bills] */
const USAGE_TYPES = [
	['Duration', 'Duration', '时长', RESOURCE_TYPES.map((r) => r[0])],
	['upflow', 'Outbound Traffic', '上行流量', ['hws.resource.type.bandwidth', 'hws.resource.type.cdn']],
	['capacity', 'Storage Capacity', '存储容量', ['hws.resource.type.obs']],
	['reqNumber', 'Requests', '调用次数', ['hws.resource.type.obs', 'hws.resource.type.kms']],
];

/** [measure_id, ref_measure_id, conversion_ratio, measure_type] */
const CONVERSIONS = [
	[1, 2, 10, 1],
	[1, 3, 100, 1],
	[2, 3, 10, 1],
	[8, 7, 12, 2],
	[5, 4, 24, 2],
	[6, 5, 7, 2],
	[4, 9, 60, 2],
	[12, 10, 1024, 3],
	[10, 11, 1024, 3],
	[11, 13, 1048576, 3],
	[18, 17, 1024, 7],
];

/** Hours in each usage or period unit (measure ids of catalog.js MEASURE_UNITS; period types 0 day, 2 month, 3 year, 4 hour). */
const HOURS_PER_MEASURE = { 4: 1, 5: 24, 6: 168, 7: 730, 8: 8760, 9: 1 / 60 };
const MONTHS_PER_PERIOD = { 0: 1 / 30, 2: 1, 3: 12, 4: 1 / 730 };

/** Linear products are priced per unit of size (GB of disk, Mbit/s of bandwidth): their size unit. */
const LINEAR = { 'hws.resource.type.volume': 17, 'hws.resource.type.bandwidth': 15 };

/** [family, USD per vCPU-hour, GiB of memory per vCPU] @type {Array<[string, number, number]>} */
const ECS_FAMILIES = [['s6', 0.021, 2], ['c7', 0.034, 2], ['m6', 0.029, 8], ['t6', 0.012, 1], ['ac7', 0.031, 4], ['x1', 0.018, 4]];
/** @type {Array<[string, number]>} */
const ECS_SIZES = [['small', 1], ['large', 2], ['xlarge', 4], ['2xlarge', 8], ['4xlarge', 16], ['8xlarge', 32], ['16xlarge', 64]];

/** Every specification: { service, resourceType, spec, name, hourly (USD per hour per unit), attributes }. */
const SPECS = [];
for (const [family, perVcpu, ratio] of ECS_FAMILIES) {
	for (const [size, vcpus] of ECS_SIZES) {
		for (const os of ['linux', 'win']) {
			const memory = vcpus * ratio;
			SPECS.push({
				service: 'hws.service.type.ec2',
				resourceType: 'hws.resource.type.vm',
				spec: `${family}.${size}.${ratio}.${os}`,
				name: `${family.toUpperCase()} ${size} | ${vcpus} vCPUs | ${memory} GiB | ${os === 'win' ? 'Windows' : 'Linux'}`,
				hourly: round(perVcpu * vcpus * (os === 'win' ? 1.35 : 1), 4),
				attributes: [
					{ code: 'vcpu', name: 'vCPUs', value: String(vcpus), unit: 'core' },
					{ code: 'memory', name: 'Memory', value: String(memory), unit: 'GiB' },
				],
			});
		}
	}
}
for (const s of SERVICES.slice(1)) {
	s[6].forEach((spec, i) => {
		const linear = LINEAR[s[1]];
		SPECS.push({
			service: s[0],
			resourceType: s[1],
			spec,
			name: `${s[4]} ${spec}`,
			hourly: linear ? round(0.0001 * (i + 1) * 1.5, 6) : round(0.05 * (i + 1), 4),
			attributes: linear
				? [{ code: 'size', name: linear === 17 ? 'Disk Size' : 'Bandwidth', value: '', unit: linear === 17 ? 'GB' : 'Mbit/s', linear_range: linear === 17 ? { min: 10, max: 32768, step: 1 } : { min: 1, max: 2000, step: 1 } }]
				: [],
		});
	});
}

const specOf = (service, resourceType, spec) => SPECS.find((s) => s.service === service && s.resourceType === resourceType && s.spec === spec);
const regionKnown = (code) => REGIONS.some((r) => r[0] === code);

/** Monthly list price of one unit: 730 hours with the yearly/monthly discount of 30 %. */
const monthlyOf = (spec) => round(spec.hourly * 730 * 0.7, 2);

/** Yearly/monthly resources a renewal can be priced for: main resources and the disks and IPs attached to them. */
const PERIOD_RESOURCES = [
	{ id: '2c2f8f3c-6a1d-4f0e-9f6b-0a9d1f3b5e11', spec: 's6.large.2.linux', main: true, attached: ['vol-5e1f0a22-8d8a-4c3e-b7b1-1d2e3f4a5b61', 'ip-7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c71'] },
	{ id: '8f0e1d2c-3b4a-4c5d-8e6f-7a8b9c0d1e22', spec: 'c7.xlarge.2.linux', main: true, attached: ['vol-6f2a1b33-9e9b-4d4f-c8c2-2e3f4a5b6c72'] },
	{ id: '4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d33', spec: 'm6.2xlarge.8.win', main: true, attached: [] },
	{ id: 'rds-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c44', spec: 'rds.mysql.n1.large.2', main: true, attached: [] },
	{ id: 'vol-5e1f0a22-8d8a-4c3e-b7b1-1d2e3f4a5b61', spec: 'SAS', size: 100, main: false },
	{ id: 'ip-7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c71', spec: '19_bgp', size: 5, main: false },
	{ id: 'vol-6f2a1b33-9e9b-4d4f-c8c2-2e3f4a5b6c72', spec: 'SSD', size: 200, main: false },
];

/** Monthly list price of a yearly/monthly resource (a linear one by its size). */
function resourceMonthly(resource) {
	const spec = SPECS.find((s) => s.spec === resource.spec);
	return round(monthlyOf(spec) * (resource.size || 1), 2);
}

module.exports = {
	SERVICE_TYPES,
	RESOURCE_TYPES,
	USAGE_TYPES,
	CONVERSIONS,
	HOURS_PER_MEASURE,
	MONTHS_PER_PERIOD,
	LINEAR,
	SPECS,
	PERIOD_RESOURCES,
	specOf,
	regionKnown,
	monthlyOf,
	resourceMonthly,
	round,
};
