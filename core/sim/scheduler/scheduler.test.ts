import { describe, expect, it } from 'vitest';
import { keys } from '../store/api-resources.ts';
import type { Pod } from '../kube/types.ts';
import { newPodJson } from '../objects/pod-json.ts';
import { clusterHarness, containers, nodeJson } from '../testing/harness.ts';

const controlPlane = nodeJson('control-plane-1', {
  index: 0,
  taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
});

function bigPod(name: string, cpu: string) {
  return newPodJson({ name, namespace: 'default', spec: { containers: containers(cpu, '64Mi') } });
}

describe('Scheduler', () => {
  it('binds a pending pod, with a Scheduled event and condition', () => {
    const h = clusterHarness([controlPlane, nodeJson('node-1')]);
    h.store.create(keys.pods, bigPod('a', '100m'));
    h.advance(1000);
    const pod = h.store.get(keys.pods, 'default', 'a') as Pod;
    expect(pod.spec.nodeName).toBe('node-1');
    expect(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
    expect(h.events('Scheduled')[0]).toMatchObject({
      message: 'Successfully assigned default/a to node-1',
      source: { component: 'default-scheduler' },
    });
  });

  it('explains in kube-scheduler words why a pod fits nowhere, and binds it once room appears', () => {
    const h = clusterHarness([
      controlPlane,
      nodeJson('node-1', { cpu: '2' }),
      nodeJson('node-2', { index: 2, cpu: '2' }),
    ]);
    h.store.create(keys.pods, bigPod('filler-1', '1500m'));
    h.store.create(keys.pods, bigPod('filler-2', '1500m'));
    h.advance(1000);
    h.store.create(keys.pods, bigPod('big', '1'));
    h.advance(1000);
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..';
    const [event] = h.events('FailedScheduling');
    expect(event).toMatchObject({ type: 'Warning', message, involvedObject: { kind: 'Pod', name: 'big' } });
    const pending = h.store.get(keys.pods, 'default', 'big') as Pod;
    expect(pending.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message,
    });
    // Retries do not make new events, they count up the old one.
    h.advance(10 * 60_000);
    expect(h.events('FailedScheduling')).toHaveLength(1);
    expect(h.events('FailedScheduling')[0]?.count).toBeGreaterThan(1);
    const freed = (h.store.get(keys.pods, 'default', 'filler-1') as Pod).spec.nodeName;
    h.store.delete(keys.pods, 'default', 'filler-1');
    h.advance(12_000);
    expect((h.store.get(keys.pods, 'default', 'big') as Pod).spec.nodeName).toBe(freed);
  });

  it('leaves pods for other schedulers alone', () => {
    const h = clusterHarness([nodeJson('node-1')]);
    h.store.create(
      keys.pods,
      newPodJson({
        name: 'x',
        namespace: 'default',
        spec: { containers: containers(), schedulerName: 'volcano' },
      }),
    );
    h.advance(5000);
    expect((h.store.get(keys.pods, 'default', 'x') as Pod).spec.nodeName).toBeUndefined();
  });

  it('spreads the replicas of one owner over nodes', () => {
    const h = clusterHarness([
      nodeJson('node-1', { index: 1 }),
      nodeJson('node-2', { index: 2 }),
      nodeJson('node-3', { index: 3 }),
    ]);
    h.store.create(keys.deployments, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 6,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: containers() } },
      },
    });
    h.advance(3000);
    const perNode = new Map<string, number>();
    for (const pod of h.pods())
      perNode.set(pod.spec.nodeName ?? '', (perNode.get(pod.spec.nodeName ?? '') ?? 0) + 1);
    expect([...perNode.values()].sort()).toEqual([2, 2, 2]);
  });
});
