import { afterEach, describe, expect, it } from 'vitest';
import { collectReportData } from '../../collect.ts';
import { tableCsv } from '../../csv.ts';
import { resolvePeriod } from '../../period.ts';
import { parseCsv, storyNow, storySource, type StorySource } from '../../test-support.ts';
import { storyRiskReads } from '../node-risk/fixtures.ts';
import { reportCatalog } from '../registry.ts';
import { eventfulNodes, nodeTimelineCharts } from './charts.ts';
import { maxPointsPerNode, thinPoints } from './collect.ts';
import { storyTimelineReads } from './fixtures.ts';
import { timelineTables } from './render.ts';

let story: StorySource | undefined;
afterEach(() => story?.close());

const range = resolvePeriod({ period: '24h' }, storyNow);
const context = { range, generatedAt: storyNow };

function timelineReport() {
  story = storySource({ reads: { risk: storyRiskReads(), timeline: storyTimelineReads() } });
  const data = collectReportData(story.source, { sections: ['timeline'], range, generatedAt: storyNow });
  const section = data.sections.timeline;
  if (!section) throw new Error(`no timeline: ${JSON.stringify(data.omitted)}`);
  return section;
}

describe('the timeline section', () => {
  it('lists the period’s incidents, each warned of or not, and leaves out what ended before it', () => {
    const section = timelineReport();
    expect(section.incidents.map((i) => [i.node, i.kind, i.warnedAt])).toEqual([
      ['node-03', 'node-down', null],
      ['node-02', 'resource-exhaustion', storyNow - 80 * 60_000],
    ]);
    expect(section.nodes.map((n) => n.node)).toEqual(['node-01', 'node-02', 'node-03']);
  });

  it('keeps the level changes, not the first healthy reading of each node', () => {
    const section = timelineReport();
    expect(section.changes.map((c) => [c.node, c.from, c.to])).toEqual([
      ['node-02', 'healthy', 'caution'],
      ['node-02', 'caution', 'at-risk'],
      ['node-02', 'at-risk', 'healthy'],
    ]);
  });

  it('writes incidents with their warning in minutes, and every prediction, to CSV', () => {
    const section = timelineReport();
    const [incidents, changes, points] = timelineTables(section, context).map((t) => parseCsv(tableCsv(t)));
    expect(incidents?.[0]).toEqual([
      'started_utc',
      'last_seen_utc',
      'node',
      'kind',
      'what',
      'warned_at_utc',
      'warning_minutes',
    ]);
    expect(incidents?.[2]?.slice(2)).toEqual([
      'node-02',
      'resource-exhaustion',
      'MemoryPressure=True; 2 OOM kills',
      new Date(storyNow - 80 * 60_000).toISOString(),
      '40',
    ]);
    expect(incidents?.[1]?.[6]).toBe('');
    expect(changes).toHaveLength(4);
    expect(points).toHaveLength(1 + 3 * 72);
  });

  it('charts the eventful nodes only, incidents first', () => {
    const section = timelineReport();
    expect(eventfulNodes(section)).toEqual(['node-02', 'node-03']);
    const drawings = nodeTimelineCharts(section, context);
    expect(drawings.map((d) => d.title)).toEqual(['node-02', 'node-03']);
    // node-02: its probability line and its incident bar.
    expect(drawings[0]?.shapes.filter((s) => s.kind === 'polyline')).toHaveLength(2);
  });

  it('thins long series but keeps every level change', () => {
    const points = Array.from({ length: 5000 }, (_, i) => ({
      at: i,
      probability: 0,
      level: i === 2345 ? ('caution' as const) : ('healthy' as const),
    }));
    const thinned = thinPoints(points);
    expect(thinned.length).toBeLessThanOrEqual(maxPointsPerNode + 1);
    expect(thinned.map((p) => p.at)).toEqual(expect.arrayContaining([0, 2345, 2346, 4999]));
  });

  it.each([
    { reads: {}, reason: 'no risk predictions: it was not read' },
    {
      reads: { risk: { ok: true as const, value: { at: null, risks: [] } } },
      reason: 'no risk predictions yet: the risk engine has not run on this cluster',
    },
    {
      reads: { risk: storyRiskReads(), timeline: { ok: false as const, reason: 'History is locked.' } },
      reason: 'no risk history: History is locked.',
    },
  ])('is unavailable, with a reason, without predictions ($reason)', ({ reads, reason }) => {
    story = storySource({ reads });
    expect(reportCatalog(story.source).find((s) => s.id === 'timeline')).toMatchObject({
      available: false,
      reason,
    });
  });
});
