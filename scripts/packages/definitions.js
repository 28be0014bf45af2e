// What the package build makes: the combined package (the repository root's package.json) and one
// package per vendor, each described by a committed packages/<name>/package.json (its n8n block
// lists the vendor's nodes and credentials; the scanner finds that file by package name in the
// source the npm provenance points at) and packages/<name>/README.md.
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

/** The published name of the package that carries all three vendors. */
const COMBINED = 'n8n-nodes-cloud-partners';

/**
 * One entry per single-vendor package. `markers` are lower-case strings that identify the vendor
 * (names, API hosts, icon names): a package must not contain another vendor's markers anywhere.
 * `changelogHeading` is the `###` subsection of CHANGELOG.md that belongs to the vendor.
 * `readmeHeading` is the `###` section (under `## Credentials`) of the root README.md copied into
 * the package README's credential setup; `operationsDoc` is the vendor's operations document,
 * copied into the package README's operations.
 */
const VENDORS = [
	{
		id: 'tencent',
		packageName: 'n8n-nodes-tencent-cloud-partner',
		markers: ['tencent', 'tencentcloudapi', 'intlpartnersmgt'],
		changelogHeading: 'Tencent Cloud Partner',
		readmeHeading: 'Tencent Cloud Partner',
		operationsDoc: 'docs/operations/tencent.md',
	},
	{
		id: 'huawei',
		packageName: 'n8n-nodes-huawei-cloud-partner',
		markers: ['huawei', 'myhuaweicloud'],
		changelogHeading: 'Huawei Cloud Partner',
		readmeHeading: 'Huawei Cloud Partner',
		operationsDoc: 'docs/operations/huawei.md',
	},
	{
		id: 'dotdigital',
		packageName: 'n8n-nodes-dotdigital-cpaas-reseller',
		markers: ['dotdigital', 'cpaas', 'comapi'],
		changelogHeading: 'dotdigital CPaaS Reseller',
		readmeHeading: 'dotdigital CPaaS Reseller',
		operationsDoc: 'docs/operations/dotdigital.md',
	},
];

/** CHANGELOG.md subsection that applies to every package. */
const CHANGELOG_COMMON_HEADING = 'All packages';

/** Folder (relative to the repository root) holding a single-vendor package's committed files. */
function vendorFolder(vendor) {
	return path.join('packages', vendor.packageName);
}

/** The four package names, single-vendor ones first, the combined one last. */
function packageNames() {
	return [...VENDORS.map((v) => v.packageName), COMBINED];
}

module.exports = { ROOT, COMBINED, VENDORS, CHANGELOG_COMMON_HEADING, vendorFolder, packageNames };
