import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startDemoThread, type RunningDemo } from '../../core/backend/demo-thread.ts';
import { contextFrom, writeKubeconfig } from '../support/kubeconfig-contexts.ts';
import { hostStartTimeoutMs, withHost } from './fixtures.ts';

test.setTimeout(hostStartTimeoutMs + 90_000);

// Two demo clusters of different sizes (3 and 5 nodes), each its own Kubernetes API server,
// as two contexts of one kubeconfig: the UI switches between them and shows each one's nodes.
const dir = mkdtempSync(path.join(tmpdir(), 'foresight-e2e-contexts-'));
const kubeconfig = path.join(dir, 'kubeconfig.yaml');
const demos: RunningDemo[] = [];

test.beforeAll(async () => {
  demos.push(await startDemoThread({ seed: 1, nodes: 3, podsPerNode: 2 }, path.join(dir, 'a.yaml')));
  demos.push(await startDemoThread({ seed: 2, nodes: 5, podsPerNode: 2 }, path.join(dir, 'b.yaml')));
  writeKubeconfig(
    kubeconfig,
    [contextFrom(path.join(dir, 'a.yaml'), 'alpha'), contextFrom(path.join(dir, 'b.yaml'), 'beta')],
    'alpha',
  );
});

test.afterAll(async () => {
  for (const demo of demos) await demo.stop();
});

test('switching contexts in the UI shows each cluster’s nodes, without a restart', async ({ page }) => {
  await withHost(['--kubeconfig', kubeconfig, '--interval-ms', '1000'], async ({ url }) => {
    await page.goto(`${url}#/nodes`);
    const picker = page.getByTestId('context-picker');
    const table = page.getByTestId('nodes-table');
    await expect(picker).toHaveValue('kubeconfig:alpha');
    await expect(table).toHaveAttribute('aria-rowcount', '4', { timeout: 30_000 });
    await expect(page.getByTestId('connection-context')).toHaveText('alpha');

    await picker.selectOption('kubeconfig:beta');
    await expect(table).toHaveAttribute('aria-rowcount', '6', { timeout: 30_000 });
    await expect(page.getByTestId('connection-context')).toHaveText('beta');
    await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
    await page.screenshot({ path: path.join('test-results', 'contexts.png') });

    await picker.selectOption('kubeconfig:alpha');
    await expect(table).toHaveAttribute('aria-rowcount', '4', { timeout: 30_000 });
  });
});
