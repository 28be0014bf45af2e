'use strict';
/**
 * The vendors' answers exactly as n8n received them. n8n's request helpers send through axios's
 * default instance (the same module the nodes' calls reach), so a response interceptor sees every
 * answer, successful or not, before the node reads it. Only reads: it never changes an answer.
 */
const axios = require('axios');

function headerOf(headers, name) {
	if (!headers) return undefined;
	if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
	return key ? headers[key] : undefined;
}

function parsedBody(data) {
	if (typeof data !== 'string') return data;
	try {
		return JSON.parse(data);
	} catch {
		return data;
	}
}

/** Starts recording; returns { answers, stop() }. Each answer: { status, action, url, requestBody, body }. */
function startCapture() {
	const answers = [];
	const record = (response) => {
		const config = response.config || {};
		answers.push({
			status: response.status,
			action: headerOf(config.headers, 'X-TC-Action'),
			url: `${config.baseURL || ''}${config.url || ''}`,
			requestBody: parsedBody(config.data),
			body: parsedBody(response.data),
		});
	};
	const id = axios.interceptors.response.use(
		(response) => {
			record(response);
			return response;
		},
		(error) => {
			if (error && error.response) record(error.response);
			return Promise.reject(error);
		},
	);
	return { answers, stop: () => axios.interceptors.response.eject(id) };
}

module.exports = { startCapture };
