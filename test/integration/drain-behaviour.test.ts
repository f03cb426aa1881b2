import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import {
  nodeJson,
  ownerRef,
  podJson,
  standardCluster,
  type FixtureBackend,
} from '../../core/demo/testing/fixture.ts';
import { startFixtureServer, type FixtureServer } from '../../core/demo/testing/fixture-server.ts';
import {
  DEFAULT_DRAIN_OPTIONS,
  KUBECTL_TIMING,
  runDrain,
  type DrainOptions,
  type DrainProgress,
} from '../../core/kube/actions/drain-run.ts';
import { kubeJson, type KubeJson } from '../../core/kube/actions/kube-json.ts';
import { keys } from '../../core/sim/store/api-resources.ts';
import type { KubeObject } from '../../core/sim/store/kube-object.ts';

/**
 * Drain behaviour kubectl's differential cases do not reach: cancelling, a NotReady node whose
 * pods never finish terminating, and --disable-eviction going around a budget.
 */

let fx: FixtureServer | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

async function serve(backend: FixtureBackend): Promise<KubeJson> {
  fx = await startFixtureServer({ backend });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(fx.server.kubeconfigYaml());
  return kubeJson(kubeConfig);
}

const options = (change: Partial<DrainOptions> = {}): DrainOptions => ({
  ...DEFAULT_DRAIN_OPTIONS,
  ignoreDaemonSets: true,
  deleteEmptyDirData: true,
  ...change,
});

/** The standard cluster with web's budget used up: web's pod on node-1 gets a 429 on every try. */
function exhaustedBudget(): FixtureBackend {
  const backend = standardCluster();
  backend.store.mutate(keys.poddisruptionbudgets, 'shop', 'web-pdb', (draft) => {
    draft.status = { ...(draft.status as object), disruptionsAllowed: 0, currentHealthy: 2 };
  });
  return backend;
}

describe('drain', { timeout: 60_000 }, () => {
  it('is cancellable: a drain waiting on a budget stops at once, the node stays cordoned', async () => {
    const api = await serve(exhaustedBudget());
    const stop = new AbortController();
    const steps: DrainProgress[] = [];
    const started = Date.now();
    const report = await runDrain(
      api,
      'node-1',
      options(),
      (step) => {
        steps.push(step);
        if (step.type === 'retrying') stop.abort();
      },
      stop.signal,
    );
    expect(Date.now() - started).toBeLessThan(KUBECTL_TIMING.retryIntervalMs);
    expect(report).toMatchObject({
      outcome: 'cancelled',
      cordoned: true,
      blocking: [
        {
          pod: 'shop/web-5d4f8c7b9-abcde',
          reason: expect.stringMatching(/^PodDisruptionBudget shop\/web-pdb: .*\(cancelled\)$/),
        },
      ],
    });
    expect(steps.find((s) => s.type === 'retrying')).toMatchObject({ budget: 'shop/web-pdb' });
    expect(
      (fx?.backend.store.get(keys.nodes, undefined, 'node-1')?.spec as { unschedulable?: boolean })
        .unschedulable,
    ).toBe(true);
  });

  it('never hangs on a NotReady node: pods that never finish terminating end in a timeout that says why', async () => {
    const backend = standardCluster();
    backend.store.create(keys.nodes, nodeJson({ name: 'gone', ip: '10.0.0.30', ready: false }));
    const rs = backend.store.get(keys.replicasets, 'shop', 'web-5d4f8c7b9') as KubeObject;
    const stuck = podJson({
      namespace: 'shop',
      name: 'stuck',
      node: 'gone',
      owner: ownerRef('ReplicaSet', rs),
    });
    // A finalizer no one removes stands in for the kubelet that is not there to confirm the stop.
    stuck.metadata.finalizers = ['example.com/never'];
    backend.store.create(keys.pods, stuck);
    const api = await serve(backend);
    const steps: DrainProgress[] = [];
    const report = await runDrain(api, 'gone', options(), (s) => steps.push(s), undefined, {
      ...KUBECTL_TIMING,
      notReadyWaitSeconds: 2,
    });
    expect(steps[1]).toEqual({
      type: 'warning',
      message: 'node gone is NotReady: waiting at most 2s for its pods to go (set --timeout to change)',
    });
    expect(report.outcome).toBe('timeout');
    expect(report.blocking).toEqual([
      {
        pod: 'shop/stuck',
        reason:
          'error when waiting for pod "stuck" in namespace "shop" to terminate: node gone is NotReady, so its kubelet cannot confirm that pods stopped; gave up after 2s (set --timeout to wait longer)',
      },
    ]);
  });

  it('--disable-eviction deletes the pod a budget protects, after saying budgets are bypassed', async () => {
    const api = await serve(exhaustedBudget());
    const steps: DrainProgress[] = [];
    const report = await runDrain(api, 'node-1', options({ disableEviction: true }), (s) => steps.push(s));
    expect(report).toMatchObject({ outcome: 'drained', evict: ['shop/web-5d4f8c7b9-abcde'], blocking: [] });
    expect(steps).toContainEqual({
      type: 'warning',
      message: 'Warning: --disable-eviction deletes pods directly: PodDisruptionBudgets are bypassed',
    });
    expect(steps).toContainEqual({ type: 'evicted', pod: 'shop/web-5d4f8c7b9-abcde', deleted: true });
    expect(fx?.backend.store.get(keys.pods, 'shop', 'web-5d4f8c7b9-abcde')).toBeUndefined();
  });
});
