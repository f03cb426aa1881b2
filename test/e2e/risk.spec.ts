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
  test.setTimeout(420_000);
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
    // Watch the stream as a user would, noting when each node's first prediction and first
    // incident appear on screen. The demo may also raise a false alarm on another node, so the
    // test does not assume the first prediction is the leak's: it waits for an incident and
    // checks that this node's prediction was on screen before it.
    const firstSeen = new Map<string, number>();
    const firstText = new Map<string, string>();
    let node: string | undefined;
    await expect
      .poll(
        async () => {
          const entries: StreamEntry[] = await stream();
          for (const e of entries) {
            const key = `${e.type}/${e.node}`;
            if (!firstSeen.has(key)) {
              firstSeen.set(key, Date.now());
              firstText.set(key, e.text);
            }
          }
          node = entries.find(
            (e) =>
              e.type === 'incident-observed' &&
              (firstSeen.get(`risk-detected/${e.node}`) ?? Infinity) <
                (firstSeen.get(`incident-observed/${e.node}`) ?? 0),
          )?.node;
          return node !== undefined;
        },
        { timeout: 280_000, intervals: [1000] },
      )
      .toBe(true);
    const nodeName = node ?? '';
    // With reasons in plain words (e.g. "memory +12% in 30 min and still rising").
    expect(firstText.get(`risk-detected/${nodeName}`)).toMatch(
      /memory|CPU|OOMKill|eviction|restart|conditions|unusual/,
    );
    const observed = page.locator(
      `[data-testid="risk-event"][data-type="incident-observed"][data-node="${nodeName}"]`,
    );
    await expect(observed.first()).toContainText('predicted by Foresight before it happened');

    // The node page marks the incident and the prediction on the same time axis.
    await page
      .locator(`[data-testid="risk-event"][data-type="risk-detected"][data-node="${nodeName}"]`)
      .first()
      .getByRole('link', { name: nodeName })
      .click();
    const nodePage = page.getByTestId('node-risk-page');
    await expect(nodePage).toHaveAttribute('data-node', nodeName);
    await expect(nodePage.getByTestId('incident-mark').first()).toBeAttached({ timeout: 30_000 });
    await expect(nodePage.getByTestId('prediction-mark').first()).toBeAttached();
    await expect(nodePage.getByTestId('node-incidents')).toContainText(/MemoryPressure|eviction|OOMKill/);
    // The kubelet Summary API's readings are charted on the same axis: disk, and the NIC's error rate.
    await expect(nodePage.getByTestId('disk-chart')).toBeVisible();
    await expect(nodePage.getByTestId('nic-errors-chart')).toHaveAttribute(
      'aria-label',
      /^NIC errors per minute/,
    );

    // The Model page shows the evaluation side by side.
    await page.getByTestId('nav-model').click();
    await expect(page.getByTestId('model-origin')).toContainText('shipped with Foresight');
    await expect(page.getByTestId('confusion-matrix').first()).toBeVisible();
    await expect(page.getByTestId('pr-curve').first()).toContainText('AUC');
    // The shipped model's incident-level figure, as `foresight evaluate` prints it.
    await expect(page.getByTestId('incident-pr-auc').first()).toHaveText(/^0\.\d{3}$/);
  });
});
