import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../sim/store/api-resources.ts';
import { startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { asArray, asRecord } from '../testing/http.ts';

/** autoscaling/v1 HPAs served from the stored autoscaling/v2 objects. */

let fx: FixtureServer;
beforeEach(async () => {
  fx = await startFixtureServer();
});
afterEach(async () => {
  await fx.close();
});

const V1 = '/apis/autoscaling/v1/namespaces/shop/horizontalpodautoscalers';

describe('autoscaling/v1 HorizontalPodAutoscaler', () => {
  it('is announced beside v2, which stays preferred', async () => {
    expect(asRecord((await fx.admin.get('/apis/autoscaling')).json)).toMatchObject({
      versions: [{ version: 'v2' }, { version: 'v1' }],
      preferredVersion: { version: 'v2' },
    });
    const v1 = asArray(asRecord((await fx.admin.get('/apis/autoscaling/v1')).json).resources).map(
      (r) => asRecord(r).name,
    );
    expect(v1).toEqual(['horizontalpodautoscalers', 'horizontalpodautoscalers/status']);
  });

  it('reads a v2 object as v1', async () => {
    expect((await fx.admin.get(`${V1}/web`)).json).toMatchObject({
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      spec: { minReplicas: 2, maxReplicas: 10, targetCPUUtilizationPercentage: 70 },
      status: { currentReplicas: 3, desiredReplicas: 3, currentCPUUtilizationPercentage: 45 },
    });
    const list = asRecord((await fx.admin.get(V1)).json);
    expect(list).toMatchObject({ kind: 'HorizontalPodAutoscalerList', apiVersion: 'autoscaling/v1' });
  });

  it('stores v1 writes as v2, keeping what v1 cannot say', async () => {
    fx.backend.store.mutate(keys.horizontalpodautoscalers, 'shop', 'web', (draft) => {
      const spec = draft.spec as Record<string, unknown>;
      spec.behavior = { scaleDown: { stabilizationWindowSeconds: 60 } };
      spec.metrics = [
        ...(spec.metrics as unknown[]),
        {
          type: 'Pods',
          pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '10' } },
        },
      ];
    });
    const res = await fx.admin.send(
      'PATCH',
      `${V1}/web`,
      { spec: { targetCPUUtilizationPercentage: 50 } },
      'application/merge-patch+json',
    );
    expect(asRecord(res.json).spec).toMatchObject({ targetCPUUtilizationPercentage: 50 });
    expect(fx.backend.store.get(keys.horizontalpodautoscalers, 'shop', 'web')).toMatchObject({
      apiVersion: 'autoscaling/v2',
      spec: {
        behavior: { scaleDown: { stabilizationWindowSeconds: 60 } },
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
          },
          { type: 'Pods' },
        ],
      },
    });
    const created = await fx.admin.send('POST', V1, {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'api' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
        maxReplicas: 4,
        targetCPUUtilizationPercentage: 65,
      },
    });
    expect(created.status).toBe(201);
    expect(asRecord(created.json)).toMatchObject({
      apiVersion: 'autoscaling/v1',
      spec: { minReplicas: 1, targetCPUUtilizationPercentage: 65 },
    });
    expect(fx.backend.store.get(keys.horizontalpodautoscalers, 'shop', 'api')?.apiVersion).toBe(
      'autoscaling/v2',
    );
  });
});
