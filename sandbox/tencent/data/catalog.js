'use strict';
/**
 * Static reference data: countries, industries, products, regions and partner policies.
 * Realistic enough that a workflow built against the sandbox looks like one built against the
 * real service (codes like `p_cvm`, ids like `kghy_0101`, dialing codes like 852).
 */

/** GetCountryCodes list. 7, 380 and 86 are listed (as on the real service) but rejected on signup. */
const COUNTRIES = [
	['Hong Kong, China', '中国香港', 'HK', 'HKG', '852'],
	['Macao, China', '中国澳门', 'MO', 'MAC', '853'],
	['Taiwan, China', '中国台湾', 'TW', 'TWN', '886'],
	['Singapore', '新加坡', 'SG', 'SGP', '65'],
	['United States', '美国', 'US', 'USA', '1'],
	['Canada', '加拿大', 'CA', 'CAN', '1'],
	['United Kingdom', '英国', 'GB', 'GBR', '44'],
	['Germany', '德国', 'DE', 'DEU', '49'],
	['France', '法国', 'FR', 'FRA', '33'],
	['Netherlands', '荷兰', 'NL', 'NLD', '31'],
	['Italy', '意大利', 'IT', 'ITA', '39'],
	['Spain', '西班牙', 'ES', 'ESP', '34'],
	['Japan', '日本', 'JP', 'JPN', '81'],
	['Korea, Republic of', '韩国', 'KR', 'KOR', '82'],
	['Malaysia', '马来西亚', 'MY', 'MYS', '60'],
	['Thailand', '泰国', 'TH', 'THA', '66'],
	['Indonesia', '印度尼西亚', 'ID', 'IDN', '62'],
	['Philippines', '菲律宾', 'PH', 'PHL', '63'],
	['Vietnam', '越南', 'VN', 'VNM', '84'],
	['India', '印度', 'IN', 'IND', '91'],
	['Australia', '澳大利亚', 'AU', 'AUS', '61'],
	['New Zealand', '新西兰', 'NZ', 'NZL', '64'],
	['Brazil', '巴西', 'BR', 'BRA', '55'],
	['Mexico', '墨西哥', 'MX', 'MEX', '52'],
	['United Arab Emirates', '阿拉伯联合酋长国', 'AE', 'ARE', '971'],
	['Saudi Arabia', '沙特阿拉伯', 'SA', 'SAU', '966'],
	['Turkey', '土耳其', 'TR', 'TUR', '90'],
	['South Africa', '南非', 'ZA', 'ZAF', '27'],
	['Russia', '俄罗斯', 'RU', 'RUS', '7'],
	['Ukraine', '乌克兰', 'UA', 'UKR', '380'],
	['China', '中国', 'CN', 'CHN', '86'],
].map(([EnName, Name, IOS2, IOS3, Code]) => Object.freeze({ EnName, Name, IOS2, IOS3, Code }));

/** Dialing codes for which international accounts cannot be created (InvalidParameterValue.UnSupportArea). */
const UNSUPPORTED_COUNTRY_CODES = new Set(['7', '380', '86']);

/** GetTradeConfigList tree: [id, English name, Chinese name, children]. */
const TRADES = /** @type {Array<[string, string, string, string[][]]>} */ ([
	['kghy_01', 'Internet', '互联网', [['E-commerce', '电子商务'], ['Social media', '社交'], ['Online education', '在线教育'], ['Gaming', '游戏']]],
	['kghy_02', 'Finance', '金融', [['Banking', '银行'], ['Insurance', '保险'], ['Securities', '证券'], ['Payments', '支付']]],
	['kghy_03', 'Manufacturing', '制造', [['Automotive', '汽车'], ['Electronics', '电子'], ['Industrial equipment', '工业设备']]],
	['kghy_04', 'Retail', '零售', [['Supermarkets', '商超'], ['Fashion', '服装'], ['Consumer goods', '消费品']]],
	['kghy_05', 'Media and entertainment', '文娱传媒', [['Video', '视频'], ['Music', '音乐'], ['Publishing', '出版']]],
	['kghy_06', 'Public sector', '政务', [['Government', '政府'], ['Healthcare', '医疗'], ['Education', '教育']]],
]).map(([id, en, zh, children]) => ({
	id,
	en,
	zh,
	children: children.map(([cen, czh], i) => ({ id: `${id}${String(i + 1).padStart(2, '0')}`, en: cen, zh: czh })),
}));

/** Regions used in bills; ids are strings as in RegionSummaryOverviewItem. */
const REGIONS = [
	{ id: '1', name: 'South China(Guangzhou)', zones: [['ap-guangzhou-3', 'Guangzhou Zone 3'], ['ap-guangzhou-6', 'Guangzhou Zone 6']] },
	{ id: '4', name: 'East China(Shanghai)', zones: [['ap-shanghai-2', 'Shanghai Zone 2'], ['ap-shanghai-5', 'Shanghai Zone 5']] },
	{ id: '5', name: 'Hong Kong, Macau and Taiwan (China)(Hong Kong, China)', zones: [['ap-hongkong-2', 'Hong Kong Zone 2'], ['ap-hongkong-3', 'Hong Kong Zone 3']] },
	{ id: '8', name: 'North China(Beijing)', zones: [['ap-beijing-6', 'Beijing Zone 6'], ['ap-beijing-7', 'Beijing Zone 7']] },
	{ id: '9', name: 'Southeast Asia(Singapore)', zones: [['ap-singapore-1', 'Singapore Zone 1'], ['ap-singapore-4', 'Singapore Zone 4']] },
	{ id: '15', name: 'West US(Silicon Valley)', zones: [['na-siliconvalley-1', 'Silicon Valley Zone 1'], ['na-siliconvalley-2', 'Silicon Valley Zone 2']] },
	{ id: '17', name: 'Europe(Frankfurt)', zones: [['eu-frankfurt-1', 'Frankfurt Zone 1'], ['eu-frankfurt-2', 'Frankfurt Zone 2']] },
	{ id: '22', name: 'East US(Virginia)', zones: [['na-ashburn-1', 'Virginia Zone 1'], ['na-ashburn-2', 'Virginia Zone 2']] },
	{ id: '25', name: 'Northeast Asia(Tokyo)', zones: [['ap-tokyo-1', 'Tokyo Zone 1'], ['ap-tokyo-2', 'Tokyo Zone 2']] },
];

/**
 * Products in bills. Prices are integers in units of 1e-8 USD so every amount stays exact.
 * `modes`: billing modes the product is sold in. Components: [typeCode, typeName, code, name,
 * priceUnit, usageUnit, durationUnit, minPrice, maxPrice, maxUsage].
 */
const PRODUCTS = /** @type {Array<{ code: string, name: string, modes: string[], subs: string[][], components: Array<[string, string, string, string, string, string, string, number, number, number]> }>} */ ([
	{
		code: 'p_cvm', name: 'Cloud Virtual Machine', modes: ['prePay', 'postPay'],
		subs: [['sp_cvm_s5', 'Standard S5'], ['sp_cvm_sa2', 'Standard SA2'], ['sp_cvm_m5', 'Memory Optimized M5']],
		components: [['v_cvm_compute', 'Compute', 'v_cvm_compute_cpu', 'CVM instance', 'USD/Unit/Hour', 'Unit', 'Hour', 1500000, 90000000, 8]],
	},
	{
		code: 'p_cbs', name: 'Cloud Block Storage', modes: ['prePay', 'postPay'],
		subs: [['sp_cbs_premium', 'Premium Cloud Disk'], ['sp_cbs_ssd', 'SSD Cloud Disk']],
		components: [['v_cbs_volume', 'volume size', 'v_cbs_volume_size', 'Cloud disk capacity', 'USD/GB/Hour', 'GB', 'Hour', 5000, 30000, 500]],
	},
	{
		code: 'p_cos', name: 'Cloud Object Storage', modes: ['postPay'],
		subs: [['sp_cos_standard', 'COS Standard Storage'], ['sp_cos_archive', 'COS Archive Storage']],
		components: [
			['v_cos_storage', 'Storage', 'v_cos_storage_capacity', 'Storage capacity', 'USD/GB/Day', 'GB', 'Day', 50000, 90000, 2000],
			['v_cos_traffic', 'Traffic', 'v_cos_traffic_out', 'Public network downstream traffic', 'USD/GB', 'GB', 'Times', 4000000, 12000000, 300],
		],
	},
	{
		code: 'p_cdn', name: 'Content Delivery Network', modes: ['postPay'],
		subs: [['sp_cdn_traffic', 'CDN Traffic']],
		components: [['v_cdn_traffic', 'Traffic', 'v_cdn_traffic_overseas', 'Overseas traffic', 'USD/GB', 'GB', 'Times', 3000000, 9000000, 800]],
	},
	{
		code: 'p_cdb', name: 'TencentDB for MySQL', modes: ['prePay'],
		subs: [['sp_cdb_ha', 'MySQL High Availability Edition']],
		components: [['v_cdb_instance', 'Instance', 'v_cdb_instance_2c4g', 'Instance specification', 'USD/Unit/Month', 'Unit', 'Month', 3500000000, 21000000000, 2]],
	},
	{
		code: 'p_clb', name: 'Cloud Load Balancer', modes: ['postPay'],
		subs: [['sp_clb_standard', 'CLB Standard']],
		components: [['v_clb_lcu', 'LCU', 'v_clb_lcu_std', 'LCU usage', 'USD/LCU/Hour', 'LCU', 'Hour', 400000, 900000, 20]],
	},
	{
		code: 'p_lighthouse', name: 'TencentCloud Lighthouse', modes: ['prePay'],
		subs: [['sp_lighthouse_std', 'Lighthouse Instance']],
		components: [['v_lh_bundle', 'Bundle', 'v_lh_bundle_2c2g', 'Lighthouse bundle', 'USD/Unit/Month', 'Unit', 'Month', 500000000, 2400000000, 3]],
	},
	{
		code: 'p_cbm', name: 'Cloud Bare Metal', modes: ['prePay'],
		subs: [['sp_cbm_bmm5', 'CBM Memory Optimized BMM5']],
		components: [['v_cbm_server', 'Server', 'v_cbm_server_bmm5', 'Bare metal server', 'USD/Unit/Month', 'Unit', 'Month', 60000000000, 120000000000, 1]],
	},
]).map((p) => ({
	...p,
	subs: p.subs.map(([code, name]) => ({ code, name })),
	components: p.components.map(([typeCode, typeName, code, name, priceUnit, usageUnit, durationUnit, minPrice, maxPrice, maxUsage]) => ({
		typeCode, typeName, code, name, priceUnit, usageUnit, durationUnit, minPrice, maxPrice, maxUsage,
	})),
}));

/** Transaction types per billing mode ([ActionType code, display name], see reference 9.1). */
const ACTION_TYPES = {
	prePay: [['prepay_purchase', 'Purchase'], ['prepay_renew', 'Renewal'], ['prepay_modify', 'Upgrade/downgrade']],
	postPay: [['postpay_deduct_h', 'Hourly settlement'], ['postpay_deduct_d', 'Daily settlement'], ['postpay_deduct_m', 'Monthly settlement'], ['recon_deduct', 'Adjustment - deduction']],
};
const PAY_MODE_NAMES = { prePay: 'Monthly Subscription', postPay: 'Pay-As-You-Go' };
const BILLING_MODE_NAMES = { prePay: 'Monthly Subscription', postPay: 'Pay-As-You-Go resources' };

/** Projects: [id, name]. */
const PROJECTS = [['0', 'Default Project'], ['1001', 'Web'], ['1002', 'Data Platform'], ['1003', 'Marketing']];

/** Cost-allocation tags: key -> possible values. */
const TAGS = { env: ['prod', 'staging', 'dev'], team: ['web', 'data', 'ops'], costCenter: ['cc-100', 'cc-200'] };

/**
 * Partner policies for QueryPolicyProductListByCode. `*` means "every value at this level".
 * StandardPolicy2024 covers every product: some as a whole, some per sub-product, CVM per component.
 */
function buildPolicies() {
	const star = { SubProductCode: '*', SubProductName: '*', ComponentTypeCode: '*', ComponentTypeName: '*', ComponentCode: '*', ComponentName: '*' };
	const standard = [];
	const window = { StartDate: '2024-01-01 00:00:00', EndDate: '2026-12-31 23:59:59' };
	for (const p of PRODUCTS) {
		const base = { PolicyCode: 'StandardPolicy2024', ProductCode: p.code, ProductName: p.name };
		if (p.code === 'p_cos' || p.code === 'p_cdn') {
			standard.push({ ...base, ...star, ...window });
			continue;
		}
		for (const s of p.subs) {
			for (const c of p.components) {
				standard.push({
					...base,
					SubProductCode: s.code,
					SubProductName: s.name,
					ComponentTypeCode: p.code === 'p_cvm' ? c.typeCode : '*',
					ComponentTypeName: p.code === 'p_cvm' ? c.typeName : '*',
					ComponentCode: '*',
					ComponentName: '*',
					...window,
				});
			}
		}
	}
	const promo = PRODUCTS.filter((p) => ['p_lighthouse', 'p_cvm'].includes(p.code)).map((p) => ({
		PolicyCode: 'PromoPolicy2026', ProductCode: p.code, ProductName: p.name, ...star,
		StartDate: '2026-01-01 00:00:00', EndDate: '2026-12-31 23:59:59',
	}));
	return { StandardPolicy2024: standard, PromoPolicy2026: promo };
}
const POLICIES = buildPolicies();

module.exports = {
	COUNTRIES, UNSUPPORTED_COUNTRY_CODES, TRADES, REGIONS, PRODUCTS, ACTION_TYPES, PAY_MODE_NAMES,
	BILLING_MODE_NAMES, PROJECTS, TAGS, POLICIES,
};
