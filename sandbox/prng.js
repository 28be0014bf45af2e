'use strict';
/**
 * Deterministic pseudo-random numbers for seeded data.
 *
 * Every generated record draws from its own stream, keyed by the seed and the record's identity
 * (e.g. `createRng(seed, 'customer', 17)`). That keeps records independent of each other, so a
 * customer can be generated on demand (lazily) and still look exactly the same as when the whole
 * list is generated, and adding a field to one generator does not reshuffle every other record.
 */

/** FNV-1a over the parts, finished with murmur3's avalanche step, giving a well-mixed 32-bit seed. */
function hashParts(...parts) {
	let h = 0x811c9dc5;
	const text = parts.map(String).join('\u0000');
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for test data (not for anything secret). */
function mulberry32(seed) {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * @param {...(string|number)} parts identity of the stream
 * @returns {{next(): number, int(min: number, max: number): number, float(min: number, max: number): number,
 *   pick<T>(list: T[]): T, chance(p: number): boolean, shuffle<T>(list: T[]): T[], hex(len: number): string, digits(len: number): string}}
 */
function createRng(...parts) {
	const next = mulberry32(hashParts(...parts));
	const int = (min, max) => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		float: (min, max) => min + next() * (max - min),
		pick: (list) => list[Math.floor(next() * list.length)],
		chance: (p) => next() < p,
		/** Fisher-Yates shuffle of a copy (a random sort comparator would depend on the engine's sort). */
		shuffle(list) {
			const out = list.slice();
			for (let i = out.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[out[i], out[j]] = [out[j], out[i]];
			}
			return out;
		},
		hex: (len) => {
			let s = '';
			while (s.length < len) s += Math.floor(next() * 16).toString(16);
			return s;
		},
		digits: (len) => {
			let s = '';
			while (s.length < len) s += String(Math.floor(next() * 10));
			return s;
		},
	};
}

module.exports = { createRng, hashParts };
