/** The Tencent SDK's signing module, which ships without types; the signer test calls its sign3. */
declare module 'tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/sign' {
	const Sign: {
		sign3(options: {
			method: string;
			url: string;
			payload: unknown;
			timestamp: number;
			service: string;
			secretId: string;
			secretKey: string;
			multipart: boolean;
			boundary: string;
			headers?: Record<string, string>;
		}): string;
	};
	export default Sign;
}
