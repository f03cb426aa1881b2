import { scaledValue } from '../kube/quantity.ts';
import type { Deployment, ReplicaSet } from '../kube/types.ts';

/**
 * The arithmetic of a rolling update (pkg/controller/deployment/util and rolling.go), as pure
 * functions over Deployments and ReplicaSets so it can be tested by table.
 */

/** maxSurge rounds up, maxUnavailable down; both zero would deadlock, so unavailable becomes 1. */
export function fenceposts(d: Deployment): { maxSurge: number; maxUnavailable: number } {
  const replicas = d.spec.replicas ?? 1;
  const rolling = d.spec.strategy?.rollingUpdate;
  const maxSurge = scaledValue(rolling?.maxSurge ?? '25%', replicas, true);
  let maxUnavailable = scaledValue(rolling?.maxUnavailable ?? '25%', replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

export function specReplicas(rs: ReplicaSet): number {
  return rs.spec.replicas ?? 1;
}

export function totalSpecReplicas(sets: readonly ReplicaSet[]): number {
  return sets.reduce((sum, rs) => sum + specReplicas(rs), 0);
}

export function available(rs: ReplicaSet): number {
  return rs.status?.availableReplicas ?? 0;
}

/** NewRSNewReplicas for RollingUpdate: grow the new set as far as maxSurge allows. */
export function newReplicaSetReplicas(
  d: Deployment,
  all: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
): number {
  const replicas = d.spec.replicas ?? 1;
  const current = newRS ? specReplicas(newRS) : 0;
  const { maxSurge } = fenceposts(d);
  const maxTotal = replicas + maxSurge;
  const podCount = totalSpecReplicas(all);
  if (podCount >= maxTotal) return current;
  return current + Math.max(0, Math.min(maxTotal - podCount, replicas - current));
}

/**
 * How far each old ReplicaSet may shrink now (reconcileOldReplicaSets): first the unhealthy
 * replicas, then healthy ones while availability stays above replicas − maxUnavailable. Returns
 * the new spec.replicas per old set, oldest first; sets not listed keep theirs.
 */
export function scaleDownOldReplicaSets(
  d: Deployment,
  all: readonly ReplicaSet[],
  oldSets: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
): Map<ReplicaSet, number> {
  const result = new Map<ReplicaSet, number>();
  const oldCount = totalSpecReplicas(oldSets);
  if (oldCount === 0) return result;
  const replicas = d.spec.replicas ?? 1;
  const { maxUnavailable } = fenceposts(d);
  const minAvailable = replicas - maxUnavailable;
  const newUnavailable = newRS ? specReplicas(newRS) - available(newRS) : 0;
  const allCount = totalSpecReplicas(all);
  const maxScaledDown = allCount - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return result;

  const byAge = [...oldSets].sort(olderFirst);
  const current = new Map(byAge.map((rs) => [rs, specReplicas(rs)]));
  // Unhealthy replicas go first: removing them costs no availability.
  let cleaned = 0;
  for (const rs of byAge) {
    if (cleaned >= maxScaledDown) break;
    const have = current.get(rs) ?? 0;
    if (have === 0) continue;
    const unhealthy = have - available(rs);
    if (unhealthy <= 0) continue;
    const down = Math.min(maxScaledDown - cleaned, unhealthy);
    current.set(rs, have - down);
    cleaned += down;
  }
  // Then healthy ones, as far as availability allows.
  const availableCount = all.reduce((sum, rs) => sum + available(rs), 0);
  const budget = availableCount - minAvailable;
  let scaled = 0;
  for (const rs of byAge) {
    if (scaled >= budget) break;
    const have = current.get(rs) ?? 0;
    if (have === 0) continue;
    const down = Math.min(have, budget - scaled);
    current.set(rs, have - down);
    scaled += down;
  }
  for (const rs of byAge) {
    const next = current.get(rs) ?? specReplicas(rs);
    if (next !== specReplicas(rs)) result.set(rs, next);
  }
  return result;
}

export function olderFirst(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

export function revisionOf(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0) || 0;
}
