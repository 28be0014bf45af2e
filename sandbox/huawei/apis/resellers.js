'use strict';
/**
 * Reseller list of a distributor (reference 5.7). Other partners get 403 CBC.0151, like any call
 * a credential is not entitled to.
 */
const { CODES, PARTNER, spec, ok, pageOf } = require('./common');
const { accessDenied } = require('../errors');
const { parseUtc } = require('../time');

const ListIndirectPartners = {
	method: 'POST',
	path: '/v2/partners/indirect-partners/query',
	codes: CODES.RESELLERS,
	callers: PARTNER,
	params: {
		account_name: spec.str(64),
		associated_on_begin: spec.utcTime({ maxLength: 20 }),
		associated_on_end: spec.utcTime({ maxLength: 20 }),
		offset: spec.offset(),
		limit: spec.limit(100),
		indirect_partner_id: spec.indirectPartner(),
	},
	/** Ascending associated_on, ties by indirect_partner_id; account_name matches as a case-insensitive substring. */
	handler(ctx) {
		if (!ctx.caller.distributor) throw accessDenied();
		const b = ctx.body;
		const begin = b.associated_on_begin !== undefined ? parseUtc(b.associated_on_begin) : -Infinity;
		const end = b.associated_on_end !== undefined ? parseUtc(b.associated_on_end) : Infinity;
		const list = ctx.data.resellers.list.filter(
			(r) =>
				r.associatedSec >= begin &&
				r.associatedSec <= end &&
				(b.account_name === undefined || r.account_name.toLowerCase().includes(b.account_name.toLowerCase())) &&
				(b.indirect_partner_id === undefined || r.indirect_partner_id === b.indirect_partner_id),
		);
		return ok({
			count: list.length,
			indirect_partners: pageOf(list, b.offset, b.limit).map((r) => ({
				indirect_partner_id: r.indirect_partner_id,
				mobile_phone: r.mobile_phone,
				email: r.email,
				account_name: r.account_name,
				name: r.name,
				associated_on: r.associated_on,
				account_manager_id: r.account_manager_id,
				account_manager_name: r.account_manager_name,
			})),
		});
	},
};

module.exports = { ListIndirectPartners };
