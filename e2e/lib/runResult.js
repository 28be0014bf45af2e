'use strict';
// Reading n8n's run data (IRun): from `execute --rawOutput` or from a stored execution.

/**
 * The node `n8n execute --id` starts from (n8n's findCliWorkflowStart): an Execute Workflow Trigger
 * if there is one, else the first Manual Trigger / Start / Manual Chat Trigger. Polling or webhook
 * triggers can't start a CLI run; pinData is ignored in CLI mode.
 */
const CLI_START_TYPES = ['@n8n/n8n-nodes-langchain.manualChatTrigger', 'n8n-nodes-base.start', 'n8n-nodes-base.manualTrigger'];
function cliStartNode(wf) {
	return wf.nodes.find((n) => n.type === 'n8n-nodes-base.executeWorkflowTrigger') || wf.nodes.find((n) => CLI_START_TYPES.includes(n.type));
}

/** The polling trigger a workflow starts from: a node with Poll Times (n8n adds them to every polling node). */
function pollingStartNode(wf) {
	return wf.nodes.find((n) => !n.disabled && n.parameters && typeof n.parameters.pollTimes === 'object' && n.parameters.pollTimes !== null);
}

/** `execute --rawOutput` prints the IRun as pretty JSON, possibly after log lines. */
function parseRun(output) {
	const lines = output.split('\n');
	const starts = [];
	const ends = [];
	let offset = 0;
	for (const line of lines) {
		if (line.startsWith('{')) starts.push(offset);
		if (line.startsWith('}')) ends.push(offset + 1);
		offset += line.length + 1;
	}
	for (const s of starts) {
		for (let i = ends.length - 1; i >= 0 && ends[i] > s; i--) {
			try {
				const v = JSON.parse(output.slice(s, ends[i]));
				if (v && typeof v === 'object' && v.data && v.data.resultData) return v;
			} catch {
				/* try the next candidate */
			}
		}
	}
	return null;
}

function nodeOutput(runResult, nodeName, { output = 0, runIndex } = {}) {
	const runs = runResult.data.resultData.runData[nodeName];
	if (!runs || !runs.length) return undefined;
	const r = runs[runIndex === undefined ? runs.length - 1 : runIndex];
	const main = (r.data && r.data.main) || [];
	return (main[output] || []).map((i) => i.json);
}

function errorText(runResult) {
	const e = runResult && runResult.data && runResult.data.resultData && runResult.data.resultData.error;
	if (!e) return undefined;
	const where = e.node && e.node.name ? ` (node "${e.node.name}")` : '';
	const desc = e.description && e.description !== e.message ? ` - ${e.description}` : '';
	return `${e.message || e.name || 'unknown error'}${where}${desc}`;
}

module.exports = { cliStartNode, pollingStartNode, parseRun, nodeOutput, errorText };
