'use strict';
/**
 * Partner Center permission items (the seed document's table, reference section 0).
 *
 * Each API lists its Action codes; a caller may call it if it holds ANY of them. By default every
 * caller holds every code. A test denies codes for one AK or one IAM user name, and from then on an
 * API whose codes are ALL denied answers 403 CBC.0151, just as an operator whose role lacks the
 * permission item would see. APIs without codes (the seed: "APIs not listed need no fine-grained
 * permission") are never denied. Denials apply to tokens already issued, on their next call.
 */
const CODE_SHAPE = /^BPC_ITEM_[A-Z]+_\d{6}$/;

const badRequest = (message) => Object.assign(new Error(message), { status: 400 });

/**
 * @param {string[]} knownCodes every Action code an API uses (a denial of anything else is a typo)
 * @param {{ aks: string[], userNames: string[] }} principals the AKs and IAM user names that exist
 */
function createPermissions(knownCodes, principals) {
	const known = new Set(knownCodes);
	const knownAks = new Set(principals.aks);
	const knownUsers = new Set(principals.userNames);
	/** @type {Map<string, Set<string>>} principal key -> denied codes */
	let denied = new Map();

	/** `ak:<AK>` or `user:<IAM user name>` from a control body. */
	function principalOf(body) {
		if (!body || typeof body !== 'object') throw badRequest('body must be a JSON object with ak or userName');
		const { ak, userName } = body;
		if ((ak === undefined) === (userName === undefined)) throw badRequest('give exactly one of ak (an AccessKeyId) or userName (an IAM user name)');
		const value = ak !== undefined ? ak : userName;
		if (typeof value !== 'string' || value === '') throw badRequest(`${ak !== undefined ? 'ak' : 'userName'} must be a non-empty string`);
		if (ak !== undefined && !knownAks.has(ak)) throw badRequest(`unknown AccessKeyId ${ak}; known: ${[...knownAks].join(', ')}`);
		if (userName !== undefined && !knownUsers.has(userName)) throw badRequest(`unknown IAM user ${userName}; known: ${[...knownUsers].join(', ')}`);
		return ak !== undefined ? `ak:${ak}` : `user:${userName}`;
	}

	function codesOf(codes, { optional }) {
		if (codes === undefined && optional) return null;
		if (!Array.isArray(codes) || !codes.length) throw badRequest('codes must be a non-empty array of Action codes');
		for (const code of codes) {
			if (typeof code !== 'string' || !CODE_SHAPE.test(code)) throw badRequest(`not an Action code: ${JSON.stringify(code)}`);
			if (!known.has(code)) throw badRequest(`no API uses the Action code ${code}; known: ${[...known].sort().join(', ')}`);
		}
		return codes;
	}

	const snapshot = () => Object.fromEntries([...denied].map(([who, set]) => [who, [...set].sort()]));

	return {
		/** Denies `codes` to one AK or IAM user. */
		deny(body) {
			const who = principalOf(body);
			const codes = codesOf(body.codes, { optional: false });
			if (!denied.has(who)) denied.set(who, new Set());
			for (const code of codes) denied.get(who).add(code);
			return snapshot();
		},
		/** Gives `codes` back (all of them when codes is omitted). */
		allow(body) {
			const who = principalOf(body);
			const codes = codesOf(body.codes, { optional: true });
			const set = denied.get(who);
			if (set) {
				if (codes === null) set.clear();
				else for (const code of codes) set.delete(code);
				if (!set.size) denied.delete(who);
			}
			return snapshot();
		},
		/** True if the principal holds none of `codes` (an API with no codes is always allowed). */
		isDenied(principals, codes) {
			if (!codes || !codes.length) return false;
			const sets = principals.map((p) => denied.get(p)).filter(Boolean);
			if (!sets.length) return false;
			return codes.every((code) => sets.some((set) => set.has(code)));
		},
		list: snapshot,
		reset() {
			denied = new Map();
		},
	};
}

module.exports = { createPermissions };
