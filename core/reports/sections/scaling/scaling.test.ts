import { afterEach, describe, expect, it } from 'vitest';
import { collectReportData } from '../../collect.ts';
import { tableCsv } from '../../csv.ts';
import { resolvePeriod } from '../../period.ts';
import { parseCsv, storyNow, storySource, type StorySource } from '../../test-support.ts';
import { reportCatalog } from '../registry.ts';
import { storyScalingReads, storyWorkloads } from './fixtures.ts';
import { costChart, scalingTables } from './render.ts';

let story: StorySource | undefined;
afterEach(() => story?.close());

const range = resolvePeriod({ period: '24h' }, storyNow);

function scalingReport(scaling = storyScalingReads()) {
  story = storySource({ reads: { scaling } });
  const data = collectReportData(story.source, { sections: ['scaling'], range, generatedAt: storyNow });
  const section = data.sections.scaling;
  if (!section) throw new Error(`no scaling section: ${JSON.stringify(data.omitted)}`);
  return { data, section };
}

function csvOf(name: string, section: ReturnType<typeof scalingReport>['section']) {
  const found = scalingTables(section).find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return parseCsv(tableCsv(found));
}

describe('the scaling section', () => {
  it('lists advised workloads by saving, with totals, and the rest with the reason', () => {
    const { section } = scalingReport();
    expect(section.workloads.map((w) => [w.name, w.cost.monthlySavings])).toEqual([
      ['checkout', 120],
      ['web', 30],
      ['db', -5],
    ]);
    expect(section.totals).toEqual({ today: 450, recommended: 305, monthlySavings: 145 });
    expect(section.currency).toBe('USD');
    expect(section.unadvised).toEqual([
      {
        namespace: 'shop',
        kind: 'Deployment',
        name: 'new-thing',
        reason: 'Only 2 five-minute buckets of usage are recorded for shop/new-thing; advice needs 6.',
      },
    ]);
  });

  it('says which workloads the report left out beyond those it advised', () => {
    const reads = storyScalingReads();
    if (!reads?.ok) throw new Error('fixture');
    const extra = { namespace: 'ops', kind: 'Deployment' as const, name: 'extra' };
    const { section } = scalingReport({
      ok: true,
      value: { ...reads.value, workloads: [...storyWorkloads, extra] },
    });
    expect(section.unadvised.at(-1)).toMatchObject({
      name: 'extra',
      reason: expect.stringMatching(/^left out/),
    });
  });

  it('writes the tables as numbers with units in the headers, one row per workload', () => {
    const { section } = scalingReport();
    const replicas = csvOf('scaling-replicas', section);
    expect(replicas[0]?.slice(0, 7)).toEqual([
      'namespace',
      'kind',
      'name',
      'confidence',
      'replicas_current',
      'replicas_needed_now',
      'replicas_predictive',
    ]);
    expect(replicas.find((r) => r[2] === 'checkout')?.slice(-4)).toEqual(['checkout', '3', '12', '80']);
    const requests = csvOf('scaling-requests', section);
    expect(requests.find((r) => r[1] === 'web')?.slice(2, 8)).toEqual([
      '500',
      '250',
      String(512 * 1024 ** 2),
      String(384 * 1024 ** 2),
      '0',
      String(768 * 1024 ** 2),
    ]);
    const cost = csvOf('scaling-cost', section);
    expect(cost.slice(1).map((r) => [r[1], r[2], r[5]])).toEqual([
      ['checkout', 'USD', '120'],
      ['web', 'USD', '30'],
      ['db', 'USD', '-5'],
    ]);
    expect(csvOf('scaling-recommendations', section)).toHaveLength(4);
    expect(csvOf('scaling-unadvised', section)).toHaveLength(2);
  });

  it('shows requests as now → recommended, and a limit that is not set as such', () => {
    const { section } = scalingReport();
    const requests = scalingTables(section).find((t) => t.name === 'scaling-requests');
    const web = section.workloads.find((w) => w.name === 'web');
    const columns = requests?.columns ?? [];
    const cells = columns.map((c) => c.display(web as never));
    expect(cells.slice(1, 4)).toEqual(['500m → 250m (-50%)', '512Mi → 384Mi (-25%)', 'not set → 768Mi']);
  });

  it('charts cost today against as recommended, per workload', () => {
    const { section } = scalingReport();
    const drawing = costChart(section);
    const labels = drawing?.shapes.filter((s) => s.kind === 'text').map((s) => s.text) ?? [];
    expect(labels).toEqual(
      expect.arrayContaining(['shop/checkout', 'shop/web', 'data/db', 'Today', 'Recommended']),
    );
  });

  it('leaves out the schedule YAML and the raw series, which the Scaling page shows', () => {
    const { data } = scalingReport();
    const json = JSON.stringify(data);
    expect(json).not.toContain('not in reports');
    expect(json).not.toContain('"history"');
  });

  it.each([
    { scaling: undefined, reason: /^no scaling advice: it was not read$/ },
    { scaling: { ok: false as const, reason: 'History is unavailable.' }, reason: /History is unavailable/ },
    {
      scaling: { ok: true as const, value: { workloads: [] } },
      reason: /^no workload usage is recorded yet/,
    },
  ])('is unavailable, with a reason, without workloads ($reason)', ({ scaling, reason }) => {
    story = storySource({ reads: scaling ? { scaling } : {} });
    const info = reportCatalog(story.source).find((s) => s.id === 'scaling');
    expect(info?.available).toBe(false);
    expect(info?.reason).toMatch(reason);
  });
});
