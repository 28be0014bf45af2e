'use strict';
/**
 * Every method the sandbox serves, and the names it answers to.
 *
 * Method spec: { name, write (changes data, so `afterApply` faults matter), fields (validate.js),
 * handler(ctx) -> { status: 200, value, xml } | { status: 204 } }. Handlers throw ResellerFault.
 *
 * Names are matched case-insensitively, like IIS/ASP.NET routing. Because most names are guesses,
 * the node lets users override them; `renameMethod` makes the sandbox answer a method under another
 * name (and 404 under the old one), so tests can prove that override end to end.
 */
const groups = [
	require('./methods/accounts'),
	require('./methods/users'),
	require('./methods/roles'),
	require('./methods/credit'),
	require('./methods/report'),
	require('./methods/numbers'),
];

/** @type {Map<string, {name: string, write: boolean, fields: object, handler: Function}>} canonical name -> spec */
const METHODS = new Map();
for (const group of groups) {
	for (const [name, entry] of Object.entries(group)) {
		if (!entry || typeof entry.handler !== 'function') continue; // helpers exported beside the methods
		if (METHODS.has(name)) throw new Error(`duplicate method ${name}`);
		METHODS.set(name, Object.freeze({ name, write: false, ...entry }));
	}
}

const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/** The current name -> method table of one sandbox (renames are per sandbox and undone by reset). */
function createMethodNames() {
	/** @type {Map<string, {name: string, method: string}>} lower-cased current name -> entry */
	let table;
	function reset() {
		table = new Map([...METHODS.keys()].map((m) => [m.toLowerCase(), { name: m, method: m }]));
	}
	reset();
	const fail = (status, message) => Object.assign(new Error(message), { status });
	return {
		/** Canonical method for a name as called, or null (-> 404). */
		resolve(nameAsCalled) {
			const entry = table.get(String(nameAsCalled).toLowerCase());
			return entry ? entry.method : null;
		},
		/** After this, `from` answers 404 and `to` serves the method `from` served. */
		rename(from, to) {
			if (typeof from !== 'string' || !table.has(from.toLowerCase())) throw fail(404, `no method is currently served as ${from}`);
			if (typeof to !== 'string' || !VALID_NAME.test(to)) throw fail(400, 'to must be a method name (letters, digits, underscore)');
			if (to.toLowerCase() !== from.toLowerCase() && table.has(to.toLowerCase())) throw fail(409, `${to} already serves ${table.get(to.toLowerCase()).method}`);
			const entry = table.get(from.toLowerCase());
			table.delete(from.toLowerCase());
			table.set(to.toLowerCase(), { name: to, method: entry.method });
			return { from, to, method: entry.method };
		},
		/** [{ name, method }] for every served name, by method. */
		list: () => [...table.values()].sort((a, b) => (a.method < b.method ? -1 : 1)).map((e) => ({ ...e })),
		reset,
	};
}

module.exports = { METHODS, createMethodNames };
