'use strict';
/**
 * Reads the vendors' SDK request/response models from the repository's own copy,
 * test/fixtures/vendor-models (provenance and licence in NOTICE.md there), so the conformance tests
 * and the live check run in a clone that has nothing beside it.
 */
const fs = require('fs');
const path = require('path');

const MODELS_DIR = path.resolve(__dirname, '..', 'fixtures', 'vendor-models');

function loadVendorModel(file) {
	const location = path.join(MODELS_DIR, file);
	if (!fs.existsSync(location)) {
		throw new Error(`Vendor model ${file} is missing from test/fixtures/vendor-models (see NOTICE.md there for where each file comes from).`);
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

module.exports = { MODELS_DIR, loadVendorModel, tencentDateTimeFields };
