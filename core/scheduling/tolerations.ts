import type { Taint, TaintEffect, Toleration } from './kube-objects.ts';

/** v1.Toleration.ToleratesTaint: an empty effect or key matches any; Exists ignores the value. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function taintTolerated(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  if (!tolerations) return false;
  // A plain loop: this runs for every tainted node of the cluster, once per taint.
  for (let i = 0; i < tolerations.length; i++)
    if (toleratesTaint(tolerations[i] as Toleration, taint)) return true;
  return false;
}

/** FindMatchingUntoleratedTaint over the taints with one of `effects`. */
export function firstUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[] | undefined,
  effects: readonly TaintEffect[],
): Taint | undefined {
  for (let i = 0; i < taints.length; i++) {
    const taint = taints[i] as Taint;
    if (effects.includes(taint.effect) && !taintTolerated(tolerations, taint)) return taint;
  }
  return undefined;
}
