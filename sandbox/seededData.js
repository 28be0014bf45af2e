'use strict';
/**
 * A provider's generated data and the options it was generated from, as all three providers keep
 * them: built from defaults and the sandbox's start options, rebuilt by a reseed (changes on top of
 * the current options) or a reset (back to the start options, plus any given). A build that throws
 * changes nothing.
 */

/**
 * @template Options, Data
 * @param {{
 *   build: (options: Options & { nowMs: number }) => Data,
 *   clock: { now(): number },
 *   defaults: Options,
 *   initial?: Record<string, any>,
 * }} spec
 */
function createSeededData({ build, clock, defaults, initial = {} }) {
	/** @type {Options} */
	let options = { ...defaults, ...initial };
	let data = build({ ...options, nowMs: clock.now() });

	/** @param {Options} next */
	function rebuild(next) {
		const built = build({ ...next, nowMs: clock.now() });
		options = next;
		data = built;
	}

	return {
		get data() {
			return data;
		},
		/** A copy: callers cannot change what the next reseed starts from. */
		get options() {
			return { ...options };
		},
		/** @param {Partial<Options>} changes */
		reseed: (changes) => rebuild({ ...options, ...changes }),
		/** @param {Partial<Options>} [given] */
		reset: (given = {}) => rebuild({ ...defaults, ...initial, ...given }),
	};
}

/**
 * A provider's `state` for tests and benchmarks: the live data and options, and its other parts.
 * @template {object} Parts
 * @param {{ readonly data: unknown, readonly options: object }} seeded
 * @param {Parts} parts
 * @returns {Parts & { readonly data: any, readonly options: any }}
 */
function providerState(seeded, parts) {
	return Object.defineProperties(/** @type {any} */ (Object.assign({}, parts)), {
		data: { get: () => seeded.data, enumerable: true },
		options: { get: () => seeded.options, enumerable: true },
	});
}

module.exports = { createSeededData, providerState };
