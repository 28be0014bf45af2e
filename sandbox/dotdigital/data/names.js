'use strict';
/** Word lists for generated accounts and users (ASCII only, so usernames and e-mail addresses stay valid). */
module.exports = {
	FIRST: ['alice', 'ben', 'chloe', 'daniel', 'emily', 'finn', 'grace', 'harry', 'isla', 'jack', 'katie', 'liam', 'mia', 'noah', 'olivia', 'oscar', 'poppy', 'ruby', 'sam', 'sophie', 'thomas', 'uma', 'victor', 'willow', 'yusuf', 'zara', 'anna', 'lukas', 'marie', 'felix', 'lena', 'jonas', 'emma', 'paul', 'hannah', 'mason', 'ava', 'ethan', 'lily', 'aiden'],
	LAST: ['smith', 'jones', 'taylor', 'brown', 'williams', 'wilson', 'johnson', 'davies', 'patel', 'wright', 'walker', 'evans', 'thomas', 'roberts', 'khan', 'lewis', 'hughes', 'muller', 'schmidt', 'schneider', 'fischer', 'weber', 'meyer', 'wagner', 'garcia', 'miller', 'davis', 'martinez', 'anderson', 'clark'],
	COMPANY_WORDS: ['Albion', 'Beacon', 'Brightwater', 'Cobalt', 'Crown', 'Elm', 'Falcon', 'Harbour', 'Highland', 'Juniper', 'Kestrel', 'Lantern', 'Meridian', 'Northgate', 'Oakfield', 'Pennine', 'Quayside', 'Riverside', 'Saxon', 'Thistle', 'Union', 'Vale', 'Westbrook', 'Yew'],
	COMPANY_KINDS: ['Retail', 'Pharmacy', 'Motors', 'Dental', 'Logistics', 'Estates', 'Fitness', 'Travel', 'Foods', 'Insurance', 'Energy', 'Telecom', 'Clinics', 'Events', 'Fashion'],
	COMPANY_SUFFIXES: ['Ltd', 'Limited', 'plc', 'LLP', 'GmbH', 'Inc', 'LLC'],
	NOTES: ['', '', '', 'Key account', 'Invoice monthly', 'Migrated from legacy platform', 'Trial', 'Peak season December', 'Contact finance before top-up', 'Uses WhatsApp only'],
	/**
	 * [CountryIsoCode, Windows time zone id (the platform is .NET), mobile prefix, landline prefix, digits after prefix]
	 * @type {Array<[string, string, string, string, number]>}
	 */
	LOCALES: [
		['GBR', 'GMT Standard Time', '447700', '44161', 6],
		['GBR', 'GMT Standard Time', '447700', '44207', 6],
		['GBR', 'GMT Standard Time', '447911', '44113', 6],
		['USA', 'Eastern Standard Time', '1212555', '1212555', 4],
		['USA', 'Pacific Standard Time', '1415555', '1415555', 4],
		['DEU', 'W. Europe Standard Time', '49151', '4930', 8],
		['IRL', 'GMT Standard Time', '35387', '3531', 7],
		['NLD', 'W. Europe Standard Time', '316', '3120', 8],
		['FRA', 'Romance Standard Time', '336', '331', 8],
		['AUS', 'AUS Eastern Standard Time', '614', '612', 8],
	],
};
