// n8n-core's InstanceSettings writes an encryption key under the user folder on first use:
// point it at a throw-away folder so tests never touch the developer's ~/.n8n.
const fs = require('fs');
const os = require('os');
const path = require('path');

if (!process.env.N8N_USER_FOLDER_FOR_TESTS) {
	process.env.N8N_USER_FOLDER_FOR_TESTS = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cloud-partners-test-'));
}
process.env.N8N_USER_FOLDER = process.env.N8N_USER_FOLDER_FOR_TESTS;
process.env.N8N_LOG_LEVEL = 'silent';

// n8n-workflow runs node parameters' regular expressions (a resource locator's validation pattern,
// for one) in a vm with a 250 ms wall-clock limit, against runaway user patterns. On a loaded
// machine a pause of the test process (garbage collection, other jobs on the cores) can trip that
// limit on a simple id pattern and fail a test for timing alone. The tests run the same checks with
// the plain engine, so they judge behaviour, never time; the e2e runs n8n with its own engine.
const { setSafeRegexEngine } = require('n8n-workflow');
const plain = (pattern, flags) => new RegExp(pattern, flags);
setSafeRegexEngine({
	exec: (pattern, input, flags) => plain(pattern, flags).exec(input),
	test: (pattern, input, flags) => plain(pattern, flags).test(input),
	replace: (pattern, input, flags, replacement) => input.replace(plain(pattern, flags), replacement),
	matchAll: (pattern, input, flags) => Array.from(input.matchAll(plain(pattern, flags && flags.includes('g') ? flags : `${flags || ''}g`))),
	split: (pattern, input, flags) => input.split(plain(pattern, flags)),
});
