/**
 * Every write of the three nodes says whether running it again is harmless or adds again, and what
 * protects it, in the editor's help text and in the vendor's operations document (both made from the
 * spec's `rerun`).
 */
import { dotdigitalOperations } from '../../nodes/DotdigitalReseller/resources';
import { DOTDIGITAL_RERUN } from '../../nodes/DotdigitalReseller/rerun';
import { huaweiOperations } from '../../nodes/HuaweiCloudPartner/resources';
import { HUAWEI_RERUN } from '../../nodes/HuaweiCloudPartner/rerun';
import { tencentOperations } from '../../nodes/TencentCloudPartner/resources';
import { TENCENT_RERUN } from '../../nodes/TencentCloudPartner/rerun';
import { operationDescription } from '../../nodes/shared/properties';
import type { RerunTable } from '../../nodes/shared/rerun';
import { rerunSentence } from '../../nodes/shared/rerun';
import type { OperationSpec } from '../../nodes/shared/types';
import * as table from '../../scripts/operationsTable';

const { readOperationsDoc } = table as unknown as { readOperationsDoc: (provider: string) => string };

const nodes: Array<[string, OperationSpec[], RerunTable]> = [
	['Tencent', tencentOperations, TENCENT_RERUN],
	['Huawei', huaweiOperations, HUAWEI_RERUN],
	['dotdigital', dotdigitalOperations, DOTDIGITAL_RERUN],
];

describe.each(nodes)('%s writes', (node, specs, rerunTable) => {
	const writes = specs.filter((s) => s.write);

	it.each(writes.map((s) => [`${s.resource}.${s.operation}`, s] as const))('%s says what running it again does, in its help text', (_name, spec) => {
		expect(spec.writeRules?.rerun).toBeDefined();
		expect(['harmless', 'addsAgain']).toContain(spec.writeRules!.rerun!.effect);
		expect(spec.writeRules!.rerun!.protection.length).toBeGreaterThan(20);
		expect(operationDescription(spec)).toContain(rerunSentence(spec.writeRules!.rerun!));
		expect(readOperationsDoc(node.toLowerCase())).toContain(`run again: ${spec.writeRules!.rerun!.protection}`);
	});

	it('the table names only writes the node has', () => {
		expect(Object.keys(rerunTable).sort()).toEqual(writes.map((s) => `${s.resource}.${s.operation}`).sort());
	});

	it('reads carry no re-run note', () => {
		expect(specs.filter((s) => !s.write && s.writeRules?.rerun)).toEqual([]);
	});
});

it('says plainly where the vendor has no ledger to check', () => {
	expect(DOTDIGITAL_RERUN['credit.add']).toEqual(expect.objectContaining({ effect: 'addsAgain', protection: expect.stringMatching(/nothing protects it/) }));
	expect(TENCENT_RERUN['credit.allocateToSubAgent']).toEqual(expect.objectContaining({ effect: 'addsAgain', protection: expect.stringMatching(/nothing protects it/) }));
	expect(TENCENT_RERUN['credit.allocateToCustomer'].protection).toMatch(/Idempotency Key/);
	expect(operationDescription(tencentOperations.find((s) => s.operation === 'allocateToCustomer')!)).toMatch(/Running it again adds again: .*Idempotency Key/);
});
