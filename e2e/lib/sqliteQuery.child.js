'use strict';
// Run by the host's own Node (n8n 2.x runs on Node 24, whose sqlite3 binding the runner's Node
// cannot load): one read-only query against n8n's database, rows printed as JSON.
// argv: <host node_modules dir> <database file> <sql> <params as JSON>
const [, , modulesDir, dbFile, sql, paramsJson] = process.argv;
const sqlite3 = require(require.resolve('sqlite3', { paths: [modulesDir] }));

const db = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY, (openError) => {
	if (openError) {
		process.stderr.write(`cannot open ${dbFile} read-only: ${openError.message}\n`);
		process.exit(2);
	}
	db.configure('busyTimeout', 5000);
	db.all(sql, JSON.parse(paramsJson || '[]'), (queryError, rows) => {
		db.close(() => {
			if (queryError) {
				process.stderr.write(`SQLite query failed (${queryError.message}): ${sql}\n`);
				process.exit(3);
			}
			process.stdout.write(JSON.stringify(rows));
		});
	});
});
