'use strict';
/**
 * Reads the vendors' SDK request models from shared/reference/vendor-models. The repository is
 * cloned beside `shared/` (as in CI); a missing folder fails with a message that says so.
 */
const fs = require('fs');
const path = require('path');

const MODELS = path.resolve(__dirname, '../../../shared/reference/vendor-models');

function loadVendorModel(file) {
	const location = path.join(MODELS, file);
	if (!fs.existsSync(location)) {
		throw new Error(`Vendor models not found at ${location}: clone the repository beside shared/ (shared/reference/vendor-models).`);
	}
	return JSON.parse(fs.readFileSync(location, 'utf8'));
}

module.exports = { loadVendorModel };
