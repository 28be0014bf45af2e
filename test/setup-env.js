// n8n-core's InstanceSettings writes an encryption key under the user folder on first use:
// point it at a throw-away folder so tests never touch the developer's ~/.n8n.
const fs = require('fs');
const os = require('os');
const path = require('path');

if (!process.env.N8N_USER_FOLDER_FOR_TESTS) {
	process.env.N8N_USER_FOLDER_FOR_TESTS = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cloud-partners-test-'));
}
process.env.N8N_USER_FOLDER = process.env.N8N_USER_FOLDER_FOR_TESTS;
process.env.N8N_LOG_LEVEL = 'silent';
