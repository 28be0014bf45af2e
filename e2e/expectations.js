'use strict';

/**
 * What each example workflow must produce when `node e2e/run.js test` executes it in real n8n.
 *
 * Key: the file name in examples/ (e.g. 'tencent-low-credit-customers.json'). Every example needs
 * an entry, or the run fails (the example still runs, so `E2E_DUMP_DIR=/tmp/runs` shows its output).
 *
 * Value: either a function `(run, ctx) => void | Promise<void>` that throws (with a message a person
 * can act on) when the result is wrong, or `{ expectError: true, check(run, ctx) }` for an example
 * that must end in an error (ctx.error then holds the message).
 *
 *  run  the IRun JSON printed by `n8n execute --id=<id> --rawOutput`:
 *       run.status, run.data.resultData.runData[nodeName][runIndex].data.main[output][i].json,
 *       run.data.resultData.lastNodeExecuted, run.data.resultData.error
 *  ctx  { sandboxUrl, file, workflow, lastNode, items, error, nodeOutput(nodeName, { output, runIndex }) }
 *       items = the json of every item the last executed node put on its first output
 *
 * The runner has already checked that the execution succeeded (unless expectError) and that no
 * credential secret appears in n8n's output. Examples run one after another, in file-name order,
 * against ONE sandbox process, so an example sees what earlier ones changed: compare against the
 * workflow's own upstream output or the sandbox's control API, not against fixed seed values.
 */

const assert = require('assert');
const http = require('http');

/** GET a sandbox control-API path (`/_control/...`) and parse the JSON answer. */
function sandboxGet(sandboxUrl, pathAndQuery) {
	return new Promise((resolve, reject) => {
		const req = http.get(`${sandboxUrl}${pathAndQuery}`, { timeout: 5000 }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (body += d));
			res.on('end', () => {
				if (res.statusCode !== 200) return reject(new Error(`sandbox ${pathAndQuery} answered ${res.statusCode}: ${body.slice(0, 200)}`));
				try {
					resolve(JSON.parse(body));
				} catch {
					reject(new Error(`sandbox ${pathAndQuery} returned non-JSON: ${body.slice(0, 200)}`));
				}
			});
		});
		req.on('timeout', () => req.destroy(new Error(`sandbox ${pathAndQuery} timed out`)));
		req.on('error', reject);
	});
}

const cents = (n) => Math.round(Number(n) * 100);
const show = (v) => JSON.stringify(v).slice(0, 300);

/** Output of a node by name; fails clearly when the node did not run. */
function outputOf(ctx, nodeName) {
	const items = ctx.nodeOutput(nodeName);
	assert.ok(items, `node "${nodeName}" did not run`);
	return items;
}

/** Every item has the given keys. */
function hasKeys(items, keys, what) {
	items.forEach((item, i) => {
		for (const k of keys) assert.ok(k in item, `${what} item ${i} lacks "${k}": ${show(item)}`);
	});
}

module.exports = {
	'dotdigital-add-user-and-credit.json': async (run, ctx) => {
		const [details] = outputOf(ctx, 'Request details');
		const [user] = outputOf(ctx, 'Add the user to the account');
		assert.ok(user && Number.isInteger(user.UserId), `no UserId came back: ${show(user)}`);
		const [credit] = outputOf(ctx, 'Top up its credit');
		assert.ok(credit && Number.isInteger(credit.CreditBalance), `no CreditBalance came back: ${show(credit)}`);
		// The sandbox holds the new user in that account, and the 500 credits, booked once.
		const account = await sandboxGet(ctx.sandboxUrl, `/_control/state/dotdigital/account?AccountId=${details.accountId}`);
		const stored = account.Users.find((u) => u.UserId === user.UserId);
		assert.ok(stored, `user ${user.UserId} is not in account ${details.accountId}`);
		assert.strictEqual(stored.Username, details.username, `stored username ${stored.Username}`);
		assert.strictEqual(stored.Firstname, 'Jane', 'Firstname (as documented) did not arrive');
		assert.strictEqual(account.CreditBalance, credit.CreditBalance, `sandbox balance ${account.CreditBalance}`);
		const allocations = account.Allocations.filter((a) => a.Credits === details.credits);
		assert.strictEqual(allocations.length, 1, `expected one allocation of ${details.credits}, found ${allocations.length}`);
	},

	'huawei-customer-onboarding.json': async (run, ctx) => {
		const [details] = outputOf(ctx, 'Customer details');
		const [check] = outputOf(ctx, 'Check the e-mail is free');
		assert.strictEqual(check && check.check_result, 'available', `the new e-mail should be free: ${show(check)}`);
		const [sent] = outputOf(ctx, 'Send verification code');
		assert.ok(sent && sent.success === true && sent.email === details.email, `the code was not sent to ${details.email}: ${show(sent)}`);
		const [created] = outputOf(ctx, 'Create the customer');
		assert.ok(created && /^[0-9a-f]{32}$/.test(created.domain_id), `no customer ID came back: ${show(created)}`);
		const [budget] = outputOf(ctx, 'Set a monthly budget and unfreeze');
		assert.deepStrictEqual(
			{ id: budget.customer_id, amount: budget.budget_amount, unfreeze: budget.cancel_partner_frozen },
			{ id: created.domain_id, amount: 500, unfreeze: '1' },
			`the budget step sent something else: ${show(budget)}`,
		);
		// The sandbox holds the customer, associated with the partner, unfrozen, with the budget.
		const customer = await sandboxGet(ctx.sandboxUrl, `/_control/state/huawei/customer?customer_id=${created.domain_id}`);
		assert.strictEqual(customer.email, details.email, `stored e-mail ${customer.email}`);
		assert.strictEqual(customer.xaccount_id, details.crmId, `stored xaccount_id ${customer.xaccount_id}`);
		assert.strictEqual(customer.is_frozen, 0, 'the new customer should be unfrozen by the budget step');
		const stored = await sandboxGet(ctx.sandboxUrl, `/_control/state/huawei/budget?customer_id=${created.domain_id}`);
		assert.strictEqual(Number(stored.budget_amount), 500, `stored budget ${show(stored)}`);
	},

	'tencent-allocate-credit.json': async (run, ctx) => {
		const found = outputOf(ctx, 'Find the customer');
		assert.strictEqual(found.length, 1, `"Find the customer" should return exactly 1 customer, got ${found.length}`);
		const customer = found[0];
		assert.strictEqual(String(customer.ClientUin), '200000000001', `found the wrong customer: ${show(customer)}`);

		const added = outputOf(ctx, 'Add 50 USD credit');
		assert.strictEqual(added.length, 1, `"Add 50 USD credit" should return 1 item, got ${added.length}`);
		hasKeys(added, ['TotalCredit', 'RemainingCredit'], 'allocation');
		assert.strictEqual(
			cents(added[0].RemainingCredit),
			cents(customer.RemainingCredit) + 5000,
			`remaining credit should grow by 50 (from ${customer.RemainingCredit}), got ${added[0].RemainingCredit}`,
		);
		assert.strictEqual(
			cents(added[0].TotalCredit),
			cents(customer.Credit) + 5000,
			`total credit should grow by 50 (from ${customer.Credit}), got ${added[0].TotalCredit}`,
		);

		const history = outputOf(ctx, 'Latest allocation');
		assert.ok(history.length >= 1, 'allocation history is empty');
		hasKeys(history, ['AllocatedTime', 'Credit', 'ClientCreditAfter'], 'history');
		const mine = history.find((h) => h.Remark === 'n8n example top-up' && cents(h.Credit) === 5000);
		assert.ok(mine, `the 50 USD allocation is not in the history: ${show(history.slice(0, 3))}`);
		assert.strictEqual(cents(mine.ClientCreditAfter), cents(added[0].RemainingCredit), `history shows ${mine.ClientCreditAfter} after the allocation`);
		assert.deepStrictEqual(history[0], mine, 'the new allocation should be the newest history entry');

		// The sandbox really booked it (the request was signed and accepted, not just echoed).
		const state = await sandboxGet(ctx.sandboxUrl, '/_control/state/tencent/customer?ClientUin=200000000001');
		assert.strictEqual(cents(state.RemainingCredit), cents(added[0].RemainingCredit), `sandbox holds RemainingCredit ${state.RemainingCredit}`);
	},

	'tencent-approve-reseller-applications.json': async (run, ctx) => {
		const pending = outputOf(ctx, 'Pending reseller applications');
		assert.ok(pending.length >= 1, 'no pending reseller applications came back');
		hasKeys(pending, ['SubAgentUin', 'Name', 'Status', 'AuthState'], 'application');

		const verified = outputOf(ctx, 'Identity verified');
		const wanted = pending.filter((a) => a.AuthState === 3);
		assert.ok(wanted.length > 0, 'the sandbox has no identity-verified applicants: the example proves nothing');
		assert.deepStrictEqual(
			verified.map((a) => String(a.SubAgentUin)),
			wanted.map((a) => String(a.SubAgentUin)),
			'the filter should pass exactly the applications with AuthState 3',
		);

		// "Approve" runs with onError: continueRegularOutput, so a refused application becomes an
		// item with the vendor's error instead of stopping the workflow. Item i belongs to verified[i].
		const approved = outputOf(ctx, 'Approve');
		assert.strictEqual(approved.length, verified.length, `expected one Approve result per verified applicant (${verified.length}), got ${approved.length}`);
		approved.forEach((a, i) => {
			assert.ok(a.RequestId || (a.error && a.vendorCode), `Approve item ${i} is neither a success (RequestId) nor a vendor error (error, vendorCode): ${show(a)}`);
		});
		const passedUins = verified.filter((v, i) => !approved[i].error).map((v) => String(v.SubAgentUin));
		const refused = approved.filter((a) => a.error);
		assert.ok(passedUins.length >= 1, `no application was approved; errors: ${show(refused.map((r) => r.vendorCode))}`);

		// What the sandbox saw: one signed ApproveSubAgentApply (pass) per verified applicant, accepted
		// exactly for the items that succeeded, refused with the code the item carries for the others.
		const log = await sandboxGet(ctx.sandboxUrl, '/_control/requests?provider=tencent&action=ApproveSubAgentApply');
		const accepted = log.filter((e) => e.outcome === 'ok' && e.body && e.body.ApproveType === 'pass').map((e) => String(e.body.SubAgentUin));
		assert.deepStrictEqual([...accepted].sort(), [...passedUins].sort(), `sandbox accepted approvals for ${show(accepted)}`);
		const refusedCodes = log.filter((e) => e.outcome !== 'ok').map((e) => e.outcome).sort();
		assert.deepStrictEqual(refusedCodes, refused.map((r) => r.vendorCode).sort(), 'refusals in the sandbox log do not match the error items');
	},

	'tencent-bill-by-product.json': (run, ctx) => {
		const bill = outputOf(ctx, "Last month's bill by product");
		assert.ok(bill.length >= 1, 'the bill summary by product is empty');
		hasKeys(bill, ['BusinessCode', 'BusinessCodeName', 'OriginalCost', 'VoucherPayAmount', 'TotalCost'], 'bill');

		const rows = ctx.items;
		assert.strictEqual(ctx.lastNode, 'One spreadsheet row per product', `last node was "${ctx.lastNode}"`);
		assert.strictEqual(rows.length, bill.length, `expected one row per product (${bill.length}), got ${rows.length}`);
		// n8n runs with GENERIC_TIMEZONE=UTC; the month is taken from when the run started.
		const started = new Date(run.startedAt);
		const prev = new Date(Date.UTC(started.getUTCFullYear(), started.getUTCMonth() - 1, 1));
		const month = `${prev.getUTCFullYear()}-${String(prev.getUTCMonth() + 1).padStart(2, '0')}`;
		rows.forEach((row, i) => {
			const src = bill[i];
			assert.deepStrictEqual(
				row,
				{
					Month: month,
					Product: src.BusinessCodeName,
					'Product Code': src.BusinessCode,
					'List Price (USD)': src.OriginalCost,
					'Paid by Vouchers (USD)': src.VoucherPayAmount,
					'Total (USD)': src.TotalCost,
				},
				`row ${i} does not match its bill line ${show(src)}`,
			);
		});
	},

	'tencent-low-credit-customers.json': async (run, ctx) => {
		const all = outputOf(ctx, 'All customers with their credit');
		const partner = await sandboxGet(ctx.sandboxUrl, '/_control/state/tencent/partner');
		assert.strictEqual(all.length, partner.CustomerCount, `returnAll should page through all ${partner.CustomerCount} customers, got ${all.length}`);
		hasKeys(all, ['ClientUin', 'Name', 'Credit', 'RemainingCredit'], 'customer');
		const uins = new Set(all.map((c) => String(c.ClientUin)));
		assert.strictEqual(uins.size, all.length, `paging returned duplicates: ${all.length} items, ${uins.size} distinct ClientUin`);

		const low = ctx.items;
		assert.strictEqual(ctx.lastNode, 'Remaining credit under 100 USD', `last node was "${ctx.lastNode}"`);
		const wanted = all.filter((c) => c.RemainingCredit < 100 && c.Credit > 0);
		assert.ok(wanted.length > 0, 'the seeded sandbox has no low-credit customers: the example proves nothing');
		assert.strictEqual(low.length, wanted.length, `expected ${wanted.length} low-credit customers, the filter passed ${low.length}`);
		for (const c of low) {
			assert.ok(c.RemainingCredit < 100 && c.Credit > 0, `customer passed the filter but should not: ${show(c)}`);
		}
	},
};

Object.defineProperty(module.exports, 'sandboxGet', { value: sandboxGet, enumerable: false });
