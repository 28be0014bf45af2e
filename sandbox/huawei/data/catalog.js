'use strict';
/**
 * Static reference data: cloud service and resource types (with English and Chinese names, since
 * APIs that take `X-Language` default to Chinese), measurement units, regions and ISO country codes.
 */

/**
 * [service_type_code, resource_type_code, English name, Chinese name, resource English name, resource Chinese name, spec examples]
 * @type {Array<[string, string, string, string, string, string, string[]]>}
 */
const SERVICES = [
	['hws.service.type.ec2', 'hws.resource.type.vm', 'Elastic Cloud Server', '弹性云服务器', 'Cloud Server', '云主机', ['s6.large.2.linux', 'c7.xlarge.2.win', 'm6.2xlarge.8.linux']],
	['hws.service.type.ebs', 'hws.resource.type.volume', 'Elastic Volume Service', '云硬盘', 'Disk', '云硬盘', ['SSD', 'SAS', 'GPSSD']],
	['hws.service.type.obs', 'hws.resource.type.obs', 'Object Storage Service', '对象存储服务', 'Bucket', '桶', ['obs.standard', 'obs.warm', 'obs.cold']],
	['hws.service.type.vpc', 'hws.resource.type.bandwidth', 'Virtual Private Cloud', '虚拟私有云', 'Bandwidth', '带宽', ['19_bgp', '19_sbgp']],
	['hws.service.type.rds', 'hws.resource.type.rds.vm', 'Relational Database Service', '云数据库', 'Database Instance', '数据库实例', ['rds.mysql.n1.large.2', 'rds.pg.n1.xlarge.4']],
	['hws.service.type.cce', 'hws.resource.type.cce.cluster', 'Cloud Container Engine', '云容器引擎', 'Cluster', '集群', ['cce.s1.small', 'cce.s2.medium']],
	['hws.service.type.elb', 'hws.resource.type.elb', 'Elastic Load Balance', '弹性负载均衡', 'Load Balancer', '负载均衡器', ['elb.dedicated.small', 'elb.shared']],
	['hws.service.type.dcs', 'hws.resource.type.dcs', 'Distributed Cache Service', '分布式缓存服务', 'Cache Instance', '缓存实例', ['redis.ha.xu1.large.r2.2']],
	['hws.service.type.cdn', 'hws.resource.type.cdn', 'Content Delivery Network', '内容分发网络', 'Domain', '加速域名', ['cdn.flow.global']],
	['hws.service.type.kms', 'hws.resource.type.kms', 'Data Encryption Workshop', '数据加密服务', 'Key', '密钥', ['kms.key.standard']],
];

const REGIONS = [
	['eu-west-101', 'eu-west-101a'],
	['eu-west-0', 'eu-west-0a'],
	['ap-southeast-1', 'ap-southeast-1a'],
	['ap-southeast-3', 'ap-southeast-3b'],
	['la-north-2', 'la-north-2a'],
	['af-south-1', 'af-south-1a'],
];

/** [measure_id, English name, Chinese name, abbreviation, measure_type] */
const MEASURE_UNITS = [
	[1, 'Dollar', '元', 'USD', 1],
	[2, 'Dime', '角', 'dime', 1],
	[3, 'Cent', '分', 'cent', 1],
	[4, 'Hour', '小时', 'h', 2],
	[5, 'Day', '天', 'd', 2],
	[6, 'Week', '周', 'wk', 2],
	[7, 'Month', '月', 'mo', 2],
	[8, 'Year', '年', 'yr', 2],
	[9, 'Minute', '分钟', 'min', 2],
	[10, 'GB', 'GB', 'GB', 3],
	[11, 'MB', 'MB', 'MB', 3],
	[12, 'TB', 'TB', 'TB', 3],
	[13, 'Byte', '字节', 'B', 3],
	[14, 'Count', '次', 'count', 4],
	[15, 'Piece', '个', 'pcs', 4],
	[17, 'GB', 'GB', 'GB', 7],
	[18, 'TB', 'TB', 'TB', 7],
];

/** ISO 3166-1 alpha-2 codes (CreateSubCustomer's domain_area). */
const COUNTRIES = new Set(
	('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
		'DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
		'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ ' +
		'OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
		'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '),
);

/** The service entry for a service_type_code, or undefined. */
const serviceByCode = (code) => SERVICES.find((s) => s[0] === code);

/** Localised name: `en_US` gives English, anything else the Chinese default. */
const localName = (entry, language, enIndex, zhIndex) => (language === 'en_US' ? entry[enIndex] : entry[zhIndex]);

module.exports = { SERVICES, REGIONS, MEASURE_UNITS, COUNTRIES, serviceByCode, localName };
