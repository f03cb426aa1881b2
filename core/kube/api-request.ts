import type { KubeConfig } from '@kubernetes/client-node';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

export type Query = Record<string, string | number | boolean | undefined>;

/**
 * Opens a GET on the API server, authenticated exactly as client-node would (certificates,
 * tokens, exec plugins: applyToHTTPSOptions), and resolves with the response stream as soon as
 * the headers arrive, so lists can be read whole and watches line by line. `signal` aborts it.
 */
export async function apiRequest(
  kubeConfig: KubeConfig,
  server: string,
  path: string,
  query: Query = {},
  signal?: AbortSignal,
): Promise<IncomingMessage> {
  const url = new URL(server.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  const options: https.RequestOptions = {};
  await kubeConfig.applyToHTTPSOptions(options);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        ...options,
        method: 'GET',
        headers: { ...options.headers, Accept: 'application/json' },
        ...(signal ? { signal } : {}),
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

export async function readBody(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function headersOf(response: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(response.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
  );
}
