import { describe, expect, it } from 'vitest';
import { keys } from '../store/api-resources.ts';
import { rfc3339 } from '../kube/time.ts';
import type { IntOrString, PodDisruptionBudget } from '../kube/types.ts';
import { clusterHarness, deploymentJson, nodeJson } from '../testing/harness.ts';

function pdb(spec: { minAvailable?: IntOrString; maxUnavailable?: IntOrString }): PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'web-pdb', namespace: 'default' },
    spec: { ...spec, selector: { matchLabels: { app: 'web' } } },
  };
}

function setup(spec: { minAvailable?: IntOrString; maxUnavailable?: IntOrString }, replicas = 4) {
  const h = clusterHarness([nodeJson('node-1'), nodeJson('node-2', { index: 2 })]);
  h.store.create(keys.deployments, deploymentJson('web', replicas));
  h.store.create(keys.poddisruptionbudgets, pdb(spec));
  h.advance(15_000);
  const status = () =>
    (h.store.get(keys.poddisruptionbudgets, 'default', 'web-pdb') as PodDisruptionBudget).status;
  return { h, status };
}

describe('DisruptionController', () => {
  it.each([
    [{ minAvailable: 3 }, 4, 3, 1],
    [{ minAvailable: '50%' }, 4, 2, 2],
    [{ maxUnavailable: 1 }, 4, 3, 1],
    [{ maxUnavailable: '25%' }, 4, 3, 1],
    [{ minAvailable: 5 }, 4, 5, 0],
  ])(
    '%j over 4 healthy pods: expects %i, desires %i healthy, allows %i',
    (spec, expected, desired, allowed) => {
      const { status } = setup(spec);
      expect(status()).toMatchObject({
        currentHealthy: 4,
        expectedPods: expected,
        desiredHealthy: desired,
        disruptionsAllowed: allowed,
        observedGeneration: 1,
      });
      expect(status()?.conditions?.[0]).toMatchObject({
        type: 'DisruptionAllowed',
        status: allowed > 0 ? 'True' : 'False',
        reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
      });
    },
  );

  it('counts pods the API server evicted as gone until they are deleted or two minutes pass', () => {
    const { h, status } = setup({ maxUnavailable: 2 });
    const victim = h.pods()[0]?.metadata.name ?? '';
    // What the eviction subresource does: record the pod, decrement the budget.
    h.store.mutate(keys.poddisruptionbudgets, 'default', 'web-pdb', (o) => {
      const s = (o as PodDisruptionBudget).status;
      if (s) {
        s.disruptedPods = { [victim]: rfc3339(h.now()) };
        s.disruptionsAllowed -= 1;
      }
    });
    h.advance(1000);
    expect(status()).toMatchObject({
      currentHealthy: 3,
      disruptionsAllowed: 1,
      disruptedPods: { [victim]: expect.any(String) },
    });
    h.advance(121_000);
    expect(status()).toMatchObject({ currentHealthy: 4, disruptionsAllowed: 2 });
    expect(status()?.disruptedPods).toBeUndefined();
  });
});
