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

module.exports = { MODELS_DIR, loadVendorModel };
