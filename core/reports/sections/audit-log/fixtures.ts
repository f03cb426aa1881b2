import type { AuditRecord } from '../../../contract/actions.ts';
import { storyNow } from '../../test-support.ts';

const minute = 60_000;

/**
 * An audit log for report tests: a drain with its dry run, an autopilot taint held by a
 * guardrail, a failed scale, an undo, and one action from before the 24-hour period. The
 * cluster field carries credentials in its address, as a careless kubeconfig would.
 */
export function storyAuditRecords(): AuditRecord[] {
  const base = {
    cluster: 'https://admin:hunter2@10.0.0.1:6443',
    user: 'ops-admin',
    origin: 'user' as const,
    params: { token: 'params-are-not-reported' },
    progress: [],
  };
  return [
    {
      ...base,
      id: 5,
      action: 'uncordon',
      target: 'node/node-04',
      summary: 'Uncordon node node-04',
      status: 'succeeded',
      outcome: 'node-04 is schedulable again',
      startedAt: storyNow - 10 * minute,
      finishedAt: storyNow - 10 * minute + 800,
      undoOf: 2,
      dryRun: { changes: [{ field: 'spec.unschedulable', from: 'true', to: 'false' }] },
    },
    {
      ...base,
      id: 4,
      action: 'scale',
      target: 'deployment/shop/web',
      summary: 'Scale shop/web to 40 replicas',
      status: 'failed',
      outcome: 'forbidden: ops-admin cannot patch deployments/scale',
      startedAt: storyNow - 40 * minute,
      finishedAt: storyNow - 40 * minute + 300,
      dryRun: { changes: [], problems: ['RBAC refuses patch on deployments/scale'] },
    },
    {
      ...base,
      id: 3,
      user: 'foresight-autopilot',
      origin: 'autopilot',
      action: 'taint',
      target: 'node/node-03',
      summary: 'Taint node node-03 foresight.io/at-risk=true:NoSchedule',
      status: 'held',
      outcome: 'held: 10% of the nodes are tainted by the autopilot already',
      startedAt: storyNow - 2 * 60 * minute,
      finishedAt: storyNow - 2 * 60 * minute,
    },
    {
      ...base,
      id: 2,
      action: 'drain',
      target: 'node/node-04',
      summary: 'Drain node node-04',
      status: 'succeeded',
      outcome: 'evicted 9 pods',
      progress: [
        { at: storyNow - 3 * 60 * minute, message: 'cordoned node-04' },
        { at: storyNow - 3 * 60 * minute + 5000, message: 'evicted 9 pods' },
      ],
      startedAt: storyNow - 3 * 60 * minute,
      finishedAt: storyNow - 3 * 60 * minute + 9000,
      dryRun: {
        changes: [{ field: 'spec.unschedulable', from: 'false', to: 'true' }],
        evict: Array.from({ length: 9 }, (_, i) => `shop/web-${i}`),
        skip: [{ pod: 'kube-system/fluentd-x', reason: 'DaemonSet' }],
        blocking: [],
        problems: [],
      },
    },
    {
      ...base,
      id: 1,
      action: 'cordon',
      target: 'node/node-01',
      summary: 'Cordon node node-01',
      status: 'succeeded',
      outcome: 'cordoned',
      startedAt: storyNow - 30 * 60 * minute,
      finishedAt: storyNow - 30 * 60 * minute + 500,
    },
  ];
}
