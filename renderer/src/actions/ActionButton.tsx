import { useEffect, useRef } from 'react';
import type { Action } from '../../../core/contract/index.ts';
import { permissionKey } from '../stores/actionsStore.ts';
import { useActions } from './useActions.ts';
import './actions.css';

/**
 * A one-click action for any page (scale a workload, set HPA bounds, cordon…): asks RBAC once,
 * shows itself disabled with the missing permission when forbidden, and opens the preview →
 * confirm → progress → undo dialog. The page renders <ActionDialog /> once.
 */
export function ActionButton({ action, label, testId }: { action: Action; label: string; testId?: string }) {
  const ensurePermissions = useActions((state) => state.ensurePermissions);
  const permission = useActions((state) => state.permissions.get(permissionKey(action)));
  const open = useActions((state) => state.open);
  // Keyed by what the action is, so a new object for the same action does not ask again.
  const key = permissionKey(action);
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => ensurePermissions([latest.current]), [ensurePermissions, key]);
  const denied = permission !== undefined && !permission.allowed;
  const title = denied
    ? (permission.reason ?? `Not allowed: ${permission.missing.join(', ')}`)
    : `${label}: preview first, then confirm`;
  return (
    <button
      type="button"
      className="action-button"
      disabled={denied}
      title={title}
      aria-label={title}
      data-testid={testId ?? `action-${action.kind}`}
      onClick={() => void open(action)}
    >
      {label}
    </button>
  );
}
