import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, repoRoot, test } from './fixtures.ts';

/** One line per visible node: "name|cpu cell|memory cell", as the user reads them. */
function readUsage(rows: Locator): Promise<string[]> {
  return rows.evaluateAll((elements) =>
    elements.map((element) => {
      const cell = (id: string) => element.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
      return `${element.getAttribute('data-node')}|${cell('cell-cpu')}|${cell('cell-memory')}`;
    }),
  );
}

/** Console errors include CSP violations and React errors: a clean run has none. */
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('the Nodes table shows the demo cluster, live', async ({ page, foresight }) => {
  const errors = collectConsoleErrors(page);
  await page.goto(foresight.url);
  await page.getByTestId('nav-nodes').click();

  const table = page.getByTestId('nodes-table');
  await expect(table).toBeVisible();
  const rows = table.getByTestId('node-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(1);

  // Usage with units, e.g. "850m / 4 21%" and "3.2Gi / 15.6Gi 20%".
  await expect(rows.first().getByTestId('cell-cpu')).toHaveText(/^\d+(\.\d+)?m? \/ \d+(\.\d+)?m?\s+\d+%$/);
  await expect(rows.first().getByTestId('cell-memory')).toHaveText(
    /^\d+(\.\d+)?(Ki|Mi|Gi|Ti) \/ \d+(\.\d+)?(Ki|Mi|Gi|Ti)\s+\d+%$/,
  );

  const before = await readUsage(rows);
  await expect
    .poll(async () => (await readUsage(rows)).some((line, index) => line !== before[index]), {
      message: 'some node’s CPU or memory should change as the demo cluster runs',
      timeout: 45_000,
    })
    .toBe(true);

  const indicator = page.getByTestId('connection-indicator');
  await expect(indicator).toHaveAttribute('data-state', 'connected');
  await expect(indicator).toContainText('Connected');
  const context = (await indicator.getByTestId('connection-context').textContent())?.trim() ?? '';
  expect(context).not.toBe('');
  expect(context).not.toBe('no context');
  await expect(page.getByTestId('history-banner')).toHaveCount(0);
  await expect(page.getByTestId('link-banner')).toHaveCount(0);

  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'nodes.png') });

  // Settings names the same context the header shows.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-context')).toHaveText(context);

  expect(errors).toEqual([]);
});

test('the Nodes table sorts by column and filters by name', async ({ page, foresight }) => {
  await page.goto(`${foresight.url}#/nodes`);
  const rows = page.getByTestId('nodes-table').getByTestId('node-row');
  await expect(rows.first()).toBeVisible();
  const names = () => rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-node') ?? ''));

  // Default: by name, ascending, in natural order.
  const all = await names();
  const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  expect(all).toEqual([...all].sort(natural.compare));

  await page.getByTestId('sort-name').click();
  await expect.poll(names).toEqual([...all].sort(natural.compare).reverse());

  // CPU: busiest first, by the percentage shown in the cell (polled: a snapshot may land meanwhile).
  await page.getByTestId('sort-cpu').click();
  const cpuPercents = () =>
    rows
      .getByTestId('cell-cpu')
      .evaluateAll((cells) =>
        cells.map((cell) => Number(/\s(\d+)%$/.exec(cell.textContent ?? '')?.[1] ?? -1)),
      );
  await expect
    .poll(async () => {
      const percents = await cpuPercents();
      return percents.every((value, index) => index === 0 || (percents[index - 1] ?? 0) >= value);
    })
    .toBe(true);

  const target = all.at(-1) ?? '';
  await page.getByTestId('nodes-filter').fill(target.toUpperCase());
  await expect.poll(names).toContain(target);
  for (const name of await names()) expect(name.toLowerCase()).toContain(target.toLowerCase());
  await page.getByTestId('nodes-filter').fill('no-such-node-anywhere');
  await expect(rows).toHaveCount(0);
});

test('every section is reachable from the nav', async ({ page, foresight }) => {
  await page.goto(foresight.url);
  for (const [section, text] of [
    ['overview', 'Overview'],
    ['placement', 'kube-scheduler'],
    ['scaling', 'right-sizing'],
    ['actions', 'dry-run'],
    ['reports', 'CSV'],
    ['settings', 'History'],
  ] as const) {
    await page.getByTestId(`nav-${section}`).click();
    await expect(page.locator('main')).toContainText(text);
  }
  await expect(page.getByTestId('overview-nodes')).toHaveCount(0);
  await page.getByTestId('nav-overview').click();
  await expect(page.getByTestId('overview-nodes')).toContainText('ready');
});
