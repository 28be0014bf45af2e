'use strict';
/**
 * Customers' yearly/monthly resources (ListPayPerUseCustomerResources, OrderInstanceV2): about two
 * main resources per seeded customer, some with an attached one (a server's disk), generated on
 * demand from (seed, customer id) and kept per customer so paging and changes see one list. Periods
 * are one, three or six months or a year; a resource expires at 23:59:59 China time (15:59:59Z),
 * as Huawei's do, between 20 days before the anchor and a year after it. Added customers start with
 * none: tests and benchmarks add them (control addSubscriptions) and renew them (renewSubscription).
 */
const { createRng } = require('../../prng');
const { formatUtc, DAY_SEC } = require('../time');
const { SERVICES, REGIONS } = require('./catalog');
const { orderIdOf } = require('./orders');

/** Seconds after a UTC midnight at which a Huawei subscription expires (23:59:59 UTC+8). */
const EXPIRE_SECOND_OF_DAY = 15 * 3600 + 59 * 60 + 59;
const PERIOD_DAYS = [30, 90, 180, 365];
/** expire_policy: 0 grace period, 1 to pay-per-use, 2 deleted, 3 auto-renewed, 4 frozen, 5 deleted from retention. */
const EXPIRE_POLICIES = [0, 0, 0, 1, 3, 3, 4, 5];

const uuid = (rng) => `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;

/** Status at `nowSec`: expired or frozen once past expiry (per policy), else in use; closed stays closed. */
function statusAt(resource, nowSec) {
	if (resource.closed) return 3;
	if (resource.expireSec > nowSec) return resource.frozen ? 4 : 2;
	return resource.expire_policy === 4 ? 4 : 5;
}

/**
 * One resource (and the fields OrderInstanceV2 prints), `expireSec` its expiry. `parent` makes it an
 * attached resource of that main resource.
 * @param {any} rng
 * It became effective whole periods before its expiry (renewed since if more than one), by `nowSec`.
 * @param {{ customerId: string, expireSec: number, nowSec: number, periodDays?: number, serviceIndex?: number, parent?: any, k: number }} options
 */
function buildSubscription(rng, { customerId, expireSec, nowSec, periodDays, serviceIndex, parent, k }) {
	const index = parent ? 1 : serviceIndex ?? rng.int(0, SERVICES.length - 1);
	const service = SERVICES[index];
	const days = periodDays ?? rng.pick(PERIOD_DAYS);
	const spec = rng.pick(service[6]);
	const periods = Math.max(1, Math.ceil((expireSec - nowSec) / (days * DAY_SEC))) + rng.int(0, 2);
	const effectiveSec = parent ? parent.effectiveSec : Math.min(nowSec, expireSec - periods * days * DAY_SEC - EXPIRE_SECOND_OF_DAY + rng.int(0, 20 * 3600));
	return {
		customerId,
		serviceIndex: index,
		id: `${rng.hex(16)}${rng.hex(16)}`,
		orderId: parent ? parent.orderId : orderIdOf(rng, effectiveSec),
		resource_id: uuid(rng),
		resource_name: `${service[0].split('.').pop()}-${rng.pick(['prod', 'dev', 'test', 'web', 'db'])}-${k + 1}`,
		region_code: parent ? parent.region_code : rng.pick(REGIONS)[0],
		resource_spec_code: spec,
		project_id: parent ? parent.project_id : rng.hex(32),
		product_id: `OFFI${rng.digits(15)}`,
		parent_resource_id: parent ? parent.resource_id : '',
		is_main_resource: parent ? 0 : 1,
		effectiveSec,
		expireSec,
		updateSec: effectiveSec + rng.int(60, 3600),
		expire_policy: parent ? parent.expire_policy : rng.pick(EXPIRE_POLICIES),
		product_spec_desc: `${service[2]} | ${spec}`,
		spec_size: parent ? rng.pick([40, 100, 500]) : null,
		spec_size_measure_id: parent ? 17 : null,
		enterprise_project: rng.chance(0.3) ? { id: uuid(rng), name: rng.pick(['production', 'staging', 'shared-services']), type: '1' } : { id: '0', name: 'default', type: '0' },
		closed: rng.chance(0.03),
		frozen: false,
	};
}

/**
 * @param {{ seed: number|string, anchorSec: number, store: object }} options
 */
function createSubscriptions({ seed, anchorSec, store }) {
	/** customer id -> that customer's resources, in (expire time, resource id) order */
	const lists = new Map();
	const byResourceId = new Map();
	let added = 0;

	const order = (list) => list.sort((a, b) => a.expireSec - b.expireSec || (a.resource_id < b.resource_id ? -1 : 1));

	function generate(customerId) {
		const record = store.get(customerId);
		const list = [];
		if (record && record.seedIndex >= 0) {
			const rng = createRng(seed, 'hw-subscriptions', customerId);
			const count = rng.int(0, 4);
			for (let k = 0; k < count; k++) {
				const day = Math.floor(anchorSec / DAY_SEC) + rng.int(-20, 365);
				const main = buildSubscription(rng, { customerId, expireSec: day * DAY_SEC + EXPIRE_SECOND_OF_DAY, nowSec: anchorSec, k });
				list.push(main);
				if (main.serviceIndex === 0 && rng.chance(0.6)) list.push(buildSubscription(rng, { customerId, expireSec: main.expireSec, nowSec: anchorSec, parent: main, k }));
			}
		}
		for (const r of list) byResourceId.set(r.resource_id, r);
		return order(list);
	}

	/** A customer's resources (the live list; callers must not reorder it). */
	function of(customerId) {
		if (!lists.has(customerId)) lists.set(customerId, generate(customerId));
		return lists.get(customerId);
	}

	/**
	 * Adds `count` main resources of one customer expiring at `expireSec` (each next one `stepSec`
	 * later), in effect from `effectiveSec` (when it was bought). Returns them.
	 */
	function add(customerId, { count, expireSec, nowSec, effectiveSec, stepSec = 0, periodDays, serviceIndex }) {
		const list = of(customerId);
		const made = [];
		for (let k = 0; k < count; k++) {
			const rng = createRng(seed, 'hw-control-subscription', added++);
			const r = buildSubscription(rng, { customerId, expireSec: expireSec + k * stepSec, nowSec, periodDays, serviceIndex, k: list.length + k });
			r.closed = false;
			r.effectiveSec = effectiveSec;
			r.updateSec = effectiveSec;
			made.push(r);
			byResourceId.set(r.resource_id, r);
		}
		list.push(...made);
		order(list);
		return made;
	}

	/** Renews a resource (and its attached ones) to a new expiry, as a paid renewal order does. */
	function renew(resourceId, expireSec, nowSec) {
		const main = byResourceId.get(resourceId);
		if (!main) return null;
		const list = of(main.customerId);
		for (const r of list) {
			if (r === main || r.parent_resource_id === main.resource_id) {
				r.expireSec = expireSec;
				r.updateSec = nowSec;
				r.frozen = false;
			}
		}
		order(list);
		return main;
	}

	/** OrderInstanceV2 as the API prints it at `nowSec`, names in the given language. */
	function view(r, nowSec, localName, language) {
		const s = SERVICES[r.serviceIndex];
		const out = {
			id: r.id,
			resource_id: r.resource_id,
			resource_name: r.resource_name,
			region_code: r.region_code,
			service_type_code: s[0],
			resource_type_code: s[1],
			resource_type_name: localName(s, language, 4, 5),
			service_type_name: localName(s, language, 2, 3),
			resource_spec_code: r.resource_spec_code,
			project_id: r.project_id,
			product_id: r.product_id,
			parent_resource_id: r.parent_resource_id,
			is_main_resource: r.is_main_resource,
			status: statusAt(r, nowSec),
			effective_time: formatUtc(r.effectiveSec),
			expire_time: formatUtc(r.expireSec),
			expire_policy: r.expire_policy,
			product_spec_desc: r.product_spec_desc,
		};
		if (r.spec_size !== null) Object.assign(out, { spec_size: r.spec_size, spec_size_measure_id: r.spec_size_measure_id });
		out.update_time = formatUtc(r.updateSec);
		out.enterprise_project = r.enterprise_project;
		return out;
	}

	return { of, add, renew, view, statusAt, get: (resourceId) => byResourceId.get(resourceId) || null, EXPIRE_SECOND_OF_DAY };
}

module.exports = { createSubscriptions, EXPIRE_SECOND_OF_DAY };
