/**
 * The one sandbox set-up of a test file: start the sandbox before the file's tests, point the test
 * credentials of the named vendors at it, reset its state before every test and close it after the
 * last. Hooks a file adds after calling it run after these (jest runs hooks in declaration order).
 */
import type { IDataObject } from 'n8n-workflow';

import { useDotdigitalSandbox } from './dotdigital';
import { useHuaweiSandbox } from './huawei';
import type { Sandbox } from './sandbox';
import { startSandbox } from './sandbox';
import { useTencentSandbox } from './tencent';

export type Vendor = 'tencent' | 'huawei' | 'dotdigital';

const pointCredentialsAt: Record<Vendor, (sandbox: Sandbox) => void> = {
	tencent: useTencentSandbox,
	huawei: useHuaweiSandbox,
	dotdigital: useDotdigitalSandbox,
};

export interface SandboxSetUp {
	/** Vendors whose test credentials point at this sandbox. */
	vendors?: Vendor[];
	/**
	 * When those credentials are written: once for the file, or before every test (after the reset),
	 * for files whose tests change a stored credential.
	 */
	credentials?: 'once' | 'eachTest';
	/** Reset the sandbox's data, faults and log before every test (default: yes). */
	resetEachTest?: boolean;
	/** The sandbox's rate limits, on as at the vendors unless the pacing would get in the way. */
	rateLimit?: boolean;
	/** Options for `startSandbox` (seeds, latency). */
	options?: IDataObject;
}

/**
 * Registers the hooks and returns the sandbox, usable from the first hook on. The handle stands for
 * the started sandbox, so a file writes `const sandbox = useSandbox(...)` and uses it as before.
 */
export function useSandbox(setUp: SandboxSetUp = {}): Sandbox {
	const { vendors = [], credentials = 'once', resetEachTest = true, rateLimit = true, options = {} } = setUp;
	let started: Sandbox | undefined;
	const useCredentials = () => {
		for (const vendor of vendors) pointCredentialsAt[vendor](started as Sandbox);
	};

	beforeAll(async () => {
		started = await startSandbox(options);
		if (credentials === 'once') useCredentials();
	});
	beforeEach(() => {
		const sandbox = started as Sandbox;
		if (resetEachTest) sandbox.control.reset();
		if (!rateLimit) sandbox.control.setRateLimit({ enabled: false });
		if (credentials === 'eachTest') useCredentials();
	});
	afterAll(async () => await started?.close());

	return new Proxy({} as Sandbox, {
		get(_target, key) {
			if (!started) throw new Error(`sandbox.${String(key)} is used before the sandbox started (it starts in beforeAll)`);
			return Reflect.get(started, key);
		},
	});
}
