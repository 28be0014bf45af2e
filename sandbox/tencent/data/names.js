'use strict';
/** Word lists for generated people and companies (ASCII only, so e-mail addresses stay valid). */
module.exports = {
	FIRST: ['alice', 'bob', 'carol', 'david', 'emma', 'felix', 'grace', 'henry', 'iris', 'jack', 'karen', 'leo', 'mia', 'noah', 'olivia', 'peter', 'quinn', 'rosa', 'sam', 'tina', 'umar', 'vera', 'wei', 'xena', 'yuki', 'zoe', 'arjun', 'bella', 'chen', 'diego', 'elena', 'farah', 'hiro', 'ines', 'jonas', 'kenji', 'lina', 'marco', 'nina', 'omar'],
	LAST: ['tan', 'lee', 'wong', 'chan', 'smith', 'jones', 'garcia', 'muller', 'schmidt', 'dubois', 'rossi', 'sato', 'kim', 'park', 'nguyen', 'silva', 'khan', 'patel', 'lim', 'ng', 'brown', 'taylor', 'martin', 'lopez', 'fischer', 'weber', 'novak', 'ito', 'suzuki', 'ramos'],
	COMPANY_WORDS: ['Harbour', 'Lotus', 'Summit', 'Pixel', 'Orchid', 'Northwind', 'Bluefin', 'Jade', 'Maple', 'Quantum', 'Redwood', 'Silverline', 'Tidal', 'Vertex', 'Zenith', 'Aurora', 'Cobalt', 'Falcon', 'Granite', 'Kite'],
	COMPANY_KINDS: ['Digital', 'Logistics', 'Games', 'Media', 'Labs', 'Commerce', 'Health', 'Systems', 'Analytics', 'Studio'],
	COMPANY_SUFFIXES: ['Ltd', 'Pte Ltd', 'Limited', 'GmbH', 'Inc', 'LLC', 'Co., Ltd'],
	DOMAINS: ['example.com', 'example.org', 'example.net', 'mail.example.com', 'corp.example'],
	REMARKS: ['', '', '', 'VIP', 'Monthly invoice', 'Migrated from on-premises', 'Trial customer', 'Key account - APAC', 'Billing contact: finance team', 'Reseller lead', 'Low usage', 'Renewal due'],
	/**
	 * [dialing code, ISO2, mobile prefixes, mobile length]
	 * @type {Array<[string, string, string[], number]>}
	 */
	PHONE_PLANS: [
		['852', 'HK', ['9', '6', '5'], 8],
		['65', 'SG', ['8', '9'], 8],
		['1', 'US', ['415', '212', '646'], 10],
		['44', 'GB', ['7'], 10],
		['49', 'DE', ['15', '17'], 11],
		['81', 'JP', ['90', '80'], 10],
		['60', 'MY', ['1'], 10],
		['61', 'AU', ['4'], 9],
	],
};
