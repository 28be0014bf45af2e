// Texts shipped in the single-vendor packages, derived from the repository's own:
// - packages/<name>/README.md is written by hand except two marked regions, copies of the
//   vendor's credential setup (its `###` section under `## Credentials` in the root README.md)
//   and of its operations document (docs/operations/<vendor>.md: the operations table and
//   behaviour), so they cannot drift. `node scripts/packages/texts.js --write` refreshes the
//   regions; a test fails when they are stale.
// - CHANGELOG.md has, under each version, a `### All packages` subsection and one per vendor; a
//   vendor package ships the file with only the common subsection and its own.
const fs = require('fs');
const path = require('path');
const { ROOT, VENDORS, CHANGELOG_COMMON_HEADING, vendorFolder } = require('./definitions');

const isFence = (line) => line.startsWith('```');

/** The heading level of a markdown line (outside code), or 0. */
function levelOf(line) {
	const match = /^(#{1,6}) /.exec(line);
	return match ? match[1].length : 0;
}

/**
 * The body of the section that `heading` (a whole heading line, e.g. `### Tencent Cloud Partner`)
 * opens, up to the next heading of the same or a higher level; lines in code fences are not headings.
 */
function sectionOf(markdown, heading, source = 'README.md') {
	const lines = markdown.split('\n');
	const start = lines.indexOf(heading);
	if (start < 0) throw new Error(`${source} has no "${heading}" section`);
	const level = levelOf(heading);
	let end = start + 1;
	let inFence = false;
	for (; end < lines.length; end++) {
		if (isFence(lines[end])) inFence = !inFence;
		const found = inFence ? 0 : levelOf(lines[end]);
		if (found && found <= level) break;
	}
	return lines.slice(start + 1, end).join('\n').trim();
}

/** `markdown` with every heading (outside code) `by` levels deeper. */
function deeperHeadings(markdown, by) {
	let inFence = false;
	return markdown
		.split('\n')
		.map((line) => {
			if (isFence(line)) inFence = !inFence;
			return !inFence && levelOf(line) ? `${'#'.repeat(by)}${line}` : line;
		})
		.join('\n');
}

/**
 * The regions of a vendor package's README and what fills each: the credential setup from the
 * root README (its sub-headings already sit at the package's level), and the operations document
 * without its title, its headings moved under the package's `### Operations`.
 */
function regionsOf(vendor) {
	const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
	return [
		{ name: 'credentials', text: () => sectionOf(read('README.md'), `### ${vendor.readmeHeading}`) },
		{
			name: 'operations',
			text: () => {
				const doc = read(vendor.operationsDoc);
				const title = doc.split('\n').find((line) => levelOf(line) === 1);
				return deeperHeadings(sectionOf(doc, title, vendor.operationsDoc), 2);
			},
		},
	];
}

const regionMarkers = (name) => [`<!-- copied:${name}:start -->`, `<!-- copied:${name}:end -->`];

/** `packageReadme` with each marked region replaced by its current text. */
function renderPackageReadme(packageReadme, regions) {
	let out = packageReadme;
	for (const region of regions) {
		const [startMarker, endMarker] = regionMarkers(region.name);
		const start = out.indexOf(startMarker);
		const end = out.indexOf(endMarker);
		if (start < 0 || end < start) throw new Error(`package README lacks the ${startMarker} ... ${endMarker} region`);
		out = `${out.slice(0, start + startMarker.length)}\n\n${region.text()}\n\n${out.slice(end)}`;
	}
	return out;
}

/** Path of a vendor package's committed README, relative to the repository root. */
function packageReadmePath(vendor) {
	return path.join(vendorFolder(vendor), 'README.md');
}

/** The README a vendor package should have, from the committed one, the root README and the operations document. */
function expectedPackageReadme(vendor) {
	const current = fs.readFileSync(path.join(ROOT, packageReadmePath(vendor)), 'utf8');
	return renderPackageReadme(current, regionsOf(vendor));
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

module.exports = { sectionOf, deeperHeadings, regionsOf, renderPackageReadme, packageReadmePath, expectedPackageReadme, vendorChangelog };
