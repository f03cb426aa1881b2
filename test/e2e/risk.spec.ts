import { expect, test, withHost } from './fixtures.ts';

/**
 * A memory leak staged 40 simulated minutes in (after the detector's warm-up), on a node of
 * demo seed 8 where the leaking pod has no memory limit, so the node itself fills. The clock
 * runs at 30x: the leak starts about 80 s after the demo starts and fills the node ~24 s later,
 * which leaves a loaded machine's collections time to see it coming.
 */
const args = [
  '--demo',
  '--seed',
  '8',
  '--speed',
  '30',
  '--interval-ms',
  '1000',
  '--scenario',
  'memoryLeak@40m',
];

interface StreamEntry {
  type: string;
  node: string;
  text: string;
}

test('a demo incident is predicted in the UI before it happens, with reasons, then marked on the node page', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await withHost(args, async (host) => {
    await page.goto(host.url);
    await page.getByTestId('nav-nodes').click();
    await expect(page.getByTestId('risk-badge').first()).toBeVisible({ timeout: 60_000 });

    await page.getByTestId('nav-risk').click();
    const stream = () =>
      page.getByTestId('risk-event').evaluateAll((items) =>
        items.map((li) => ({
          type: li.getAttribute('data-type') ?? '',
          node: li.getAttribute('data-node') ?? '',
          text: li.textContent ?? '',
        })),
      );
    // A prediction on a node that has not had its incident yet.
    let predicted: StreamEntry | undefined;
    await expect
      .poll(
        async () => {
          const entries: StreamEntry[] = await stream();
          predicted = entries.find(
            (e) =>
              e.type === 'risk-detected' &&
              !entries.some((o) => o.type === 'incident-observed' && o.node === e.node),
          );
          return predicted !== undefined;
        },
        { timeout: 200_000, intervals: [1000] },
      )
      .toBe(true);
    const node = predicted!.node;
    // With reasons in plain words (e.g. "memory +12% in 30 min and still rising").
    expect(predicted!.text).toMatch(/memory|CPU|OOMKill|eviction|restart|conditions|unusual/);

    // Then the incident happens, and the stream says it was predicted.
    const observed = page.locator(
      `[data-testid="risk-event"][data-type="incident-observed"][data-node="${node}"]`,
    );
    await expect(observed.first()).toBeVisible({ timeout: 120_000 });
    await expect(observed.first()).toContainText('predicted by Foresight before it happened');

    // The node page marks the incident and the prediction on the same time axis.
    await page
      .locator(`[data-testid="risk-event"][data-type="risk-detected"][data-node="${node}"]`)
      .first()
      .getByRole('link', { name: node })
      .click();
    const nodePage = page.getByTestId('node-risk-page');
    await expect(nodePage).toHaveAttribute('data-node', node);
    await expect(nodePage.getByTestId('incident-mark').first()).toBeAttached({ timeout: 30_000 });
    await expect(nodePage.getByTestId('prediction-mark').first()).toBeAttached();
    await expect(nodePage.getByTestId('node-incidents')).toContainText(/MemoryPressure|eviction|OOMKill/);

    // The Model page shows the evaluation side by side.
    await page.getByTestId('nav-model').click();
    await expect(page.getByTestId('model-origin')).toContainText('shipped with Foresight');
    await expect(page.getByTestId('confusion-matrix').first()).toBeVisible();
    await expect(page.getByTestId('pr-curve').first()).toContainText('AUC');
  });
});
