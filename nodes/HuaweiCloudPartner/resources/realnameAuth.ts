import type { FieldSpec, OperationSpec } from '../../shared/types';
import { customerIdField, query, XACCOUNT_TYPE_FIELD } from './sharedFields';

const resource = 'realnameAuth';

/** What Partner Center requires before these APIs answer (its API reference, Real-Name Authentication). */
const SETUP = 'Partner credentials only; first enable Upload Photos of Handheld ID Cards Required for Real-Name Authentication (Benefits and Support > API Configuration > Configure)';

/** Huawei reviews a submission before the customer is verified: what to check before sending it again. */
const REVIEW_HINT = 'Check the review state with Real-Name Authentication > Get Review Result before submitting again.';

const FILE_RULES =
	'Each file is jpg, jpeg, bmp, png, gif or pdf, at most 10 MB, uploaded to the OBS bucket Huawei gave you; enter its path below the download/ folder (e.g. abc023.jpg for …/download/abc023.jpg), names are case-sensitive';

const verifiedFiles = (order: string): FieldSpec => ({
	name: 'verified_file_url',
	displayName: 'Document Files',
	kind: 'stringList',
	required: true,
	maxItems: 4,
	maxLength: 1024,
	paramName: 'verifiedFileUrl',
	description: `The scanned documents, in this order: ${order}. ${FILE_RULES}`,
});

const CERTIFICATE_TYPE: FieldSpec = {
	name: 'certificate_type',
	displayName: 'Certificate Type',
	kind: 'options',
	options: [
		{ name: 'Business License', value: 0 },
		{ name: 'Public Institution Legal Person Certificate', value: 1 },
		{ name: 'Social Organization Legal Person Certificate', value: 2 },
		{ name: 'Administrative Law Enforcement Certificate', value: 3 },
		{ name: 'Organization Code Certificate', value: 4 },
		{ name: 'Other', value: 99 },
	],
	default: 0,
	description: "The kind of the organization's certificate",
};

const enterpriseFields = (): FieldSpec[] => [
	customerIdField({ description: 'The customer to verify as an organization: pick it from your customer list or enter its account ID' }),
	{ name: 'corp_name', displayName: 'Organization Name', kind: 'string', required: true, maxLength: 255, paramName: 'corpName', description: 'Registered name of the organization, as on the certificate (not only digits, spaces or special characters)' },
	{ name: 'verified_number', displayName: 'Certificate Number', kind: 'string', required: true, maxLength: 32, paramName: 'verifiedNumber', description: "The number of the organization's certificate" },
	verifiedFiles('front of the certificate, back of the certificate, then, with a Legal Representative, the front and back of their ID card'),
	XACCOUNT_TYPE_FIELD,
	CERTIFICATE_TYPE,
	{ name: 'reg_country', displayName: 'Country of Registration', kind: 'string', pattern: /^[A-Z]{2}$/, patternHint: 'a two-letter ISO country code in capitals, e.g. DE', paramName: 'regCountry', placeholder: 'DE', description: 'Where the organization is registered, ISO 3166 alpha-2' },
	{ name: 'reg_address', displayName: 'Registered Address', kind: 'string', maxLength: 512, paramName: 'regAddress', description: 'Registered address of the organization' },
	{
		name: 'enterprise_person',
		displayName: 'Legal Representative',
		kind: 'object',
		paramName: 'enterprisePerson',
		description: 'The legal representative of the organization; their ID card scans follow the certificate in Document Files',
		members: [
			{ name: 'legel_name', displayName: 'Name', kind: 'string', required: true, maxLength: 128, paramName: 'legelName', description: "The legal representative's name" },
			{ name: 'legel_id_number', displayName: 'ID Number', kind: 'string', required: true, maxLength: 64, paramName: 'legelIdNumber', description: "The legal representative's ID card number" },
			{ name: 'certifier_role', displayName: 'Certifier Role', kind: 'options', options: [{ name: 'Legal Representative', value: 'legalPerson' }], default: 'legalPerson', paramName: 'certifierRole', description: 'Who certifies' },
		],
	},
];

export const realnameAuthOperations: OperationSpec[] = [
	{
		resource,
		operation: 'submitIndividual',
		name: 'Submit for Individual',
		action: 'Submit an individual real-name authentication',
		description: `${SETUP}. Submits a customer's personal identity document for real-name authentication; Huawei reviews it, see Get Review Result`,
		vendorAction: 'CreatePersonalRealnameAuth',
		request: { http: { method: 'POST', path: '/v2/customers/realname-auths/individual' }, fixedBody: { identify_type: 0 } },
		write: true,
		rateLimitPerSecond: 10,
		writeRules: { verifyHint: REVIEW_HINT },
		fields: [
			customerIdField({ description: 'The customer to verify as an individual: pick it from your customer list or enter its account ID' }),
			{ name: 'name', displayName: 'Name', kind: 'string', required: true, maxLength: 128, description: "The customer's full name, as on the document" },
			{ name: 'verified_number', displayName: 'Document Number', kind: 'string', required: true, maxLength: 128, paramName: 'verifiedNumber', description: 'The number of the identity document' },
			verifiedFiles('for a passport: the personal data page, then a photo holding it open at that page; for the other documents: front, back, then a photo holding the front'),
			XACCOUNT_TYPE_FIELD,
			{
				name: 'verified_type',
				displayName: 'Document Type',
				kind: 'options',
				options: [
					{ name: 'Passport (2 Files)', value: 3 },
					{ name: 'Hong Kong/Macao Travel Permit (3 Files)', value: 5 },
					{ name: 'Taiwan Travel Permit (3 Files)', value: 6 },
					{ name: 'Hong Kong/Macao Residence Permit (3 Files)', value: 9 },
					{ name: 'Taiwan Residence Permit (3 Files)', value: 10 },
				],
				default: 3,
				paramName: 'verifiedType',
				description: 'The kind of identity document the files show',
			},
			{ name: 'change_type', displayName: 'Change Type', kind: 'options', options: [{ name: 'First Authentication', value: -1 }], default: -1, paramName: 'changeType', description: 'First real-name authentication of the account' },
		],
	},
	{
		resource,
		operation: 'submitEnterprise',
		name: 'Submit for Organization',
		action: 'Submit an organization real-name authentication',
		description: `${SETUP}. Submits a customer's organization certificate for real-name authentication; Huawei reviews it, see Get Review Result`,
		vendorAction: 'CreateEnterpriseRealnameAuthentication',
		request: { http: { method: 'POST', path: '/v2/customers/realname-auths/enterprise' }, fixedBody: { identify_type: 1 } },
		write: true,
		rateLimitPerSecond: 10,
		writeRules: { verifyHint: REVIEW_HINT },
		fields: enterpriseFields(),
	},
	{
		resource,
		operation: 'changeToEnterprise',
		name: 'Change to Organization',
		action: 'Change an individual authentication to an organization',
		description: `${SETUP}. Changes a customer verified as an individual to an organization by submitting its certificate; Huawei reviews it, see Get Review Result`,
		vendorAction: 'ChangeEnterpriseRealnameAuthentication',
		request: { http: { method: 'PUT', path: '/v2/customers/realname-auths/enterprise' }, fixedBody: { identify_type: 1, change_type: 1 } },
		write: true,
		rateLimitPerSecond: 10,
		writeRules: { verifyHint: REVIEW_HINT },
		fields: enterpriseFields(),
	},
	{
		resource,
		operation: 'getReviewResult',
		name: 'Get Review Result',
		action: 'Get the review result of a real-name authentication',
		description: "Partner credentials only. Returns Huawei's review result of a customer's last real-name authentication submission, with the reviewer's opinion when it was rejected",
		vendorAction: 'ShowRealnameAuthenticationReviewResult',
		request: { http: { method: 'GET', path: '/v2/customers/realname-auths/result' } },
		write: false,
		rateLimitPerSecond: 10,
		answer: {
			enrich: (answer) => {
				const status = ({ 0: 'Under Review', 1: 'Rejected', 2: 'Approved' } as Record<string, string>)[String(answer.review_result)];
				return status ? { review_status: status } : {};
			},
		},
		fields: [query(customerIdField({ description: 'The customer whose submission to check: pick it from your customer list or enter its account ID' }))],
	},
];
