import type Database from 'better-sqlite3';
import type { NodeRisk, RiskLevel } from '../contract/risk.ts';

export interface StoredRiskPoint {
  at: number;
  probability: number;
  level: RiskLevel;
}

/** Predictions over time, per node. */
export class RiskPredictionStore {
  private readonly insertOne;
  private readonly byNode;
  private readonly insertMany: (risks: readonly NodeRisk[]) => void;

  constructor(db: Database.Database) {
    this.insertOne = db.prepare<[string, number, number, string, string | null, string, string]>(
      'INSERT INTO risk_predictions (node, ts, probability, level, kind, source, reasons) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.byNode = db.prepare<[string, number, number], { ts: number; probability: number; level: string }>(
      'SELECT ts, probability, level FROM risk_predictions WHERE node = ? AND ts >= ? ORDER BY ts ASC LIMIT ?',
    );
    this.insertMany = db.transaction((risks: readonly NodeRisk[]) => {
      for (const r of risks)
        this.insertOne.run(
          r.node,
          r.at,
          r.probability,
          r.level,
          r.kind ?? null,
          r.source,
          JSON.stringify(r.reasons),
        );
    });
  }

  insert(risks: readonly NodeRisk[]): void {
    if (risks.length > 0) this.insertMany(risks);
  }

  forNode(node: string, since: number, limit = 20_000): StoredRiskPoint[] {
    return this.byNode.all(node, since, limit).map((r) => ({
      at: r.ts,
      probability: r.probability,
      level: r.level as RiskLevel,
    }));
  }
}

export type Verdict = 'useful' | 'false-alarm';

export interface Feedback {
  node: string;
  at: number;
  verdict: Verdict;
  note?: string;
  givenAt: number;
}

/** Operators' verdicts on alerts. */
export class RiskFeedbackStore {
  private readonly insertOne;
  private readonly all;
  private readonly counts;

  constructor(db: Database.Database) {
    this.insertOne = db.prepare<[string, number, string, string | null, number]>(
      'INSERT INTO risk_feedback (node, ts, verdict, note, given_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.all = db.prepare<
      [number],
      { node: string; ts: number; verdict: string; note: string | null; given_at: number }
    >('SELECT node, ts, verdict, note, given_at FROM risk_feedback WHERE ts >= ? ORDER BY ts ASC');
    this.counts = db.prepare<[], { verdict: string; n: number }>(
      'SELECT verdict, COUNT(*) AS n FROM risk_feedback GROUP BY verdict',
    );
  }

  add(feedback: Feedback): void {
    this.insertOne.run(feedback.node, feedback.at, feedback.verdict, feedback.note ?? null, feedback.givenAt);
  }

  since(at: number): Feedback[] {
    return this.all.all(at).map((r) => ({
      node: r.node,
      at: r.ts,
      verdict: r.verdict as Verdict,
      ...(r.note ? { note: r.note } : {}),
      givenAt: r.given_at,
    }));
  }

  totals(): { useful: number; falseAlarm: number } {
    const rows = this.counts.all();
    return {
      useful: rows.find((r) => r.verdict === 'useful')?.n ?? 0,
      falseAlarm: rows.find((r) => r.verdict === 'false-alarm')?.n ?? 0,
    };
  }
}

export interface RegisteredModel {
  id: number;
  createdAt: number;
  champion: boolean;
  prAuc: number | null;
  bundle: string;
  decision: string;
}

/** Every model trained on this cluster, and which one is the champion. */
export class RiskModelRegistry {
  private readonly insertOne;
  private readonly demoteAll;
  private readonly championRow;
  private readonly recent;

  constructor(private readonly db: Database.Database) {
    this.insertOne = db.prepare<[number, number, number | null, string, string]>(
      'INSERT INTO risk_models (created_at, champion, pr_auc, bundle, decision) VALUES (?, ?, ?, ?, ?)',
    );
    this.demoteAll = db.prepare('UPDATE risk_models SET champion = 0 WHERE champion = 1');
    type Row = {
      id: number;
      created_at: number;
      champion: number;
      pr_auc: number | null;
      bundle: string;
      decision: string;
    };
    this.championRow = db.prepare<[], Row>(
      'SELECT * FROM risk_models WHERE champion = 1 ORDER BY id DESC LIMIT 1',
    );
    this.recent = db.prepare<[number], Omit<Row, 'bundle'>>(
      'SELECT id, created_at, champion, pr_auc, decision FROM risk_models ORDER BY id DESC LIMIT ?',
    );
  }

  /** Records a trained model; as champion, it demotes the previous one in the same transaction. */
  register(model: {
    createdAt: number;
    champion: boolean;
    prAuc: number | null;
    bundle: string;
    decision: string;
  }): number {
    return this.db.transaction(() => {
      if (model.champion) this.demoteAll.run();
      return Number(
        this.insertOne.run(model.createdAt, model.champion ? 1 : 0, model.prAuc, model.bundle, model.decision)
          .lastInsertRowid,
      );
    })();
  }

  champion(): RegisteredModel | undefined {
    const row = this.championRow.get();
    return row
      ? {
          id: row.id,
          createdAt: row.created_at,
          champion: true,
          prAuc: row.pr_auc,
          bundle: row.bundle,
          decision: row.decision,
        }
      : undefined;
  }

  decisions(limit = 20): { at: number; replaced: boolean; reason: string }[] {
    return this.recent
      .all(limit)
      .map((r) => ({ at: r.created_at, replaced: r.decision.startsWith('Replaced'), reason: r.decision }));
  }
}
