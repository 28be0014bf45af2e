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
	];
}

module.exports = { credentials };
