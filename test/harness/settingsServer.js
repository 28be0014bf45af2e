// A stand-in for n8n's GET /rest/settings (plain JS: the node lint rules forbid http in TypeScript).
const http = require('http');

/** Answers `showSetupOnFirstLoad`, leaving the first `stalls` requests unanswered. */
async function settingsServer(showSetupOnFirstLoad, stalls) {
	let seen = 0;
	const server = http.createServer((req, res) => {
		seen++;
		if (seen <= stalls) return; // never answers: the client's timeout ends it
		res.setHeader('Content-Type', 'application/json');
		res.end(JSON.stringify({ data: { userManagement: { showSetupOnFirstLoad } } }));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { port: server.address().port, requests: () => seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

module.exports = { settingsServer };
