'use strict';
/**
 * The main partner's six resellers (second tier, reference 5.7) and their customers, which a
 * distributor reaches with `indirect_partner_id`. Reseller #1 is RESELLER_DOMAIN, whose own AK/SK
 * (keys.resellerKey) sees the same customers as its own. Small and bounded, so stored as objects.
 */
const { createRng } = require('../../prng');
const { formatUtc, DAY_SEC } = require('../time');
const { RESELLER_DOMAIN } = require('../keys');
const { generatePerson, maskMobile } = require('./customers');
const N = require('./names');

const RESELLER_COUNT = 6;

/**
 * Creates the resellers and adds their customers to `store`.
 * @returns {{ list: object[], get(id: string): object|undefined, has(id: string): boolean }}
 */
function createResellers({ seed, anchorSec, store }) {
	const list = [];
	for (let k = 0; k < RESELLER_COUNT; k++) {
		const rng = createRng(seed, 'hw-reseller', k);
		const word = rng.pick(N.COMPANY_WORDS);
		const associatedSec = anchorSec - rng.int(120, 700) * DAY_SEC - rng.int(0, DAY_SEC);
		const [managerId, managerName] = rng.pick(N.ACCOUNT_MANAGERS);
		const digits = `170${rng.digits(7)}`;
		const reseller = {
			indirect_partner_id: k === 0 ? RESELLER_DOMAIN.id : rng.hex(32),
			account_name: k === 0 ? RESELLER_DOMAIN.name : `${word.toLowerCase()}-partner-${k + 1}`,
			name: k === 0 ? RESELLER_DOMAIN.corpName : `${word} ${rng.pick(N.COMPANY_KINDS)} ${rng.pick(N.COMPANY_SUFFIXES)}`,
			mobile_phone: `0049-${maskMobile(digits)}`,
			email: `partners+${k + 1}@${rng.pick(N.DOMAINS)}`,
			associated_on: formatUtc(associatedSec),
			associatedSec,
			account_manager_id: managerId,
			account_manager_name: managerName,
		};
		list.push(reseller);
		const customers = rng.int(3, 12);
		for (let j = 0; j < customers; j++) {
			const crng = createRng(seed, 'hw-reseller-customer', k, j);
			const sec = Math.max(associatedSec, anchorSec - crng.int(1, 540) * DAY_SEC) + crng.int(0, DAY_SEC - 1);
			const record = generatePerson(crng, {
				n: j + 1,
				tag: `r${k + 1}x`,
				associatedSec: Math.min(sec, anchorSec - 60),
				associationType: crng.chance(0.9) ? 3 : 1,
				ownerId: reseller.indirect_partner_id,
				digitsPad: 7,
				anchorSec,
			});
			record.customer_id = crng.hex(32);
			store.add(record);
		}
	}
	list.sort((a, b) => a.associatedSec - b.associatedSec || (a.indirect_partner_id < b.indirect_partner_id ? -1 : 1));
	const byId = new Map(list.map((r) => [r.indirect_partner_id, r]));
	return { list, get: (id) => byId.get(id), has: (id) => byId.has(id) };
}

module.exports = { createResellers, RESELLER_COUNT };
