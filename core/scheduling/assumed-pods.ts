import type { PodObject } from './kube-objects.ts';
import type { NodeInfo } from './node-info.ts';

/** Loose view of the status field that says when a pod was bound. */
interface BindTimes {
  status?: { conditions?: { type?: string; status?: string; lastTransitionTime?: string }[] };
}

export interface BoundPod {
  /** Bind time as RFC 3339 in whole UTC seconds ("2025-06-02T08:00:00Z"), which sorts as text. */
  at: string;
  milliCpu: number;
  memory: number;
}

/** After every real time: a pod bound just now. */
const NOW = '~';

/** metav1.Time is serialized in whole UTC seconds; anything else is parsed and rewritten so. */
function secondsText(text: string | undefined): string {
  if (text === undefined) return NOW;
  if (text.length === 20 && text.endsWith('Z')) return text;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(0, 19)}Z` : NOW;
}

/**
 * The pod's bind time as sortable text, for NodeInfo's `bound` (built with the NodeInfo, once per
 * snapshot; text, since Date.parse on 150,000 pods would cost more than a ranking).
 */
export function bindText(pod: PodObject): string {
  const conditions = (pod as BindTimes).status?.conditions;
  if (!conditions) return NOW;
  for (const c of conditions)
    if (c.type === 'PodScheduled' && c.status === 'True') return secondsText(c.lastTransitionTime);
  return NOW;
}

export const byBindTime = (a: BoundPod, b: BoundPod): number => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

let sinceCache = { ms: Number.NaN, text: '' };

/**
 * What the pods bound to the node since `sinceMs` request (non-zero defaults for pods that
 * request nothing): usage measured before they were bound does not contain them yet, so a
 * load-aware score adds them, as kube-scheduler's cache "assumes" a pod it has just bound.
 * Resolution is a second, as Kubernetes records the time.
 */
export function requestedSince(node: NodeInfo, sinceMs: number): { milliCpu: number; memory: number } {
  const list = node.bound;
  if (sinceCache.ms !== sinceMs)
    sinceCache = { ms: sinceMs, text: secondsText(new Date(sinceMs).toISOString()) };
  const since = sinceCache.text;
  let milliCpu = 0;
  let memory = 0;
  for (let i = list.length - 1; i >= 0; i--) {
    const b = list[i] as BoundPod;
    if (b.at < since) break;
    milliCpu += b.milliCpu;
    memory += b.memory;
  }
  return { milliCpu, memory };
}
