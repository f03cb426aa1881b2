import { table, facts, note, type Block } from '../../blocks.ts';
import { formatCount } from '../../format.ts';
import type { AnyReportTable } from '../../table.ts';
import type { ReportContext } from '../types.ts';
import type { AuditLogSection } from './model.ts';
import { auditTable } from './tables.ts';

const shortPeriod = (context: ReportContext) => context.range.until - context.range.since <= 2 * 3_600_000;

export function auditLogTables(section: AuditLogSection, context: ReportContext): AnyReportTable[] {
  return [auditTable(section, shortPeriod(context))];
}

export function auditLogBlocks(section: AuditLogSection, context: ReportContext): Block[] {
  const count = (status: string) => section.byStatus.find((s) => s.status === status)?.count ?? 0;
  const autopilot = section.entries.filter((e) => e.origin === 'autopilot').length;
  const blocks: Block[] = [];
  if (section.truncated) {
    blocks.push(
      note(
        `Only the ${formatCount(section.readLimit)} most recent actions were read; earlier actions in the period are left out.`,
      ),
    );
  }
  if (section.entries.length === 0) {
    blocks.push(note('No action was taken from Foresight in this period (by a user or the autopilot).'));
    return blocks;
  }
  blocks.push(
    facts([
      {
        label: 'Actions',
        value: formatCount(section.entries.length),
        detail: `${formatCount(autopilot)} by the autopilot`,
      },
      { label: 'Succeeded', value: formatCount(count('succeeded')) },
      {
        label: 'Failed or interrupted',
        value: formatCount(count('failed') + count('interrupted')),
        detail: `${formatCount(count('cancelled'))} cancelled`,
      },
      {
        label: 'Held or dry-run',
        value: formatCount(count('held') + count('dry-run')),
        detail: 'autopilot decisions that changed nothing',
      },
    ]),
    ...auditLogTables(section, context).map(table),
  );
  return blocks;
}
