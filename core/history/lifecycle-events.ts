import type Database from 'better-sqlite3';
import type { LifecycleEvent, LifecycleKind } from '../kube/lifecycle.ts';

interface Row {
  ts: number;
  kind: string;
  node: string | null;
  namespace: string | null;
  pod: string | null;
  detail: string;
}

/** Lifecycle events (restarts, OOMKills, evictions, node conditions…) by time and node. */
export class LifecycleEventStore {
  private readonly insertOne: Database.Statement<
    [number, string, string | null, string | null, string | null, string]
  >;
  private readonly byNode: Database.Statement<[string, number, number], Row>;
  private readonly insertBatch: (events: readonly LifecycleEvent[]) => void;

  constructor(db: Database.Database) {
    this.insertOne = db.prepare(
      'INSERT INTO lifecycle_events (ts, kind, node, namespace, pod, detail) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.byNode = db.prepare(
      `SELECT * FROM (SELECT ts, kind, node, namespace, pod, detail FROM lifecycle_events
       WHERE node = ? AND ts >= ? ORDER BY ts DESC LIMIT ?) ORDER BY ts ASC`,
    );
    this.insertBatch = db.transaction((events: readonly LifecycleEvent[]) => {
      for (const e of events)
        this.insertOne.run(e.at, e.kind, e.node ?? null, e.namespace ?? null, e.pod ?? null, e.detail);
    });
  }

  insert(events: readonly LifecycleEvent[]): void {
    if (events.length > 0) this.insertBatch(events);
  }

  forNode(node: string, since: number, limit: number): LifecycleEvent[] {
    return this.byNode.all(node, since, limit).map((row) => ({
      at: row.ts,
      kind: row.kind as LifecycleKind,
      node: row.node ?? undefined,
      ...(row.namespace ? { namespace: row.namespace } : {}),
      ...(row.pod ? { pod: row.pod } : {}),
      detail: row.detail,
    }));
  }
}
