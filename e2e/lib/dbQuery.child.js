'use strict';
// Run by the n8n host's own Node (n8n 2.x runs on Node 24, whose sqlite3 binding the runner's Node
// cannot load): one query against n8n's database, rows printed as JSON. Read-only unless the
// connection says `readOnly: false` (only for creating and dropping a run's PostgreSQL database).
// argv: <host node_modules dir> <connection as JSON> <sql with ? placeholders> <params as JSON>
// PostgreSQL's password, if any, comes in PGPASSWORD.
const [, , modulesDir, connectionJson, sql, paramsJson] = process.argv;
const connection = JSON.parse(connectionJson);
const params = JSON.parse(paramsJson || '[]');
const fromHost = (name) => require(require.resolve(name, { paths: [modulesDir] }));

function fail(code, message) {
	process.stderr.write(`${message}\n`);
	process.exit(code);
}

function querySqlite() {
	const sqlite3 = fromHost('sqlite3');
	const db = new sqlite3.Database(connection.file, sqlite3.OPEN_READONLY, (openError) => {
		if (openError) fail(2, `cannot open ${connection.file} read-only: ${openError.message}`);
		db.configure('busyTimeout', 5000);
		db.all(sql, params, (queryError, rows) => {
			db.close(() => (queryError ? fail(3, `SQLite query failed (${queryError.message}): ${sql}`) : process.stdout.write(JSON.stringify(rows))));
		});
	});
}

async function queryPostgres() {
	const { Client } = fromHost('pg');
	const client = new Client({ host: connection.host || '127.0.0.1', port: connection.port, database: connection.database, user: connection.user, password: process.env.PGPASSWORD || undefined });
	await client.connect();
	try {
		let n = 0;
		const text = sql.replace(/\?/g, () => `$${++n}`);
		if (connection.readOnly !== false) await client.query('SET default_transaction_read_only = on');
		const { rows } = await client.query(text, params);
		process.stdout.write(JSON.stringify(rows || []));
	} finally {
		await client.end();
	}
}

if (connection.type === 'postgres') queryPostgres().catch((e) => fail(3, `PostgreSQL query failed (${e.message}): ${sql}`));
else querySqlite();
