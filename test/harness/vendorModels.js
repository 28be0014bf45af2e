'use strict';
/**
 * Reads the vendors' SDK request models from shared/reference/vendor-models. The repository is
 * cloned beside `shared/` (as in CI); a missing folder fails with a message that says so.
 */
const fs = require('fs');
const path = require('path');

/**
 * shared/reference/vendor-models beside the clone, or one folder further up (a git worktree kept in
 * a folder of worktrees); the first place is the one named when neither holds it.
 */
function modelsFolder() {
	const places = ['../../../shared/reference/vendor-models', '../../../../shared/reference/vendor-models'].map((p) => path.resolve(__dirname, p));
	return places.find((place) => fs.existsSync(place)) ?? places[0];
}

function loadVendorModel(file) {
	const location = path.join(modelsFolder(), file);
	if (!fs.existsSync(location)) {
		throw new Error(`Vendor models not found at ${location}: clone the repository beside shared/ (shared/reference/vendor-models).`);
	}
	return JSON.parse(fs.readFileSync(location, 'utf8'));
}

/** A Tencent model member that is a date-time: a string named `...Time` or documented as a time. */
const isTencentDateTime = (member) => member.type === 'string' && (/Time$/.test(member.name) || /\btime\b/i.test(member.document || ''));

/**
 * The answer fields Tencent's CLI model declares as date-times, per action, as dotted paths from
 * the answer (lists on the way are transparent), in the model's order: what the node's
 * TENCENT_DATE_TIME_FIELDS must hold.
 */
function tencentDateTimeFields() {
	const model = loadVendorModel('tencent-cli-intl-en-api.json');
	const walk = (structName, prefix, out, depth) => {
		if (depth > 8) return;
		for (const member of model.objects[structName].members || []) {
			const path = prefix + member.name;
			if ((member.type === 'list' || member.type === 'object') && model.objects[member.member]) walk(member.member, `${path}.`, out, depth + 1);
			else if (isTencentDateTime(member)) out.push(path);
		}
	};
	const table = {};
	for (const [action, spec] of Object.entries(model.actions)) {
		const paths = [];
		walk(spec.output, '', paths, 0);
		if (paths.length) table[action] = paths;
	}
	return table;
}

module.exports = { loadVendorModel, tencentDateTimeFields };
