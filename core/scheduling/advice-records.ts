import type Database from 'better-sqlite3';

/**
 * Online learning's memory (issue 6): every piece of advice and what then happened — where the
 * pod actually ran, and whether it was OOMKilled, evicted or restarted within a day. The outcome
 * model trains on these rows; `outcomes()` tracks how often the advice was followed and how
 * followed and ignored advice fared. The table is core/history/placement-migration.ts.
 */

/** How long after placement a disruption still counts against the choice. */
export const OUTCOME_WINDOW_MS = 24 * 3_600_000;

export interface AdviceRecord {
  at: number;
  source: 'pending' | 'workload' | 'spec';
  namespace: string;
  pod: string;
  advisedNode: string | undefined;
  kubeNode: string | undefined;
  confidence: number;
}

export interface OpenAdvice {
  id: number;
  namespace: string;
  pod: string;
  advisedNode: string | null;
  actualNode: string | null;
  placedAt: number | null;
}

export interface AdviceOutcomes {
  advised: number;
  /** Pending pods whose node is known. */
  placed: number;
  /** Of those, placed where Foresight advised. */
  followed: number;
  /** Resolved (a day after placement): disrupted when the advice was followed, and when not. */
  resolvedFollowed: number;
  disruptedFollowed: number;
  resolvedIgnored: number;
  disruptedIgnored: number;
}

interface OpenRow {
  id: number;
  namespace: string;
  pod: string;
  advised_node: string | null;
  actual_node: string | null;
  placed_ts: number | null;
}

/** The placement_advice table through prepared statements (the worker's one connection). */
export class AdviceRecords {
  private readonly insertRow: Database.Statement;
  private readonly openRows: Database.Statement<[], OpenRow>;
  private readonly placeRow: Database.Statement;
  private readonly resolveRow: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertRow = db.prepare(
      `INSERT INTO placement_advice (ts, source, namespace, pod, advised_node, kube_node, confidence)
       VALUES (@at, @source, @namespace, @pod, @advisedNode, @kubeNode, @confidence)`,
    );
    // Only pending pods have an outcome to watch: a workload's or a pasted spec's pod has no name yet.
    this.openRows = db.prepare(
      `SELECT id, namespace, pod, advised_node, actual_node, placed_ts FROM placement_advice
       WHERE resolved_ts IS NULL AND source = 'pending' ORDER BY id LIMIT 1000`,
    );
    this.placeRow = db.prepare('UPDATE placement_advice SET actual_node = ?, placed_ts = ? WHERE id = ?');
    this.resolveRow = db.prepare('UPDATE placement_advice SET disruptions = ?, resolved_ts = ? WHERE id = ?');
  }

  record(advice: AdviceRecord): void {
    this.insertRow.run({
      ...advice,
      advisedNode: advice.advisedNode ?? null,
      kubeNode: advice.kubeNode ?? null,
    });
  }

  open(): OpenAdvice[] {
    return this.openRows.all().map((r) => ({
      id: r.id,
      namespace: r.namespace,
      pod: r.pod,
      advisedNode: r.advised_node,
      actualNode: r.actual_node,
      placedAt: r.placed_ts,
    }));
  }

  placed(id: number, node: string, at: number): void {
    this.placeRow.run(node, at, id);
  }

  resolve(id: number, disruptions: number, at: number): void {
    this.resolveRow.run(disruptions, at, id);
  }

  /** The pod went away before it was placed: nothing to learn from it. */
  abandon(id: number, at: number): void {
    this.resolveRow.run(null, at, id);
  }

  outcomes(): AdviceOutcomes {
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS advised,
           COUNT(actual_node) AS placed,
           SUM(actual_node IS NOT NULL AND actual_node = advised_node) AS followed,
           SUM(resolved_ts IS NOT NULL AND disruptions IS NOT NULL AND actual_node = advised_node) AS resolvedFollowed,
           SUM(disruptions > 0 AND actual_node = advised_node) AS disruptedFollowed,
           SUM(resolved_ts IS NOT NULL AND disruptions IS NOT NULL AND actual_node IS NOT advised_node) AS resolvedIgnored,
           SUM(disruptions > 0 AND actual_node IS NOT advised_node) AS disruptedIgnored
         FROM placement_advice`,
      )
      .get() as Record<keyof AdviceOutcomes, number | null>;
    const n = (v: number | null): number => v ?? 0;
    return {
      advised: n(row.advised),
      placed: n(row.placed),
      followed: n(row.followed),
      resolvedFollowed: n(row.resolvedFollowed),
      disruptedFollowed: n(row.disruptedFollowed),
      resolvedIgnored: n(row.resolvedIgnored),
      disruptedIgnored: n(row.disruptedIgnored),
    };
  }
}
