import { expect, test, withDemoServer, withHost } from './fixtures.ts';

/**
 * One-click cordon on the demo cluster, every part real: the row's button, the server-side dry
 * run shown as a preview, the confirmation, the node shown cordoned by the next collection, and
 * undo — then the same two actions in the audit log.
 */
test('one-click cordon → preview → confirm → node shown cordoned → undo', async ({ page, foresight }) => {
  await page.goto(foresight.url);
  await page.getByTestId('nav-nodes').click();
  const rows = page.getByTestId('nodes-table').getByTestId('node-row');
  await expect(rows.first()).toBeVisible();
  // A worker node that is schedulable now.
  const row = rows
    .filter({ hasNot: page.getByText('SchedulingDisabled') })
    .filter({ has: page.getByTestId('action-cordon') })
    .last();
  const node = await row.getAttribute('data-node');
  expect(node).toBeTruthy();
  const rowOf = () => page.locator(`[data-testid="node-row"][data-node="${node}"]`);

  await rowOf().getByTestId('action-cordon').click();
  const dialog = page.getByTestId('action-dialog');
  await expect(dialog.getByTestId('action-phase')).toHaveAttribute('data-phase', 'confirm');
  await expect(dialog.getByTestId('action-preview')).toContainText('spec.unschedulable');
  await expect(dialog.getByTestId('preview-kubectl')).toHaveText(`kubectl cordon ${node}`);
  // The preview was a dry run: the node is not cordoned yet.
  await expect(rowOf()).not.toContainText('SchedulingDisabled');

  await dialog.getByTestId('action-confirm').click();
  await expect(dialog.getByTestId('action-phase')).toHaveAttribute('data-phase', 'done');
  await expect(dialog.getByTestId('action-outcome')).toHaveText(`node/${node} cordoned`);
  await expect(rowOf()).toContainText('SchedulingDisabled');

  await dialog.getByTestId('action-undo').click();
  await expect(dialog.getByTestId('action-outcome')).toHaveText(`node/${node} uncordoned`);
  await dialog.getByTestId('action-close').click();
  await expect(dialog).toHaveCount(0);
  await expect(rowOf()).not.toContainText('SchedulingDisabled');
  await expect(rowOf().getByTestId('action-cordon')).toBeEnabled();

  await page.getByTestId('nav-actions').click();
  const audit = page.getByTestId('audit-row');
  await expect(audit).toHaveCount(2);
  await expect(audit.nth(0)).toContainText(`Uncordon node ${node}`);
  await expect(audit.nth(1)).toContainText(`Cordon node ${node}`);
  await expect(audit.nth(0)).toHaveAttribute('data-status', 'succeeded');
});

/**
 * The read-only viewer: the app connects through the demo server's `foresight-demo-viewer`
 * context, and every write button on the Nodes page is disabled with the missing permission.
 */
test('as the read-only viewer, every node action is disabled with the reason', async ({ page }) => {
  test.setTimeout(180_000);
  await withDemoServer(['--nodes', '4'], async (kubeconfig) => {
    await withHost(
      ['--kubeconfig', kubeconfig, '--context', 'foresight-demo-viewer', '--interval-ms', '1000'],
      async ({ url }) => {
        await page.goto(url);
        await page.getByTestId('nav-nodes').click();
        const row = page.getByTestId('nodes-table').getByTestId('node-row').first();
        await expect(row).toBeVisible();
        const cordon = row.getByTestId('action-cordon');
        await expect(cordon).toBeDisabled();
        await expect(cordon).toHaveAttribute(
          'title',
          /is not allowed for foresight-demo-viewer: it may not patch nodes/,
        );
        for (const label of ['Taint', 'Drain']) {
          const button = row.getByRole('button', {
            name: new RegExp(`^${label} node .* is not allowed: your user may not patch nodes`),
          });
          await expect(button).toBeDisabled();
        }
        await expect(row).not.toContainText('SchedulingDisabled');
      },
    );
  });
});

/**
 * The demo's incident triggers the autopilot once it is turned on: a memory leak staged on the
 * simulated cluster, the risk domain's own predictions, and the Actions page showing the taint,
 * the reasoning and the audit record. (Recovery is covered on the simulator in
 * test/integration/actions-autopilot.test.ts: here the risk domain keeps a node at risk for as
 * long as incidents stay in its seven-day window.)
 */
test('an incident on the demo triggers the autopilot when it is on; the UI shows the taint and why', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await withDemoServer(
    ['--nodes', '12', '--speed', '300', '--scenario', 'memoryLeak@1m'],
    async (kubeconfig) => {
      await withHost(['--kubeconfig', kubeconfig, '--interval-ms', '1000'], async ({ url }) => {
        await page.goto(url);
        await page.getByTestId('nav-actions').click();
        const panel = page.getByTestId('autopilot-panel');
        await expect(page.getByTestId('autopilot-state')).toHaveText('off');
        await page.getByTestId('autopilot-consecutive').fill('2');
        await page.getByTestId('autopilot-consecutive').blur();
        await page.getByTestId('autopilot-enabled').click();
        await expect(page.getByTestId('autopilot-state')).toHaveText('on');

        const taint = panel.locator('[data-decision="taint"]').first();
        await expect(taint).toBeVisible({ timeout: 240_000 });
        await expect(taint).toContainText(/taint node-\d+: at-risk .* for \d+ consecutive predictions/);
        const node = /taint (node-\d+)/.exec((await taint.textContent()) ?? '')?.[1];
        await expect(page.getByTestId('autopilot-tainted')).toHaveText(
          `Tainted by the autopilot now: ${node}`,
        );
        const record = page
          .getByTestId('audit-row')
          .filter({ hasText: `Taint node ${node} with foresight.io/at-risk=true:NoSchedule` });
        await expect(record).toHaveAttribute('data-status', 'succeeded');
        await expect(record).toContainText('autopilot');
      });
    },
  );
});
