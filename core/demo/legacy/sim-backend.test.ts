import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUid } from '../../sim/ids.ts';
import type { Simulation } from '../../sim/simulation.ts';
import { startDemoServer, type DemoServer } from '../server.ts';
import { legacySimulationBackend } from './sim-backend.ts';
import { asArray, asRecord, frozenSimulation, httpGet, itemsOf, nameOf } from '../testing/http.ts';

/** core/v1 nodes, pods and namespaces: object shapes, lists, pagination, selectors, tables. */

const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

let server: DemoServer;
let sim: Simulation;
const get = (path: string, accept?: string) =>
  httpGet(`${server.url}${path}`, { token: server.token, ...(accept ? { accept } : {}) });

beforeAll(async () => {
  // 100 nodes x 20 pods: the 2,000-pod cluster the pagination tests walk through.
  sim = frozenSimulation({ seed: 4, nodes: 100, podsPerNode: 20 });
  server = await startDemoServer({ backend: legacySimulationBackend(sim) });
});
afterAll(async () => {
  await server.close();
});

async function listAll(path: string, limit: number) {
  const names: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const query = `limit=${limit}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
    const res = await get(`${path}${separator}${query}`);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const items = itemsOf(res.json);
    expect(items.length).toBeLessThanOrEqual(limit);
    names.push(...items.map((i) => `${asRecord(i.metadata).namespace ?? ''}/${nameOf(i)}`));
    const meta = asRecord(asRecord(res.json).metadata);
    token = typeof meta.continue === 'string' ? meta.continue : undefined;
    pages++;
  } while (token !== undefined && pages < 1000);
  return { names, pages };
}

describe('nodes', () => {
  it('lists every node as a NodeList in name order', async () => {
    const res = await get('/api/v1/nodes');
    expect(res.contentType).toBe('application/json');
    const body = asRecord(res.json);
    expect(body.kind).toBe('NodeList');
    expect(body.apiVersion).toBe('v1');
    expect(asRecord(body.metadata).resourceVersion).toBe(String(server.backend.store.resourceVersion));
    const names = itemsOf(body).map(nameOf);
    expect(names).toHaveLength(100);
    expect(names).toEqual([...names].sort());
    expect(names[0]).toBe('control-plane-1');
  });

  it('shows a node the way the kubelet reports it', async () => {
    const node = sim.cluster.nodes[5]!;
    const body = asRecord((await get(`/api/v1/nodes/${node.name}`)).json);
    expect(body).toMatchObject({
      kind: 'Node',
      apiVersion: 'v1',
      metadata: {
        name: node.name,
        uid: stableUid(sim.seed, 'node', node.index),
        resourceVersion: expect.stringMatching(/^\d+$/),
        labels: { 'kubernetes.io/hostname': node.name, 'topology.kubernetes.io/zone': node.zone },
      },
      status: {
        nodeInfo: { kubeletVersion: sim.cluster.kubernetesVersion, operatingSystem: 'linux' },
      },
    });
    const metadata = asRecord(body.metadata);
    expect(metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(new Date(String(metadata.creationTimestamp)).getTime()).toBe(
      Math.floor(node.createdMs / 1000) * 1000,
    );
    const status = asRecord(body.status);
    expect(asRecord(status.capacity)).toMatchObject({
      cpu: String(node.capacity.cpuMillis / 1000),
      pods: '110',
    });
    expect(asRecord(status.capacity).memory).toMatch(/^\d+(Gi|Mi|Ki)$/);
    expect(asRecord(status.allocatable).cpu).toMatch(/^\d+m$/);
    expect(status.conditions).toContainEqual(
      expect.objectContaining({ type: 'Ready', status: 'True', reason: 'KubeletReady' }),
    );
    expect(status.addresses).toContainEqual({
      type: 'InternalIP',
      address: expect.stringMatching(/^10\.\d+\.\d+\.\d+$/),
    });
    expect(asRecord(body.spec).unschedulable).toBeUndefined();
  });

  it('shows cordoning (a patch through the API) in the next response', async () => {
    const cordon = (unschedulable: boolean) =>
      httpGet(`${server.url}/api/v1/nodes/node-07`, {
        token: server.token,
        method: 'PATCH',
        body: { spec: { unschedulable: unschedulable || null } },
        contentType: 'application/strategic-merge-patch+json',
      });
    expect((await cordon(true)).status).toBe(200);
    try {
      const spec = asRecord(asRecord((await get('/api/v1/nodes/node-07')).json).spec);
      expect(spec.unschedulable).toBe(true);
      const listed = itemsOf((await get('/api/v1/nodes?fieldSelector=spec.unschedulable=true')).json).map(
        nameOf,
      );
      expect(listed).toEqual(['node-07']);
    } finally {
      await cordon(false);
    }
    expect(asRecord(asRecord((await get('/api/v1/nodes/node-07')).json).spec).unschedulable).toBeUndefined();
  });

  it('taints the control plane', async () => {
    const spec = asRecord(asRecord((await get('/api/v1/nodes/control-plane-1')).json).spec);
    expect(spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
  });
});

describe('pods', () => {
  it('shows a pod with its owner, resources and status', async () => {
    const pod = sim.cluster.pods.find(
      (p) => p.workload.containers.length === 2 && p.workload.qosClass === 'Burstable',
    )!;
    const body = asRecord((await get(`/api/v1/namespaces/${pod.namespace}/pods/${pod.name}`)).json);
    const node = sim.cluster.nodes[pod.nodeIndex]!;
    expect(body).toMatchObject({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: {
        name: pod.name,
        namespace: pod.namespace,
        uid: stableUid(sim.seed, 'pod', pod.index),
        labels: { app: pod.workload.name, 'pod-template-hash': pod.workload.templateHash },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: `${pod.workload.name}-${pod.workload.templateHash}`,
            controller: true,
          },
        ],
      },
      spec: { nodeName: node.name, restartPolicy: 'Always' },
      status: { phase: 'Running', qosClass: 'Burstable', hostIP: expect.stringMatching(/^10\.0\./) },
    });
    const containers = asArray(asRecord(body.spec).containers).map((c) => asRecord(c));
    expect(containers.map((c) => c.name)).toEqual(pod.workload.containers.map((c) => c.name));
    expect(asRecord(asRecord(containers[0]!.resources).requests).cpu).toMatch(/^\d+m$|^\d+$/);
    const status = asRecord(body.status);
    expect(status.podIP).toMatch(/^10\.\d+\.\d+\.\d+$/);
    expect(asArray(status.containerStatuses)).toHaveLength(2);
    expect(asRecord(asArray(status.containerStatuses)[0])).toMatchObject({
      ready: true,
      restartCount: pod.restartCount,
    });
    expect(asArray(status.conditions).map((c) => asRecord(c).type)).toContain('Ready');
  });

  it('answers 404 NotFound Status for a missing pod and node', async () => {
    for (const [path, message] of [
      ['/api/v1/namespaces/shop/pods/nope', 'pods "nope" not found'],
      ['/api/v1/namespaces/nowhere/pods/nope', 'pods "nope" not found'],
      ['/api/v1/nodes/node-999', 'nodes "node-999" not found'],
      ['/api/v1/namespaces/nowhere', 'namespaces "nowhere" not found'],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.json).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'NotFound',
        code: 404,
        message,
      });
    }
  });

  it('pages through 2,000 pods, every pod exactly once, in key order', async () => {
    const { names, pages } = await listAll('/api/v1/pods', 137);
    expect(pages).toBe(Math.ceil(2000 / 137));
    expect(names).toHaveLength(2000);
    expect(new Set(names).size).toBe(2000);
    expect(names).toEqual([...names].sort());
    const expected = sim.cluster.pods.map((p) => `${p.namespace}/${p.name}`).sort();
    expect(names).toEqual(expected);
  });

  it('pages through one namespace with a selector, matching the unpaged list', async () => {
    const path = '/api/v1/namespaces/shop/pods?labelSelector=app.kubernetes.io/name%20in%20(cart,frontend)';
    const unpaged = itemsOf((await get(path)).json).map((i) => `shop/${nameOf(i)}`);
    expect(unpaged.length).toBeGreaterThan(10);
    const { names } = await listAll(path, 7);
    expect(names).toEqual(unpaged);
    const expected = sim.cluster.pods
      .filter(
        (p) =>
          p.namespace === 'shop' &&
          ['cart', 'frontend'].includes(p.workload.labels['app.kubernetes.io/name']!),
      )
      .map((p) => `shop/${p.name}`)
      .sort();
    expect(names).toEqual(expected);
  });

  it('reports remainingItemCount on unfiltered pages', async () => {
    const meta = asRecord(asRecord((await get('/api/v1/pods?limit=500')).json).metadata);
    expect(meta.remainingItemCount).toBe(1500);
  });

  it.each([
    ['spec.nodeName=node-05', (p: { node: string }) => p.node === 'node-05'],
    ['spec.nodeName!=node-05,status.phase=Running', (p: { node: string }) => p.node !== 'node-05'],
    ['metadata.namespace=payments', (p: { namespace: string }) => p.namespace === 'payments'],
  ])('filters with fieldSelector %s', async (selector, predicate) => {
    const items = itemsOf((await get(`/api/v1/pods?fieldSelector=${encodeURIComponent(selector)}`)).json);
    const expected = sim.cluster.pods
      .filter((p) => predicate({ node: sim.cluster.nodes[p.nodeIndex]!.name, namespace: p.namespace }))
      .map((p) => p.name)
      .sort();
    expect(items.length).toBeGreaterThan(0);
    expect(items.map(nameOf).sort()).toEqual(expected);
  });

  it.each([
    ['labelSelector=app%20in%20x', 'unable to parse requirement'],
    ['fieldSelector=spec.foo%3Dbar', 'field label not supported: spec.foo'],
    ['limit=-3', 'limit must be a non-negative integer'],
    ['continue=not-a-token', 'invalid continue token'],
  ])('answers %s with a 400 BadRequest', async (query, message) => {
    const res = await get(`/api/v1/pods?${query}`);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 });
    expect(String(asRecord(res.json).message)).toContain(message);
  });
});

describe('namespaces', () => {
  it('lists the five namespaces as Active', async () => {
    const items = itemsOf((await get('/api/v1/namespaces')).json);
    expect(items.map(nameOf)).toEqual(['default', 'kube-system', 'monitoring', 'payments', 'shop']);
    for (const ns of items) expect(ns.status).toEqual({ phase: 'Active' });
  });
});

describe('server-side printing', () => {
  it('answers kubectl-style Table requests for nodes', async () => {
    const body = asRecord((await get('/api/v1/nodes?limit=3', TABLE_ACCEPT)).json);
    expect(body).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1' });
    expect(
      asArray(body.columnDefinitions)
        .map((c) => asRecord(c).name)
        .slice(0, 5),
    ).toEqual(['Name', 'Status', 'Roles', 'Age', 'Version']);
    const rows = asArray(body.rows).map((r) => asRecord(r));
    expect(rows).toHaveLength(3);
    expect(asArray(rows[0]!.cells).slice(0, 3)).toEqual(['control-plane-1', 'Ready', 'control-plane']);
    expect(asRecord(rows[0]!.object)).toMatchObject({
      kind: 'PartialObjectMetadata',
      metadata: { name: 'control-plane-1' },
    });
    expect(asRecord(body.metadata).continue).toEqual(expect.any(String));
  });

  it('prints pods with READY, STATUS and RESTARTS', async () => {
    const pod = sim.cluster.pods[0]!;
    const body = asRecord(
      (await get(`/api/v1/namespaces/${pod.namespace}/pods/${pod.name}`, TABLE_ACCEPT)).json,
    );
    const cells = asArray(asRecord(asArray(body.rows)[0]).cells);
    expect(cells.slice(0, 3)).toEqual([
      pod.name,
      `${pod.workload.containers.length}/${pod.workload.containers.length}`,
      'Running',
    ]);
  });
});
