import { afterEach, describe, expect, it } from 'vitest';
import { collectReportData } from './collect.ts';
import { reportDataSchema } from './model.ts';
import { resolvePeriod } from './period.ts';
import { maxPointsPerSeries } from './sections/cluster-summary/collect.ts';
import { storyNow, storySource, type StorySource } from './test-support.ts';

let story: StorySource | undefined;
afterEach(() => story?.close());

function summaryOf(overrides: Parameters<typeof storySource>[0] = {}, period: '1h' | '24h' = '24h') {
  story = storySource(overrides);
  const data = collectReportData(story.source, {
    sections: ['cluster-summary', 'node-risk'],
    range: resolvePeriod({ period }, storyNow),
    generatedAt: storyNow,
  });
  const summary = data.sections['cluster-summary'];
  if (!summary) throw new Error('no cluster summary');
  return { data, summary };
}

describe('collectReportData', () => {
  it('returns a model that matches the published schema, unavailable sections listed as such', () => {
    const { data } = summaryOf();
    expect(reportDataSchema.safeParse(data).success).toBe(true);
    expect(data).toMatchObject({
      schemaVersion: 1,
      title: 'Cluster report: prod-eu-admin',
      cluster: { name: 'prod-eu', context: 'prod-eu-admin' },
      omitted: [{ id: 'node-risk', reason: 'no risk predictions: it was not read' }],
    });
  });

  it('derives each node’s health from the live snapshot, and marks nodes only history knows as gone', () => {
    const { summary } = summaryOf();
    expect(Object.fromEntries(summary.nodes.map((n) => [n.name, n.health]))).toEqual({
      'node-01': 'healthy',
      'node-02': 'healthy',
      'node-03': 'not-ready',
      'node-04': 'cordoned',
      'node-05': 'healthy',
      'node-06': 'healthy',
      'node-gone': 'gone',
      'node-new': 'healthy',
    });
    expect(summary.totals).toMatchObject({
      nodes: 7,
      ready: 6,
      notReady: 1,
      cordoned: 1,
      cpuAllocatableMillis: 28_000,
    });
    const gone = summary.nodes.find((n) => n.name === 'node-gone');
    expect(gone).toMatchObject({ cpuAllocatableMillis: null, ready: null });
    expect(gone?.period?.samples).toBeGreaterThan(100);
  });

  it('tells what changed: arrivals, departures, lost metrics, drains, NotReady and cordons', () => {
    const { summary } = summaryOf();
    expect(summary.changes.map((c) => `${c.kind} ${c.node}`)).toEqual([
      'disappeared node-gone',
      'appeared node-new',
      'emptied node-04',
      'metrics-lost node-03',
      'not-ready node-03',
      'cordoned node-04',
    ]);
    expect(summary.changesOmitted).toBe(0);
  });

  it('keeps series short enough to chart and export, and says what history covers', () => {
    const { summary } = summaryOf();
    expect(summary.clusterSeries.length).toBeGreaterThan(100);
    expect(summary.clusterSeries.length).toBeLessThanOrEqual(maxPointsPerSeries + 1);
    expect(summary.nodeSeries.map((s) => s.node)).toContain('node-new');
    expect(summary.history.note).toMatch(/History covers the last 6 h of the period/);
    // Cluster CPU is the sum over the nodes that reported in each bucket.
    const first = summary.clusterSeries[0];
    expect(first?.measuredNodes).toBe(first?.nodes);
  });

  it.each([
    {
      name: 'without history',
      overrides: { history: undefined, historyProblem: 'The history database is locked by another process.' },
      note: /locked by another process/,
      healths: ['healthy', 'not-ready', 'cordoned'],
    },
    {
      name: 'without a snapshot',
      overrides: { snapshot: null },
      note: /History covers/,
      healths: ['unknown'],
    },
  ])('still reports $name, saying what is missing', ({ overrides, note, healths }) => {
    const { data, summary } = summaryOf(overrides);
    expect(reportDataSchema.safeParse(data).success).toBe(true);
    expect(summary.history.note).toMatch(note);
    expect([...new Set(summary.nodes.map((n) => n.health))].sort()).toEqual([...healths].sort());
  });
});
