import type { HistoryStore } from '../../history/store.ts';

/**
 * OOMKills of a workload's pods recorded in history since a time. Pods are matched by the names
 * their controllers give them (`name-<template hash>-<suffix>` for a Deployment, `name-<ordinal>`
 * for a StatefulSet), so `cart` never counts `cart-2`'s pods.
 */
export function podNamePattern(kind: string, name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return kind === 'StatefulSet'
    ? new RegExp(`^${escaped}-\\d+$`)
    : new RegExp(`^${escaped}-[a-z0-9]{1,10}-[a-z0-9]{5}$`);
}

export function countOomKills(
  store: HistoryStore,
  ref: { namespace: string; kind: string; name: string },
  sinceMs: number,
): number {
  const rows = store.database
    .prepare<[string, number], { pod: string }>(
      `SELECT pod FROM lifecycle_events
        WHERE kind = 'PodOOMKilled' AND namespace = ? AND ts >= ? AND pod IS NOT NULL`,
    )
    .all(ref.namespace, sinceMs);
  const pattern = podNamePattern(ref.kind, ref.name);
  return rows.filter((row) => pattern.test(row.pod)).length;
}
