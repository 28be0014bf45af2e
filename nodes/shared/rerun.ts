import type { OperationSpec, RerunSafety } from './types';

/** What running each write of a node again does, by `resource.operation`. */
export type RerunTable = Record<string, RerunSafety>;

/**
 * The help-text sentence for a write: whether running it again is harmless or adds again, and
 * what protects it. One sentence for every node, made from the spec, so no write goes unsaid.
 */
export function rerunSentence(rerun: RerunSafety): string {
	const effect = rerun.effect === 'harmless' ? 'Running it again is harmless' : 'Running it again adds again';
	return `${effect}: ${rerun.protection}`;
}

/** The node's operations, each write carrying its entry of `table` (reads stay as they are). */
export function withRerun(specs: OperationSpec[], table: RerunTable): OperationSpec[] {
	return specs.map((spec) => {
		const rerun = table[`${spec.resource}.${spec.operation}`];
		return spec.write && rerun ? { ...spec, writeRules: { ...spec.writeRules, rerun } } : spec;
	});
}
