import { expect, test } from './fixtures.ts';

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
