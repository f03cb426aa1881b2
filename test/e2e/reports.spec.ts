import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { strFromU8, unzipSync } from 'fflate';
import { parseCsv } from '../../core/reports/test-support.ts';
import { expect, repoRoot, test } from './fixtures.ts';

// Export each format from the Reports page of the browser host (demo cluster), take the
// download as a user would, and check the file with independent tools: Chromium for the HTML,
// poppler (pdfinfo, pdftotext, pdftoppm) for the PDF, an RFC 4180 reader for the CSV, Ajv and
// the published JSON Schema for the JSON.

const screenshots = path.join(repoRoot, 'test-results', 'reports');
mkdirSync(screenshots, { recursive: true });

/** The demo's node names, as the Nodes table shows them. */
async function nodeNames(page: Page, url: string): Promise<string[]> {
  await page.goto(`${url}#/nodes`);
  const rows = page.getByTestId('nodes-table').getByTestId('node-row');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-node') ?? ''));
}

/** Waits until history holds a few samples per node, so the charts have lines to draw. */
async function waitForHistory(page: Page, url: string, nodes: number): Promise<void> {
  await page.goto(`${url}#/overview`);
  const history = page.getByTestId('overview-history');
  await expect
    .poll(
      async () =>
        Number(/([\d,]+) samples/.exec((await history.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 0),
      {
        message: 'the demo should record a few samples per node',
        timeout: 30_000,
      },
    )
    .toBeGreaterThanOrEqual(nodes * 3);
}

/** Records whether the progress bar was ever on screen: a build can be quicker than a poll. */
async function watchProgressBar(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    const flag = window as unknown as { progressSeen?: boolean };
    flag.progressSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="report-progress"] [role="progressbar"]'))
        flag.progressSeen = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { progressSeen?: boolean }).progressSeen === true);
}

async function exportReport(page: Page, url: string, format: string, file: string): Promise<string> {
  await page.goto(`${url}#/reports`);
  await expect(page.getByTestId('report-section-cluster-summary')).toBeChecked();
  await page.getByTestId('report-period-1h').check();
  await page.getByTestId(`report-format-${format}`).check();
  const progressSeen = await watchProgressBar(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('report-export').click();
  const saved = path.join(test.info().outputPath(), file);
  const downloaded = await download;
  await downloaded.saveAs(saved);
  expect(downloaded.suggestedFilename()).toMatch(/^foresight-report-foresight-demo-\d{8}-\d{4}/);
  await expect(page.getByTestId('report-status')).toContainText(
    `Downloaded ${downloaded.suggestedFilename()}`,
  );
  expect(await progressSeen()).toBe(true);
  return saved;
}

test.describe('Reports page', () => {
  test('lists every section, each available or saying why not; the available ones are on', async ({
    page,
    foresight,
  }) => {
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${foresight.url}#/reports`);
    // These have data from the start; node risk, the timeline and scaling once the demo's first
    // predictions and workload usage are in (until then they say so).
    for (const id of ['cluster-summary', 'placement', 'evaluation', 'audit-log']) {
      await expect(page.getByTestId(`report-section-${id}`)).toBeEnabled();
      await expect(page.getByTestId(`report-section-${id}`)).toBeChecked();
    }
    for (const id of ['node-risk', 'timeline', 'scaling']) {
      const box = page.getByTestId(`report-section-${id}`);
      if (await box.isEnabled()) await expect(box).toBeChecked();
      else await expect(page.locator('li', { has: box })).toContainText('Not available: no ');
    }
    // The page asks again while a section waits for its data: node risk comes with the first
    // predictions, without leaving the page.
    await expect(page.getByTestId('report-section-node-risk')).toBeEnabled({ timeout: 40_000 });
    const checked = await page
      .locator('input[data-testid^="report-section-"]:checked')
      .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-testid') ?? ''));
    for (const id of checked) await page.getByTestId(id).uncheck();
    await expect(page.getByTestId('report-export')).toBeDisabled();
    await page.getByTestId('report-section-cluster-summary').check();
    await expect(page.getByTestId('report-export')).toBeEnabled();
    await page.screenshot({ path: path.join(screenshots, 'reports-page.png') });
    expect(errors).toEqual([]);
  });

  test('HTML: opens in Chromium offline and shows its charts and the nodes', async ({
    page,
    context,
    foresight,
  }) => {
    const names = await nodeNames(page, foresight.url);
    await waitForHistory(page, foresight.url, names.length);
    const file = await exportReport(page, foresight.url, 'html', 'report.html');

    const report = await context.newPage();
    const requests: string[] = [];
    report.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await report.goto(pathToFileURL(file).href);
    await expect(report.locator('h1')).toHaveText('Cluster report: foresight-demo');
    // Utilisation now, cluster CPU, cluster memory, then one small chart per node.
    const charts = report.locator('section#cluster-summary svg.chart');
    await expect(charts).toHaveCount(3 + names.length);
    for (const chart of await charts.all()) await expect(chart).toBeVisible();
    // The cluster CPU chart draws a line, not just its axes.
    await expect(report.locator('svg.chart[aria-label="Cluster CPU in use"] polyline').first()).toBeVisible();
    const table = report.locator('table[data-table="nodes"]');
    for (const name of names) await expect(table).toContainText(name);
    await report.screenshot({ path: path.join(screenshots, 'report-html.png'), fullPage: true });
    // The model's evaluation: ROC and precision-recall curves, drawn.
    for (const label of ['ROC: true vs false positive rate', 'Precision (y) vs recall (x)'])
      await expect(
        report.locator(`section#evaluation svg.chart[aria-label="${label}"] polyline`).first(),
      ).toBeVisible();
    // Every node's risk, once the demo has predicted (it has: history holds several rounds).
    const risk = report.locator('table[data-table="node-risk"]');
    for (const name of names) await expect(risk).toContainText(name);
    // The audit log. The demo host is shared with the actions tests, which may have cordoned a
    // node on it first: either no action and the report says so, or one row per action counted.
    const audit = report.locator('section#audit-log');
    const rows = await audit.locator('table[data-table="audit-log"] tbody tr').count();
    if (rows === 0) await expect(audit).toContainText('No action was taken from Foresight');
    else
      await expect(
        audit
          .locator('.fact')
          .filter({ has: report.locator('.fact-label', { hasText: /^Actions$/ }) })
          .locator('.fact-value'),
      ).toHaveText(String(rows));
    expect(requests).toEqual([]);
  });

  test('PDF: pages, a title page, and text that names the cluster and its nodes', async ({
    page,
    foresight,
  }) => {
    const names = await nodeNames(page, foresight.url);
    const file = await exportReport(page, foresight.url, 'pdf', 'report.pdf');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(info).toMatch(/^Title:\s+Cluster report: foresight-demo/m);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const [titlePage] = text.split('\f');
    expect(titlePage).toContain('Foresight cluster report');
    expect(titlePage).toMatch(/Context\s+foresight-demo/);
    expect(titlePage).toMatch(/Period\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC to/);
    expect(titlePage).toMatch(/Generated at\s+\d{4}-\d\d-\d\d/);
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '3', file, path.join(screenshots, 'report-pdf')]);
  });

  test('CSV: a zip of tables, each parsing with a header row', async ({ page, foresight }) => {
    const names = await nodeNames(page, foresight.url);
    const file = await exportReport(page, foresight.url, 'csv', 'report.zip');
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    const always = [
      'audit-log.csv',
      'changes.csv',
      'cluster-usage.csv',
      'node-usage.csv',
      'nodes.csv',
      'report.csv',
      ...['confusion', 'curves', 'metrics', 'per-kind'].map((t) => `evaluation-${t}.csv`),
      'feature-importance.csv',
      'placement.csv',
      'placement-ranking.csv',
    ];
    // Node risk, the timeline and scaling come once the demo's first predictions and workload usage are in.
    const later = [
      'node-risk.csv',
      'incidents.csv',
      'risk-changes.csv',
      'risk-predictions.csv',
      ...['cost', 'recommendations', 'replicas', 'requests', 'unadvised'].map((t) => `scaling-${t}.csv`),
    ];
    const exported = Object.keys(files).sort();
    expect(exported).toEqual(expect.arrayContaining(always));
    expect([...always, ...later]).toEqual(expect.arrayContaining(exported));
    for (const [name, bytes] of Object.entries(files)) {
      const rows = parseCsv(strFromU8(bytes));
      expect(rows.length, `${name} has a header row`).toBeGreaterThanOrEqual(1);
      const header = rows[0] ?? [];
      expect(
        header.every((cell) => /^[a-z][a-z0-9_]*$/.test(cell)),
        `${name} header: ${header.join(',')}`,
      ).toBe(true);
      for (const row of rows)
        expect(row, `${name}: every row as wide as its header`).toHaveLength(header.length);
    }
    const nodes = parseCsv(strFromU8(files['nodes.csv'] as Uint8Array));
    expect(
      nodes
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual([...names].sort());
    const usage = parseCsv(strFromU8(files['cluster-usage.csv'] as Uint8Array));
    expect(usage.length).toBeGreaterThan(2);
  });

  test('JSON: validates against the published schema and holds the nodes', async ({ page, foresight }) => {
    const names = await nodeNames(page, foresight.url);
    await waitForHistory(page, foresight.url, names.length);
    const file = await exportReport(page, foresight.url, 'json', 'report.json');
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const schema = JSON.parse(
      readFileSync(path.join(repoRoot, 'core/reports/report-data.schema.json'), 'utf8'),
    );
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.schemaVersion).toBe(1);
    expect(report.cluster).toMatchObject({ context: 'foresight-demo', demo: true });
    const summary = report.sections['cluster-summary'];
    expect(summary.nodes.map((n: { name: string }) => n.name).sort()).toEqual([...names].sort());
    // The audit log holds whatever the shared demo host has audited (the actions tests cordon
    // and uncordon a node on it when they run first), each action with who and how it ended.
    const audit = report.sections['audit-log'];
    expect(audit.truncated).toBe(false);
    for (const entry of audit.entries)
      expect(entry).toMatchObject({ action: expect.any(String), origin: 'user', status: 'succeeded' });
    const risks = report.sections['node-risk'].nodes.map((n: { node: string }) => n.node);
    expect(risks.sort()).toEqual([...names].sort());
    expect(report.sections.evaluation.runs.length).toBeGreaterThan(0);
    // Placement advice for every pod the demo has pending (there may be none).
    const placement = report.sections.placement;
    expect(placement.pods.length + placement.leftOut).toBe(placement.pending);
    // The timeline holds the period's predictions for every node the demo has predicted.
    const predicted = report.sections.timeline.nodes.map((n: { node: string }) => n.node);
    expect(predicted.sort()).toEqual([...names].sort());
    // Every workload the demo runs is advised, or listed with why not (minutes of usage are not
    // yet the half hour advice needs).
    const scaling = report.sections.scaling;
    expect(scaling.workloads.length + scaling.unadvised.length).toBeGreaterThan(0);
    for (const workload of scaling.unadvised) expect(workload.reason).toMatch(/\w/);
  });
});
