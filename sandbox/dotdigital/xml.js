'use strict';
/**
 * A plausible .NET DataContractSerializer rendering of the service's results, for callers that do
 * not send `Accept: application/json` (the reference, 1.3: "Without it the service answers in
 * XML"). The real XML has never been seen; this follows DataContract conventions so a client that
 * forgets the header fails the way it would against the real service (it gets XML, not JSON):
 * - root element = the contract type name, in the contract namespace, with the `i:` instance prefix;
 * - members in ordinal (alphabetical) order, the DataContract default;
 * - null -> `<Name i:nil="true"/>`; booleans `true`/`false`; dates as xs:dateTime (`...Z`);
 * - lists -> `ArrayOfX` at the root, the member name inside an object, items named after their
 *   type; string lists use the Microsoft Arrays namespace (`<d2p1:string>`).
 */
const { parseAnyDate, isoDate } = require('./dates');

const CONTRACT_NS = 'http://schemas.datacontract.org/2004/07/Dotdigital.Cpaas.ResellerServices.Contracts';
const INSTANCE_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const ARRAYS_NS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';

/** Item type names of list members that appear inside results. */
const ITEM_TYPES = { Accounts: 'Account', Allocations: 'CreditAllocation', Roles: 'string' };

const escapeXml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);

/** Strings that carry a date in either JSON form are written as xs:dateTime, as the XML serializer would. */
function scalarText(value) {
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') return String(value);
	const text = String(value);
	if (text.startsWith('/Date(') || /^\d{4}-\d{2}-\d{2}T/.test(text)) {
		const ms = parseAnyDate(text);
		if (ms !== null) return isoDate(ms);
	}
	return escapeXml(text);
}

function element(name, value, itemName, attrs = '') {
	if (value === null || value === undefined) return `<${name}${attrs} i:nil="true"/>`;
	if (Array.isArray(value)) {
		const item = itemName || ITEM_TYPES[name] || 'anyType';
		if (item === 'string') {
			const inner = value.map((v) => `<d2p1:string>${scalarText(v)}</d2p1:string>`).join('');
			return `<${name}${attrs} xmlns:d2p1="${ARRAYS_NS}">${inner}</${name}>`;
		}
		return `<${name}${attrs}>${value.map((v) => element(item, v)).join('')}</${name}>`;
	}
	if (typeof value === 'object') {
		const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		return `<${name}${attrs}>${keys.map((k) => element(k, value[k])).join('')}</${name}>`;
	}
	return `<${name}${attrs}>${scalarText(value)}</${name}>`;
}

/**
 * The whole XML document for one result.
 * @param {string} rootType contract name, e.g. `AddCreditResponse`, `ArrayOfUser`
 * @param {any} value the same value the JSON answer would carry
 * @param {string} [itemType] item contract name when value is a list, e.g. `User`
 */
function toXml(rootType, value, itemType) {
	return element(rootType, value, itemType, ` xmlns="${CONTRACT_NS}" xmlns:i="${INSTANCE_NS}"`);
}

module.exports = { toXml, CONTRACT_NS };
