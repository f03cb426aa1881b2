import { describe, expect, it } from 'vitest';
import { keys } from '../store/api-resources.ts';
import type { Deployment, Pod, ReplicaSet } from '../kube/types.ts';
import { isPodActive, isPodReady } from '../kube/pods.ts';
import { clusterHarness, deploymentJson, nodeJson } from '../testing/harness.ts';

const nodes = [
  nodeJson('node-1', { index: 1 }),
  nodeJson('node-2', { index: 2 }),
  nodeJson('node-3', { index: 3 }),
];

function sets(h: ReturnType<typeof clusterHarness>): ReplicaSet[] {
  return h.store.list(keys.replicasets, 'default') as ReplicaSet[];
}

describe('DeploymentController', () => {
  it('creates a ReplicaSet named by the template hash, and its pods run', () => {
    const h = clusterHarness(nodes);
    h.store.create(keys.deployments, deploymentJson('web', 3));
    h.advance(10_000);
    const [rs] = sets(h);
    expect(rs?.metadata.name).toMatch(/^web-[4-9b-df]{1,10}$/);
    expect(rs?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(h.pods().filter((p) => p.status?.phase === 'Running' && isPodReady(p))).toHaveLength(3);
    const d = h.store.get(keys.deployments, 'default', 'web') as Deployment;
    expect(d.status).toMatchObject({
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
    expect(d.status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe(
      'NewReplicaSetAvailable',
    );
    expect(h.events('ScalingReplicaSet').map((e) => e.message)).toEqual([
      `Scaled up replica set ${rs?.metadata.name} to 3`,
    ]);
  });

  it('scales through spec.replicas', () => {
    const h = clusterHarness(nodes);
    h.store.create(keys.deployments, deploymentJson('web', 2));
    h.advance(10_000);
    h.store.mutate(keys.deployments, 'default', 'web', (d) => {
      (d as Deployment).spec.replicas = 5;
    });
    h.advance(10_000);
    expect(h.pods().filter(isPodActive)).toHaveLength(5);
    h.store.mutate(keys.deployments, 'default', 'web', (d) => {
      (d as Deployment).spec.replicas = 1;
    });
    h.advance(40_000);
    expect(h.pods().filter(isPodActive)).toHaveLength(1);
    expect(sets(h)).toHaveLength(1);
  });

  it.each([
    { replicas: 8, maxSurge: '25%', maxUnavailable: '25%', surge: 2, unavailable: 2 },
    { replicas: 4, maxSurge: 0, maxUnavailable: 1, surge: 0, unavailable: 1 },
    { replicas: 4, maxSurge: 1, maxUnavailable: 0, surge: 1, unavailable: 0 },
  ])(
    'rolls $replicas pods within maxSurge $maxSurge and maxUnavailable $maxUnavailable',
    ({ replicas, maxSurge, maxUnavailable, surge, unavailable }) => {
      const h = clusterHarness(nodes);
      h.store.create(
        keys.deployments,
        deploymentJson(
          'web',
          replicas,
          {},
          { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } },
        ),
      );
      h.advance(15_000);
      h.store.mutate(keys.deployments, 'default', 'web', (d) => {
        const c = (d as Deployment).spec.template.spec.containers[0];
        if (c) c.image = 'example/app:2.0';
      });
      let mostPods = 0;
      let fewestReady = Infinity;
      for (let s = 0; s < 120; s++) {
        h.advance(1000);
        const pods = h.pods().filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed');
        mostPods = Math.max(
          mostPods,
          sets(h).reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0),
        );
        fewestReady = Math.min(fewestReady, pods.filter(isPodReady).length);
      }
      const d = h.store.get(keys.deployments, 'default', 'web') as Deployment;
      expect(d.status).toMatchObject({ replicas, updatedReplicas: replicas, availableReplicas: replicas });
      expect(mostPods).toBeLessThanOrEqual(replicas + surge);
      expect(fewestReady).toBeGreaterThanOrEqual(replicas - unavailable);
      const images = new Set(
        h
          .pods()
          .filter((p) => !p.metadata.deletionTimestamp)
          .map((p: Pod) => p.spec.containers[0]?.image),
      );
      expect([...images]).toEqual(['example/app:2.0']);
      expect(
        sets(h)
          .map((rs) => rs.spec.replicas)
          .sort(),
      ).toEqual([0, replicas]);
    },
  );

  it('recreates: old pods are gone before new ones start', () => {
    const h = clusterHarness(nodes);
    h.store.create(keys.deployments, deploymentJson('web', 3, {}, { strategy: { type: 'Recreate' } }));
    h.advance(15_000);
    h.store.mutate(keys.deployments, 'default', 'web', (d) => {
      const c = (d as Deployment).spec.template.spec.containers[0];
      if (c) c.image = 'example/app:2.0';
    });
    let overlap = false;
    for (let s = 0; s < 60; s++) {
      h.advance(1000);
      const images = new Set(h.pods().map((p) => p.spec.containers[0]?.image));
      if (images.size > 1) overlap = true;
    }
    expect(overlap).toBe(false);
    expect(h.pods().filter(isPodReady)).toHaveLength(3);
  });
});
