'use strict';
/**
 * Inbound number methods (reference 9.3, INFERRED). A pool entry is a dedicated number, a whole
 * shortcode, or a keyword on a shared shortcode; `Number` is digits (a leading + is accepted and
 * dropped), `Keyword` is matched case-insensitively and stored upper-case.
 */
const { field, canonical } = require('../validate');
const { argumentFault } = require('../errors');
const { alpha3 } = require('../data/countries');
const { isoDate } = require('../dates');
const { ok, noContent, managedAccount, countryField } = require('./common');

const NUMBER_TYPES = ['Dedicated', 'Shortcode', 'Keyword'];

const numberField = () => ({ type: 'string', required: true, check: (v) => (/^\+?\d{3,15}$/.test(v) ? undefined : 'Number must be 3 to 15 digits') });
const keywordField = () => ({ type: 'string', check: (v) => (/^[A-Za-z0-9]{1,20}$/.test(v) ? undefined : 'Keyword must be 1 to 20 letters or digits') });
const allocationFields = () => ({ AccountId: field.id(), Number: numberField(), Keyword: keywordField() });

const label = (number, keyword) => (keyword ? `Keyword ${keyword} on ${number}` : `Number ${number}`);

const numberView = (e) => ({ Number: e.Number, Keyword: e.Keyword, CountryIsoCode: e.CountryIsoCode, NumberType: e.NumberType });
const allocationView = (e) => ({ AccountId: e.AccountId, ...numberView(e), AllocatedDate: isoDate(e.allocatedMs) });

/** Normalised (Number, Keyword) of a request. */
const target = (body) => ({ number: body.Number.replace(/^\+/, ''), keyword: body.Keyword === undefined ? null : body.Keyword.toUpperCase() });

const GetAvailableInboundNumbers = {
	fields: { CountryIsoCode: countryField(), NumberType: field.oneOf('NumberType', NUMBER_TYPES) },
	handler({ body, data }) {
		const country = body.CountryIsoCode === undefined ? null : alpha3(body.CountryIsoCode);
		const type = body.NumberType === undefined ? null : canonical(NUMBER_TYPES, body.NumberType);
		const list = data.numbers.available().filter((e) => (!country || e.CountryIsoCode === country) && (!type || e.NumberType === type));
		return ok(list.map(numberView), 'ArrayOfInboundNumber', 'InboundNumber');
	},
};

const AllocateInboundNumber = {
	write: true,
	fields: allocationFields(),
	/** Moves a pool entry to the account; anything not in the pool right now is a 400. */
	handler({ body, data, nowMs }) {
		managedAccount(data, body.AccountId);
		const { number, keyword } = target(body);
		const sameNumber = data.numbers.withNumber(number);
		if (!sameNumber.length) throw argumentFault(`Number ${number} is not available`);
		const shared = sameNumber.some((e) => e.NumberType === 'Keyword');
		if (shared && !keyword) throw argumentFault(`Keyword is required for shared shortcode ${number}`);
		if (!shared && keyword) throw argumentFault(`Number ${number} does not take a keyword`);
		const entry = data.numbers.find(number, keyword);
		if (!entry) throw argumentFault(`${label(number, keyword)} is not available`);
		if (entry.AccountId === body.AccountId) throw argumentFault(`${label(number, keyword)} is already allocated to AccountId ${body.AccountId}`);
		if (entry.AccountId !== null) throw argumentFault(`${label(number, keyword)} is not available`);
		return ok(allocationView(data.numbers.allocate(number, keyword, body.AccountId, nowMs)), 'InboundNumberAllocation');
	},
};

const ReleaseInboundNumber = {
	write: true,
	fields: allocationFields(),
	handler({ body, data }) {
		managedAccount(data, body.AccountId);
		const { number, keyword } = target(body);
		const entry = data.numbers.find(number, keyword);
		if (!entry || entry.AccountId !== body.AccountId) throw argumentFault(`${label(number, keyword)} is not allocated to AccountId ${body.AccountId}`);
		data.numbers.release(number, keyword);
		return noContent();
	},
};

const GetInboundNumbers = {
	fields: { AccountId: field.id() },
	handler({ body, data }) {
		managedAccount(data, body.AccountId);
		return ok(data.numbers.allocatedTo(body.AccountId).map(allocationView), 'ArrayOfInboundNumberAllocation', 'InboundNumberAllocation');
	},
};

module.exports = { GetAvailableInboundNumbers, AllocateInboundNumber, ReleaseInboundNumber, GetInboundNumbers, NUMBER_TYPES };
