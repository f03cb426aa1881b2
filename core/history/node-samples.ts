import type Database from 'better-sqlite3';

export interface NodeSample {
  node: string;
  at: number;
  cpuMillis: number | null;
  memoryBytes: number | null;
  pods: number;
  /** Root filesystem bytes used (kubelet Summary API); absent when unknown. */
  diskBytes?: number | null;
  /** The fullest container's working set over its memory limit; absent when unknown. */
  podMemoryPeak?: number | null;
  /** NIC errors per minute since the node's previous Summary reading; absent when unknown. */
  nicErrorsPerMinute?: number | null;
  /** Hours until the container soonest to reach its memory limit reaches it; absent when none rises. */
  containerHoursToLimit?: number | null;
}

export interface SeriesQuery {
  node: string;
  since: number;
  limit: number;
}

interface SampleRow {
  ts: number;
  cpu_millis: number | null;
  memory_bytes: number | null;
  pods: number;
  disk_bytes: number | null;
  pod_memory_peak: number | null;
  nic_errors_per_minute: number | null;
  container_hours_to_limit: number | null;
}

type SampleParams = [
  number,
  number,
  number | null,
  number | null,
  number,
  number | null,
  number | null,
  number | null,
  number | null,
];

/**
 * The per-node sample table. Node names are interned into `nodes` so that samples stay small;
 * the id cache saves a lookup per row on every batch. A node's disk capacity is a fact of the
 * node (kept on `nodes`), written only when it changes.
 */
export class NodeSampleStore {
  private readonly nodeIds = new Map<string, number>();
  private readonly diskCapacities = new Map<string, number>();
  private readonly insertNode: Database.Statement<[string]>;
  private readonly selectNodeId: Database.Statement<[string], { id: number }>;
  private readonly insertSample: Database.Statement<SampleParams>;
  private readonly selectSeries: Database.Statement<[number, number, number], SampleRow>;
  private readonly updateDiskCapacity: Database.Statement<[number, number]>;
  private readonly selectDiskCapacity: Database.Statement<[string], { disk_capacity_bytes: number | null }>;
  private readonly countAll: Database.Statement<[], { n: number }>;
  private readonly selectNicPeaks: Database.Statement<[number, number], { name: string; peak: number }>;
  private readonly insertBatch: (samples: readonly NodeSample[]) => void;

  constructor(private readonly db: Database.Database) {
    this.insertNode = db.prepare('INSERT OR IGNORE INTO nodes (name) VALUES (?)');
    this.selectNodeId = db.prepare('SELECT id FROM nodes WHERE name = ?');
    // A node sampled twice in the same millisecond keeps the later sample.
    this.insertSample = db.prepare(
      `INSERT OR REPLACE INTO node_samples
         (node_id, ts, cpu_millis, memory_bytes, pods, disk_bytes, pod_memory_peak, nic_errors_per_minute,
          container_hours_to_limit)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectSeries = db.prepare(
      `SELECT * FROM (
         SELECT ts, cpu_millis, memory_bytes, pods, disk_bytes, pod_memory_peak, nic_errors_per_minute,
                container_hours_to_limit
         FROM node_samples
         WHERE node_id = ? AND ts >= ? ORDER BY ts DESC LIMIT ?
       ) ORDER BY ts ASC`,
    );
    this.updateDiskCapacity = db.prepare('UPDATE nodes SET disk_capacity_bytes = ? WHERE id = ?');
    this.selectDiskCapacity = db.prepare('SELECT disk_capacity_bytes FROM nodes WHERE name = ?');
    this.countAll = db.prepare('SELECT count(*) AS n FROM node_samples');
    this.selectNicPeaks = db.prepare(
      `SELECT n.name AS name, max(s.nic_errors_per_minute) AS peak
       FROM node_samples s JOIN nodes n ON n.id = s.node_id
       WHERE s.ts >= ? AND s.ts < ? AND s.nic_errors_per_minute IS NOT NULL
       GROUP BY s.node_id`,
    );
    this.insertBatch = db.transaction((samples: readonly NodeSample[]) => {
      for (const sample of samples) {
        this.insertSample.run(
          this.nodeId(sample.node),
          sample.at,
          sample.cpuMillis,
          sample.memoryBytes,
          sample.pods,
          sample.diskBytes ?? null,
          sample.podMemoryPeak ?? null,
          sample.nicErrorsPerMinute ?? null,
          sample.containerHoursToLimit ?? null,
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

  /** Records a node's root filesystem size (written only when it changed). */
  setDiskCapacity(node: string, bytes: number): void {
    if (!(bytes > 0) || this.diskCapacities.get(node) === bytes) return;
    this.updateDiskCapacity.run(bytes, this.nodeId(node));
    this.diskCapacities.set(node, bytes);
  }

  /** The node's root filesystem size as last reported, if ever. */
  diskCapacity(node: string): number | undefined {
    const cached = this.diskCapacities.get(node);
    if (cached !== undefined) return cached;
    const stored = this.selectDiskCapacity.get(node)?.disk_capacity_bytes;
    if (stored === null || stored === undefined) return undefined;
    this.diskCapacities.set(node, stored);
    return stored;
  }

  /** A node's samples; disk and container-memory fields only where they were known. */
  series(query: SeriesQuery): NodeSample[] {
    const id = this.nodeIds.get(query.node) ?? this.selectNodeId.get(query.node)?.id;
    if (id === undefined) return [];
    return this.selectSeries.all(id, query.since, query.limit).map((row) => {
      const sample: NodeSample = {
        node: query.node,
        at: row.ts,
        cpuMillis: row.cpu_millis,
        memoryBytes: row.memory_bytes,
        pods: row.pods,
      };
      if (row.disk_bytes !== null) sample.diskBytes = row.disk_bytes;
      if (row.pod_memory_peak !== null) sample.podMemoryPeak = row.pod_memory_peak;
      if (row.nic_errors_per_minute !== null) sample.nicErrorsPerMinute = row.nic_errors_per_minute;
      if (row.container_hours_to_limit !== null) sample.containerHoursToLimit = row.container_hours_to_limit;
      return sample;
    });
  }

  /** Each node's highest NIC error rate in [since, until); nodes with no rate there are absent. */
  nicErrorPeaks(since: number, until: number): Map<string, number> {
    return new Map(this.selectNicPeaks.all(since, until).map((r) => [r.name, r.peak]));
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }
}
