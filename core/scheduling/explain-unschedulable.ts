import { fitErrorMessage } from '../sim/scheduler/fit-error.ts';
import type { Evaluation, NodeEvaluation } from './evaluate.ts';
import type { Resources } from './resources.ts';

/** Why a pod fits nowhere, in kube-scheduler's words, and what would have to change. */
export interface Unschedulable {
  /** The FailedScheduling message kube-scheduler would write. */
  message: string;
  /** What would make it fit, most direct first. */
  changes: string[];
}

function formatAmount(resource: string, amount: number): string {
  if (resource === 'cpu')
    return amount >= 1000 && amount % 1000 === 0 ? `${amount / 1000} cpu` : `${amount}m cpu`;
  if (resource === 'memory' || resource === 'ephemeral-storage') {
    const mib = amount / 2 ** 20;
    return mib >= 1024 ? `${(mib / 1024).toFixed(1)}Gi ${resource}` : `${Math.ceil(mib)}Mi ${resource}`;
  }
  return `${amount} ${resource}`;
}

function amountOf(r: Readonly<Resources>, name: string): number {
  if (name === 'cpu') return r.milliCpu;
  if (name === 'memory') return r.memory;
  if (name === 'ephemeral-storage') return r.ephemeralStorage;
  return r.scalar[name] ?? 0;
}

/** How much more of each resource a node would need free for the pod. */
function shortfalls(
  e: NodeEvaluation,
  asked: Readonly<Resources>,
): { resource: string; missing: number; capacity: number }[] {
  const out: { resource: string; missing: number; capacity: number }[] = [];
  for (const failure of e.allFailures) {
    for (const reason of failure.reasons) {
      if (!reason.startsWith('Insufficient ')) continue;
      const resource = reason.slice('Insufficient '.length);
      const free = amountOf(e.info.allocatable, resource) - amountOf(e.info.requested, resource);
      out.push({
        resource,
        missing: amountOf(asked, resource) - free,
        capacity: amountOf(e.info.allocatable, resource),
      });
    }
  }
  return out;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The full explanation for a pod that fits nowhere: kube-scheduler's own message, then per
 * obstacle what would lift it — the node that is closest to fitting and by how much, the
 * tolerations that would open tainted nodes, cordoned nodes, affinity, pod limits.
 */
export function explainUnschedulable(evaluation: Evaluation): Unschedulable {
  const { nodes, pod } = evaluation;
  const first = nodes.map((n) => n.failure).filter((f) => f !== undefined);
  const preemption = pod.pod.spec?.preemptionPolicy === 'Never' ? 'never' : 'default';
  const message = fitErrorMessage(nodes.length, first, preemption);
  const changes: string[] = [];

  // Nodes held back by resources alone: the nearest one says how much room is missing.
  const resourceOnly = nodes.filter(
    (n) =>
      n.allFailures.length === 1 &&
      n.allFailures[0]?.plugin === 'NodeResourcesFit' &&
      !n.allFailures[0].reasons.includes('Too many pods'),
  );
  if (resourceOnly.length > 0) {
    const ranked = resourceOnly
      .map((n) => ({ n, gaps: shortfalls(n, pod.requests) }))
      .map((x) => ({
        ...x,
        worst: Math.max(...x.gaps.map((g) => (g.capacity > 0 ? g.missing / g.capacity : Infinity))),
      }))
      .sort((a, b) => a.worst - b.worst);
    const best = ranked[0];
    if (best) {
      const tooBig = best.gaps.filter((g) => amountOf(pod.requests, g.resource) > g.capacity);
      if (tooBig.length > 0) {
        changes.push(
          `The pod asks for more than even the closest node, ${best.n.info.name}, has in total (${tooBig
            .map(
              (g) =>
                `${formatAmount(g.resource, amountOf(pod.requests, g.resource))} against at most ${formatAmount(g.resource, g.capacity)}`,
            )
            .join(', ')}): lower its requests or add a larger node.`,
        );
      } else {
        const need = best.gaps.map((g) => formatAmount(g.resource, g.missing)).join(' and ');
        const lower = best.gaps
          .map((g) => formatAmount(g.resource, Math.max(0, amountOf(pod.requests, g.resource) - g.missing)))
          .join(' and ');
        changes.push(
          `${best.n.info.name} is the closest fit: it needs ${need} more free (evict or shrink pods there, or drain it of low-priority work), or the pod could ask for at most ${lower}.`,
        );
      }
      if (resourceOnly.length > 1)
        changes.push(
          `${count(resourceOnly.length, 'node')} lack only room; adding a node of the same size would also do.`,
        );
    }
  }
  const taints = new Map<string, { count: number; effect: string }>();
  let cordoned = 0;
  let affinity = 0;
  let full = 0;
  let wrongName = 0;
  for (const n of nodes) {
    for (const f of n.allFailures) {
      if (f.plugin === 'TaintToleration') {
        for (const r of f.reasons) {
          const effect =
            n.info.taints.find((t) => r.includes(`{${t.key}: ${t.value ?? ''}}`))?.effect ?? 'NoSchedule';
          taints.set(r, { count: (taints.get(r)?.count ?? 0) + 1, effect });
        }
      }
      if (f.plugin === 'NodeUnschedulable') cordoned++;
      if (f.plugin === 'NodeAffinity') affinity++;
      if (f.plugin === 'NodeName') wrongName++;
      if (f.plugin === 'NodeResourcesFit' && f.reasons.includes('Too many pods')) full++;
    }
  }
  for (const [reason, { count: n, effect }] of taints) {
    const taint = /\{(.*): (.*)\}/.exec(reason);
    const [key, value] = [taint?.[1] ?? '', taint?.[2] ?? ''];
    const toleration = value
      ? `{key: ${key}, operator: Equal, value: ${value}, effect: ${effect}}`
      : `{key: ${key}, operator: Exists, effect: ${effect}}`;
    changes.push(
      `${count(n, 'node carries', 'nodes carry')} the taint ${key}${value ? `=${value}` : ''}: add the toleration ${toleration} to the pod, or remove the taint.`,
    );
  }
  if (cordoned > 0)
    changes.push(
      `${count(cordoned, 'node is', 'nodes are')} cordoned: uncordon one (kubectl uncordon NAME) if it is healthy again.`,
    );
  if (affinity > 0)
    changes.push(
      `${count(affinity, 'node does', 'nodes do')} not match the pod's nodeSelector or required node affinity: relax them, or label a node to match.`,
    );
  if (full > 0)
    changes.push(
      `${count(full, 'node is', 'nodes are')} at their pod limit (allocatable pods): move pods away or raise the kubelet's maxPods.`,
    );
  if (wrongName > 0)
    changes.push(`The pod names its node in spec.nodeName: remove it to let the scheduler choose.`);
  if (nodes.length === 0) changes.push('There are no nodes: add one.');
  return { message, changes };
}
