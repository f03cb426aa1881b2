import { ApiException, type KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';

/**
 * GET a Kubernetes API path as plain JSON, authenticated exactly as client-node would
 * (certificates, tokens, exec plugins: applyToHTTPSOptions), but without client-node's typed
 * deserialization, which walks every field of every object: for 150,000 pods that costs more
 * than the transfer itself. Errors are client-node's ApiException so callers handle one kind.
 */
export async function getJson(
  kubeConfig: KubeConfig,
  server: string,
  path: string,
  query: Record<string, string | number | undefined> = {},
): Promise<unknown> {
  const url = new URL(server.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  const options: https.RequestOptions = {};
  await kubeConfig.applyToHTTPSOptions(options);
  const transport = url.protocol === 'https:' ? https : http;
  const { status, headers, body } = await new Promise<{
    status: number;
    headers: Record<string, string>;
    body: string;
  }>((resolve, reject) => {
    const request = transport.request(
      url,
      { ...options, method: 'GET', headers: { ...options.headers, Accept: 'application/json' } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: Object.fromEntries(
              Object.entries(response.headers).map(([k, v]) => [
                k,
                Array.isArray(v) ? v.join(', ') : (v ?? ''),
              ]),
            ),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
  if (status < 200 || status >= 300) {
    throw new ApiException(status, `HTTP ${status} for GET ${url.pathname}`, body, headers);
  }
  return JSON.parse(body) as unknown;
}
