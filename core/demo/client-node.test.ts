import { ApiException, CoreV1Api, CustomObjectsApi, KubeConfig, Metrics } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKubeconfigYaml } from './kubeconfig.ts';
import { startDemoServer, type DemoServer } from './server.ts';
import { asArray, asRecord } from './testing/http.ts';

/** @kubernetes/client-node 1.x, the client the app itself uses, as an independent check of the API. */

let server: DemoServer;
let kc: KubeConfig;

beforeAll(async () => {
  server = await startDemoServer({ seed: 3, nodes: 40, podsPerNode: 25 });
  kc = new KubeConfig();
  kc.loadFromString(server.kubeconfigYaml());
});
afterAll(async () => {
  await server.close();
});

describe('client-node against the demo server', () => {
  it('loads the kubeconfig as the foresight-demo context over verified TLS', () => {
    expect(kc.getCurrentContext()).toBe('foresight-demo');
    const cluster = kc.getCurrentCluster();
    expect(cluster?.server).toBe(server.httpsUrl);
    expect(cluster?.skipTLSVerify).toBe(false);
    expect(cluster?.caData).toBeDefined();
  });

  it('lists nodes with typed fields', async () => {
    const nodes = await kc.makeApiClient(CoreV1Api).listNode();
    expect(nodes.items).toHaveLength(40);
    const node = nodes.items.find((n) => n.metadata?.name === 'node-01');
    expect(node?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(node?.status?.allocatable?.cpu).toMatch(/^\d+m$/);
    expect(node?.metadata?.creationTimestamp).toBeInstanceOf(Date);
    expect(nodes.items[0]?.spec?.taints?.[0]?.key).toBe('node-role.kubernetes.io/control-plane');
  });

  it('pages through all pods with limit and continue', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const names = new Set<string>();
    let cont: string | undefined;
    let pages = 0;
    do {
      const page = await core.listPodForAllNamespaces({ limit: 300, ...(cont ? { _continue: cont } : {}) });
      for (const pod of page.items) names.add(`${pod.metadata?.namespace}/${pod.metadata?.name}`);
      cont = page.metadata?._continue;
      pages++;
    } while (cont && pages < 50);
    const total = server.backend.store.count('/pods');
    expect(total).toBeGreaterThanOrEqual(1000);
    expect(pages).toBe(Math.ceil(total / 300));
    expect(names.size).toBe(total);
  });

  it('filters pods on a node, as drain does', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const pods = await core.listPodForAllNamespaces({ fieldSelector: 'spec.nodeName=node-02' });
    expect(pods.items.length).toBeGreaterThan(0);
    for (const pod of pods.items) expect(pod.spec?.nodeName).toBe('node-02');
    // Drain decides by the controller: every pod here has one it knows.
    for (const pod of pods.items) {
      expect(['ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job']).toContain(
        pod.metadata?.ownerReferences?.[0]?.kind,
      );
    }
  });

  it('raises ApiException 404 with a Status body for a missing pod', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const error = await core.readNamespacedPod({ namespace: 'shop', name: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect((error as ApiException<string>).code).toBe(404);
    expect(JSON.parse((error as ApiException<string>).body)).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
    });
  });

  it('reads node metrics through CustomObjectsApi', async () => {
    const list = asRecord(
      await kc.makeApiClient(CustomObjectsApi).listClusterCustomObject({
        group: 'metrics.k8s.io',
        version: 'v1beta1',
        plural: 'nodes',
      }),
    );
    expect(list.kind).toBe('NodeMetricsList');
    const items = asArray(list.items).map((i) => asRecord(i));
    expect(items).toHaveLength(40);
    expect(asRecord(items[1]!.usage).cpu).toMatch(/^\d+(n|u|m)?$/);
  });

  it("reads node and pod metrics through client-node's Metrics helper", async () => {
    const metrics = new Metrics(kc);
    const nodes = await metrics.getNodeMetrics();
    expect(nodes.items).toHaveLength(40);
    const pods = await metrics.getPodMetrics('payments');
    expect(pods.items.length).toBeGreaterThan(0);
    for (const pod of pods.items) {
      expect(pod.metadata.namespace).toBe('payments');
      expect(pod.containers.length).toBeGreaterThan(0);
      expect(pod.containers[0]?.usage.memory).toMatch(/^\d+(Ki|Mi|Gi)$/);
    }
  });

  it('also works over plain http with a kubeconfig that skips TLS verification', async () => {
    const plain = new KubeConfig();
    plain.loadFromString(demoKubeconfigYaml({ url: server.url, token: server.token }));
    const nodes = await plain.makeApiClient(CoreV1Api).listNode({ limit: 5 });
    expect(nodes.items).toHaveLength(5);
    expect(nodes.metadata?._continue).toBeDefined();
  });

  it('is refused with a wrong token', async () => {
    const wrong = new KubeConfig();
    wrong.loadFromString(server.kubeconfigYaml().replace(server.token, 'wrong-token'));
    const error = await wrong
      .makeApiClient(CoreV1Api)
      .listNode()
      .catch((e: unknown) => e);
    expect((error as ApiException<string>).code).toBe(401);
  });
});
