/**
 * Jest runs the TypeScript tests with ts-jest against the sandbox on loopback. Tests live in folders
 * by vendor and concern (test/tencent, test/huawei, test/dotdigital, test/triggers, test/shared,
 * test/examples, test/packaging, test/tooling, test/sandbox); test/harness holds what they share.
 * ts-jest transpiles only (isolatedModules): the type check is `npm run typecheck`, run by lint.
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	setupFiles: ['<rootDir>/test/setup-env.js'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	testTimeout: 120000,
	maxWorkers: 2,
};
