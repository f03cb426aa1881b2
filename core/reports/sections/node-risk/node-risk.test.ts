import { afterEach, describe, expect, it } from 'vitest';
import { collectReportData } from '../../collect.ts';
import { tableCsv } from '../../csv.ts';
import { resolvePeriod } from '../../period.ts';
import { parseCsv, storyNow, storySource, type StorySource } from '../../test-support.ts';
import { reportCatalog } from '../registry.ts';
import { storyRiskReads } from './fixtures.ts';
import { nodeRiskTables, riskChart } from './render.ts';

let story: StorySource | undefined;
afterEach(() => story?.close());

function riskReport() {
  story = storySource({ reads: { risk: storyRiskReads() } });
  const data = collectReportData(story.source, {
    sections: ['node-risk'],
    range: resolvePeriod({ period: '24h' }, storyNow),
    generatedAt: storyNow,
  });
  const section = data.sections['node-risk'];
  if (!section) throw new Error(`no node risk: ${JSON.stringify(data.omitted)}`);
  return section;
}

describe('the node-risk section', () => {
  it('orders nodes most at risk first, and counts each level', () => {
    const section = riskReport();
    expect(section.nodes.map((n) => [n.node, n.level, n.figure])).toEqual([
      ['node-02', 'at-risk', '82%'],
      ['node-03', 'at-risk', 'flagged by the rules'],
      ['node-05', 'caution', '31%'],
      ['node-01', 'healthy', '3%'],
    ]);
    expect(section.counts).toEqual({ healthy: 1, caution: 1, atRisk: 2 });
    expect(section.predictedAt).toBe(storyNow - 20_000);
  });

  it('names who judged a healthy node the model does not score, as it has no alarm to name', () => {
    story = storySource({
      reads: {
        risk: {
          ok: true,
          value: {
            at: storyNow,
            risks: [
              {
                node: 'node-new',
                at: storyNow,
                level: 'healthy',
                probability: 0,
                reasons: [],
                source: 'detector',
              },
            ],
          },
        },
      },
    });
    const data = collectReportData(story.source, {
      sections: ['node-risk'],
      range: resolvePeriod({ period: '1h' }, storyNow),
      generatedAt: storyNow,
    });
    expect(data.sections['node-risk']?.nodes[0]?.figure).toBe('no alarm (streaming detector)');
  });

  it('shows level, probability, kind, lead time and reasons, and writes them raw to CSV', () => {
    const section = riskReport();
    const [riskTable] = nodeRiskTables(section);
    if (!riskTable?.columns) throw new Error('no table');
    const first = riskTable.columns.map((c) => c.display(section.nodes[0] as never));
    expect(first).toEqual([
      'node-02',
      'At risk',
      '82%',
      'Pod failures',
      '12 min',
      '3 OOM kills in 10 min; Restarts rising',
    ]);
    const rows = parseCsv(tableCsv(riskTable));
    expect(rows[0]).toEqual([
      'node',
      'level',
      'probability',
      'source',
      'kind',
      'lead_time_minutes',
      'reasons',
      'predicted_at_utc',
    ]);
    expect(rows[2]).toEqual([
      'node-03',
      'at-risk',
      '0.05',
      'rules',
      'node-down',
      '',
      'NotReady for 4 min',
      new Date(storyNow - 20_000).toISOString(),
    ]);
  });

  it('charts the model’s probabilities only: a rules alarm has none to draw', () => {
    const labels =
      riskChart(riskReport())
        ?.shapes.filter((s) => s.kind === 'text')
        .map((s) => s.text) ?? [];
    expect(labels).toEqual(expect.arrayContaining(['node-02', 'node-05', 'node-01']));
    expect(labels).not.toContain('node-03');
  });

  it.each([
    { risk: undefined, reason: 'no risk predictions: it was not read' },
    {
      risk: { ok: true as const, value: { at: null, risks: [] } },
      reason: 'no risk predictions yet: the risk engine has not run on this cluster',
    },
    {
      risk: { ok: false as const, reason: 'The worker is restarting.' },
      reason: 'no risk predictions: The worker is restarting.',
    },
  ])('is unavailable, with a reason, before predictions ($reason)', ({ risk, reason }) => {
    story = storySource({ reads: risk ? { risk } : {} });
    expect(reportCatalog(story.source).find((s) => s.id === 'node-risk')).toMatchObject({
      available: false,
      reason,
    });
  });
});
