#!/usr/bin/env node
// Benchmark: what one poll of each trigger event costs as the watched list grows. For N = 1,000,
// 10,000 and 100,000 existing records with 10 new ones, prints the requests one poll makes and the
// size of the state it keeps in static data (target: state under 4 KB at every N).
//  - New Customer on Tencent and Huawei, and Huawei New Customer Order, read by time: at most 2
//    requests at any N.
//  - Huawei Resource Expiring: ListPayPerUseCustomerResources answers one customer at a time, so
//    a poll over every customer lists the customers a page at a time and asks each once:
//    floor(C / 100) + 1 + C requests (the list ends on a short page)
//    for C customers (here N resources, 10 per customer); with Only These Customers, one per watched
//    customer (and one to read Huawei's clock).
//  - dotdigital publishes no creation time and Tencent's pending-application lists have no time
//    filter and no documented order, so those polls read the whole list (printed, not a target for
//    dotdigital; ceil(N / 100) for the applications).
// Requests are counted with the node's client-side pacing switched off, so the run is quick;
// pacing changes how long a poll takes (at 5/s, 1,000 requests take 200 s), not how many it makes.
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cloud-partners-bench-'));
require('tsx/cjs');

const { setCredential } = require('../test/harness/runWorkflow.ts');
const { pollTrigger } = require('../test/harness/trigger.ts');
const { chinaTimeAt: chinaTime, utcAt: utc } = require('../test/harness/clock.ts');
const { vendorRateLimiter } = require('../nodes/shared/rateLimiter.ts');
const { startSandbox } = require('../sandbox/server');
const tencentKeys = require('../sandbox/tencent/keys');
const huaweiKeys = require('../sandbox/huawei/keys');
const dotdigitalKeys = require('../sandbox/dotdigital/keys');

const SIZES = (process.env.BENCH_SIZES || '1000,10000,100000').split(',').map(Number);
const NEW_RECORDS = 10;
const times = (count, add) => Array.from({ length: count }, (_, i) => add(i));

const tencent = { tencentCloudPartnerApi: { id: 'bench-tencent', name: 'tencent' } };
const huawei = { huaweiCloudPartnerApi: { id: 'bench-huawei', name: 'huawei' } };
const dotdigital = { dotdigitalResellerApi: { id: 'bench-dotdigital', name: 'dotdigital' } };
const readsByTime = { target: () => 2, targetWords: 'target <= 2' };

/** Each event: how to seed N records, how to add the new ones, and how many requests it may make. */
const CASES = [
	{
		label: 'tencent New Customer',
		provider: 'tencent',
		parameters: { provider: 'tencent', event: 'newCustomer' },
		credentials: tencent,
		seed: (control, n) => control.tencent.seed({ customers: n }),
		addNew: (control) => times(NEW_RECORDS, (i) => control.tencent.addCustomer({ AssociationTime: chinaTime(1 + i) })),
		...readsByTime,
	},
	{
		label: 'huawei New Customer',
		provider: 'huawei',
		parameters: { provider: 'huawei', authentication: 'accessKey', event: 'newCustomer' },
		credentials: huawei,
		seed: (control, n) => control.huawei.seed({ customers: n }),
		addNew: (control) => times(NEW_RECORDS, () => control.huawei.addCustomer({ associated_on: utc(-1) })),
		...readsByTime,
	},
	{
		label: 'dotdigital New Customer',
		provider: 'dotdigital',
		parameters: { provider: 'dotdigital', event: 'newCustomer' },
		credentials: dotdigital,
		seed: (control, n) => control.dotdigital.seed({ accounts: n }),
		addNew: (control) => times(NEW_RECORDS, (i) => control.dotdigital.addAccount({ AccountName: `New ${i}` })),
		target: undefined,
		targetWords: 'no time filter',
	},
	{
		label: 'tencent New Customer Application',
		provider: 'tencent',
		parameters: { provider: 'tencent', event: 'newCustomerApplication' },
		credentials: tencent,
		seed: (control, n) => control.tencent.addPendingApplications({ kind: 'client', count: n, spreadDays: 365, ApplyTime: chinaTime(-3600) }),
		addNew: (control) => control.tencent.addPendingApplications({ kind: 'client', count: NEW_RECORDS, ApplyTime: chinaTime(-1) }),
		target: (n) => Math.ceil((n + 12 + NEW_RECORDS) / 100),
		targetWords: 'whole list, ceil(N/100)',
	},
	{
		label: 'tencent New Reseller Application',
		provider: 'tencent',
		parameters: { provider: 'tencent', event: 'newResellerApplication' },
		credentials: tencent,
		seed: (control, n) => control.tencent.addPendingApplications({ kind: 'subAgent', count: n, spreadDays: 365, ApplyTime: chinaTime(-3600) }),
		addNew: (control) => control.tencent.addPendingApplications({ kind: 'subAgent', count: NEW_RECORDS, ApplyTime: chinaTime(-1) }),
		target: (n) => Math.ceil((n + 6 + NEW_RECORDS) / 100),
		targetWords: 'whole list, ceil(N/100)',
	},
	{
		label: 'huawei New Customer Order',
		provider: 'huawei',
		parameters: { provider: 'huawei', authentication: 'accessKey', event: 'newCustomerOrder' },
		credentials: huawei,
		seed: (control, n) => control.huawei.addOrders({ count: n, spreadDays: 300, create_time: utc(-86400) }),
		addNew: (control) => control.huawei.addOrders({ count: NEW_RECORDS, create_time: utc(-1) }),
		...readsByTime,
	},
	...[
		['huawei Resource Expiring', {}, (n) => Math.floor(n / 10 / 100) + 1 + n / 10, 'every customer, floor(C/100)+1+C'],
		['huawei Resource Expiring (10 custs)', { customerIds: 'watched' }, () => 11, 'Only These Customers, 1+10'],
	].map(([label, options, target, targetWords]) => ({
		label,
		provider: 'huawei',
		parameters: { provider: 'huawei', authentication: 'accessKey', event: 'resourceExpiring', daysBeforeExpiry: 30, options },
		credentials: huawei,
		// N resources, 10 per customer, expiring from 31 days on, every 33 days: not due yet. Huawei's
		// expire at the same second of the day, so one day's share (N / 365) came due together a
		// minute ago: the watermark keeps that batch in its state until a later one comes due.
		seed: (control, n, event) => {
			control.huawei.seed({ customers: 0 });
			const customers = times(n / 10, () => String(control.huawei.addCustomer({ associated_on: utc(-86400) }).customer_id));
			for (const id of customers) control.huawei.addSubscriptions({ customer_id: id, count: 10, expire_time: utc(31 * 86400), stepSeconds: 33 * 86400, effective_time: utc(-86400) });
			const batch = utc(30 * 86400 - 60);
			for (const id of customers.slice(0, Math.round(n / 365))) control.huawei.addSubscriptions({ customer_id: id, expire_time: batch, effective_time: utc(-86400) });
			if (event.parameters.options.customerIds !== undefined) event.parameters.options.customerIds = customers.slice(0, NEW_RECORDS).join(',');
			event.customers = customers;
		},
		// One resource bought now by each of 10 customers (the watched ones), expiring within the 30 days.
		addNew: (control, event) => event.customers.slice(0, NEW_RECORDS).forEach((id) => control.huawei.addSubscriptions({ customer_id: id, expire_time: utc(20 * 86400) })),
		target,
		targetWords,
	})),
];

/** Only the events whose label contains BENCH_EVENTS, when set. */
const selected = CASES.filter((event) => !process.env.BENCH_EVENTS || event.label.includes(process.env.BENCH_EVENTS));

/** The bench credentials, pointing at `sandbox` (bench/trigger-budget.js uses them too). */
function setBenchCredentials(sandbox) {
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
}

async function main() {
	vendorRateLimiter.acquire = async () => {};
	const sandbox = await startSandbox({ port: 0 });
	try {
		setBenchCredentials(sandbox);
		const rows = [];
		let met = true;
		for (const event of selected) {
			for (const size of SIZES) {
				sandbox.control.reset();
				sandbox.control.setRateLimit({ enabled: false });
				event.seed(sandbox.control, size, event);
				const first = await pollTrigger(event.parameters, event.credentials, {});
				if (first.error) throw first.error;
				event.addNew(sandbox.control, event);
				sandbox.control.clearRequests();
				const poll = await pollTrigger(event.parameters, event.credentials, first.staticData);
				if (poll.error) throw poll.error;
				const requests = sandbox.control.getRequests({ provider: event.provider }).length;
				const withinTarget = event.target === undefined || requests <= event.target(size);
				if (!withinTarget || poll.stateBytes >= 4096 || poll.items.length !== NEW_RECORDS) met = false;
				rows.push(
					`${event.label.padEnd(36)} N=${String(size).padStart(6)}  new emitted ${String(poll.items.length).padStart(2)}  requests/poll ${String(requests).padStart(4)} (${event.targetWords})  state ${String(poll.stateBytes).padStart(4)} B (target < 4096)`,
				);
			}
		}
		process.stdout.write(`Trigger benchmark, ${NEW_RECORDS} new records per poll (${new Date().toISOString()})\n${rows.join('\n')}\nverdict: ${met ? 'targets met' : 'TARGET MISSED'}\n`);
	} finally {
		await sandbox.close();
	}
}

module.exports = { CASES, NEW_RECORDS, setBenchCredentials };

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`${error.stack || error}\n`);
		process.exit(1);
	});
}
