/**
 * The README's operation tables are generated from the operation specs; this fails when a spec
 * changed and `node scripts/operationsTable.js --write` was not run after a build.
 */
import { tencentOperations, tencentResources } from '../nodes/TencentCloudPartner/resources';
import * as table from '../scripts/operationsTable';

const { renderTable, replaceSection, readReadme } = table as unknown as {
	renderTable: (resources: unknown[], specs: unknown[], header: string) => string;
	replaceSection: (readme: string, provider: string, table: string) => string;
	readReadme: () => string;
};

it('README lists every Tencent operation exactly as the node defines it', () => {
	const readme = readReadme();
	const expected = replaceSection(readme, 'tencent', renderTable(tencentResources, tencentOperations, 'Tencent action'));
	expect(readme).toBe(expected);
	expect(new Set(tencentOperations.map((s) => s.vendorAction)).size).toBe(46);
});
