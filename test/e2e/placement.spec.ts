import path from 'node:path';
import { expect, repoRoot, test, withHost } from './fixtures.ts';

// The Placement page of the browser host on the demo cluster: paste a pod spec, see every node
// ranked with a bar per plugin and the excluded ones with kube-scheduler's reasons; a pod that
// fits nowhere gets the full explanation; a spec that does not parse gets a clear error.

const smallPod = `apiVersion: v1
kind: Pod
metadata: {name: probe, namespace: default}
spec:
  containers:
    - name: app
      image: nginx
      resources: {requests: {cpu: 100m, memory: 128Mi}}
`;

const hugePod = `containers:
  - name: giant
    resources: {requests: {cpu: "500", memory: 4Ti}}
`;

test('paste a pod spec: ranked nodes with reasons, both choices', async ({ page, foresight }) => {
  await page.goto(`${foresight.url}#/placement`);
  await page.getByTestId('placement-spec').fill(smallPod);
  await page.getByTestId('placement-rank').click();
  const ranked = page.getByTestId('placement-ranked').getByTestId('placement-node');
  await expect(ranked.first()).toBeVisible();
  await expect(ranked.first()).toHaveAttribute('data-rank', '1');
  expect(await ranked.count()).toBeGreaterThan(1);
  // Every ranked row has kube-scheduler's four bars (and Foresight's, once the shared demo host's
  // history holds usage: earlier specs may have run long enough for that).
  const bars = ranked.first().locator('.placement-bar-row');
  for (const plugin of [
    'NodeResourcesFit',
    'NodeResourcesBalancedAllocation',
    'TaintToleration',
    'NodeAffinity',
  ])
    await expect(bars.filter({ hasText: plugin })).toHaveCount(1);
  await expect(page.getByTestId('placement-pod')).toContainText('default/probe');
  await expect(page.getByTestId('placement-kube-choice')).toContainText(
    'kube-scheduler would most likely pick',
  );
  const advice = page.getByTestId('placement-advice');
  await expect(advice).toContainText('confidence');
  await expect(page.getByTestId('placement-advice-reasons').locator('li').first()).not.toBeEmpty();
  // Excluded nodes (the demo's control plane is tainted) carry kube-scheduler's own words.
  const excluded = page.getByTestId('placement-excluded-node');
  // Once history holds usage samples, the load-aware plugin takes part (ranked again to see it).
  await expect
    .poll(
      async () => {
        await page.getByTestId('placement-rank').click();
        await expect(page.getByTestId('placement-rank')).toBeEnabled();
        return ranked.first().locator('.placement-bar-row').count();
      },
      { message: 'LoadAware should join once history has usage samples', timeout: 45_000 },
    )
    .toBeGreaterThanOrEqual(5);
  await expect(ranked.first().locator('.placement-bar-label.foresight').first()).toHaveText('LoadAware');
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'placement', 'ranked.png') });
  for (const row of await excluded.all())
    await expect(row.locator('td').nth(1)).toContainText(/node\(s\)|Insufficient|Too many pods/);
});

test('a pod that fits nowhere gets the unschedulable explanation', async ({ page, foresight }) => {
  await page.goto(`${foresight.url}#/placement`);
  await page.getByTestId('placement-spec').fill(hugePod);
  await page.getByTestId('placement-rank').click();
  const panel = page.getByTestId('placement-unschedulable');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(/0\/\d+ nodes are available: .*Insufficient cpu/);
  await expect(panel).toContainText('What would have to change');
  await expect(panel.locator('li').first()).toContainText(/lower its requests|closest fit/);
  await expect(page.getByTestId('placement-ranked')).toHaveCount(0);
  await expect(
    page.getByTestId('placement-excluded-node').filter({ hasText: 'Insufficient cpu' }).first(),
  ).toBeVisible();
});

test('a spec that does not parse says so and what to paste', async ({ page, foresight }) => {
  await page.goto(`${foresight.url}#/placement`);
  await page.getByTestId('placement-spec').fill('kind: Pod\nspec: {containers: [\n');
  await page.getByTestId('placement-rank').click();
  await expect(page.getByTestId('placement-error')).toContainText('does not parse as YAML');
  await expect(page.getByTestId('placement-error')).toContainText('Paste a Pod');
});

test('a workload: its pod template is ranked and the affinity patch names it', async ({
  page,
  foresight,
}) => {
  await page.goto(`${foresight.url}#/placement`);
  await page.getByRole('tab', { name: 'A workload' }).click();
  const select = page.getByLabel('What to place');
  await expect(select.locator('option').nth(1)).toBeAttached();
  const value = await select.locator('option').nth(1).getAttribute('value');
  await select.selectOption(value ?? '');
  await page.getByTestId('placement-rank').click();
  await expect(page.getByTestId('placement-ranked').getByTestId('placement-node').first()).toBeVisible();
  const [kind, namespace, name] = (value ?? '').split('/');
  await expect(page.getByTestId('placement-pod')).toContainText(`${namespace}/${name} (template)`);
  await page.getByText('Preferred node-affinity patch for the workload').click();
  await expect(page.locator('.placement-patch')).toContainText(
    `kubectl -n ${namespace} patch ${kind?.toLowerCase()} ${name} --type strategic`,
  );
});

/**
 * A machine that fails twice (node-03 dies 1 and 6 simulated minutes in, repaired 3 minutes after
 * each): the Overview and the Placement page advise cordoning it, with the reason, before any pod
 * is ranked; one click cordons it after the dry-run preview, the advice goes, and the next ranking
 * excludes it as kube-scheduler would.
 */
test('a node that keeps failing: cordon advice, one click, then excluded', async ({ page }) => {
  test.setTimeout(180_000);
  const args = ['--demo', '--speed', '30', '--interval-ms', '1000'];
  // Down 3 simulated minutes each (NotReady ~2 of them, ~5 s here): long enough for any collection.
  for (const at of ['1m', '6m']) args.push('--scenario', `hardwareFailure@${at}+3m:node-03`);
  await withHost(args, async (host) => {
    // The Overview names the node as soon as the collector has seen both failures (about 15 s of
    // wall time at 30x), before any pod is placed; its link leads to the reasons and the action.
    const card = page.getByTestId('overview-node-advice').locator('li[data-node="node-03"]');
    await page.goto(host.url);
    await expect(async () => {
      await page.reload();
      await expect(card).toContainText('Cordon node-03', { timeout: 3_000 });
    }).toPass({ timeout: 120_000 });
    await card.getByRole('link', { name: 'why, and act' }).click();
    const advice = page.getByTestId('placement-node-advice').locator('[data-node="node-03"]');
    await expect(advice).toContainText('Cordon node-03');
    await expect(advice).toContainText(/its Ready condition left True 2 times in the last 6 h/);

    await advice.getByTestId('action-cordon').click();
    const dialog = page.getByTestId('action-dialog');
    await expect(dialog.getByTestId('preview-kubectl')).toHaveText('kubectl cordon node-03');
    await dialog.getByTestId('action-confirm').click();
    await expect(dialog.getByTestId('action-outcome')).toHaveText('node/node-03 cordoned');
    await dialog.getByTestId('action-close').click();
    // Re-read with the next snapshots: a cordoned node is advised nothing more.
    await expect(page.getByTestId('placement-node-advice')).toHaveCount(0, { timeout: 60_000 });

    await page.getByTestId('placement-spec').fill(smallPod);
    const excluded = page.getByTestId('placement-excluded-node').filter({ hasText: 'node-03' });
    await expect(async () => {
      await page.getByTestId('placement-rank').click();
      await expect(excluded).toContainText('node(s) were unschedulable', { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.getByTestId('placement-node-advice')).toHaveCount(0);
  });
});
