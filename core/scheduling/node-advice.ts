import { spanText, type NodeFailureHistory, type PlacementSignals } from './advisors/signals.ts';
import type { NodeInfo } from './node-info.ts';

/**
 * Node-level advice (issue 6): what an operator does with a machine that keeps failing. Placement
 * advice can only steer the next pod; a node whose Ready condition left True again and again is
 * refilled by kube-scheduler after each repair (it is then the emptiest node), so Foresight
 * advises cordoning it, and uncordoning it once it has stayed healthy as long again.
 */
export interface NodeAdvice {
  node: string;
  action: 'cordon' | 'uncordon';
  reasons: string[];
  /** When the advice began to hold (RFC 3339): the failure that made the count in the window, or the lapse. */
  since: string;
}

export interface NodeAdvicePolicy {
  /** This many failures within `windowMs` advise cordoning. */
  failures: number;
  /** The window, and how long a cordoned node must then stay healthy before uncordoning. */
  windowMs: number;
}

const HOUR_MS = 3_600_000;

/**
 * Two failures in six hours: one failure is bad luck (a kernel panic, a power blip), a second
 * soon after is a machine to send for repair. In the replay any window from 2 h up gives the
 * same figures (the flaky machine fails every 80 min); 6 h is what an on-call would call "again".
 */
export const DEFAULT_NODE_ADVICE_POLICY: NodeAdvicePolicy = { failures: 2, windowMs: 6 * HOUR_MS };

const iso = (ms: number): string => new Date(ms).toISOString();
/** A time in the advice's words: RFC 3339 to the second, as kubectl prints times. */
const when = (ms: number): string => `${iso(ms).slice(0, 19)}Z`;

/** The failures at or before `now` that fall within the window ending at `now`. */
function recentFailures(at: readonly number[], now: number, windowMs: number): number[] {
  return at.filter((t) => t <= now && t > now - windowMs);
}

/** Whether `failures` of the node's failures ever fell within one window: cordoning was advised. */
function wasEverAdvised(at: readonly number[], policy: NodeAdvicePolicy): boolean {
  for (let i = policy.failures - 1; i < at.length; i++)
    if ((at[i] ?? 0) - (at[i - policy.failures + 1] ?? 0) < policy.windowMs) return true;
  return false;
}

type AdvisedNode = Pick<NodeInfo, 'name' | 'unschedulable'> & Partial<Pick<NodeInfo, 'taints'>>;

/**
 * The taints someone put on the node (an operator, the autopilot) that already keep new pods off
 * it, as a cordon would; the node lifecycle controller's own (node.kubernetes.io/…) are left out.
 */
function keepOffTaints(node: AdvisedNode): string[] {
  return (node.taints ?? [])
    .filter((t) => t.effect !== 'PreferNoSchedule' && !t.key.startsWith('node.kubernetes.io/'))
    .map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
}

function cordonAdvice(node: AdvisedNode, recent: readonly number[], policy: NodeAdvicePolicy): NodeAdvice {
  const last = recent.at(-1) ?? 0;
  const window = spanText(policy.windowMs);
  const taints = keepOffTaints(node);
  return {
    node: node.name,
    action: 'cordon',
    reasons: [
      `its Ready condition left True ${recent.length} times in the last ${window} (last at ${when(last)}): a machine that fails again soon is likely to fail a third time`,
      'cordoning keeps new pods off it; the pods it runs stay (drain it to move them)',
      ...(taints.length > 0
        ? [`it already carries ${taints.join(', ')}, which keeps off new pods that do not tolerate it`]
        : []),
      `the advice lapses once it has stayed Ready for ${window} after its last failure (at ${when(last + policy.windowMs)} if it does not fail again)`,
    ],
    since: iso(recent[policy.failures - 1] ?? last),
  };
}

function uncordonAdvice(node: string, at: readonly number[], policy: NodeAdvicePolicy): NodeAdvice {
  const last = at.at(-1) ?? 0;
  const window = spanText(policy.windowMs);
  return {
    node,
    action: 'uncordon',
    reasons: [
      `it has been Ready with no failure for ${window} since its last (at ${when(last)}), so the advice to cordon it (${policy.failures} failures within ${window}) has lapsed`,
      'uncordon it if it was cordoned for those failures and has been repaired',
    ],
    since: iso(last + policy.windowMs),
  };
}

/**
 * Cordon a schedulable node that failed `failures` times within the window (also while it is down:
 * it should not be refilled when it comes back); uncordon a cordoned node that was once advised
 * cordoning and has been up with no failure for the window since. Other cordoned nodes (an
 * operator's maintenance) get no advice. Sorted by node name.
 */
export function adviseNodes(
  nodes: readonly AdvisedNode[],
  failures: ReadonlyMap<string, NodeFailureHistory> | undefined,
  now: number,
  policy: NodeAdvicePolicy = DEFAULT_NODE_ADVICE_POLICY,
): NodeAdvice[] {
  if (!failures || failures.size === 0) return [];
  const advice: NodeAdvice[] = [];
  for (const node of nodes) {
    const { name, unschedulable } = node;
    const history = failures.get(name);
    if (!history) continue;
    const recent = recentFailures(history.at, now, policy.windowMs);
    if (recent.length >= policy.failures) {
      if (!unschedulable) advice.push(cordonAdvice(node, recent, policy));
    } else if (unschedulable && recent.length === 0 && !history.down) {
      const past = history.at.filter((t) => t <= now);
      if (wasEverAdvised(past, policy)) advice.push(uncordonAdvice(name, past, policy));
    }
  }
  return advice.sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
}

/** The node advice Foresight's signals support (none without a failure history). */
export function nodeAdviceFrom(
  nodes: readonly AdvisedNode[],
  signals: PlacementSignals | undefined,
  policy?: NodeAdvicePolicy,
): NodeAdvice[] {
  if (!signals?.nodeFailures || signals.observedAt === undefined) return [];
  return adviseNodes(nodes, signals.nodeFailures, signals.observedAt, policy);
}
