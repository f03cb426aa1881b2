import { describe, expect, it } from 'vitest';
import { keys } from '../store/api-resources.ts';
import { clusterHarness, deploymentJson, nodeJson, podJson } from '../testing/harness.ts';

describe('GarbageCollector', () => {
  it('deleting a Deployment removes its ReplicaSets, then its pods after they stop', () => {
    const h = clusterHarness([nodeJson('node-1')]);
    h.store.create(keys.deployments, deploymentJson('web', 3));
    h.advance(10_000);
    expect(h.pods()).toHaveLength(3);
    h.store.delete(keys.deployments, 'default', 'web');
    h.advance(2000);
    expect(h.store.count(keys.replicasets)).toBe(0);
    // Running pods get a deletionTimestamp and go once their kubelet has stopped them.
    expect(h.pods().every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true);
    expect(h.events('Killing')).toHaveLength(3);
    h.advance(31_000);
    expect(h.pods()).toHaveLength(0);
  });

  it('deletes an object whose owner never existed, and keeps one with an owner left', () => {
    const h = clusterHarness([nodeJson('node-1')]);
    h.store.create(keys.deployments, deploymentJson('web', 1));
    h.advance(5000);
    const rs = h.store.list(keys.replicasets)[0];
    const ghost = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: 'gone',
      uid: 'no-such-uid',
      controller: false,
    };
    const live = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: rs?.metadata.name ?? '',
      uid: rs?.metadata.uid ?? '',
    };
    h.store.create(keys.pods, {
      ...podJson('orphan'),
      metadata: { name: 'orphan', namespace: 'default', ownerReferences: [ghost] },
    });
    h.store.create(keys.pods, {
      ...podJson('shared'),
      metadata: { name: 'shared', namespace: 'default', ownerReferences: [ghost, live] },
    });
    h.advance(2000);
    expect(h.store.get(keys.pods, 'default', 'orphan')).toBeUndefined();
    expect(h.store.get(keys.pods, 'default', 'shared')?.metadata.ownerReferences?.map((o) => o.uid)).toEqual([
      rs?.metadata.uid,
    ]);
  });
});
