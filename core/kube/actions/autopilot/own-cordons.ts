import type Database from 'better-sqlite3';
import type { NodeFacts } from './decide.ts';
import { readMetaJson, writeMetaJson } from './meta-json.ts';

const KEY = 'autopilot.ownCordons';

/**
 * The nodes the autopilot's own drain cordoned, with when (ms): on recovery it uncordons them too,
 * as they were schedulable before. Kept in the cluster's history database when there is one, so
 * an app restart between the drain and the recovery does not leave a recovered node cordoned for
 * good; in memory otherwise. A node someone else uncordoned since is forgotten: a later cordon on
 * it is theirs, not the autopilot's to lift.
 */
export class OwnCordons {
  private readonly since: Map<string, number>;

  constructor(private readonly db?: Database.Database) {
    this.since = db ? loadCordons(db) : new Map();
  }

  nodes(): ReadonlySet<string> {
    return new Set(this.since.keys());
  }

  has(node: string): boolean {
    return this.since.has(node);
  }

  add(node: string, at: number): void {
    this.since.set(node, at);
    this.save();
  }

  remove(node: string): void {
    if (this.since.delete(node)) this.save();
  }

  /**
   * Forgets the nodes `facts` (read at `readAt`) show as no longer cordoned. A cordon noted after
   * the read began is kept: the read may predate it.
   */
  forgetUncordoned(facts: readonly NodeFacts[], readAt: number): void {
    const uncordoned = new Set(facts.filter((n) => !n.cordoned).map((n) => n.name));
    let changed = false;
    for (const [node, at] of this.since) {
      if (at < readAt && uncordoned.has(node)) changed = this.since.delete(node) || changed;
    }
    if (changed) this.save();
  }

  private save(): void {
    if (this.db) writeMetaJson(this.db, KEY, Object.fromEntries(this.since));
  }
}

/** What was saved, keeping only well-formed entries (a damaged value reads as no cordons). */
function loadCordons(db: Database.Database): Map<string, number> {
  const saved = readMetaJson(db, KEY);
  if (typeof saved !== 'object' || saved === null) return new Map();
  return new Map(
    Object.entries(saved).filter((entry): entry is [string, number] => Number.isFinite(entry[1])),
  );
}
