import type Database from 'better-sqlite3';

export interface NodeSample {
  node: string;
  at: number;
  cpuMillis: number | null;
  memoryBytes: number | null;
  pods: number;
}

export interface SeriesQuery {
  node: string;
  since: number;
  limit: number;
}

/**
 * The per-node sample table. Node names are interned into `nodes` so that samples stay small;
 * the id cache saves a lookup per row on every batch.
 */
export class NodeSampleStore {
  private readonly nodeIds = new Map<string, number>();
  private readonly insertNode: Database.Statement<[string]>;
  private readonly selectNodeId: Database.Statement<[string], { id: number }>;
  private readonly insertSample: Database.Statement<[number, number, number | null, number | null, number]>;
  private readonly selectSeries: Database.Statement<
    [number, number, number],
    { ts: number; cpu_millis: number | null; memory_bytes: number | null; pods: number }
  >;
  private readonly countAll: Database.Statement<[], { n: number }>;
  private readonly insertBatch: (samples: readonly NodeSample[]) => void;

  constructor(private readonly db: Database.Database) {
    this.insertNode = db.prepare('INSERT OR IGNORE INTO nodes (name) VALUES (?)');
    this.selectNodeId = db.prepare('SELECT id FROM nodes WHERE name = ?');
    // A node sampled twice in the same millisecond keeps the later sample.
    this.insertSample = db.prepare(
      'INSERT OR REPLACE INTO node_samples (node_id, ts, cpu_millis, memory_bytes, pods) VALUES (?, ?, ?, ?, ?)',
    );
    this.selectSeries = db.prepare(
      `SELECT ts, cpu_millis, memory_bytes, pods FROM (
         SELECT ts, cpu_millis, memory_bytes, pods FROM node_samples
         WHERE node_id = ? AND ts >= ? ORDER BY ts DESC LIMIT ?
       ) ORDER BY ts ASC`,
    );
    this.countAll = db.prepare('SELECT count(*) AS n FROM node_samples');
    this.insertBatch = db.transaction((samples: readonly NodeSample[]) => {
      for (const sample of samples) {
        this.insertSample.run(
          this.nodeId(sample.node),
          sample.at,
          sample.cpuMillis,
          sample.memoryBytes,
          sample.pods,
        );
      }
    });
  }

  private nodeId(name: string): number {
    const cached = this.nodeIds.get(name);
    if (cached !== undefined) return cached;
    this.insertNode.run(name);
    const row = this.selectNodeId.get(name);
    if (!row) throw new Error(`node ${name} vanished from the nodes table`);
    this.nodeIds.set(name, row.id);
    return row.id;
  }

  /** Writes a batch in one transaction: all of it lands, or none. */
  insert(samples: readonly NodeSample[]): void {
    this.insertBatch(samples);
  }

  series(query: SeriesQuery): NodeSample[] {
    const id = this.nodeIds.get(query.node) ?? this.selectNodeId.get(query.node)?.id;
    if (id === undefined) return [];
    return this.selectSeries.all(id, query.since, query.limit).map((row) => ({
      node: query.node,
      at: row.ts,
      cpuMillis: row.cpu_millis,
      memoryBytes: row.memory_bytes,
      pods: row.pods,
    }));
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }
}
