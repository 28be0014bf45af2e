'use strict';
/**
 * Generated download files (e.g. bill CSVs behind a "download URL"), shared by every provider.
 *
 * Files are registered with a function that renders them on request, so thousands of polled
 * downloads cost no memory until somebody actually fetches one.
 */
const { sendJson, sendText } = require('./http');

const FILE_PATH = /^\/_files\/([A-Za-z0-9_-]+)\.csv$/;

function createFileStore() {
	/** @type {Map<string, () => string>} */
	let files = new Map();
	return {
		/** Registers (or replaces) file `id`; `render` returns the CSV text. */
		register(id, render) {
			files.set(id, render);
		},
		has: (id) => files.has(id),
		clear() {
			files = new Map();
		},
		/** True if this request is a file download this store should answer. */
		matches: (req, path) => (req.method === 'GET' || req.method === 'HEAD') && FILE_PATH.test(path),
		serve(req, res, path) {
			const id = FILE_PATH.exec(path)[1];
			const render = files.get(id);
			if (!render) return sendJson(res, 404, { error: 'NotFound', message: `no file ${id}.csv` });
			const text = render();
			if (req.method === 'HEAD') {
				res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
				return res.end();
			}
			return sendText(res, 200, text, 'text/csv; charset=utf-8', {
				'Content-Disposition': `attachment; filename="${id}.csv"`,
			});
		},
	};
}

module.exports = { createFileStore };
