import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/** Partner Center (BSS) and IAM endpoints of each Huawei Cloud site (reference section 1). */
export const HUAWEI_SITES = {
	eu: { bss: 'https://bss.myhuaweicloud.eu', iam: 'https://iam.eu-west-101.myhuaweicloud.eu' },
	intl: { bss: 'https://bss-intl.myhuaweicloud.com', iam: 'https://iam.myhuaweicloud.com' },
} as const;

export const siteProperty: INodeProperties = {
	displayName: 'Site',
	name: 'site',
	type: 'options',
	options: [
		{ name: 'Europe (huaweicloud.eu)', value: 'eu', description: 'https://bss.myhuaweicloud.eu' },
		{ name: 'International', value: 'intl', description: 'https://bss-intl.myhuaweicloud.com' },
		{ name: 'Custom', value: 'custom', description: 'Another Partner Center endpoint, e.g. a local sandbox' },
	],
	default: 'eu',
	description: 'The Huawei Cloud site your partner account belongs to; Europe and International accounts are separate',
};

export const endpointProperty: INodeProperties = {
	displayName: 'Endpoint',
	name: 'endpoint',
	type: 'string',
	default: '',
	placeholder: 'https://bss.myhuaweicloud.eu',
	description: 'Partner Center (BSS) base URL',
	displayOptions: { show: { site: ['custom'] } },
};

/** The Partner Center base URL a credential points at. */
export function bssEndpointOf(credentials: ICredentialDataDecryptedObject): string {
	const site = String(credentials.site ?? 'eu');
	if (site === 'custom') return String(credentials.endpoint ?? '').trim();
	return (HUAWEI_SITES[site as keyof typeof HUAWEI_SITES] ?? HUAWEI_SITES.eu).bss;
}

/** The IAM base URL: the credential's own, or the site's. */
export function iamEndpointOf(credentials: ICredentialDataDecryptedObject): string {
	const explicit = String(credentials.iamEndpoint ?? '').trim();
	if (explicit) return explicit;
	const site = String(credentials.site ?? 'eu');
	if (site === 'custom') return String(credentials.endpoint ?? '').trim();
	return (HUAWEI_SITES[site as keyof typeof HUAWEI_SITES] ?? HUAWEI_SITES.eu).iam;
}
