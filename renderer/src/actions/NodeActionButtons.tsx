import { useEffect } from 'react';
import type { Action } from '../../../core/contract/index.ts';
import { permissionKey } from '../stores/actionsStore.ts';
import { useActions } from './useActions.ts';
import './actions.css';

/** The taint the buttons propose first; the dialog lets the user change it. */
export const DEFAULT_TAINT = { key: 'foresight.io/at-risk', value: 'true', effect: 'NoSchedule' } as const;

/** Drain from the app: DaemonSets and emptyDir data handled as operators usually want; the dialog shows both. */
export const DEFAULT_DRAIN_OPTIONS = { ignoreDaemonSets: true, deleteEmptyDirData: true } as const;

function NodeButton({ action, label }: { action: Action; label: string }) {
  const permission = useActions((state) => state.permissions.get(permissionKey(action)));
  const open = useActions((state) => state.open);
  const denied = permission !== undefined && !permission.allowed;
  const title = denied
    ? (permission.reason ?? `Not allowed: ${permission.missing.join(', ')}`)
    : `${label} ${'node' in action ? action.node : ''}: preview first, then confirm`;
  return (
    <button
      type="button"
      className="action-button"
      disabled={denied}
      title={title}
      aria-label={title}
      data-testid={`action-${action.kind}`}
      onClick={() => void open(action)}
    >
      {label}
    </button>
  );
}

/** Cordon (or uncordon), taint and drain for one node row, each disabled with the reason when RBAC says no. */
export function NodeActionButtons({ node, unschedulable }: { node: string; unschedulable: boolean }) {
  const ensurePermissions = useActions((state) => state.ensurePermissions);
  const cordon: Action = unschedulable ? { kind: 'uncordon', node } : { kind: 'cordon', node };
  const taint: Action = { kind: 'taint', node, ...DEFAULT_TAINT };
  const drain: Action = { kind: 'drain', node, options: { ...DEFAULT_DRAIN_OPTIONS } };
  useEffect(() => {
    // Node writes all need "patch nodes": one check per node stands for the three buttons.
    ensurePermissions([{ kind: unschedulable ? 'uncordon' : 'cordon', node }]);
  }, [ensurePermissions, node, unschedulable]);
  const permission = useActions((state) => state.permissions.get(permissionKey(cordon)));
  const denied = permission !== undefined && !permission.allowed;
  return (
    <span className="action-buttons" data-denied={denied ? 'true' : 'false'}>
      <NodeButton action={cordon} label={unschedulable ? 'Uncordon' : 'Cordon'} />
      {denied ? (
        <>
          <DeniedButton label="Taint" node={node} missing={permission.missing} />
          <DeniedButton label="Drain" node={node} missing={permission.missing} />
        </>
      ) : (
        <>
          <NodeButton action={taint} label="Taint" />
          <NodeButton action={drain} label="Drain" />
        </>
      )}
    </span>
  );
}

function DeniedButton({ label, node, missing }: { label: string; node: string; missing: string[] }) {
  const reason = `${label} node ${node} is not allowed: your user may not ${missing.join(', ')}`;
  return (
    <button type="button" className="action-button" disabled title={reason} aria-label={reason}>
      {label}
    </button>
  );
}
