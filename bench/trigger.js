#!/usr/bin/env node
// Benchmark: what a New Customer poll of each vendor trigger costs as the customer base
// grows. For N = 1,000, 10,000 and 100,000 seeded customers with 10 new ones, prints the requests
// one poll makes and the size of the state it keeps in static data (targets: at most 2 requests on
// Tencent and Huawei, state under 4 KB at every N). dotdigital is printed too: its account list is
// not filtered by time (no creation time is published), so a poll reads every account.
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cloud-partners-bench-'));
require('tsx/cjs');

const { setCredential } = require('../test/harness/runWorkflow.ts');
const { pollTrigger } = require('../test/harness/trigger.ts');
const { startSandbox } = require('../sandbox/server');
const tencentKeys = require('../sandbox/tencent/keys');
const huaweiKeys = require('../sandbox/huawei/keys');
const dotdigitalKeys = require('../sandbox/dotdigital/keys');

const SIZES = (process.env.BENCH_SIZES || '1000,10000,100000').split(',').map(Number);
const NEW_CUSTOMERS = 10;

const { chinaTimeAt: chinaTime, utcAt: utc } = require('../test/harness/clock.ts');

const PROVIDERS = {
	tencent: {
		parameters: { provider: 'tencent', event: 'newCustomer' },
		credentials: { tencentCloudPartnerApi: { id: 'bench-tencent', name: 'tencent' } },
		seed: (control, n) => control.tencent.seed({ customers: n }),
		addNew: (control, i) => control.tencent.addCustomer({ AssociationTime: chinaTime(1 + i) }),
		target: 2,
	},
	huawei: {
		parameters: { provider: 'huawei', authentication: 'accessKey', event: 'newCustomer' },
		credentials: { huaweiCloudPartnerApi: { id: 'bench-huawei', name: 'huawei' } },
		seed: (control, n) => control.huawei.seed({ customers: n }),
		addNew: (control) => control.huawei.addCustomer({ associated_on: utc(-1) }),
		target: 2,
	},
	dotdigital: {
		parameters: { provider: 'dotdigital', event: 'newCustomer' },
		credentials: { dotdigitalResellerApi: { id: 'bench-dotdigital', name: 'dotdigital' } },
		seed: (control, n) => control.dotdigital.seed({ accounts: n }),
		addNew: (control, i) => control.dotdigital.addAccount({ AccountName: `New ${i}` }),
		target: undefined,
	},
};

async function main() {
	const sandbox = await startSandbox({ port: 0 });
	try {
		sandbox.control.setRateLimit({ enabled: false });
		setCredential('bench-tencent', { ...tencentKeys.partnerKey, sessionToken: '', endpoint: sandbox.url, language: 'en-US' });
		setCredential('bench-huawei', {
			site: 'custom',
			endpoint: sandbox.url,
			accessKeyId: huaweiKeys.partnerKey.accessKeyId,
			secretAccessKey: huaweiKeys.partnerKey.secretAccessKey,
			securityToken: '',
			domainId: huaweiKeys.partnerKey.domainId,
			resolvedDomainId: '',
		});
		setCredential('bench-dotdigital', { ...dotdigitalKeys.resellerUser, baseUrl: `${sandbox.url}/WebApi/ResellerServices` });

		const rows = [];
		let met = true;
		for (const [name, provider] of Object.entries(PROVIDERS)) {
			for (const size of SIZES) {
				sandbox.control.reset();
				sandbox.control.setRateLimit({ enabled: false });
				provider.seed(sandbox.control, size);
				const first = await pollTrigger(provider.parameters, provider.credentials, {});
				if (first.error) throw first.error;
				for (let i = 0; i < NEW_CUSTOMERS; i++) provider.addNew(sandbox.control, i);
				sandbox.control.clearRequests();
				const poll = await pollTrigger(provider.parameters, provider.credentials, first.staticData);
				if (poll.error) throw poll.error;
				const requests = sandbox.control.getRequests({ provider: name }).length;
				const ok = (provider.target === undefined || requests <= provider.target) && poll.stateBytes < 4096 && poll.items.length === NEW_CUSTOMERS;
				if (!ok && provider.target !== undefined) met = false;
				rows.push(`${name.padEnd(10)} N=${String(size).padStart(6)}  new emitted ${String(poll.items.length).padStart(2)}  requests/poll ${String(requests).padStart(4)}${provider.target ? ` (target <= ${provider.target})` : ' (no time filter)'}  state ${String(poll.stateBytes).padStart(4)} B (target < 4096)`);
			}
		}
		process.stdout.write(`Vendor trigger benchmark, New Customer with ${NEW_CUSTOMERS} new customers (${new Date().toISOString()})\n${rows.join('\n')}\nverdict: ${met ? 'targets met' : 'TARGET MISSED'}\n`);
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
