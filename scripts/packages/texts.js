// Texts shipped in the single-vendor packages, derived from the repository's own:
// - packages/<name>/README.md is written by hand except one marked region, a copy of the vendor's
//   section of the root README.md (credential setup, operations table, behaviour), so the two
//   cannot drift. `node scripts/packages/texts.js --write` refreshes the regions; a test fails when
//   they are stale.
// - CHANGELOG.md has, under each version, a `### All packages` subsection and one per vendor; a
//   vendor package ships the file with only the common subsection and its own.
const fs = require('fs');
const path = require('path');
const { ROOT, VENDORS, CHANGELOG_COMMON_HEADING, vendorFolder } = require('./definitions');

const regionStart = (heading) => `<!-- root-readme:${heading}:start -->`;
const REGION_END = '<!-- root-readme:end -->';

/** The body of the `## heading` section of a markdown text, up to the next `## ` heading. */
function sectionOf(markdown, heading) {
	const lines = markdown.split('\n');
	const start = lines.indexOf(`## ${heading}`);
	if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
	let end = start + 1;
	while (end < lines.length && !lines[end].startsWith('## ')) end++;
	return lines.slice(start + 1, end).join('\n').trim();
}

/** `packageReadme` with its marked region replaced by the root README's `## heading` section. */
function renderPackageReadme(packageReadme, rootReadme, heading) {
	const startMarker = regionStart(heading);
	const start = packageReadme.indexOf(startMarker);
	const end = packageReadme.indexOf(REGION_END);
	if (start < 0 || end < start) {
		throw new Error(`package README lacks the ${startMarker} ... ${REGION_END} region`);
	}
	return (
		packageReadme.slice(0, start + startMarker.length) +
		'\n\n' +
		sectionOf(rootReadme, heading) +
		'\n\n' +
		packageReadme.slice(end)
	);
}

/** Path of a vendor package's committed README, relative to the repository root. */
function packageReadmePath(vendor) {
	return path.join(vendorFolder(vendor), 'README.md');
}

/** The README a vendor package should have, from the committed one and the root README. */
function expectedPackageReadme(vendor) {
	const rootReadme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const current = fs.readFileSync(path.join(ROOT, packageReadmePath(vendor)), 'utf8');
	return renderPackageReadme(current, rootReadme, vendor.readmeHeading);
}

/**
 * CHANGELOG.md for a vendor package: everything outside `###` subsections, plus the subsections
 * titled `CHANGELOG_COMMON_HEADING` or `changelogHeading`. Other vendors' subsections are left out.
 */
function vendorChangelog(changelog, changelogHeading) {
	const out = [];
	let keep = true;
	for (const line of changelog.split('\n')) {
		if (line.startsWith('## ') || line.startsWith('# ')) keep = true;
		else if (line.startsWith('### ')) {
			const title = line.slice(4).trim();
			keep = title === CHANGELOG_COMMON_HEADING || title === changelogHeading;
		}
		if (keep) out.push(line);
	}
	return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

if (require.main === module) {
	const write = process.argv.includes('--write');
	let stale = 0;
	for (const vendor of VENDORS) {
		const file = path.join(ROOT, packageReadmePath(vendor));
		const expected = expectedPackageReadme(vendor);
		if (fs.readFileSync(file, 'utf8') === expected) continue;
		if (write) fs.writeFileSync(file, expected);
		else stale++;
		process.stdout.write(`${write ? 'updated' : 'stale'}: ${packageReadmePath(vendor)}\n`);
	}
	if (stale) process.exitCode = 1;
}

module.exports = { sectionOf, renderPackageReadme, packageReadmePath, expectedPackageReadme, vendorChangelog };
