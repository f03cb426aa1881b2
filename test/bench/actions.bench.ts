import { KubeConfig } from '@kubernetes/client-node';
import { nodeJson, ownerRef, podJson, standardCluster } from '../../core/demo/testing/fixture.ts';
import { startFixtureServer } from '../../core/demo/testing/fixture-server.ts';
import { DEFAULT_DRAIN_OPTIONS, runDrain } from '../../core/kube/actions/drain-run.ts';
import { kubeJson } from '../../core/kube/actions/kube-json.ts';
import { previewAction } from '../../core/kube/actions/pipeline.ts';
import { keys } from '../../core/sim/store/api-resources.ts';
import type { KubeObject } from '../../core/sim/store/kube-object.ts';
import { figure, heading, timed } from './format.ts';

/**
 * Actions against the demo API server over TLS: the preview of a drain (RBAC reviews, kubectl's
 * filters, one dry-run eviction per pod) and a whole drain of a node with `pods` pods. The demo
 * removes an evicted pod after min(grace, 1 s), as a kubelet would after SIGTERM, and the drain
 * polls every second as kubectl does: a drain's time is mostly that wait.
 */
async function benchDrain(pods: number): Promise<void> {
  const backend = standardCluster();
  backend.store.create(keys.nodes, nodeJson({ name: 'full', ip: '10.0.0.40' }));
  const rs = backend.store.get(keys.replicasets, 'shop', 'web-5d4f8c7b9') as KubeObject;
  for (let i = 0; i < pods; i++) {
    backend.store.create(
      keys.pods,
      podJson({
        namespace: 'shop',
        name: `api-${i}`,
        node: 'full',
        owner: ownerRef('ReplicaSet', rs),
        labels: { app: 'api' },
        gracePeriodSeconds: 1,
      }),
    );
  }
  const fx = await startFixtureServer({ backend });
  try {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(fx.server.kubeconfigYaml());
    const api = kubeJson(kubeConfig);
    const preview = await timed(() =>
      previewAction(api, { kind: 'drain', node: 'full', options: { ignoreDaemonSets: true } }),
    );
    figure(`drain preview, ${pods} pods`, preview.ms, 'ms', `${preview.value.evict.length} would be evicted`);
    const drain = await timed(() =>
      runDrain(api, 'full', { ...DEFAULT_DRAIN_OPTIONS, ignoreDaemonSets: true }),
    );
    figure(
      `drain, ${pods} pods`,
      drain.ms,
      'ms',
      `${drain.value.evict.length} evicted, outcome ${drain.value.outcome}`,
    );
  } finally {
    await fx.close();
  }
}

export async function benchActions(): Promise<void> {
  heading('actions (demo API server over TLS)');
  await benchDrain(30);
  await benchDrain(110);
}
