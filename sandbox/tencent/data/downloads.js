'use strict';
/**
 * Bill-file downloads that become ready only after a few polls, like the real service generating
 * a file: the first `readyAfter` polls of a given month/file answer Ready 0 with an empty URL, the
 * next ones Ready 1 with a URL the sandbox serves (`/_files/<id>.csv`). readyAfter -1 = never ready.
 */
const crypto = require('crypto');

const DEFAULT_READY_AFTER = 2;

/**
 * @param {{ files: object, baseUrl: () => string }} options shared file store and the server's URL
 */
function createDownloads({ files, baseUrl }) {
	let readyAfter = DEFAULT_READY_AFTER;
	/** @type {Map<string, number>} polls so far per file key */
	let polls = new Map();
	return {
		get readyAfter() {
			return readyAfter;
		},
		setReadyAfter(n) {
			readyAfter = n;
		},
		/**
		 * Counts a poll for `key` and answers { Ready, DownloadUrl }. `render` builds the CSV text
		 * when somebody downloads it.
		 */
		poll(key, render) {
			const count = (polls.get(key) || 0) + 1;
			polls.set(key, count);
			if (readyAfter < 0 || count <= readyAfter) return { DownloadUrl: '', Ready: 0 };
			const id = `tc-${crypto.createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
			files.register(id, render);
			return { DownloadUrl: `${baseUrl()}/_files/${id}.csv`, Ready: 1 };
		},
		/** Forgets poll counts (fresh data) but keeps the readiness setting. */
		clearPolls() {
			polls = new Map();
		},
		reset() {
			polls = new Map();
			readyAfter = DEFAULT_READY_AFTER;
		},
	};
}

/** Renders rows as CSV, quoting every field that needs it. */
function toCsv(header, rows) {
	const cell = (v) => {
		const s = String(v ?? '');
		return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

module.exports = { createDownloads, toCsv, DEFAULT_READY_AFTER };
