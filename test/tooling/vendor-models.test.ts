/**
 * The vendor models live in the repository (test/fixtures/vendor-models) with their provenance and
 * the Apache-2.0 attribution their licence asks for, so a clone with nothing beside it has all the
 * tests need; scripts/vendor-models/refresh.js brings in a newer Tencent SDK release.
 */
import * as checkoutModule from '../harness/sdkCheckout';
import { ROOT } from '../harness/repoFiles';
import * as tempFilesModule from '../harness/tempFiles';
import * as vendorModels from '../harness/vendorModels';

const { makeCheckout, copyOfModels, runRefresh, readText, modelFiles } = checkoutModule as unknown as {
	makeCheckout: (dir: string, files: Record<string, string>, tag: string) => string;
	copyOfModels: (parent: string) => string;
	runRefresh: (args: string[]) => { status: number; stdout: string; stderr: string };
	readText: (dir: string, name: string) => string;
	modelFiles: () => string[];
};
const { tempFolder, removeFolder } = tempFilesModule as unknown as { tempFolder: (prefix: string, parent?: string) => string; removeFolder: (dir: string) => void };
const { MODELS_DIR, loadVendorModel } = vendorModels as unknown as { MODELS_DIR: string; loadVendorModel: (file: string) => Record<string, unknown> };

const notice = () => readText(MODELS_DIR, 'NOTICE.md');
const noticeRow = (file: string) => notice().split('\n').find((l) => l.startsWith(`| \`${file}\` |`)) ?? '';

describe('the models in the repository', () => {
	it('are read from inside the repository', () => {
		expect(MODELS_DIR.startsWith(`${ROOT}/`)).toBe(true);
		expect(() => loadVendorModel('no-such-model.json')).toThrow(/missing from test\/fixtures\/vendor-models/);
	});

	it('each name its source repository, path, commit and version in NOTICE.md', () => {
		const models = modelFiles().filter((f) => f.endsWith('.json'));
		expect(models).toEqual(['huawei-bssintl-go-sdk-schema.json', 'tencent-cli-intl-en-api.json', 'tencent-go-intl-en-structs.json']);
		for (const file of models) {
			const cells = noticeRow(file).split('|').map((c) => c.trim());
			// | file | repository | path | commit | version |
			expect(cells[2]).toMatch(/^(TencentCloud|huaweicloud)\/[\w-]+$/);
			expect(cells[3]).toMatch(/`[\w/.-]+`/);
			expect(cells[4]).toMatch(/^[0-9a-f]{8,40}$/);
			expect(cells[5]).toMatch(/\d+\.\d+\.\d+/);
		}
		const huawei = loadVendorModel('huawei-bssintl-go-sdk-schema.json') as { source: { repo: string; commit: string } };
		expect(noticeRow('huawei-bssintl-go-sdk-schema.json')).toContain(`| ${huawei.source.repo} |`);
		expect(noticeRow('huawei-bssintl-go-sdk-schema.json')).toContain(`| ${huawei.source.commit} |`);
		const tencentGo = loadVendorModel('tencent-go-intl-en-structs.json') as { source: string };
		expect(tencentGo.source).toContain(noticeRow('tencent-go-intl-en-structs.json').split('|')[4].trim());
	});

	it('carry the Apache-2.0 licence and attribution', () => {
		expect(modelFiles()).toContain('LICENSE-Apache-2.0.txt');
		expect(readText(MODELS_DIR, 'LICENSE-Apache-2.0.txt')).toMatch(/Apache License\s+Version 2\.0, January 2004/);
		expect(notice()).toMatch(/Apache License, Version 2\.0/);
		expect(notice()).toMatch(/Copyright \(c\) Tencent/);
		expect(notice()).toMatch(/Copyright Huawei Technologies/);
	});
});

describe('refresh.js', () => {
	const dir = tempFolder('refresh');
	afterAll(() => removeFolder(dir));

	const GO_MODELS = [
		'package v20220928',
		'type QueryPartnerCreditRequest struct {',
		'\t*tchttp.BaseRequest',
		'}',
		'type QueryPartnerCreditResponseParams struct {',
		'\t// Allocated credit',
		'\tAllocatedCredit *float64 `json:"AllocatedCredit,omitnil,omitempty" name:"AllocatedCredit"`',
		'\tRequestId *string `json:"RequestId,omitnil,omitempty" name:"RequestId"`',
		'}',
		'type QueryPartnerCreditResponse struct {',
		'\t*tchttp.BaseResponse',
		'\tResponse *QueryPartnerCreditResponseParams `json:"Response"`',
		'}',
	].join('\n');

	it('copies the CLI model, turns models.go into structs, and records commit and version in NOTICE.md', () => {
		const api = { actions: { QueryPartnerCredit: { input: 'QueryPartnerCreditRequest', output: 'QueryPartnerCreditResponse' } }, objects: {}, version: '1.0' };
		const apiText = JSON.stringify(api);
		const cliDir = tempFolder('cli', dir);
		const cliCommit = makeCheckout(cliDir, { 'tccli/services/intlpartnersmgt/v20220928/api.json': apiText }, '3.1.200.1');
		const goDir = tempFolder('go', dir);
		const goCommit = makeCheckout(goDir, { 'tencentcloud/intlpartnersmgt/v20220928/models.go': GO_MODELS }, 'v3.0.1500');
		const out = copyOfModels(dir);
		const huaweiBefore = readText(out, 'huawei-bssintl-go-sdk-schema.json');

		const r = runRefresh(['--tencent-cli', cliDir, '--tencent-go', goDir, '--out', out]);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toBe(`tencent-cli-intl-en-api.json: 1 actions at ${cliCommit} (3.1.200.1)\ntencent-go-intl-en-structs.json: 3 structs at ${goCommit} (v3.0.1500)\n`);

		expect(readText(out, 'tencent-cli-intl-en-api.json')).toBe(apiText);
		const structs = JSON.parse(readText(out, 'tencent-go-intl-en-structs.json'));
		expect(structs.structs).toEqual({
			QueryPartnerCreditRequest: {},
			QueryPartnerCreditResponseParams: { AllocatedCredit: '*float64', RequestId: '*string' },
			QueryPartnerCreditResponse: { Response: '*QueryPartnerCreditResponseParams' },
		});
		expect(structs.source).toContain(`at ${goCommit} (v3.0.1500)`);
		const rows = readText(out, 'NOTICE.md').split('\n');
		expect(rows.find((l) => l.startsWith('| `tencent-cli-intl-en-api.json` |'))).toMatch(new RegExp(`\\| ${cliCommit} \\| 3\\.1\\.200\\.1 \\|$`));
		expect(rows.find((l) => l.startsWith('| `tencent-go-intl-en-structs.json` |'))).toMatch(new RegExp(`\\| ${goCommit} \\| v3\\.0\\.1500 \\|$`));
		// Untouched: the Huawei schema and its row.
		expect(readText(out, 'huawei-bssintl-go-sdk-schema.json')).toBe(huaweiBefore);
		expect(rows.find((l) => l.startsWith('| `huawei-bssintl-go-sdk-schema.json` |'))).toBe(noticeRow('huawei-bssintl-go-sdk-schema.json'));
	});

	it('refuses a checkout without the CLI model and changes nothing', () => {
		const wrong = tempFolder('wrong', dir);
		makeCheckout(wrong, { 'README.md': 'not the CLI' }, '1.0.0');
		const out = copyOfModels(dir);
		const r = runRefresh(['--tencent-cli', wrong, '--out', out]);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/^refresh failed: /);
		expect(readText(out, 'NOTICE.md')).toBe(notice());
		expect(readText(out, 'tencent-cli-intl-en-api.json')).toBe(readText(MODELS_DIR, 'tencent-cli-intl-en-api.json'));
	});
});
