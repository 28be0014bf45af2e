'use strict';
/**
 * Association times for seeded customers, shared by every provider: non-decreasing Unix seconds
 * spread over the two years before `anchorSec`, with some exact ties (always one between the two
 * newest customers, so a "new customer" poller meets a tie on its first page).
 */
const { createRng } = require('./prng');

const DAY_SEC = 86400;

/**
 * @param {number|string} seed
 * @param {string} stream PRNG stream name, so each provider draws its own sequence
 * @param {number} count
 * @param {number} anchorSec newest possible time
 * @returns {Uint32Array}
 */
function associationTimes(seed, stream, count, anchorSec) {
	const times = new Uint32Array(count);
	if (count === 0) return times;
	const rng = createRng(seed, stream);
	// Odd offsets so the oldest and newest times are not round numbers.
	const start = anchorSec - 730 * DAY_SEC + rng.int(0, DAY_SEC);
	const span = anchorSec - rng.int(600, 7200) - start;
	const prefix = new Float64Array(count);
	for (let i = 1; i < count; i++) {
		const tie = i === count - 1 || rng.chance(0.06);
		prefix[i] = prefix[i - 1] + (tie ? 0 : 0.2 + 1.6 * rng.next());
	}
	const total = prefix[count - 1] || 1;
	for (let i = 0; i < count; i++) times[i] = start + Math.floor((prefix[i] / total) * span);
	return times;
}

module.exports = { associationTimes };
