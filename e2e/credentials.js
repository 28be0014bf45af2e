'use strict';

/**
 * Credentials imported into the e2e n8n (`n8n import:credentials`), all pointing at the local sandbox.
 *
 * Each entry: { id, name, type, data }.
 *  - id:   what example workflows reference (node.credentials.<type>.id). Keep it stable.
 *  - type: the credential's `name` from credentials/*.credentials.ts (not the class name).
 *  - data: the plain field values; n8n encrypts them on import with the user folder's key.
 * Other importable fields (ignored if absent): isManaged, isGlobal, createdAt, updatedAt.
 *
 * These keys are sandbox-only test values: the sandbox accepts them, no real service does.
 */
function credentials(sandboxUrl) {
	return [
		{
			id: 'sandboxTencentPartner',
			name: 'Tencent Cloud Partner (sandbox)',
			type: 'tencentCloudPartnerApi',
			data: {
				secretId: 'AKIDsandboxPartnerKey00000000000001',
				secretKey: 'sandboxPartnerSecret000000000001',
				sessionToken: '',
				endpoint: sandboxUrl,
				language: 'en-US',
			},
		},
		{
			id: 'sandboxHuaweiPartner',
			name: 'Huawei Cloud Partner (sandbox)',
			type: 'huaweiCloudPartnerApi',
			data: {
				site: 'custom',
				endpoint: sandboxUrl,
				accessKeyId: 'HWSANDBOXPARTNERAK0001',
				secretAccessKey: 'sandboxHuaweiPartnerSecretKey0000000001',
				securityToken: '',
				domainId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
				resolvedDomainId: '',
			},
		},
		{
			id: 'sandboxHuaweiIam',
			name: 'Huawei Cloud Partner IAM (sandbox)',
			type: 'huaweiCloudPartnerIamApi',
			data: {
				site: 'custom',
				endpoint: sandboxUrl,
				iamEndpoint: '',
				domainName: 'sandbox-partner',
				userName: 'n8n-operator',
				password: 'Sandbox-Passw0rd!',
				token: '',
			},
		},
		{
			id: 'sandboxDotdigitalReseller',
			name: 'dotdigital CPaaS Reseller (sandbox)',
			type: 'dotdigitalResellerApi',
			data: {
				username: 'sandbox-reseller-api@example.com',
				password: 'Sandbox-Reseller-Pass-1!',
				baseUrl: `${sandboxUrl}/WebApi/ResellerServices`,
			},
		},
	];
}

module.exports = { credentials };
