import { KubeConfig } from '@kubernetes/client-node';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Action } from '../../core/contract/actions.ts';
import { startFixtureServer, type FixtureServer } from '../../core/demo/testing/fixture-server.ts';
import { AuditLog } from '../../core/history/audit-log.ts';
import { migrate } from '../../core/history/migrations.ts';
import { kubeJson } from '../../core/kube/actions/kube-json.ts';
import {
  checkAction,
  previewAction,
  runAction,
  undoAction,
  type ActionSession,
} from '../../core/kube/actions/pipeline.ts';
import { keys } from '../../core/sim/store/api-resources.ts';

/** The action pipeline against the demo API server: undo per action, dry runs that change nothing, RBAC refusals. */

let fx: FixtureServer;
let audit: AuditLog;

beforeEach(async () => {
  fx = await startFixtureServer();
  const db = new Database(':memory:');
  migrate(db);
  audit = new AuditLog(db);
});
afterEach(async () => {
  await fx?.close();
});

function session(context = 'foresight-demo'): ActionSession {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(fx.server.kubeconfigYaml());
  kubeConfig.setCurrentContext(context);
  return {
    api: kubeJson(kubeConfig),
    cluster: fx.server.httpsUrl,
    user: context === 'foresight-demo' ? 'foresight-demo-admin' : 'foresight-demo-viewer',
    audit,
    now: () => Date.now(),
  };
}

const store = () => fx.backend.store;
const nodeSpec = (name: string) =>
  (store().get(keys.nodes, undefined, name)?.spec ?? {}) as { unschedulable?: boolean; taints?: unknown[] };
const replicas = () => (store().get(keys.deployments, 'shop', 'web')?.spec as { replicas: number }).replicas;
const hpaBounds = () => {
  const spec = store().get(keys.horizontalpodautoscalers, 'shop', 'web')?.spec as {
    minReplicas: number;
    maxReplicas: number;
  };
  return [spec.minReplicas, spec.maxReplicas];
};

/** Every object's resourceVersion: equal before and after means nothing changed. */
function versions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [
    keys.nodes,
    keys.pods,
    keys.deployments,
    keys.replicasets,
    keys.horizontalpodautoscalers,
    keys.poddisruptionbudgets,
  ])
    for (const object of store().list(key))
      out[`${key}/${object.metadata.namespace ?? ''}/${object.metadata.name}`] =
        object.metadata.resourceVersion ?? '';
  return out;
}

const EVERY_ACTION: Action[] = [
  { kind: 'cordon', node: 'node-1' },
  { kind: 'uncordon', node: 'node-1' },
  { kind: 'taint', node: 'node-2', key: 'foresight.io/at-risk', value: 'true', effect: 'NoSchedule' },
  {
    kind: 'untaint',
    node: 'control-plane',
    key: 'node-role.kubernetes.io/control-plane',
    effect: 'NoSchedule',
  },
  { kind: 'drain', node: 'node-1', options: { ignoreDaemonSets: true, deleteEmptyDirData: true } },
  { kind: 'scale', workload: { kind: 'Deployment', namespace: 'shop', name: 'web' }, replicas: 5 },
  { kind: 'hpa-bounds', namespace: 'shop', name: 'web', minReplicas: 3, maxReplicas: 6 },
];

describe('undo puts each action back', { timeout: 60_000 }, () => {
  it.each<[string, Action, () => unknown, unknown, unknown]>([
    ['cordon', EVERY_ACTION[0] as Action, () => nodeSpec('node-1').unschedulable ?? false, true, false],
    [
      'taint',
      EVERY_ACTION[2] as Action,
      () => nodeSpec('node-2').taints ?? [],
      [{ key: 'foresight.io/at-risk', value: 'true', effect: 'NoSchedule' }],
      [],
    ],
    [
      'untaint',
      EVERY_ACTION[3] as Action,
      () => nodeSpec('control-plane').taints ?? [],
      [],
      [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    ],
    ['scale', EVERY_ACTION[5] as Action, replicas, 5, 3],
    ['hpa-bounds', EVERY_ACTION[6] as Action, hpaBounds, [3, 6], [2, 10]],
    [
      'scale a ReplicaSet',
      {
        kind: 'scale',
        workload: { kind: 'ReplicaSet', namespace: 'shop', name: 'web-5d4f8c7b9' },
        replicas: 4,
      },
      () => (store().get(keys.replicasets, 'shop', 'web-5d4f8c7b9')?.spec as { replicas: number }).replicas,
      4,
      3,
    ],
    [
      'scale a StatefulSet',
      { kind: 'scale', workload: { kind: 'StatefulSet', namespace: 'shop', name: 'db' }, replicas: 1 },
      () => {
        if (!store().get(keys.statefulsets, 'shop', 'db')) {
          store().create(keys.statefulsets, {
            apiVersion: 'apps/v1',
            kind: 'StatefulSet',
            metadata: { name: 'db', namespace: 'shop' },
            spec: {
              replicas: 3,
              serviceName: 'db',
              selector: { matchLabels: { app: 'db' } },
              template: {
                metadata: { labels: { app: 'db' } },
                spec: { containers: [{ name: 'db', image: 'postgres:16' }] },
              },
            },
          });
        }
        return (store().get(keys.statefulsets, 'shop', 'db')?.spec as { replicas: number }).replicas;
      },
      1,
      3,
    ],
    [
      'drain (uncordons)',
      EVERY_ACTION[4] as Action,
      () => nodeSpec('node-1').unschedulable ?? false,
      true,
      false,
    ],
  ])('%s', async (_name, action, read, afterAction, afterUndo) => {
    const s = session();
    read(); // lets a case create the object it acts on
    const run = await runAction(s, action);
    expect(run.status, run.outcome).toBe('succeeded');
    expect(read()).toEqual(afterAction);
    expect(run.undo).toBeDefined();
    const undone = await undoAction(s, run.auditId as number);
    expect(undone.status, undone.outcome).toBe('succeeded');
    expect(read()).toEqual(afterUndo);
    expect(audit.get(run.auditId as number)?.undo, 'an undo is offered once').toBeUndefined();
    expect(audit.get(undone.auditId as number)?.undoOf).toBe(run.auditId);
    await expect(undoAction(s, run.auditId as number)).rejects.toThrow(/nothing to undo/);
  });
});

describe('the dry-run preview never changes the cluster', { timeout: 60_000 }, () => {
  it('every action kind, compared by resourceVersion', async () => {
    const before = versions();
    const previews = [];
    for (const action of EVERY_ACTION) previews.push(await previewAction(session().api, action));
    expect(versions()).toEqual(before);
    for (const preview of previews) expect(preview.problems, preview.summary).toEqual([]);
    expect(previews[0]?.changes).toEqual([{ field: 'spec.unschedulable', from: 'false', to: 'true' }]);
    expect(previews[0]?.kubectl).toBe('kubectl cordon node-1');
    expect(previews[4]).toMatchObject({
      evict: ['shop/web-5d4f8c7b9-abcde'],
      skip: [{ pod: 'kube-system/node-exporter-r4v8m', reason: 'ignoring DaemonSet-managed Pods' }],
      blocking: [],
      kubectl: 'kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data --timeout=10m0s',
    });
    expect(previews[5]?.changes).toEqual([{ field: 'spec.replicas', from: '3', to: '5' }]);
  });

  it('a drain preview names the PodDisruptionBudget that would block', async () => {
    await runAction(session(), EVERY_ACTION[4] as Action); // uses the budget's one disruption
    const preview = await previewAction(session().api, {
      kind: 'drain',
      node: 'node-2',
      options: { ignoreDaemonSets: true },
    });
    expect(preview.blocking).toEqual([
      {
        pod: 'shop/web-5d4f8c7b9-fghij',
        reason: expect.stringMatching(
          /^PodDisruptionBudget shop\/web-pdb: The disruption budget web-pdb needs 2 healthy pods/,
        ),
      },
    ]);
    expect(preview.problems).toEqual([]);
  });
});

describe('bad input and RBAC refusals change nothing', { timeout: 60_000 }, () => {
  it('the viewer: every write action is refused with the missing verb and resource', async () => {
    const before = versions();
    const viewer = session('foresight-demo-viewer');
    const missing = {
      cordon: ['patch nodes'],
      uncordon: ['patch nodes'],
      taint: ['patch nodes'],
      untaint: ['patch nodes'],
      drain: [
        'patch nodes',
        'create pods/eviction in namespace kube-system',
        'create pods/eviction in namespace shop',
      ],
      scale: ['patch deployments/scale.apps in namespace shop'],
      'hpa-bounds': ['patch horizontalpodautoscalers.autoscaling in namespace shop'],
    };
    for (const action of EVERY_ACTION) {
      const permission = await checkAction(viewer.api, action, 'the viewer');
      expect(permission).toMatchObject({ allowed: false, missing: missing[action.kind] });
      expect(permission.reason).toContain('Nothing was changed');
      const run = await runAction(viewer, action);
      expect(run.status).toBe('failed');
      expect(run.outcome).toMatch(/^refused: .* is not allowed for foresight-demo-viewer: it may not patch/);
    }
    expect(versions()).toEqual(before);
    expect(audit.list(100).every((r) => r.status === 'failed' && r.user === 'foresight-demo-viewer')).toBe(
      true,
    );
  });

  it('an invalid taint and HPA bounds are refused before the cluster is asked', async () => {
    const before = versions();
    const bad = await runAction(session(), {
      kind: 'taint',
      node: 'node-1',
      key: 'bad key',
      effect: 'Sometimes',
    });
    expect(bad.status).toBe('failed');
    expect(bad.outcome).toContain('must consist of letters');
    expect(bad.outcome).toContain('must be one of NoSchedule, PreferNoSchedule, NoExecute');
    const bounds = await runAction(session(), {
      kind: 'hpa-bounds',
      namespace: 'shop',
      name: 'web',
      minReplicas: 5,
      maxReplicas: 2,
    });
    expect(bounds.outcome).toContain('minReplicas (5) must not be more than maxReplicas (2)');
    const missing = await runAction(session(), { kind: 'cordon', node: 'no-such-node' });
    expect(missing.status).toBe('failed');
    expect(missing.outcome).toContain('nodes "no-such-node" not found');
    expect(versions()).toEqual(before);
  });
});

describe('the audit record', { timeout: 60_000 }, () => {
  it('holds cluster, user, action, target, params, dry run, outcome, steps and times', async () => {
    const started = Date.now();
    const run = await runAction(session(), EVERY_ACTION[4] as Action);
    const record = audit.get(run.auditId as number);
    expect(record).toMatchObject({
      cluster: fx.server.httpsUrl,
      user: 'foresight-demo-admin',
      origin: 'user',
      action: 'drain',
      target: 'node/node-1',
      params: EVERY_ACTION[4],
      summary: 'Drain node node-1',
      dryRun: { evict: ['shop/web-5d4f8c7b9-abcde'] },
      status: 'succeeded',
      outcome: 'node/node-1 drained (1 pod(s) evicted)',
      undo: { kind: 'uncordon', node: 'node-1' },
    });
    expect(record?.progress.map((p) => p.message)).toEqual([
      'node/node-1 cordoned',
      'Warning: ignoring DaemonSet-managed Pods: kube-system/node-exporter-r4v8m',
      'evicting pod shop/web-5d4f8c7b9-abcde',
      'pod/shop/web-5d4f8c7b9-abcde evicted',
      'node/node-1 drained',
    ]);
    expect(record?.startedAt).toBeGreaterThanOrEqual(started);
    expect(record?.finishedAt).toBeGreaterThanOrEqual(record?.startedAt ?? 0);
  });
});

describe('foresight drain as the viewer', { timeout: 60_000 }, () => {
  it('refuses with a clear message, exits non-zero and changes nothing', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { parseDrainArgs, runDrainCommand } = await import('../../core/cli/drain-command.ts');
    const dir = await mkdtemp(join(tmpdir(), 'foresight-viewer-'));
    try {
      const kubeconfig = join(dir, 'kubeconfig.yaml');
      await fx.server.writeKubeconfig(kubeconfig);
      const before = versions();
      const errors: string[] = [];
      const results: string[] = [];
      const out = {
        result: (l: string) => results.push(l),
        info: (l: string) => errors.push(l),
        error: (l: string) => errors.push(l),
      };
      const args = parseDrainArgs([
        'node-1',
        '--kubeconfig',
        kubeconfig,
        '--context',
        'foresight-demo-viewer',
        '--ignore-daemonsets',
      ]);
      expect(await runDrainCommand(args, out)).toBe(1);
      expect(errors.join('\n')).toBe(
        'error: Draining node node-1 is not allowed for the user of context "foresight-demo-viewer": it may not patch nodes, ' +
          'create pods/eviction in namespace kube-system, create pods/eviction in namespace shop. Nothing was changed. ' +
          'Use a context whose user has these permissions, or ask a cluster admin for them.',
      );
      expect(results).toEqual([]);
      expect(versions()).toEqual(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
