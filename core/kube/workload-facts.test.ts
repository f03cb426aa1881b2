import { describe, expect, it } from 'vitest';
import type { RawObject } from './resource-mirror.ts';

/** Test objects carry fields RawObject does not name (uid, labels…): as the API sends them. */
const raw = (object: object) => object as RawObject;
import { reduceHpa, reducePdb, reduceWorkload, workloadOfPod } from './workload-facts.ts';

describe('reduceWorkload', () => {
  it('keeps a Deployment’s size, selector and pod template', () => {
    const facts = reduceWorkload('Deployment')(
      raw({
        metadata: { name: 'web', namespace: 'shop', uid: 'd1' },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'app', image: 'x', resources: { requests: { cpu: '100m' } } }] },
          },
        },
        status: { readyReplicas: 2 },
      }),
    );
    expect(facts).toMatchObject({
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
      desiredReplicas: 3,
      readyReplicas: 2,
    });
    expect(facts.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(facts.template?.spec.containers).toEqual([
      { name: 'app', resources: { requests: { cpu: '100m' } } },
    ]);
    expect(facts.template?.metadata.labels).toEqual({ app: 'web' });
  });

  it.each([
    ['DaemonSet', { status: { numberReady: 4 } }, undefined, 4],
    ['Job', { spec: { parallelism: 2 }, status: { active: 1 } }, 2, 1],
    ['StatefulSet', { spec: {}, status: {} }, 1, 0],
  ] as const)('reads the size of a %s', (kind, body, desired, ready) => {
    const facts = reduceWorkload(kind)({ metadata: { name: 'w', namespace: 'n' }, ...body });
    expect([facts.desiredReplicas, facts.readyReplicas]).toEqual([desired, ready]);
  });

  it('names the controlling owner of a ReplicaSet', () => {
    const facts = reduceWorkload('ReplicaSet')(
      raw({
        metadata: {
          name: 'web-7d',
          namespace: 'shop',
          ownerReferences: [
            { kind: 'Something', name: 'x' },
            { kind: 'Deployment', name: 'web', controller: true },
          ],
        },
      }),
    );
    expect(facts.owner).toEqual({ kind: 'Deployment', name: 'web' });
  });
});

describe('reduceHpa', () => {
  it.each([
    [
      'autoscaling/v2',
      {
        spec: {
          scaleTargetRef: { kind: 'Deployment', name: 'web' },
          minReplicas: 2,
          maxReplicas: 10,
          metrics: [
            {
              type: 'Resource',
              resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
            },
          ],
        },
        status: { currentReplicas: 3, desiredReplicas: 4 },
      },
      { minReplicas: 2, maxReplicas: 10, cpuUtilizationTarget: 70, currentReplicas: 3, desiredReplicas: 4 },
    ],
    [
      'autoscaling/v1',
      {
        spec: {
          scaleTargetRef: { kind: 'Deployment', name: 'web' },
          maxReplicas: 5,
          targetCPUUtilizationPercentage: 60,
        },
      },
      { minReplicas: 1, maxReplicas: 5, cpuUtilizationTarget: 60, currentReplicas: undefined },
    ],
  ])('reads the bounds and CPU target of %s', (_version, body, expected) => {
    const facts = reduceHpa({ metadata: { name: 'web', namespace: 'shop' }, ...body });
    expect(facts).toMatchObject({ target: { kind: 'Deployment', name: 'web' }, ...expected });
  });
});

describe('reducePdb', () => {
  it('keeps the budget and how many disruptions it allows now', () => {
    const facts = reducePdb({
      metadata: { name: 'web', namespace: 'shop' },
      spec: { minAvailable: '50%', selector: { matchLabels: { app: 'web' } } },
      status: { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2 },
    });
    expect(facts).toEqual({
      namespace: 'shop',
      name: 'web',
      selector: { matchLabels: { app: 'web' } },
      minAvailable: '50%',
      maxUnavailable: undefined,
      disruptionsAllowed: 1,
      currentHealthy: 3,
      desiredHealthy: 2,
    });
  });
});

describe('workloadOfPod', () => {
  const owners: Record<string, { kind: string; name: string }> = {
    'ReplicaSet/shop/web-7d': { kind: 'Deployment', name: 'web' },
    'Job/batch/report-123': { kind: 'CronJob', name: 'report' },
  };
  const ownerOf = (kind: string, ns: string, name: string) => owners[`${kind}/${ns}/${name}`];

  it.each([
    [{ kind: 'ReplicaSet', name: 'web-7d' }, 'shop', { kind: 'Deployment', name: 'web' }],
    [{ kind: 'ReplicaSet', name: 'bare-rs' }, 'shop', { kind: 'ReplicaSet', name: 'bare-rs' }],
    [{ kind: 'Job', name: 'report-123' }, 'batch', { kind: 'CronJob', name: 'report' }],
    [{ kind: 'StatefulSet', name: 'db' }, 'shop', { kind: 'StatefulSet', name: 'db' }],
    [undefined, 'shop', undefined],
  ])('names %o in %s by its workload', (owner, namespace, expected) => {
    expect(workloadOfPod(owner, namespace, ownerOf)).toEqual(expected);
  });
});
