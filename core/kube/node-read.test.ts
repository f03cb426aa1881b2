import { KubeConfig } from '@kubernetes/client-node';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeReadError, readNodeDetails, type NodeReadAccess } from './node-read.ts';
import { reducePod } from './pod-facts.ts';

// A plain local HTTP server stands in for the API server: what is under test is which requests
// readNodeDetails makes (the node by name; the pods by spec.nodeName only without a mirror) and
// how it words the answers.
let server: Server;
let base: string;
const seen: string[] = [];
let podsStatus = 200;

const node = {
  metadata: { name: 'node-1' },
  status: { allocatable: { cpu: '2', memory: '4Gi' }, nodeInfo: { kubeletVersion: 'v1.30.2' } },
};
const pod = (name: string, nodeName: string) => ({
  metadata: { name, namespace: 'default' },
  spec: { nodeName, containers: [{ name: 'app', resources: { requests: { cpu: '500m' } } }] },
  status: { phase: 'Running' },
});

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '';
    seen.push(url);
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url === '/api/v1/nodes/node-1') return answer(200, node);
    if (url === '/api/v1/nodes/secret-node') return answer(403, { kind: 'Status', message: 'forbidden' });
    if (url.startsWith('/api/v1/pods'))
      return podsStatus === 200
        ? answer(200, { items: [pod('a', 'node-1')] })
        : answer(podsStatus, { kind: 'Status', message: 'pods is forbidden' });
    return answer(404, { kind: 'Status', message: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function access(reader: NodeReadAccess['reader'] = {}): NodeReadAccess {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'c', server: base, skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return { kubeConfig, server: base, reader };
}

describe('readNodeDetails', () => {
  it('takes the pods from the mirror when there is one (no pod request), only those on the node', async () => {
    seen.length = 0;
    const mirrored = [pod('a', 'node-1'), pod('b', 'node-2'), pod('c', 'node-1')].map(reducePod);
    const details = await readNodeDetails(access({ listPodFacts: async () => mirrored }), 'node-1', () => 7);
    expect(seen).toEqual(['/api/v1/nodes/node-1']);
    expect(details.pods.map((p) => p.name)).toEqual(['a', 'c']);
    expect(details.allocated.cpuMillis).toEqual({ requests: 1000, limits: 0, allocatable: 2000 });
    expect(details).toMatchObject({ at: 7, info: { kubeletVersion: 'v1.30.2' } });
  });

  it('lists the node’s pods with kubectl’s field selector when the mirror cannot answer', async () => {
    seen.length = 0;
    const failing = { listPodFacts: () => Promise.reject(new Error('still syncing')) };
    const details = await readNodeDetails(access(failing), 'node-1', () => 0);
    expect(seen).toEqual(['/api/v1/nodes/node-1', '/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-1']);
    expect(details.pods.map((p) => p.name)).toEqual(['a']);
  });

  it('still describes the node when its pods are forbidden, saying so', async () => {
    podsStatus = 403;
    try {
      const details = await readNodeDetails(access(), 'node-1', () => 0);
      expect(details.info?.kubeletVersion).toBe('v1.30.2');
      expect(details.podsProblem).toMatch(/may not `list pods`/);
    } finally {
      podsStatus = 200;
    }
  });

  it.each([
    ['node-7', /^node-7 no longer exists; it was removed from the cluster\.$/],
    ['secret-node', /Forbidden \(403\).*`get nodes`/],
  ])('words a failed read of %s', async (name, message) => {
    const error = await readNodeDetails(access(), name, () => 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeReadError);
    expect((error as Error).message).toMatch(message);
  });
});
