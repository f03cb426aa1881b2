import { describe, expect, it } from 'vitest';
import { keys } from '../store/api-resources.ts';
import type { Deployment, HorizontalPodAutoscaler } from '../kube/types.ts';
import { horizontalPodAutoscalerJson } from '../objects/workload-json.ts';
import { clusterHarness, deploymentJson, nodeJson } from '../testing/harness.ts';

describe('HorizontalPodAutoscalerController', () => {
  it('scales a Deployment up under load, and down only after the 5-minute window', () => {
    const h = clusterHarness([
      nodeJson('node-1', { cpu: '16', memory: '64Gi' }),
      nodeJson('node-2', { index: 2, cpu: '16', memory: '64Gi' }),
    ]);
    h.store.create(keys.deployments, deploymentJson('web', 2));
    h.store.create(
      keys.horizontalpodautoscalers,
      horizontalPodAutoscalerJson({
        namespace: 'default',
        name: 'web',
        target: { kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 10,
        cpuUtilization: 50,
      }),
    );
    h.advance(6 * 60_000);
    const replicas = () => (h.store.get(keys.deployments, 'default', 'web') as Deployment).spec.replicas;
    const hpa = () => h.store.get(keys.horizontalpodautoscalers, 'default', 'web') as HorizontalPodAutoscaler;
    expect(replicas()).toBe(2);
    expect(hpa().status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'AbleToScale=True',
      'ScalingActive=True',
      'ScalingLimited=True',
    ]);

    // Five times the traffic.
    const stop = h.effects.loadFactors.add('default/web', () => 5);
    h.advance(3 * 60_000);
    const peak = replicas() ?? 0;
    expect(peak).toBeGreaterThan(2);
    expect(h.events('SuccessfulRescale')[0]?.message).toMatch(
      /^New size: \d+; reason: cpu resource utilization \(percentage of request\) above target$/,
    );
    expect(hpa().status).toMatchObject({
      desiredReplicas: peak,
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu' } }],
    });

    stop();
    h.advance(4 * 60_000);
    expect(replicas()).toBe(peak);
    expect(hpa().status?.conditions?.[0]?.reason).toBe('ScaleDownStabilized');
    h.advance(3 * 60_000);
    expect(replicas()).toBeLessThan(peak);
    expect(h.events('SuccessfulRescale').some((e) => e.message.endsWith('All metrics below target'))).toBe(
      true,
    );
  });

  it('says so when the target does not exist', () => {
    const h = clusterHarness([nodeJson('node-1')]);
    h.store.create(
      keys.horizontalpodautoscalers,
      horizontalPodAutoscalerJson({
        namespace: 'default',
        name: 'gone',
        target: { kind: 'Deployment', name: 'gone' },
        minReplicas: 1,
        maxReplicas: 3,
        cpuUtilization: 50,
      }),
    );
    h.advance(20_000);
    const status = (h.store.get(keys.horizontalpodautoscalers, 'default', 'gone') as HorizontalPodAutoscaler)
      .status;
    expect(status?.conditions?.[0]).toMatchObject({
      type: 'AbleToScale',
      status: 'False',
      reason: 'FailedGetScale',
    });
    expect(h.events('FailedGetScale')[0]?.message).toBe(
      `the HPA controller was unable to get the target's current scale: deployments.apps "gone" not found`,
    );
  });
});
