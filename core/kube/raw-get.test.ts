import { ApiException, KubeConfig } from '@kubernetes/client-node';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeClusterError } from './cluster-errors.ts';
import { getJson } from './raw-get.ts';

// A plain local HTTP server stands in for an API server: what is under test is the request
// getJson makes (path prefix, query, bearer token) and how it reports answers.
let server: Server;
let base: string;
const seen: Array<{ url: string; auth: string | undefined }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', auth: request.headers.authorization });
    if (request.url?.startsWith('/prefix/api/v1/secrets')) {
      response.writeHead(403, { 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify({ kind: 'Status', message: 'secrets is forbidden: User "bob" cannot list' }),
      );
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ kind: 'PodList', items: [{ spec: { nodeName: 'n1' } }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prefix/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function kubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: base, skipTLSVerify: true }],
    users: [{ name: 'u', token: 'secret-token' }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return kc;
}

describe('getJson', () => {
  it('keeps the server’s path prefix, sends the query and the bearer token, parses the body', async () => {
    const body = await getJson(kubeConfig(), base, '/api/v1/pods', { limit: 500, continue: undefined });
    expect(body).toEqual({ kind: 'PodList', items: [{ spec: { nodeName: 'n1' } }] });
    expect(seen.at(-1)).toEqual({ url: '/prefix/api/v1/pods?limit=500', auth: 'Bearer secret-token' });
  });

  it('reports an error status as client-node’s ApiException, which reads as a permission problem', async () => {
    const error = await getJson(kubeConfig(), base, '/api/v1/secrets').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect((error as ApiException<string>).code).toBe(403);
    expect(describeClusterError(error, base, 'listing secrets').message).toMatch(
      /Forbidden \(403\).*cannot list/,
    );
  });
});
