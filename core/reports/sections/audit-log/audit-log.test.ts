import { afterEach, describe, expect, it } from 'vitest';
import { collectReportData } from '../../collect.ts';
import { tableCsv } from '../../csv.ts';
import { resolvePeriod } from '../../period.ts';
import { reportCatalog } from '../registry.ts';
import { parseCsv, storyNow, storySource, type StorySource } from '../../test-support.ts';
import { describeDryRun } from './collect.ts';
import { storyAuditRecords } from './fixtures.ts';
import { auditLogTables } from './render.ts';

let story: StorySource | undefined;
afterEach(() => story?.close());

const range = resolvePeriod({ period: '24h' }, storyNow);

function auditReport(records = storyAuditRecords(), limit = 1000) {
  story = storySource({ reads: { audit: { ok: true, value: { records, limit } } } });
  const data = collectReportData(story.source, { sections: ['audit-log'], range, generatedAt: storyNow });
  const section = data.sections['audit-log'];
  if (!section) throw new Error(`no audit log: ${JSON.stringify(data.omitted)}`);
  return { data, section };
}

describe('the audit-log section', () => {
  it('holds the actions started in the period, newest first, with who, dry run and outcome', () => {
    const { section } = auditReport();
    expect(section.entries.map((e) => [e.id, e.status, e.origin])).toEqual([
      [5, 'succeeded', 'user'],
      [4, 'failed', 'user'],
      [3, 'held', 'autopilot'],
      [2, 'succeeded', 'user'],
    ]);
    expect(section.byStatus).toEqual([
      { status: 'succeeded', count: 2 },
      { status: 'failed', count: 1 },
      { status: 'held', count: 1 },
    ]);
    expect(section.entries.find((e) => e.id === 2)).toMatchObject({
      dryRun: 'spec.unschedulable false → true; 9 pods to evict, 1 kept',
      steps: 2,
      finishedAt: storyNow - 3 * 3_600_000 + 9000,
    });
    expect(section.truncated).toBe(false);
  });

  it.each([
    { dryRun: undefined, words: null },
    { dryRun: { changes: [] }, words: 'no change needed' },
    { dryRun: { problems: ['RBAC refuses it'] }, words: 'refused: RBAC refuses it' },
    { dryRun: { evict: ['a'], blocking: ['b', 'c'] }, words: '1 pod to evict, 2 blocked by a budget' },
    { dryRun: 'not an object', words: null },
  ])('describes the dry run $dryRun as $words', ({ dryRun, words }) => {
    expect(describeDryRun(dryRun)).toBe(words);
  });

  it('says when the read limit may have cut off older actions of the period', () => {
    const records = storyAuditRecords().slice(0, 3);
    expect(auditReport(records, 3).section.truncated).toBe(true);
    expect(auditReport(records, 4).section.truncated).toBe(false);
  });

  it('writes one CSV row per action with every column, and never the address or parameters', () => {
    const { data, section } = auditReport();
    const [csvTable] = auditLogTables(section, { range, generatedAt: storyNow });
    if (!csvTable) throw new Error('no table');
    const rows = parseCsv(tableCsv(csvTable));
    expect(rows[0]).toEqual([
      'id',
      'started_utc',
      'finished_utc',
      'user',
      'origin',
      'action',
      'target',
      'summary',
      'dry_run',
      'status',
      'outcome',
      'steps',
      'undo_of',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['5', '4', '3', '2']);
    expect(rows[1]?.[12]).toBe('2');
    const everything = JSON.stringify(data) + tableCsv(csvTable);
    expect(everything).not.toContain('hunter2');
    expect(everything).not.toContain('params-are-not-reported');
  });

  it.each([
    { reads: {}, reason: 'the audit log cannot be read: it was not read' },
    {
      reads: { audit: { ok: false as const, reason: 'The history database is locked.' } },
      reason: 'the audit log cannot be read: The history database is locked.',
    },
  ])('is unavailable, with a reason, when the log cannot be read ($reason)', ({ reads, reason }) => {
    story = storySource({ reads });
    const info = reportCatalog(story.source).find((s) => s.id === 'audit-log');
    expect(info).toMatchObject({ available: false, reason });
  });
});
