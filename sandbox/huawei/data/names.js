'use strict';
/**
 * Word lists for generated Huawei customers and resellers. ASCII only, and account names are built
 * so they satisfy Huawei's login-name rule (letter first, then letters, digits, `_` or `-`).
 */
module.exports = {
	FIRST: ['anna', 'ben', 'clara', 'david', 'elif', 'finn', 'greta', 'hugo', 'ines', 'jan', 'katja', 'lars', 'mila', 'nico', 'olga', 'paul', 'rosa', 'sven', 'tara', 'umut', 'vera', 'wim', 'yara', 'zoe', 'ahmed', 'bianca', 'carlos', 'dora', 'emil', 'fatima', 'giulia', 'hannah', 'ivan', 'jonas', 'lea', 'marco', 'nora', 'oscar', 'pia', 'rafael'],
	LAST: ['muller', 'schmidt', 'garcia', 'rossi', 'dubois', 'novak', 'jansen', 'kowalski', 'silva', 'lopez', 'weber', 'fischer', 'martin', 'bernard', 'romano', 'costa', 'nielsen', 'berg', 'horvat', 'popescu', 'murphy', 'byrne', 'meyer', 'wagner', 'becker', 'moreau', 'ricci', 'santos', 'vidal', 'keller'],
	COMPANY_WORDS: ['Alpen', 'Baltic', 'Cobalt', 'Danube', 'Elbe', 'Fjord', 'Granite', 'Harbor', 'Iberia', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Nordlicht', 'Orbit', 'Pioneer', 'Quartz', 'Rhine', 'Solace', 'Tessera'],
	COMPANY_KINDS: ['Digital', 'Logistics', 'Software', 'Media', 'Labs', 'Retail', 'Health', 'Systems', 'Analytics', 'Energy'],
	COMPANY_SUFFIXES: ['GmbH', 'AG', 'SAS', 'S.L.', 'S.r.l.', 'B.V.', 'Ltd', 'Sp. z o.o.', 'S.A.', 'ApS'],
	DOMAINS: ['example.com', 'example.org', 'example.net', 'mail.example.com', 'corp.example'],
	LABELS: ['vip', 'edu', 'startup', 'gov', 'Retail', 'EMEA', 'trial', 'key-account', 'migration', 'LATAM'],
	ACCOUNT_MANAGERS: [
		['am-lena.vogt', 'Lena Vogt'],
		['am-tomasz.nowak', 'Tomasz Nowak'],
		['am-sofia.marin', 'Sofia Marin'],
	],
	/** [4-digit country code as Huawei prints it, ISO 3166 alpha-2, mobile prefixes] */
	PHONE_PLANS: [
		['0049', 'DE', ['151', '160', '170']],
		['0033', 'FR', ['6', '7']],
		['0034', 'ES', ['6']],
		['0039', 'IT', ['32', '33', '34']],
		['0031', 'NL', ['6']],
		['0044', 'GB', ['7']],
		['0048', 'PL', ['5', '6']],
		['0052', 'MX', ['55', '33']],
		['0065', 'SG', ['8', '9']],
		['0027', 'ZA', ['6', '7']],
	],
};
