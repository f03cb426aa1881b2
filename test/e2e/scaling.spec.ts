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
      await picker.selectOption('shop/Deployment/frontend');
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
