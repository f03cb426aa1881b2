import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectReportData } from './collect.ts';
import type { ReportData } from './model.ts';
import { resolvePeriod } from './period.ts';
import { renderReport } from './render.ts';
import { storyAuditRecords } from './sections/audit-log/fixtures.ts';
import { storyModelReads } from './sections/evaluation/fixtures.ts';
import { storyRiskReads } from './sections/node-risk/fixtures.ts';
import { storyScalingReads } from './sections/scaling/fixtures.ts';
import { storyTimelineReads } from './sections/timeline/fixtures.ts';
import { parseCsv, storyNow, storySource, type StorySource } from './test-support.ts';

let story: StorySource;
let data: ReportData;

beforeAll(() => {
  story = storySource({
    cluster: { name: 'prod-eu', context: 'ops<b>"quoted"</b>', server: 'https://10.0.0.1:6443', demo: false },
    reads: {
      audit: { ok: true, value: { records: storyAuditRecords(), limit: 1000 } },
      scaling: storyScalingReads(),
      risk: storyRiskReads(),
      timeline: storyTimelineReads(),
      model: storyModelReads(),
    },
  });
  data = collectReportData(story.source, {
    sections: ['cluster-summary', 'node-risk', 'timeline', 'placement', 'scaling', 'evaluation', 'audit-log'],
    range: resolvePeriod({ period: '24h' }, storyNow),
    generatedAt: storyNow,
  });
});
afterAll(() => story.close());

const nodeNames = ['node-01', 'node-03', 'node-04', 'node-new', 'node-gone'];
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('renderReport', () => {
  it('HTML: one self-contained page with inline SVG charts, no scripts, nothing fetched', async () => {
    const file = await renderReport(data, 'html');
    expect(file).toMatchObject({ mimeType: 'text/html', fileName: expect.stringMatching(/\.html$/) });
    const html = text(file.bytes);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html.match(/<svg class="chart"/g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/i);
    for (const name of nodeNames) expect(html).toContain(name);
    // The context is the user's text: escaped everywhere it appears.
    expect(html).toContain('ops&lt;b&gt;&quot;quoted&quot;&lt;/b&gt;');
    expect(html).not.toContain('<b>"quoted"');
    expect(html).toContain('Placement advice (no placement advice: it was not read)');
    expect(html).toContain('<section class="report-section" id="audit-log"');
    expect(html).toContain('Drain node node-04');
    expect(html).toContain('<table class="data" data-table="scaling-cost">');
    expect(html).toContain('aria-label="Cost a month, today and as recommended"');
    expect(html).toContain('aria-label="ROC: true vs false positive rate"');
    expect(html).toContain('aria-label="Probability of an incident, per node"');
    expect(html).toContain('3 OOM kills in 10 min; Restarts rising');
    expect(html).toContain('<table class="data" data-table="incidents">');
    expect(html).toContain('warned 40 min before');
    expect(html).not.toContain('hunter2');
  });

  it('PDF: a title page and numbered content pages, text in Helvetica', async () => {
    const file = await renderReport(data, 'pdf');
    expect(file.mimeType).toBe('application/pdf');
    const raw = Buffer.from(file.bytes).toString('latin1');
    expect(raw.startsWith('%PDF-1.')).toBe(true);
    expect(raw.match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(3);
    expect(raw).toContain('/BaseFont /Helvetica');
  });

  it.skipIf(!hasPoppler)(
    'PDF: its text holds the cluster, the context, the node names and page numbers',
    async () => {
      const file = await renderReport(data, 'pdf');
      const dir = mkdtempSync(join(tmpdir(), 'foresight-pdf-'));
      writeFileSync(join(dir, 'r.pdf'), file.bytes);
      const pdfText = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      expect(pdfText).toContain('prod-eu');
      expect(pdfText).toContain('ops<b>"quoted"</b>');
      for (const name of nodeNames) expect(pdfText).toContain(name);
      expect(pdfText).toContain('Drain node node-04');
      expect(pdfText).toContain('shop/checkout');
      // Outside Helvetica's WinAnsi, '→' would print as a wrong glyph: the PDF writes '->'.
      expect(pdfText).toContain('500m -> 250m');
      expect(pdfText).toContain('ROC: true vs false positive rate');
      expect(pdfText).toContain('3 OOM kills in 10 min');
      expect(pdfText).toContain('warned 40 min');
      const pages = Number(
        /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'r.pdf')], { encoding: 'utf8' }))?.[1],
      );
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pdfText).toContain(`Page 1 of ${pages}`);
      expect(pdfText).toContain(`Page ${pages} of ${pages}`);
    },
  );

  it('CSV: one file per table, zipped, each with a header row and one row per record', async () => {
    const file = await renderReport(data, 'csv');
    expect(file).toMatchObject({
      mimeType: 'application/zip',
      fileName: expect.stringMatching(/-csv\.zip$/),
    });
    const files = unzipSync(file.bytes);
    expect(Object.keys(files).sort()).toEqual([
      'audit-log.csv',
      'changes.csv',
      'cluster-usage.csv',
      'evaluation-confusion.csv',
      'evaluation-curves.csv',
      'evaluation-metrics.csv',
      'evaluation-per-kind.csv',
      'feature-importance.csv',
      'incidents.csv',
      'node-risk.csv',
      'node-usage.csv',
      'nodes.csv',
      'report.csv',
      'risk-changes.csv',
      'risk-predictions.csv',
      'scaling-cost.csv',
      'scaling-recommendations.csv',
      'scaling-replicas.csv',
      'scaling-requests.csv',
      'scaling-unadvised.csv',
    ]);
    const nodes = parseCsv(strFromU8(files['nodes.csv'] as Uint8Array));
    expect(nodes[0]?.slice(0, 6)).toEqual([
      'node',
      'roles',
      'health',
      'ready',
      'cordoned',
      'cpu_allocatable_millicores',
    ]);
    expect(nodes.slice(1).map((row) => row[0])).toEqual(
      data.sections['cluster-summary']?.nodes.map((n) => n.name),
    );
    for (const row of nodes) expect(row).toHaveLength(nodes[0]?.length ?? 0);
    const node01 = nodes.find((row) => row[0] === 'node-01');
    expect(node01?.[5]).toBe('4000');
    const info = parseCsv(strFromU8(files['report.csv'] as Uint8Array));
    expect(info).toContainEqual(['context', 'ops<b>"quoted"</b>']);
    expect(info).toContainEqual(['not_included:placement', 'no placement advice: it was not read']);
    const audit = parseCsv(strFromU8(files['audit-log.csv'] as Uint8Array));
    expect(audit.slice(1).map((row) => row[0])).toEqual(['5', '4', '3', '2']);
  });

  it('JSON: the model itself, valid against the published schema', async () => {
    const file = await renderReport(data, 'json');
    const parsed: unknown = JSON.parse(text(file.bytes));
    const schema = JSON.parse(readFileSync(new URL('./report-data.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(data)));
    expect(validate({ ...(parsed as object), schemaVersion: 2 })).toBe(false);
  });
});
