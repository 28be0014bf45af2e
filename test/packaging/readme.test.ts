/**
 * The operation tables (docs/operations/<vendor>.md, linked from the README) are generated from the
 * operation specs; this fails when a spec changed and `npm run readme:operations` was not run.
 */
import { dotdigitalOperations, dotdigitalResources } from '../../nodes/DotdigitalReseller/resources';
import { huaweiOperations, huaweiResources } from '../../nodes/HuaweiCloudPartner/resources';
import { tencentOperations, tencentResources } from '../../nodes/TencentCloudPartner/resources';
import type { OperationSpec, ResourceSpec } from '../../nodes/shared/types';
import * as table from '../../scripts/operationsTable';

const { renderTable, replaceSection, readOperationsDoc } = table as unknown as {
	renderTable: (resources: ResourceSpec[], specs: OperationSpec[], header: string) => string;
	replaceSection: (doc: string, provider: string, table: string) => string;
	readOperationsDoc: (provider: string) => string;
};

it.each([
	['tencent', tencentResources, tencentOperations, 'Tencent action'],
	['huawei', huaweiResources, huaweiOperations, 'Huawei API'],
	['dotdigital', dotdigitalResources, dotdigitalOperations, 'Method'],
] as Array<[string, ResourceSpec[], OperationSpec[], string]>)('the operations document lists every %s operation exactly as the node defines it', (provider, resources, specs, header) => {
	const doc = readOperationsDoc(provider);
	expect(doc).toBe(replaceSection(doc, provider, renderTable(resources, specs, header)));
});

it('the Tencent node covers all 46 actions once each, plus the custom action', () => {
	const listed = tencentOperations.filter((s) => !s.customCall);
	expect(new Set(listed.map((s) => s.vendorAction)).size).toBe(46);
	expect(listed).toHaveLength(46);
	expect(tencentOperations.filter((s) => s.customCall)).toHaveLength(1);
});
