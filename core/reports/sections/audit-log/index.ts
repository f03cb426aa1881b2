import { blocksHtml, blocksPdf } from '../../blocks.ts';
import { answerAvailability } from '../availability.ts';
import type { ReportSectionPlugin } from '../types.ts';
import { collectAuditLog } from './collect.ts';
import type { AuditLogSection } from './model.ts';
import { auditLogBlocks, auditLogTables } from './render.ts';

/** Available whenever the audit log can be read (an empty log is still a finding). */
export const auditLogSection: ReportSectionPlugin<AuditLogSection> = {
  id: 'audit-log',
  title: 'Action audit log',
  description: 'Every action taken from Foresight: who, what, when, dry-run and outcome.',
  needs: ['audit'],
  availability: (source) => answerAvailability(source.reads?.audit, 'the audit log cannot be read'),
  collect: collectAuditLog,
  tables: auditLogTables,
  html: (section, context) => blocksHtml(auditLogBlocks(section, context)),
  pdf: (writer, section, context) => blocksPdf(writer, auditLogBlocks(section, context)),
};
