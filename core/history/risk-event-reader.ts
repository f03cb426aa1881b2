import type Database from 'better-sqlite3';
import type { LifecycleEvent, LifecycleKind } from '../kube/lifecycle.ts';

/** Lifecycle events of every node after a time, oldest first: what risk reads after a collection. */
export class RiskEventReader {
  private readonly after;
  private readonly names;
  private readonly capacities;

  constructor(db: Database.Database) {
    this.after = db.prepare<
      [number, number],
      {
        ts: number;
        kind: string;
        node: string | null;
        namespace: string | null;
        pod: string | null;
        detail: string;
      }
    >(
      'SELECT ts, kind, node, namespace, pod, detail FROM lifecycle_events WHERE ts > ? ORDER BY ts ASC LIMIT ?',
    );
    this.names = db.prepare<[], { name: string }>('SELECT name FROM nodes ORDER BY name');
    this.capacities = db.prepare<[], { name: string; bytes: number }>(
      'SELECT name, disk_capacity_bytes AS bytes FROM nodes WHERE disk_capacity_bytes IS NOT NULL',
    );
  }

  since(ts: number, limit = 50_000): LifecycleEvent[] {
    return this.after.all(ts, limit).map((r) => ({
      at: r.ts,
      kind: r.kind as LifecycleKind,
      node: r.node ?? undefined,
      ...(r.namespace ? { namespace: r.namespace } : {}),
      ...(r.pod ? { pod: r.pod } : {}),
      detail: r.detail,
    }));
  }

  /** Each node's root filesystem size as last reported (NodeHistory.diskCapacityBytes), by name. */
  diskCapacities(): Map<string, number> {
    return new Map(this.capacities.all().map((r) => [r.name, r.bytes]));
  }

  /** Every node history has samples of. */
  nodes(): string[] {
    return this.names.all().map((r) => r.name);
  }
}
