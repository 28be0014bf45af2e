'use strict';
/**
 * The partner's own credentials for the live check, by n8n credential type name, from a local JSON
 * file or the environment. They are handed to the nodes only: never printed, logged or written.
 *
 *   { "tencentCloudPartnerApi": { "secretId": "...", "secretKey": "..." },
 *     "huaweiCloudPartnerApi": { "accessKeyId": "...", "secretAccessKey": "...", "domainId": "..." },
 *     "dotdigitalResellerApi": { "username": "...", "password": "..." } }
 *
 * Huawei may use `huaweiCloudPartnerIamApi` instead. Fields left out take the credential's default
 * (e.g. the vendor's public endpoint). Sources, first found wins: `--credentials <file>`, the
 * LIVE_CHECK_CREDENTIALS_FILE variable, the LIVE_CHECK_CREDENTIALS variable (the JSON itself, for CI
 * secrets), `live-check.credentials.json` in the current folder (git-ignored).
 */
const fs = require('fs');
const path = require('path');

const DEFAULT_FILE = 'live-check.credentials.json';

/** Per vendor, the credential types it accepts, in order of preference. */
const TYPES = {
	tencent: ['tencentCloudPartnerApi'],
	huawei: ['huaweiCloudPartnerApi', 'huaweiCloudPartnerIamApi'],
	dotdigital: ['dotdigitalResellerApi'],
};

function parse(text, where) {
	let value;
	try {
		value = JSON.parse(text);
	} catch (e) {
		// The parser's message may quote the text: say only where.
		throw new Error(`${where} is not valid JSON`);
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where} must hold a JSON object keyed by credential type`);
	return value;
}

/** { source, byType } from the first source found, or throws saying where it looked. */
function loadCredentials({ file, env = process.env, cwd = process.cwd() } = {}) {
	const named = file || env.LIVE_CHECK_CREDENTIALS_FILE;
	if (named) {
		const location = path.resolve(cwd, named);
		if (!fs.existsSync(location)) throw new Error(`credentials file ${named} not found`);
		return { source: `file ${named}`, byType: parse(fs.readFileSync(location, 'utf8'), `credentials file ${named}`) };
	}
	if (env.LIVE_CHECK_CREDENTIALS) return { source: 'LIVE_CHECK_CREDENTIALS', byType: parse(env.LIVE_CHECK_CREDENTIALS, 'LIVE_CHECK_CREDENTIALS') };
	const fallback = path.join(cwd, DEFAULT_FILE);
	if (fs.existsSync(fallback)) return { source: `file ${DEFAULT_FILE}`, byType: parse(fs.readFileSync(fallback, 'utf8'), `credentials file ${DEFAULT_FILE}`) };
	throw new Error(`no credentials: pass --credentials <file>, set LIVE_CHECK_CREDENTIALS_FILE or LIVE_CHECK_CREDENTIALS, or create ${DEFAULT_FILE} (see docs/live-check.md)`);
}

/** The credential each vendor will use: { vendor: { type, data } } for the vendors given. */
function credentialsPerVendor(byType) {
	const chosen = {};
	for (const [vendor, types] of Object.entries(TYPES)) {
		const type = types.find((t) => byType[t] && typeof byType[t] === 'object');
		if (type) chosen[vendor] = { type, data: byType[type] };
	}
	return chosen;
}

/**
 * The credentials' key-like texts (8 characters or more, not an address), blanked out of the
 * report should one ever reach it. Short option values (a site, a language) are not secrets.
 */
const secretTexts = (byType) =>
	Object.values(byType).flatMap((data) => Object.values(data || {}).filter((v) => typeof v === 'string' && v.length >= 8 && !/^https?:\/\//.test(v)));

module.exports = { loadCredentials, credentialsPerVendor, secretTexts, DEFAULT_FILE };
