import { expect, test, withHost } from './fixtures.ts';

/**
 * A machine fails 2 simulated minutes in (4 s at 30x): the Overview's recent events show the
 * incident with its node, the risk card has a verdict, and the node's link opens its risk page.
 */
const args = ['--demo', '--speed', '30', '--interval-ms', '1000', '--scenario', 'hardwareFailure@2m'];

test('the Overview shows node risk and the newest risk events, each node a link to its page', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await withHost(args, async (host) => {
    await page.goto(host.url);
    const card = page.getByTestId('overview-risk');
    await expect(card).toContainText('Node risk');
    // Before the first prediction the card says so; it never calls an unpredicted cluster healthy.
    await expect(card).toContainText(/No prediction yet|All healthy|Needs attention/, { timeout: 60_000 });

    const events = page.getByTestId('overview-events');
    const incident = events.locator('[data-testid="risk-event"][data-type="incident-observed"]').first();
    await expect(incident).toBeVisible({ timeout: 120_000 });
    await expect(incident).toContainText(/Incident observed node-\d+/);
    // At most five events, newest first, however many the stream holds.
    expect(await events.getByTestId('risk-event').count()).toBeLessThanOrEqual(5);

    const node = (await incident.getAttribute('data-node')) ?? '';
    await incident.getByTestId('risk-node-link').click();
    await expect(page).toHaveURL(new RegExp(`#/risk/${node}$`));
    await expect(page.getByTestId('node-risk-page')).toHaveAttribute('data-node', node);
    // The node is in the URL: a reload opens its page again.
    await page.reload();
    await expect(page.getByTestId('node-risk-page')).toHaveAttribute('data-node', node);

    // The node itself, read live as kubectl describe node reads it: its kubelet and its conditions.
    const details = page.getByTestId('node-details');
    await expect(details.getByTestId('node-kubelet-version')).toHaveText(/^v1\.\d+/, { timeout: 30_000 });
    const conditionTypes = details.getByTestId('node-conditions').locator('tbody tr td:first-child');
    await expect(conditionTypes.filter({ hasText: /^Ready$/ })).toHaveCount(1);
    await expect(details.getByTestId('node-allocated')).toContainText('cpu');
  });
});
