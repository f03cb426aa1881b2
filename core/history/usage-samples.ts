import type Database from 'better-sqlite3';
import type { PodUsage, WorkloadFigures, WorkloadUsage } from '../kube/pod-usage.ts';

/** A workload's usage at one time (a point of its series, oldest first). */
export interface WorkloadSample extends WorkloadFigures {
  at: number;
}

export interface WorkloadRef {
  namespace: string;
  kind: string;
  name: string;
}

export interface PodSample {
  at: number;
  node: string | null;
  cpuMillis: number;
  memoryBytes: number;
}

interface WorkloadRow {
  ts: number;
  pods: number;
  cpu_millis: number;
  cpu_max_millis: number;
  memory_bytes: number;
  memory_max_bytes: number;
  cpu_request_millis: number;
  memory_request_bytes: number;
}

/**
 * Per-workload and per-pod usage. Names are interned (workloads and pods tables) so that the
 * sample rows stay a few dozen bytes; id caches save a lookup per row on every batch.
 */
export class UsageSampleStore {
  private readonly workloadIds = new Map<string, number>();
  private readonly podIds = new Map<string, number>();
  /** Pods first sampled before they were scheduled: their node is filled in once known. */
  private readonly podsWithoutNode = new Set<number>();
  private readonly statements;
  private readonly insertBatch: (
    at: number,
    pods: readonly PodUsage[],
    workloads: readonly WorkloadUsage[],
  ) => void;

  constructor(db: Database.Database) {
    this.statements = {
      insertWorkload: db.prepare<[string, string, string]>(
        'INSERT OR IGNORE INTO workloads (namespace, kind, name) VALUES (?, ?, ?)',
      ),
      workloadId: db.prepare<[string, string, string], { id: number }>(
        'SELECT id FROM workloads WHERE namespace = ? AND kind = ? AND name = ?',
      ),
      insertPod: db.prepare<[string, string, string | null, number | null]>(
        'INSERT OR IGNORE INTO pods (namespace, name, node, workload_id) VALUES (?, ?, ?, ?)',
      ),
      // A pod is created before it is scheduled: its first sample may come before its node.
      setPodNode: db.prepare<[string, number]>('UPDATE pods SET node = ? WHERE id = ? AND node IS NULL'),
      podId: db.prepare<[string, string], { id: number }>(
        'SELECT id FROM pods WHERE namespace = ? AND name = ?',
      ),
      insertWorkloadSample: db.prepare(
        `INSERT OR REPLACE INTO workload_samples (workload_id, ts, pods, cpu_millis, cpu_max_millis, memory_bytes,
           memory_max_bytes, cpu_request_millis, memory_request_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertPodSample: db.prepare(
        'INSERT OR REPLACE INTO pod_samples (pod_id, ts, cpu_millis, memory_bytes) VALUES (?, ?, ?, ?)',
      ),
      workloadSeries: db.prepare<[number, number, number], WorkloadRow>(
        `SELECT * FROM (SELECT ts, pods, cpu_millis, cpu_max_millis, memory_bytes, memory_max_bytes,
           cpu_request_millis, memory_request_bytes FROM workload_samples
         WHERE workload_id = ? AND ts >= ? ORDER BY ts DESC LIMIT ?) ORDER BY ts ASC`,
      ),
      podSeries: db.prepare<
        [number, number, number],
        { ts: number; node: string | null; cpu_millis: number; memory_bytes: number }
      >(
        `SELECT s.ts, p.node, s.cpu_millis, s.memory_bytes FROM (SELECT pod_id, ts, cpu_millis, memory_bytes
           FROM pod_samples WHERE pod_id = ? AND ts >= ? ORDER BY ts DESC LIMIT ?) s
         JOIN pods p ON p.id = s.pod_id ORDER BY s.ts ASC`,
      ),
      workloadsSince: db.prepare<[number], WorkloadRef>(
        `SELECT namespace, kind, name FROM workloads WHERE id IN
           (SELECT DISTINCT workload_id FROM workload_samples WHERE ts >= ?) ORDER BY namespace, kind, name`,
      ),
    };
    this.insertBatch = db.transaction(
      (at: number, pods: readonly PodUsage[], workloads: readonly WorkloadUsage[]) => {
        for (const w of workloads) {
          this.statements.insertWorkloadSample.run(
            this.workloadId(w),
            at,
            w.pods,
            Math.round(w.cpuMillis),
            Math.round(w.cpuMaxMillis),
            Math.round(w.memoryBytes),
            Math.round(w.memoryMaxBytes),
            Math.round(w.cpuRequestMillis),
            Math.round(w.memoryRequestBytes),
          );
        }
        for (const p of pods) {
          const workload = p.workload ? this.workloadId({ namespace: p.namespace, ...p.workload }) : null;
          const id = this.podId(p.namespace, p.pod, p.node, workload);
          this.statements.insertPodSample.run(id, at, Math.round(p.cpuMillis), Math.round(p.memoryBytes));
        }
      },
    );
  }

  private workloadId(ref: WorkloadRef, create = true): number | undefined {
    const key = `${ref.namespace}/${ref.kind}/${ref.name}`;
    const cached = this.workloadIds.get(key);
    if (cached !== undefined) return cached;
    if (create) this.statements.insertWorkload.run(ref.namespace, ref.kind, ref.name);
    const id = this.statements.workloadId.get(ref.namespace, ref.kind, ref.name)?.id;
    if (id !== undefined) this.workloadIds.set(key, id);
    return id;
  }

  private podId(
    namespace: string,
    name: string,
    node: string | undefined,
    workload: number | null | undefined,
    create = true,
  ): number | undefined {
    const key = `${namespace}/${name}`;
    const cached = this.podIds.get(key);
    if (cached !== undefined) {
      if (node && this.podsWithoutNode.delete(cached)) this.statements.setPodNode.run(node, cached);
      return cached;
    }
    if (create) this.statements.insertPod.run(namespace, name, node ?? null, workload ?? null);
    const id = this.statements.podId.get(namespace, name)?.id;
    if (id === undefined) return undefined;
    this.podIds.set(key, id);
    if (node) this.statements.setPodNode.run(node, id);
    else if (create) this.podsWithoutNode.add(id);
    return id;
  }

  /** One usage measurement, pods and workloads in one transaction: all of it lands, or none. */
  insert(at: number, pods: readonly PodUsage[], workloads: readonly WorkloadUsage[]): void {
    if (pods.length > 0 || workloads.length > 0) this.insertBatch(at, pods, workloads);
  }

  workloadSeries(ref: WorkloadRef, since: number, limit: number): WorkloadSample[] {
    const id = this.workloadId(ref, false);
    if (id === undefined) return [];
    return this.statements.workloadSeries.all(id, since, limit).map((row) => ({
      at: row.ts,
      pods: row.pods,
      cpuMillis: row.cpu_millis,
      cpuMaxMillis: row.cpu_max_millis,
      memoryBytes: row.memory_bytes,
      memoryMaxBytes: row.memory_max_bytes,
      cpuRequestMillis: row.cpu_request_millis,
      memoryRequestBytes: row.memory_request_bytes,
    }));
  }

  podSeries(namespace: string, pod: string, since: number, limit: number): PodSample[] {
    const id = this.podId(namespace, pod, undefined, undefined, false);
    if (id === undefined) return [];
    return this.statements.podSeries.all(id, since, limit).map((row) => ({
      at: row.ts,
      node: row.node,
      cpuMillis: row.cpu_millis,
      memoryBytes: row.memory_bytes,
    }));
  }

  /** The workloads with samples since a time (the Scaling page's list). */
  workloads(since: number): WorkloadRef[] {
    return this.statements.workloadsSince.all(since);
  }

  /** Forgets cached ids after retention deleted the rows they point to. */
  clearCaches(): void {
    this.podIds.clear();
    this.podsWithoutNode.clear();
  }
}
