import { afterEach, describe, expect, it } from 'vitest';
import defaultModelJson from '../../../../models/risk/default/risk-model.json' with { type: 'json' };
import { parseModelBundle } from '../../../../models/risk/model-bundle.ts';
import { FEATURE_NAMES } from '../../../risk/features.ts';
import { collectReportData } from '../../collect.ts';
import { tableCsv } from '../../csv.ts';
import { resolvePeriod } from '../../period.ts';
import { parseCsv, storyNow, storySource, type StorySource } from '../../test-support.ts';
import { reportCatalog } from '../registry.ts';
import { prChart, rocChart } from './charts.ts';
import { maxCurvePoints } from './collect.ts';
import { storyModelInfo, storyModelReads } from './fixtures.ts';
import { evaluationTables } from './render.ts';

let story: StorySource | undefined;
afterEach(() => story?.close());

function evaluationReport(model = storyModelReads()) {
  story = storySource({ reads: { model } });
  const data = collectReportData(story.source, {
    sections: ['evaluation'],
    range: resolvePeriod({ period: '24h' }, storyNow),
    generatedAt: storyNow,
  });
  const section = data.sections.evaluation;
  if (!section) throw new Error(`no evaluation: ${JSON.stringify(data.omitted)}`);
  return section;
}

const csvOf = (name: string, section: ReturnType<typeof evaluationReport>) => {
  const found = evaluationTables(section).find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return parseCsv(tableCsv(found));
};

describe('the evaluation section', () => {
  it('keeps the model beside the rules, curves thinned to a drawable size, importance largest first', () => {
    const section = evaluationReport();
    const [run] = section.runs;
    expect(run?.model.roc).toHaveLength(maxCurvePoints);
    expect(run?.model.roc[0]).toEqual({ x: 0, y: 0 });
    expect(run?.model.roc.at(-1)).toEqual({ x: 1, y: 1 });
    expect(run?.baseline.roc).toHaveLength(3);
    expect(section.importance.map((f) => f.feature)).toEqual(['disk_fill', 'memory_trend', 'restarts']);
    expect(section).toMatchObject({ origin: 'trained', threshold: 0.42, featureCount: 4 });
  });

  it('writes the side-by-side metrics, the confusion matrix and per-kind scores as tables', () => {
    const section = evaluationReport();
    const metrics = csvOf('evaluation-metrics', section);
    expect(metrics[0]).toEqual(['dataset', 'metric', 'model', 'rules']);
    expect(metrics.find((r) => r[1] === 'ROC-AUC')).toEqual([
      'held-out seeds 101-102',
      'ROC-AUC',
      '0.91',
      '0.6',
    ]);
    expect(metrics.find((r) => r[1] === 'Incidents warned')?.slice(2)).toEqual(['9', '9']);
    const confusion = csvOf('evaluation-confusion', section);
    expect(confusion[1]).toEqual(['held-out seeds 101-102', 'model', '0.5', '60', '40', '20', '880']);
    expect(csvOf('evaluation-per-kind', section)).toHaveLength(1 + 2 * 2);
    expect(csvOf('feature-importance', section)[1]).toEqual(['disk_fill', '0.11']);
    expect(csvOf('evaluation-curves', section)).toHaveLength(1 + maxCurvePoints * 2 + 3 * 2);
  });

  it('draws ROC and PR curves for the model, the rules and the reference line', () => {
    const [run] = evaluationReport().runs;
    if (!run) throw new Error('no run');
    for (const drawing of [rocChart(run), prChart(run)]) {
      expect(drawing.shapes.filter((s) => s.kind === 'polyline')).toHaveLength(3);
      const texts = drawing.shapes.filter((s) => s.kind === 'text').map((s) => s.text);
      expect(texts).toEqual(expect.arrayContaining(['0', '0.4', '1']));
    }
    const legend = rocChart(run).shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : []));
    expect(legend).toEqual(expect.arrayContaining(['Model (0.910)', 'Rules (0.600)', 'Chance']));
  });

  it('reports the model shipped with Foresight, whatever its figures', () => {
    const bundle = parseModelBundle(defaultModelJson, FEATURE_NAMES);
    const section = evaluationReport({
      ok: true,
      value: {
        ...storyModelInfo(),
        origin: 'default',
        trainedAt: null,
        evaluations: bundle.evaluations,
        importance: bundle.importance,
      },
    });
    expect(section.runs.length).toBe(bundle.evaluations.length);
    expect(section.runs.length).toBeGreaterThan(0);
    for (const run of section.runs) expect(run.model.pr.length).toBeLessThanOrEqual(maxCurvePoints);
  });

  it.each([
    { model: undefined, reason: 'no model evaluation: it was not read' },
    {
      model: { ok: true as const, value: { ...storyModelInfo(), origin: 'none' as const } },
      reason: 'no risk model is in use: risk is predicted by the rules alone',
    },
    {
      model: { ok: true as const, value: { ...storyModelInfo(), evaluations: [] } },
      reason: 'the risk model in use carries no evaluation',
    },
  ])('is unavailable, with a reason, without an evaluated model ($reason)', ({ model, reason }) => {
    story = storySource({ reads: model ? { model } : {} });
    expect(reportCatalog(story.source).find((s) => s.id === 'evaluation')).toMatchObject({
      available: false,
      reason,
    });
  });
});
