import { formatTime, missing } from '../../format.ts';
import { tableOf, type AnyReportTable, type CellTone } from '../../table.ts';
import type { AuditEntry, AuditLogSection } from './model.ts';

const statusTones: Partial<Record<AuditEntry['status'], CellTone>> = {
  succeeded: 'good',
  failed: 'bad',
  interrupted: 'bad',
  cancelled: 'warn',
  held: 'warn',
  running: 'warn',
};

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const who = (e: AuditEntry) => (e.origin === 'autopilot' ? `${e.user} (autopilot)` : e.user);

export function auditTable(section: AuditLogSection, withSeconds: boolean): AnyReportTable {
  return tableOf<AuditEntry>({
    name: 'audit-log',
    title: 'Actions taken from Foresight in the period, newest first',
    rows: section.entries,
    columns: [
      { header: 'When', display: (e) => formatTime(e.startedAt, withSeconds), weight: 1.6 },
      { header: 'Who', display: who, weight: 1.3 },
      {
        header: 'Action',
        display: (e) => (e.undoOf === null ? e.summary : `${e.summary} (undoes #${e.undoOf})`),
        weight: 2.2,
      },
      { header: 'Dry run', display: (e) => e.dryRun ?? missing, weight: 2.2 },
      {
        header: 'Status',
        display: (e) => e.status,
        tone: (e) => statusTones[e.status],
        weight: 1.3,
      },
      { header: 'Outcome', display: (e) => e.outcome || missing, weight: 2.3 },
    ],
    csv: [
      { header: 'id', value: (e) => e.id },
      { header: 'started_utc', value: (e) => iso(e.startedAt) },
      { header: 'finished_utc', value: (e) => iso(e.finishedAt) },
      { header: 'user', value: (e) => e.user },
      { header: 'origin', value: (e) => e.origin },
      { header: 'action', value: (e) => e.action },
      { header: 'target', value: (e) => e.target },
      { header: 'summary', value: (e) => e.summary },
      { header: 'dry_run', value: (e) => e.dryRun },
      { header: 'status', value: (e) => e.status },
      { header: 'outcome', value: (e) => e.outcome },
      { header: 'steps', value: (e) => e.steps },
      { header: 'undo_of', value: (e) => e.undoOf },
    ],
  });
}
