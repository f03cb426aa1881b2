import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { closedPort } from '../support/ports.ts';
import { hostStartTimeoutMs, withHost } from './fixtures.ts';

test.setTimeout(hostStartTimeoutMs + 60_000);

test('5,000 nodes: the table renders only what is visible and scrolls to the last node', async ({ page }) => {
  await withHost(['--demo', '--nodes', '5000', '--interval-ms', '5000'], async ({ url }) => {
    await page.goto(`${url}#/nodes`);
    const table = page.getByTestId('nodes-table');
    await expect(table).toHaveAttribute('aria-rowcount', '5001', { timeout: 60_000 });
    const rows = table.getByTestId('node-row');
    const rendered = await rows.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(120);

    // Sorted by name, the last row is the last worker; scroll to it.
    await table.locator('.table-scroll').evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await expect(rows.last()).toHaveAttribute('data-node', 'node-4999');
    expect(await rows.count()).toBeLessThan(120);
  });
});

test('an unreachable cluster shows as disconnected, with the server and what to check', async ({ page }) => {
  const server = `https://127.0.0.1:${await closedPort()}`;
  const kubeconfig = (dir: string) => path.join(dir, 'unreachable.yaml');
  await withHost(
    (dir) => ['--kubeconfig', kubeconfig(dir)],
    async ({ url }) => {
      await page.goto(url);
      const indicator = page.getByTestId('connection-indicator');
      await expect(indicator).toHaveAttribute('data-state', 'disconnected', { timeout: 30_000 });
      await expect(indicator).toContainText('offsite-ctx');
      await expect(indicator).toContainText(`Cannot reach ${server}: connection refused`);
    },
    (dir) =>
      writeFileSync(
        kubeconfig(dir),
        `apiVersion: v1
kind: Config
clusters: [{name: offsite, cluster: {server: '${server}'}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: offsite-ctx, context: {cluster: offsite, user: u}}]
current-context: offsite-ctx
`,
      ),
  );
});

test('a history database locked by another process is shown, while live data keeps flowing', async ({
  page,
}) => {
  let holder: Database.Database | undefined;
  try {
    await withHost(
      ['--demo', '--interval-ms', '1000'],
      async ({ url }) => {
        await page.goto(`${url}#/nodes`);
        await expect(page.getByTestId('history-banner')).toContainText('locked by another process', {
          timeout: 30_000,
        });
        await expect(page.getByTestId('node-row').first()).toBeVisible();
        await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
      },
      (dir) => {
        mkdirSync(path.join(dir, 'history'), { recursive: true });
        holder = new Database(path.join(dir, 'history', 'demo.db'));
        holder.pragma('locking_mode = EXCLUSIVE');
        holder.exec('CREATE TABLE held (x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1);');
      },
    );
  } finally {
    holder?.close();
  }
});

test('a corrupt history database is moved aside and the user is told where', async ({ page }) => {
  await withHost(
    ['--demo', '--interval-ms', '1000'],
    async ({ url }) => {
      await page.goto(url);
      await expect(page.getByTestId('history-notice')).toContainText(/moved to .*demo\.db\.corrupt-/, {
        timeout: 30_000,
      });
    },
    (dir) => {
      mkdirSync(path.join(dir, 'history'), { recursive: true });
      writeFileSync(path.join(dir, 'history', 'demo.db'), 'not a database '.repeat(1000));
    },
  );
});
