'use strict';
/**
 * Everything the Reseller Service writes on the wire: content negotiation (JSON only when the
 * caller asks for application/json, XML otherwise), faults, bare ASP.NET `{"Message": ...}` errors,
 * and the non-application answers of IIS and the gateway (empty 401/404/504, HTML pages).
 */
const { sendText, writable } = require('../http');
const { faultBody } = require('./errors');
const { toXml } = require('./xml');
const { REALM } = require('./keys');

const JSON_TYPE = 'application/json; charset=utf-8';
const XML_TYPE = 'application/xml; charset=utf-8';

/**
 * 'json' when an `Accept` entry is application/json with q > 0, else 'xml' (missing Accept, `* / *`
 * and application/xml all get XML, as the reference says the service does without the header).
 */
function negotiate(acceptHeader) {
	if (!acceptHeader) return 'xml';
	for (const part of String(acceptHeader).split(',')) {
		const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
		if (type !== 'application/json') continue;
		const q = params.find((p) => p.startsWith('q='));
		if (!q || Number(q.slice(2)) > 0) return 'json';
	}
	return 'xml';
}

/** JSON text with `/Date(...)/` written `\/Date(...)\/`, exactly as DataContractJsonSerializer does. */
function jsonText(value) {
	return JSON.stringify(value).replace(/"\/Date\((-?\d+(?:[+-]\d{4})?)\)\/"/g, '"\\/Date($1)\\/"');
}

/**
 * A result (or fault, or `{Message}` error) in the negotiated format.
 * @param {import('http').ServerResponse} res
 * @param {string} format 'json' or 'xml'
 * @param {number} status
 * @param {unknown} value
 * @param {{ xmlType: string, xmlItem?: string }} xml contract names for the XML rendering
 * @param {Record<string, string>} [headers]
 */
function sendValue(res, format, status, value, { xmlType, xmlItem }, headers = {}) {
	if (format === 'json') return sendText(res, status, jsonText(value), JSON_TYPE, headers);
	return sendText(res, status, toXml(xmlType, value, xmlItem), XML_TYPE, headers);
}

function sendFault(res, format, fault) {
	return sendValue(res, format, fault.status || 400, faultBody(fault.type, fault.message), { xmlType: 'ResellerServiceFault' });
}

/** ASP.NET Web API's own error shape (`HttpError`): `{"Message": "..."}` / `<Error><Message>`. */
function sendMessage(res, format, status, message, headers = {}) {
	return sendValue(res, format, status, { Message: message }, { xmlType: 'Error' }, headers);
}

/** A status with no body at all (204, the 401 challenge, an empty 404/504). */
function sendEmpty(res, status, headers = {}) {
	if (!writable(res)) return;
	// RFC 9110: no Content-Length on a 204.
	res.writeHead(status, status === 204 ? headers : { 'Content-Length': 0, ...headers });
	res.end();
}

const sendUnauthorized = (res) => sendEmpty(res, 401, { 'WWW-Authenticate': `Basic realm="${REALM}"` });

/** The page IIS serves for a path no application answers (the singular `/WebApi/ResellerService`). */
function sendIisNotFound(res) {
	const html =
		'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\r\n' +
		'<html xmlns="http://www.w3.org/1999/xhtml">\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>\r\n' +
		'<title>404 - File or directory not found.</title>\r\n</head>\r\n<body>\r\n<div id="header"><h1>Server Error</h1></div>\r\n' +
		'<div id="content">\r\n <div class="content-container"><fieldset>\r\n  <h2>404 - File or directory not found.</h2>\r\n' +
		'  <h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3>\r\n' +
		' </fieldset></div>\r\n</div>\r\n</body>\r\n</html>\r\n';
	return sendText(res, 404, html, 'text/html');
}

/** A gateway/HTTP.sys page for an injected 5xx that the application never produced. */
function sendGatewayPage(res, status) {
	const titles = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
	const title = titles[status] || 'Server Error';
	const html = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n<HTML><HEAD><TITLE>${title}</TITLE>\r\n<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\r\n<BODY><h2>${title}</h2>\r\n<hr><p>HTTP Error ${status}. ${title}.</p>\r\n</BODY></HTML>\r\n`;
	return sendText(res, status, html, 'text/html; charset=us-ascii');
}

module.exports = { negotiate, jsonText, sendValue, sendFault, sendMessage, sendEmpty, sendUnauthorized, sendIisNotFound, sendGatewayPage, JSON_TYPE, XML_TYPE };
