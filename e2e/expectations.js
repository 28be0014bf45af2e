'use strict';

/**
 * What each example workflow must produce when `node e2e/run.js test` runs it in real n8n.
 *
 * Key: the file name in examples/ (e.g. 'tencent-low-credit-customers.json'). Every example needs
 * an entry, or the run fails (the example still runs, so `E2E_DUMP_DIR=/tmp/runs` shows its output).
 *
 * 1. Examples that start at a Manual Trigger (run with `n8n execute --id=<id> --rawOutput`).
 *    Value: either a function `(run, ctx) => void | Promise<void>` that throws (with a message a
 *    person can act on) when the result is wrong, or `{ expectError: true, check(run, ctx) }` for an
 *    example that must end in an error (ctx.error then holds the message).
 *
 *    run  the IRun JSON printed by `n8n execute --id=<id> --rawOutput`:
 *         run.status, run.data.resultData.runData[nodeName][runIndex].data.main[output][i].json,
 *         run.data.resultData.lastNodeExecuted, run.data.resultData.error
 *    ctx  { sandboxUrl, file, workflow, lastNode, items, error, nodeOutput(nodeName, { output, runIndex }) }
 *         items = the json of every item the last executed node put on its first output
 *
 * 2. Examples that start at a polling trigger (a node with Poll Times, e.g. Tencent Cloud Partner Trigger).
 *    The runner activates them, starts `n8n start` (activation runs the trigger's first poll: the
 *    baseline), lets the hook change the sandbox, waits (up to 150 s) until n8n has stored a finished
 *    execution of the workflow, checks it, then waits for the trigger's following poll and fails if
 *    that poll started a second execution. Value:
 *
 *    { trigger: {
 *        beforeActivation?(ctx)   optional: put the sandbox in a known state BEFORE the baseline poll
 *        afterActivation(ctx)     required: the change the trigger must notice (sandbox control API)
 *        check(execution, ctx)    required: throws when the execution is wrong
 *    } }
 *
 *    execution  the stored execution, shaped like `run` above: { id, status, mode ('trigger'),
 *               startedAt, stoppedAt, data: { resultData: { runData, lastNodeExecuted, error } } }
 *    ctx        { sandboxUrl, file, workflow, startNode (the trigger's node name), state } in the hooks;
 *               check also gets executionId, lastNode, items, error, nodeOutput(name, opts) and
 *               triggerItems (the json of what the trigger emitted). `state` is one object per
 *               example, shared by its hooks and check (e.g. the id of the customer a hook added).
 *
 *    All trigger examples share one `n8n start` after the `execute` examples, and their polls run
 *    concurrently: a hook must change only what its own trigger watches.
 *
 * The runner has already checked that the execution succeeded (unless expectError) and that no
 * credential secret appears in n8n's output. Examples run one after another, in file-name order
 * (trigger examples last), against ONE sandbox process, so an example sees what earlier ones
 * changed: compare against the workflow's own upstream output or the sandbox's control API, not
 * against fixed seed values.
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

/** POST a JSON body to a sandbox control-API path and parse the JSON answer. */
function sandboxPost(sandboxUrl, pathname, body) {
	return new Promise((resolve, reject) => {
		const payload = JSON.stringify(body);
		const req = http.request(
			`${sandboxUrl}${pathname}`,
			{ method: 'POST', timeout: 5000, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } },
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (d) => (text += d));
				res.on('end', () => {
					if (res.statusCode !== 200) return reject(new Error(`sandbox POST ${pathname} answered ${res.statusCode}: ${text.slice(0, 200)}`));
					try {
						resolve(JSON.parse(text));
					} catch {
						reject(new Error(`sandbox POST ${pathname} returned non-JSON: ${text.slice(0, 200)}`));
					}
				});
			},
		);
		req.on('timeout', () => req.destroy(new Error(`sandbox POST ${pathname} timed out`)));
		req.on('error', reject);
		req.end(payload);
	});
}

/** Tencent's `YYYY-MM-DD HH:mm:ss` (UTC+8, no offset) as `...Z`, the way the trigger reports it. */
function utcFromTencentTime(value) {
	const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(String(value));
	assert.ok(m, `not a Tencent time: ${value}`);
	const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4] - 8, +m[5], +m[6]);
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const cents = (n) => Math.round(Number(n) * 100);
const LOW_CREDIT_UIN = 200000000001;
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

	'huawei-custom-api-call.json': async (run, ctx) => {
		const [answer] = outputOf(ctx, 'Newest orders by path');
		assert.ok(answer && Number.isInteger(answer.total_count), `no total_count came back: ${show(answer)}`);
		const orders = outputOf(ctx, 'One item per order');
		assert.strictEqual(orders.length, Math.min(5, answer.total_count), `expected up to 5 orders, got ${orders.length}`);
		hasKeys(orders, ['order_id', 'customer_id', 'create_time', 'status', 'order_type'], 'order');
		const times = orders.map((o) => o.create_time);
		assert.deepStrictEqual(times, [...times].sort().reverse(), `order_by=-createTime should give newest first: ${show(times)}`);
		// The custom call reached the listed API, as a plain signed GET with the query as typed.
		const calls = await sandboxGet(ctx.sandboxUrl, '/_control/requests?provider=huawei&action=ListCustomerOrders');
		const last = calls[calls.length - 1];
		assert.ok(last && last.outcome === 'ok' && last.method === 'GET', `last ListCustomerOrders call: ${show(last)}`);
		assert.deepStrictEqual({ limit: String(last.query.limit), order_by: last.query.order_by }, { limit: '5', order_by: '-createTime' }, `query sent: ${show(last.query)}`);
	},

	'tencent-custom-action.json': async (run, ctx) => {
		const [answer] = outputOf(ctx, 'QueryCustomersCredit by name');
		assert.ok(answer && Number.isInteger(answer.Total) && typeof answer.RequestId === 'string', `no Total/RequestId came back: ${show(answer)}`);
		const customers = outputOf(ctx, 'One item per customer');
		assert.strictEqual(customers.length, Math.min(5, answer.Total), `expected up to 5 customers, got ${customers.length}`);
		hasKeys(customers, ['ClientUin', 'Credit', 'RemainingCredit', 'AssociationTime'], 'customer');
		const calls = await sandboxGet(ctx.sandboxUrl, '/_control/requests?provider=tencent&action=QueryCustomersCredit');
		const last = calls[calls.length - 1];
		assert.deepStrictEqual({ body: last.body, version: last.version, outcome: last.outcome }, { body: { Page: 1, PageSize: 5, Order: 'desc' }, version: '2022-09-28', outcome: 'ok' }, `last QueryCustomersCredit call: ${show(last)}`);
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

		const history = outputOf(ctx, 'Allocation history');
		assert.ok(history.length >= 1, 'allocation history is empty');
		hasKeys(history, ['AllocatedTime', 'Credit', 'ClientCreditAfter'], 'history');
		for (const h of history) assert.match(String(h.AllocatedTime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, `AllocatedTime should be ISO-8601 UTC, got ${h.AllocatedTime}`);
		const latest = outputOf(ctx, 'Latest allocation');
		assert.strictEqual(latest.length, 1, `"Latest allocation" should return exactly the newest entry, got ${latest.length}`);
		const mine = latest[0];
		assert.ok(mine.Remark === 'n8n example top-up' && cents(mine.Credit) === 5000, `the newest entry is not the 50 USD allocation: ${show(mine)}`);
		assert.strictEqual(cents(mine.ClientCreditAfter), cents(added[0].RemainingCredit), `history shows ${mine.ClientCreditAfter} after the allocation`);
		assert.ok(history.every((h) => h.AllocatedTime <= mine.AllocatedTime), 'an older entry was picked as the latest');

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
		// (`n8n execute` is a live run: "Live run?" lets every verified applicant through.)
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

		// Each refusal is shown, with Tencent's reason, as an item of "Not approved: follow up by hand".
		const followUp = ctx.nodeOutput('Not approved: follow up by hand') || [];
		assert.deepStrictEqual(
			followUp.map((f) => [f.resellerId, f.vendorCode]).sort(),
			verified.filter((v, i) => approved[i].error).map((v, i) => [String(v.SubAgentUin), refused[i].vendorCode]).sort(),
			`"Not approved: follow up by hand" items: ${show(followUp)}`,
		);
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

	'trigger-low-credit-top-up.json': {
		trigger: {
			// The baseline must see this customer above threshold + margin (100 + 50), whatever earlier
			// examples did to it (its seed value, 68.74, is already low: no crossing would follow).
			async beforeActivation(ctx) {
				await sandboxPost(ctx.sandboxUrl, '/_control/tencent/credit', { ClientUin: LOW_CREDIT_UIN, Credit: 1000, RemainingCredit: 1000 });
			},
			async afterActivation(ctx) {
				const log = await sandboxGet(ctx.sandboxUrl, '/_control/requests?provider=tencent&action=AllocateCustomerCredit');
				ctx.state.allocationsBefore = log.length; // earlier examples allocate credit too
				await sandboxPost(ctx.sandboxUrl, '/_control/tencent/credit', { ClientUin: LOW_CREDIT_UIN, Credit: 1000, RemainingCredit: 40 });
			},
			async check(execution, ctx) {
				const fired = ctx.triggerItems;
				assert.strictEqual(fired.length, 1, `the trigger should emit exactly customer ${LOW_CREDIT_UIN}, it emitted ${fired.length}: ${show(fired.map((f) => f.customerId))}`);
				const [item] = fired;
				assert.deepStrictEqual(
					{ provider: item.provider, event: item.event, customerId: item.customerId, credit: item.credit, remainingCredit: item.remainingCredit, threshold: item.threshold },
					{ provider: 'tencent', event: 'lowCredit', customerId: String(LOW_CREDIT_UIN), credit: 1000, remainingCredit: 40, threshold: 100 },
					`unexpected trigger item: ${show(item)}`,
				);

				const topUp = outputOf(ctx, 'Top up 200 USD');
				assert.strictEqual(topUp.length, 1, `"Top up 200 USD" should run once, it returned ${topUp.length} items`);
				assert.strictEqual(cents(topUp[0].RemainingCredit), 24000, `RemainingCredit after the top-up: ${show(topUp[0])}`);

				assert.strictEqual(ctx.lastNode, 'Notify the account manager', `last node was "${ctx.lastNode}"`);
				assert.strictEqual(ctx.items.length, 1, `expected one notification, got ${ctx.items.length}`);
				const [note] = ctx.items;
				assert.strictEqual(note.customerId, String(LOW_CREDIT_UIN), `notification for ${note.customerId}`);
				assert.strictEqual(note.remainingAfterTopUp, 240, `remainingAfterTopUp: ${show(note)}`);
				assert.ok(/ fell to 40 USD and was topped up to 240 USD\.$/.test(note.message), `message: ${note.message}`);

				// The sandbox booked it once: 40 + 200, one AllocateCustomerCredit since the hook.
				const state = await sandboxGet(ctx.sandboxUrl, `/_control/state/tencent/customer?ClientUin=${LOW_CREDIT_UIN}`);
				assert.deepStrictEqual({ Credit: state.Credit, RemainingCredit: state.RemainingCredit }, { Credit: 1200, RemainingCredit: 240 }, 'sandbox credit after the top-up');
				const calls = (await sandboxGet(ctx.sandboxUrl, '/_control/requests?provider=tencent&action=AllocateCustomerCredit')).slice(ctx.state.allocationsBefore);
				assert.strictEqual(calls.length, 1, `expected one AllocateCustomerCredit call since the change, got ${calls.length}: ${show(calls.map((c) => c.body))}`);
				assert.deepStrictEqual(
					{ uin: calls[0].body.ClientUin, added: calls[0].body.AddedCredit, remark: calls[0].body.Remark, outcome: calls[0].outcome },
					{ uin: LOW_CREDIT_UIN, added: 200, remark: 'automatic top-up by n8n', outcome: 'ok' },
					`unexpected AllocateCustomerCredit call: ${show(calls[0])}`,
				);
			},
		},
	},

	'trigger-customer-application-notify.json': {
		trigger: {
			async afterActivation(ctx) {
				// Applied "now" on the sandbox clock: newer than every pending application the baseline saw.
				const { added } = await sandboxPost(ctx.sandboxUrl, '/_control/tencent/pending-applications', { kind: 'client' });
				ctx.state.uin = String(added[0]);
			},
			async check(execution, ctx) {
				const fired = ctx.triggerItems;
				assert.strictEqual(fired.length, 1, `the trigger should emit exactly application ${ctx.state.uin}, it emitted ${fired.length}: ${show(fired.map((f) => f.customerId))}`);
				const [item] = fired;
				assert.deepStrictEqual(
					{ provider: item.provider, event: item.event, customerId: item.customerId, name: item.name, status: item.status },
					{ provider: 'tencent', event: 'newCustomerApplication', customerId: ctx.state.uin, name: `Applicant ${ctx.state.uin}`, status: 'Reviewing' },
					`unexpected trigger item: ${show(item)}`,
				);
				assert.ok(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(item.appliedAt), `appliedAt should be UTC ISO-8601: ${item.appliedAt}`);
				assert.strictEqual(ctx.lastNode, 'Review request', `last node was "${ctx.lastNode}"`);
				const [message] = ctx.items;
				assert.strictEqual(message.customerId, ctx.state.uin, `message for ${message.customerId}`);
				assert.strictEqual(message.subject, `Customer application from Applicant ${ctx.state.uin} (personal)`, `subject: ${message.subject}`);
			},
		},
	},

	'trigger-new-customer-order.json': {
		trigger: {
			async afterActivation(ctx) {
				// A new purchase fires; a renewal created at the same time must not (Order Types: New Purchase).
				const purchase = await sandboxPost(ctx.sandboxUrl, '/_control/huawei/orders', { order_type: 1, status: 5 });
				await sandboxPost(ctx.sandboxUrl, '/_control/huawei/orders', { order_type: 2, status: 5 });
				ctx.state.orderId = purchase.added[0];
			},
			async check(execution, ctx) {
				const fired = ctx.triggerItems;
				assert.strictEqual(fired.length, 1, `the trigger should emit exactly order ${ctx.state.orderId}, it emitted ${fired.length}: ${show(fired.map((f) => f.orderId))}`);
				const [item] = fired;
				assert.deepStrictEqual(
					{ provider: item.provider, event: item.event, orderId: item.orderId, orderType: item.orderType },
					{ provider: 'huawei', event: 'newCustomerOrder', orderId: ctx.state.orderId, orderType: 1 },
					`unexpected trigger item: ${show(item)}`,
				);
				const [details] = outputOf(ctx, 'Order with line items');
				assert.strictEqual(details.order_info && details.order_info.order_id, ctx.state.orderId, `order details: ${show(details)}`);
				assert.ok(Array.isArray(details.order_line_items) && details.order_line_items.length > 0, `no line items: ${show(details)}`);
				assert.strictEqual(ctx.lastNode, 'Notify the account manager', `last node was "${ctx.lastNode}"`);
				const [note] = ctx.items;
				assert.strictEqual(note.orderId, ctx.state.orderId, `notification for ${note.orderId}`);
				assert.ok(note.message.startsWith(`New purchase ${ctx.state.orderId} by ${item.customerId}: `), `message: ${note.message}`);
			},
		},
	},

	'trigger-expiring-renewal-digest.json': {
		trigger: {
			async beforeActivation(ctx) {
				// Resource Expiring asks each customer in turn (one request each, at Huawei's 10/s): with the
				// 250 seeded customers a poll takes about 26 s, and on a loaded machine the first one outlived
				// the run's 90-second wait for baselines. 40 keep every other example's data (orders of the
				// first seeded customer, which the order example's hook adds after activation).
				await sandboxPost(ctx.sandboxUrl, '/_control/huawei/seed', { customers: 40 });
			},
			async afterActivation(ctx) {
				// Two new customers' resources bought now that expire within 30 days: due as they appear.
				// One expiring in 60 days must not fire.
				const utcIn = (days) => new Date(Date.now() + days * 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z');
				const first = await sandboxPost(ctx.sandboxUrl, '/_control/huawei/customers', {});
				const second = await sandboxPost(ctx.sandboxUrl, '/_control/huawei/customers', {});
				const add = async (customer, body) => (await sandboxPost(ctx.sandboxUrl, '/_control/huawei/subscriptions', { customer_id: customer.customer_id, ...body })).added;
				ctx.state.expected = {
					[first.customer_id]: [...(await add(first, { count: 2, expire_time: utcIn(20), stepSeconds: 3600 }))].sort(),
					[second.customer_id]: await add(second, { expire_time: utcIn(5) }),
				};
				await add(first, { expire_time: utcIn(60) });
				ctx.state.since = Date.now() - 15 * 60000;
			},
			async check(execution, ctx) {
				const { expected } = ctx.state;
				const ours = ctx.triggerItems.filter((i) => i.customerId in expected);
				const byCustomer = {};
				for (const item of ours) (byCustomer[item.customerId] = byCustomer[item.customerId] || []).push(item.resourceId);
				for (const id of Object.keys(byCustomer)) byCustomer[id].sort();
				assert.deepStrictEqual(byCustomer, expected, `trigger items of the new customers: ${show(ours)}`);
				for (const item of ours) {
					assert.strictEqual(item.event, 'resourceExpiring', `event: ${show(item)}`);
					assert.ok(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(item.expiresAt) && item.daysLeft <= 30, `expiresAt/daysLeft: ${show(item)}`);
				}
				// Any other item is a seeded resource whose 30-day mark passed during the run.
				for (const item of ctx.triggerItems.filter((i) => !(i.customerId in expected))) {
					const due = Date.parse(item.expiresAt) - 30 * 86400000;
					assert.ok(due >= ctx.state.since && due <= Date.now(), `emitted a resource not due during the run: ${show(item)}`);
				}
				assert.strictEqual(ctx.lastNode, 'Digest per customer', `last node was "${ctx.lastNode}"`);
				for (const [customerId, resources] of Object.entries(expected)) {
					const digest = ctx.items.filter((d) => d.customerId === customerId);
					assert.strictEqual(digest.length, 1, `one digest for customer ${customerId}: ${show(ctx.items)}`);
					assert.strictEqual(digest[0].resources, resources.length, `resources counted: ${show(digest[0])}`);
					const lines = digest[0].digest.split('\n');
					assert.strictEqual(lines[0], `${resources.length} yearly/monthly resource(s) of customer ${customerId} expire within 30 days:`, `digest: ${digest[0].digest}`);
					assert.strictEqual(lines.length, resources.length + 1, `one line per resource: ${digest[0].digest}`);
				}
			},
		},
	},

	'trigger-reseller-application-review.json': {
		trigger: {
			async afterActivation(ctx) {
				const verified = await sandboxPost(ctx.sandboxUrl, '/_control/tencent/pending-applications', { kind: 'subAgent', AuthState: 3 });
				const unverified = await sandboxPost(ctx.sandboxUrl, '/_control/tencent/pending-applications', { kind: 'subAgent', AuthState: 1 });
				ctx.state.verified = String(verified.added[0]);
				ctx.state.unverified = String(unverified.added[0]);
			},
			async check(execution, ctx) {
				const fired = ctx.triggerItems.map((i) => [i.resellerId, i.verified]).sort();
				assert.deepStrictEqual(fired, [[ctx.state.verified, true], [ctx.state.unverified, false]].sort(), `trigger items: ${show(ctx.triggerItems)}`);
				const approved = outputOf(ctx, 'Approve');
				assert.strictEqual(approved.length, 1, `"Approve" should run for the verified applicant only, it returned ${approved.length} items`);
				const asked = outputOf(ctx, 'Ask for verification');
				assert.deepStrictEqual(asked.map((a) => a.resellerId), [ctx.state.unverified], `"Ask for verification" items: ${show(asked)}`);
				const calls = (await sandboxGet(ctx.sandboxUrl, '/_control/requests?provider=tencent&action=ApproveSubAgentApply')).filter(
					(r) => [ctx.state.verified, ctx.state.unverified].includes(String(r.body && r.body.SubAgentUin)),
				);
				assert.deepStrictEqual(
					calls.map((r) => [String(r.body.SubAgentUin), r.body.ApproveType, r.outcome]),
					[[ctx.state.verified, 'pass', 'ok']],
					`ApproveSubAgentApply calls for the new applicants: ${show(calls)}`,
				);
			},
		},
	},

	'trigger-new-customer-welcome.json': {
		trigger: {
			async afterActivation(ctx) {
				// AssociationTime defaults to the sandbox's "now" (UTC+8): newer than every seeded customer.
				ctx.state.added = await sandboxPost(ctx.sandboxUrl, '/_control/tencent/customers', { Name: 'Welcome Test Co', Email: 'welcome@example.com' });
			},
			async check(execution, ctx) {
				const { added } = ctx.state;
				const uin = String(added.ClientUin);
				const associatedAt = utcFromTencentTime(added.AssociationTime);

				const fired = ctx.triggerItems;
				assert.strictEqual(fired.length, 1, `the trigger should emit exactly the added customer ${uin}, it emitted ${fired.length}: ${show(fired.map((f) => f.customerId))}`);
				const [item] = fired;
				assert.deepStrictEqual(
					{ provider: item.provider, event: item.event, customerId: item.customerId, name: item.name, associatedAt: item.associatedAt },
					{ provider: 'tencent', event: 'newCustomer', customerId: uin, name: 'Welcome Test Co', associatedAt },
					`unexpected trigger item: ${show(item)}`,
				);
				// Tencent's customer list masks e-mail addresses (welc*****@example.com).
				assert.ok(/^welc\*+@example\.com$/.test(item.email), `e-mail of the trigger item: ${item.email}`);

				const tagged = outputOf(ctx, 'Tag the customer as onboarding');
				assert.strictEqual(tagged.length, 1, `"Tag the customer as onboarding" should run once, it returned ${tagged.length} items`);
				const remark = `Onboarding since ${associatedAt}`;
				const state = await sandboxGet(ctx.sandboxUrl, `/_control/state/tencent/customer?ClientUin=${uin}`);
				assert.ok(String(state.Remark).startsWith('Onboarding since'), `stored remark: ${show(state.Remark)}`);
				assert.strictEqual(state.Remark, remark, 'stored remark');
				const remarks = (await sandboxGet(ctx.sandboxUrl, '/_control/requests?provider=tencent&action=ModifyClientRemark')).filter((r) => String(r.body && r.body.ClientUin) === uin);
				assert.strictEqual(remarks.length, 1, `expected one ModifyClientRemark for ${uin}, got ${remarks.length}`);

				assert.strictEqual(ctx.lastNode, 'Welcome message', `last node was "${ctx.lastNode}"`);
				assert.strictEqual(ctx.items.length, 1, `expected one welcome message, got ${ctx.items.length}`);
				const [message] = ctx.items;
				assert.strictEqual(message.customerId, uin, `message for ${message.customerId}`);
				assert.strictEqual(message.subject, 'Welcome aboard, Welcome Test Co', `subject: ${message.subject}`);
				assert.ok(/^Thanks for choosing us/.test(message.body), `body: ${message.body}`);
			},
		},
	},
};

Object.defineProperty(module.exports, 'sandboxGet', { value: sandboxGet, enumerable: false });
Object.defineProperty(module.exports, 'sandboxPost', { value: sandboxPost, enumerable: false });
