import type { Taint, TaintEffect, Toleration } from './types.ts';

/** v1.Toleration.ToleratesTaint. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  // An empty key with Exists matches every taint.
  switch (toleration.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

export function tolerated(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** The first taint with one of `effects` that no toleration covers (FindMatchingUntoleratedTaint). */
export function firstUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  effects: readonly TaintEffect[],
): Taint | undefined {
  return (taints ?? []).find((taint) => effects.includes(taint.effect) && !tolerated(tolerations, taint));
}

/**
 * How long a pod may stay on a node with these NoExecute taints: 0 when one is not tolerated,
 * Infinity when all are tolerated forever, otherwise the smallest tolerationSeconds
 * (pkg/controller/tainteviction getMinTolerationTime).
 */
export function noExecuteToleranceSeconds(
  taints: readonly Taint[],
  tolerations: readonly Toleration[] | undefined,
): number {
  let least = Infinity;
  for (const taint of taints) {
    if (taint.effect !== 'NoExecute') continue;
    const matching = (tolerations ?? []).filter((t) => toleratesTaint(t, taint));
    if (matching.length === 0) return 0;
    for (const t of matching) {
      if (t.tolerationSeconds !== undefined) least = Math.min(least, Math.max(0, t.tolerationSeconds));
    }
  }
  return least;
}
