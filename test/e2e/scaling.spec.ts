import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { historyPath } from '../../core/history/history-path.ts';
import { HistoryStore } from '../../core/history/store.ts';
import { simulatorWorkloadSeries } from '../../core/scaling/sim-workloads.ts';
import { demoArgs, expect, test, withHost } from './fixtures.ts';

// The Scaling page on the demo cluster, with a week of the simulator's workload usage written to
// the demo's history before the host starts (the collector adds to it live): open a workload, see
// forecast, schedule, right-sizing and cost, and apply the replica advice through the actions.

const STEP = 300_000;

function seedHistory(dataDir: string): void {
  const store = HistoryStore.open(historyPath(dataDir, { demo: true }));
  const now = Math.floor(Date.now() / STEP) * STEP;
  const series = simulatorWorkloadSeries({ seed: 1, days: 7, stepMs: STEP, startMs: now - 7 * 86_400_000 });
  const steps = series[0]?.cpuMillis.length ?? 0;
  for (let i = 0; i < steps; i++) {
    store.usage.insert(
      now - 7 * 86_400_000 + i * STEP,
      [],
      series.map((s) => {
        const [namespace = '', name = ''] = s.workload.split('/');
        return {
          namespace,
          kind: s.kind,
          name,
          pods: s.replicas,
          cpuMillis: s.cpuMillis[i] ?? 0,
          cpuMaxMillis: (s.cpuMillis[i] ?? 0) / s.replicas,
          memoryBytes: (s.podMemoryBytes[i] ?? 0) * s.replicas,
          memoryMaxBytes: s.podMemoryBytes[i] ?? 0,
          cpuRequestMillis: s.requestCpuMillis * s.replicas,
          memoryRequestBytes: s.requestMemoryBytes * s.replicas,
        };
      }),
    );
  }
  store.close();
}

test('opens a workload, sees its forecast, schedule, right-sizing and cost, and applies the replicas and HPA bounds', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await withHost(
    demoArgs,
    async ({ url }) => {
      await page.goto(url.replace(/#.*$/, '') + '#/scaling');
      const picker = page.getByTestId('scaling-workload');
      await expect(picker.locator('option[value="shop/Deployment/frontend"]')).toHaveCount(1, {
        timeout: 60_000,
      });
      // Before a workload is open, every workload's advice in one table, the largest saving first.
      const overview = page.getByTestId('scaling-overview');
      await expect(overview).toContainText(/\d+ workloads advised/, { timeout: 120_000 });
      const rows = overview.getByTestId('scaling-overview-row');
      expect(await rows.count()).toBe((await picker.locator('option').count()) - 1);
      const savings = (await rows.locator('td:last-child').allTextContents())
        .map((text) => Number.parseFloat(text))
        .filter((n) => Number.isFinite(n));
      expect(savings.length).toBeGreaterThan(1);
      expect(savings).toEqual([...savings].sort((a, b) => b - a));
      // A row opens its workload, as the picker does.
      await overview.locator('[data-workload="shop/Deployment/frontend"] button').click();
      await expect(picker).toHaveValue('shop/Deployment/frontend');
      await expect(overview).toHaveCount(0);
      await expect(page.getByTestId('scaling-forecast-chart')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('scaling-forecast-band')).toHaveCount(1);
      await expect(page.getByTestId('scaling-replicas-chart')).toBeVisible();
      await expect(page.getByTestId('scaling-pod-cpu-chart')).toContainText('CPU per pod');
      await expect(page.getByTestId('scaling-pod-memory-chart')).toContainText('MiB');
      await expect(page.getByTestId('scaling-schedule')).toContainText('kind: CronJob');
      await expect(page.getByTestId('scaling-right-sizing')).toContainText('CPU request');
      await expect(page.getByTestId('scaling-cost')).toContainText('Today');
      await expect(page.getByTestId('scaling-recommendations').locator('li').first()).toBeVisible();

      // The demo's frontend has no HPA; the page says so instead of offering bounds to set.
      await expect(page.getByTestId('scaling-replicas')).toContainText(/No HPA|HPA frontend now/);
      const apply = page.getByTestId('scaling-apply-replicas');
      await expect(apply).toBeEnabled();
      const replicas = Number(/Scale to (\d+)/.exec((await apply.textContent()) ?? '')?.[1]);
      expect(replicas).toBeGreaterThan(0);
      await apply.click();
      const dialog = page.getByTestId('action-dialog');
      await expect(dialog.getByTestId('action-phase')).toHaveAttribute('data-phase', 'confirm', {
        timeout: 30_000,
      });
      await expect(dialog.getByTestId('preview-kubectl')).toContainText(`--replicas=${replicas}`);
      await dialog.getByTestId('action-confirm').click();
      await expect(dialog.getByTestId('action-phase')).toHaveAttribute('data-phase', 'done', {
        timeout: 30_000,
      });
      await expect(dialog.getByTestId('action-outcome')).toHaveText('deployment.apps/frontend scaled');
      await dialog.getByTestId('action-close').click();

      // shop/cart has an HPA in the demo: its recommended bounds go through the same pipeline.
      await picker.selectOption('shop/Deployment/cart');
      const bounds = page.getByTestId('scaling-apply-hpa');
      await expect(bounds).toBeVisible({ timeout: 60_000 });
      await bounds.click();
      await expect(dialog.getByTestId('action-phase')).toHaveAttribute('data-phase', 'confirm', {
        timeout: 30_000,
      });
      await dialog.getByTestId('action-confirm').click();
      await expect(dialog.getByTestId('action-outcome')).toHaveText(
        'horizontalpodautoscaler.autoscaling/cart patched',
        { timeout: 30_000 },
      );
    },
    seedHistory,
  );
});

// The optional LLM explanation, end to end in the browser host: Settings turns it on and takes a
// key (kept in memory only: the browser host has no secure storage, and the page says so), and
// the workload's advice gets "Explain in plain words (LLM)". api.anthropic.com cannot be reached
// from here, so a local server answering in the Messages API's shape stands in for it, named
// through ANTHROPIC_BASE_URL as Anthropic's SDKs name a gateway.
test('LLM explanations: off by default, a key set in Settings, and the advice explained in plain words', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const key = 'sk-ant-api03-E2E-secret-key-0123456789';
  const seen: (string | undefined)[] = [];
  const api = createServer((req, res) => {
    seen.push(req.headers['x-api-key'] as string | undefined);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          model: 'claude-sonnet-4-5',
          content: [{ type: 'text', text: 'Frontend is fine as it is; follow the advice above.' }],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const before = process.env.ANTHROPIC_BASE_URL;
  process.env.ANTHROPIC_BASE_URL = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  try {
    await withHost(
      demoArgs,
      async ({ url }) => {
        const base = url.replace(/#.*$/, '');
        await page.goto(base + '#/scaling');
        const picker = page.getByTestId('scaling-workload');
        await expect(picker.locator('option[value="shop/Deployment/frontend"]')).toHaveCount(1, {
          timeout: 60_000,
        });
        await picker.selectOption('shop/Deployment/frontend');
        await expect(page.getByTestId('scaling-recommendations').locator('li').first()).toBeVisible({
          timeout: 60_000,
        });
        // Off by default: no button.
        await expect(page.getByTestId('scaling-llm-explain')).toHaveCount(0);

        await page.goto(base + '#/settings');
        const panel = page.getByTestId('settings-llm');
        await expect(panel.getByTestId('settings-llm-key-state')).toHaveText('No key is set.');
        await expect(panel.getByTestId('settings-llm-model')).toHaveValue('claude-sonnet-4-5');
        // A click, not check(): the box shows the saved setting, so it flips when the backend replies.
        await panel.getByTestId('settings-llm-enabled').click();
        await expect(panel.getByTestId('settings-llm-enabled')).toBeChecked();
        await panel.getByTestId('settings-llm-key').fill(key);
        await panel.getByRole('button', { name: 'Save key' }).click();
        await expect(panel.getByTestId('settings-llm-key-state')).toContainText(
          'not saved: secure storage needs the desktop app',
        );
        await expect(panel.getByTestId('settings-llm-key')).toHaveValue('');

        await page.goto(base + '#/scaling');
        await page.getByTestId('scaling-workload').selectOption('shop/Deployment/frontend');
        const explain = page.getByTestId('scaling-llm-explain');
        await expect(explain).toHaveText('Explain in plain words (LLM)', { timeout: 60_000 });
        await explain.click();
        await expect(page.getByTestId('scaling-llm-text')).toContainText(
          'Frontend is fine as it is; follow the advice above.',
          { timeout: 30_000 },
        );
        expect(seen).toEqual([key]);
        expect(await page.content()).not.toContain(key);
      },
      seedHistory,
    );
  } finally {
    if (before === undefined) delete process.env.ANTHROPIC_BASE_URL;
    else process.env.ANTHROPIC_BASE_URL = before;
    await new Promise((resolve) => api.close(resolve));
  }
});
