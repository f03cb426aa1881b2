import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test, withDemoServer, withHost } from './fixtures.ts';

/** A node's taint keys, read by real kubectl through the kubeconfig the host wrote for its demo. */
function taintsOf(dataDir: string, node: string): string {
  const kubeconfig = path.join(dataDir, 'demo', 'kubeconfig.yaml');
  return execFileSync(
    process.env.KUBECTL ?? '/usr/bin/kubectl',
    ['--kubeconfig', kubeconfig, 'get', 'node', node, '-o', 'jsonpath={.spec.taints[*].key}'],
    { env: { PATH: process.env.PATH ?? '', HOME: dataDir }, timeout: 30_000, encoding: 'utf8' },
  );
}

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
 * The demo's incident triggers the autopilot once it is turned on, and the autopilot lets go once
 * the node has recovered: a memory leak staged on the simulated cluster 45 min in that lasts 20 min
 * (its pod is OOM-killed once, then the leak stops), the risk domain's own predictions, and the
 * Actions page showing the taint with its reasoning, the audit record, then the untaint after the
 * default 30 healthy minutes (defaults throughout but the threshold). The host runs the demo itself, so it knows the clock runs at 120x
 * and counts risk windows and healthy minutes in the cluster's time: taint about 30 s after the
 * start, recovery about 30 s later.
 */
test('an incident on the demo triggers the autopilot when it is on; the UI shows the taint, why, and the recovery', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const args = [
    '--demo',
    '--nodes',
    '12',
    '--speed',
    '120',
    '--interval-ms',
    '1000',
    '--scenario',
    'memoryLeak@45m+20m',
  ];
  await withHost(args, async ({ url, dataDir }) => {
    await page.goto(url);
    await page.getByTestId('nav-actions').click();
    const panel = page.getByTestId('autopilot-panel');
    await expect(page.getByTestId('autopilot-state')).toHaveText('off', { timeout: 60_000 });
    // Once on, it also follows Foresight's node advice unless told not to.
    await expect(page.getByTestId('autopilot-follow-advice')).toBeChecked();
    // Threshold 1: act on the risk engine's own at-risk verdict only. With the default 0.7 the
    // autopilot also counts raw model probabilities above 0.7 that the engine calls only
    // "caution" (healthy demo nodes, once the model takes over after an hour), and such a node can
    // take the one slot of the 10% guardrail before the leak's node: see `npm run bench -- autopilot`.
    await page.getByTestId('autopilot-threshold').fill('1');
    await page.getByTestId('autopilot-threshold').blur();
    await expect(panel).toContainText(
      'stays at or above 1 (or the risk engine calls it at risk) for 3 predictions in a row',
    );
    await page.getByTestId('autopilot-enabled').click();
    await expect(page.getByTestId('autopilot-state')).toHaveText('on');

    // Taint, with the reasoning: the streak of predictions, who made them and why.
    const taint = panel.locator('[data-decision="taint"]').first();
    await expect(taint).toBeVisible({ timeout: 120_000 });
    await expect(taint).toContainText(
      /taint node-\d+: (risk|at-risk) .* for 3 consecutive predictions \((rules|detector|model)\): \S/,
    );
    // Why: the leak itself (an OOM kill, or memory climbing towards a limit), not some other node's noise.
    await expect(taint).toContainText(/OOM|memory/i);
    const node = /taint (node-\d+)/.exec((await taint.textContent()) ?? '')?.[1] ?? '';
    expect(node).not.toBe('');
    await expect(page.getByTestId('autopilot-tainted')).toHaveText(`Tainted by the autopilot now: ${node}`);
    const taintRecord = page
      .getByTestId('audit-row')
      .filter({ hasText: `Taint node ${node} with foresight.io/at-risk=true:NoSchedule` });
    await expect(taintRecord).toHaveAttribute('data-status', 'succeeded');
    await expect(taintRecord).toContainText('autopilot');
    expect(taintsOf(dataDir, node)).toContain('foresight.io/at-risk');

    // Recovery: the leak has stopped, the node stays healthy for 30 (cluster) minutes, the taint goes.
    const untaint = panel.locator(`[data-decision="untaint"]`).filter({ hasText: `untaint ${node}:` });
    await expect(untaint).toBeVisible({ timeout: 120_000 });
    await expect(untaint).toContainText(/recovered: below 1 and not at risk for \d+ min \(≥ 30 min\)/);
    await expect(page.getByTestId('autopilot-tainted')).not.toContainText(node);
    const untaintRecord = page
      .getByTestId('audit-row')
      .filter({ hasText: `Remove taint foresight.io/at-risk:NoSchedule from node ${node}` });
    await expect(untaintRecord).toHaveAttribute('data-status', 'succeeded');
    await expect(untaintRecord).toContainText('autopilot');
    await expect(untaintRecord).toContainText('autopilot: recovered: below 1 and not at risk');

    // The cluster agrees, asked by real kubectl: the taint was there while tainted, and is gone now.
    expect(taintsOf(dataDir, node)).not.toContain('foresight.io/at-risk');
  });
});
