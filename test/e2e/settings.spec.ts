import path from 'node:path';
import { demoArgs, expect, test, withHost } from './fixtures.ts';

// Its own host: saving a new retention restarts collection, which the shared host's other
// tests must not see.
test('Settings: add a kubeconfig file, check a context on request, and change the retention', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await withHost(demoArgs, async ({ url, dataDir }) => {
    await page.goto(url);
    await page.getByTestId('nav-settings').click();
    const kubeconfig = page.getByTestId('settings-kubeconfig');
    await expect(kubeconfig).toContainText('No kubeconfig file was found');

    // The demo writes a real kubeconfig for kubectl; added here, its contexts join the picker.
    const demoKubeconfig = path.join(dataDir, 'demo', 'kubeconfig.yaml');
    await page.getByLabel('File or folder').fill(demoKubeconfig);
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(kubeconfig.getByRole('listitem').filter({ hasText: demoKubeconfig }).first()).toBeVisible();

    const contexts = page.getByTestId('settings-contexts');
    const viewerRow = contexts.getByRole('row').filter({ hasText: 'viewer' });
    await expect(viewerRow).toContainText('Not checked');
    await viewerRow.getByRole('button', { name: /Check/ }).click();
    await expect(viewerRow).toContainText(/Reachable \(Kubernetes v1\.\d+/);

    await page.getByLabel('File or folder').fill(path.join(dataDir, 'nowhere.yaml'));
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(kubeconfig.getByRole('alert')).toContainText('nowhere.yaml does not exist');

    await page.getByLabel('Keep history for').fill('3');
    // The retention form's own Save (the LLM panel below has Save buttons too).
    const retention = page.locator('form').filter({ has: page.getByLabel('Keep history for') });
    await retention.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('settings-retention')).toHaveText('3 days', { timeout: 60_000 });
  });
});
