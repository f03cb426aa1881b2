import { z } from 'zod';
import { actionStatuses, type AuditRecord } from '../../../contract/actions.ts';
import type { ReportSource } from '../../source.ts';
import { answered } from '../availability.ts';
import type { ReportContext } from '../types.ts';
import type { AuditEntry, AuditLogSection } from './model.ts';

/** What the pipeline stores as the dry run: read leniently, as older records may lack fields. */
const dryRunSchema = z
  .object({
    changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })).default([]),
    evict: z.array(z.unknown()).default([]),
    skip: z.array(z.unknown()).default([]),
    blocking: z.array(z.unknown()).default([]),
    problems: z.array(z.string()).default([]),
  })
  .loose();

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "spec.unschedulable false → true; 12 pods to evict, 2 kept, 1 blocked by a budget". */
export function describeDryRun(dryRun: unknown): string | null {
  if (dryRun === undefined || dryRun === null) return null;
  const parsed = dryRunSchema.safeParse(dryRun);
  if (!parsed.success) return null;
  const { changes, evict, skip, blocking, problems } = parsed.data;
  const parts = changes.map((c) => `${c.field} ${c.from} → ${c.to}`);
  const pods: string[] = [];
  if (evict.length) pods.push(`${plural(evict.length, 'pod')} to evict`);
  if (skip.length) pods.push(`${skip.length} kept`);
  if (blocking.length) pods.push(`${blocking.length} blocked by a budget`);
  if (pods.length) parts.push(pods.join(', '));
  if (problems.length) parts.push(`refused: ${problems.join('; ')}`);
  return parts.length ? parts.join('; ') : 'no change needed';
}

function entryOf(record: AuditRecord): AuditEntry {
  return {
    id: record.id,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt ?? null,
    user: record.user,
    origin: record.origin,
    action: record.action,
    target: record.target,
    summary: record.summary,
    dryRun: describeDryRun(record.dryRun),
    status: record.status,
    outcome: record.outcome,
    steps: record.progress.length,
    undoOf: record.undoOf ?? null,
  };
}

/** The actions started in the period, newest first, from the most recent `limit` the log holds. */
export function collectAuditLog(source: ReportSource, context: ReportContext): AuditLogSection {
  const { records, limit } = answered(source.reads?.audit, 'The audit log');
  const { since, until } = context.range;
  const entries = records
    .filter((r) => r.startedAt >= since && r.startedAt < until)
    .sort((a, b) => b.startedAt - a.startedAt || b.id - a.id)
    .map(entryOf);
  const oldestRead = records.reduce((oldest, r) => Math.min(oldest, r.startedAt), Infinity);
  return {
    entries,
    byStatus: actionStatuses
      .map((status) => ({ status, count: entries.filter((e) => e.status === status).length }))
      .filter((s) => s.count > 0),
    readLimit: limit,
    truncated: records.length >= limit && oldestRead > since,
  };
}
