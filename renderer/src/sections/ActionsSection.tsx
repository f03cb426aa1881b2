import { useEffect } from 'react';
import type { AuditRecord } from '../../../core/contract/index.ts';
import { ActionDialog } from '../actions/ActionDialog.tsx';
import { AutopilotPanel } from '../actions/AutopilotPanel.tsx';
import { useActions } from '../actions/useActions.ts';
import '../actions/actions.css';

const time = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toLocaleString());

const STATUS_BADGE: Record<AuditRecord['status'], string> = {
  running: 'badge badge-warn',
  succeeded: 'badge badge-ok',
  failed: 'badge badge-bad',
  interrupted: 'badge badge-bad',
  cancelled: 'badge badge-warn',
  held: 'badge badge-warn',
  'dry-run': 'badge',
};

function AuditRow({ record }: { record: AuditRecord }) {
  const undo = useActions((state) => state.undo);
  return (
    <tr data-testid="audit-row" data-audit-id={record.id} data-status={record.status}>
      <td>{time(record.startedAt)}</td>
      <td>
        {record.user}
        {record.origin === 'autopilot' ? <span className="tag"> autopilot</span> : null}
      </td>
      <td>{record.summary}</td>
      <td>
        <span className={STATUS_BADGE[record.status]}>{record.status}</span>
      </td>
      <td>
        <details>
          <summary>{record.outcome || '…'}</summary>
          <ol className="action-steps">
            {record.progress.map((step, i) => (
              <li key={i}>
                {new Date(step.at).toLocaleTimeString()} {step.message}
              </li>
            ))}
          </ol>
          <p className="muted">
            Cluster {record.cluster}; target {record.target}
            {record.undoOf !== undefined ? `; undoes action ${record.undoOf}` : ''}
          </p>
        </details>
      </td>
      <td>
        {record.undo && record.status !== 'running' ? (
          <button
            type="button"
            className="action-button"
            onClick={() => void undo(record.id)}
            data-testid="audit-undo"
          >
            Undo
          </button>
        ) : null}
      </td>
    </tr>
  );
}

/** The audit log: every action with who ran it, its dry run, its steps and how it ended; undo from here. */
export function ActionsSection() {
  const audit = useActions((state) => state.audit);
  const error = useActions((state) => state.auditError);
  const refresh = useActions((state) => state.refreshAudit);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return (
    <section className="section" data-testid="actions-section">
      <div className="section-header">
        <h1>Actions</h1>
        <span className="section-meta">
          Cordon, taint and drain from the Nodes page; every action is checked (RBAC), dry-run first and
          audited here.
        </span>
      </div>
      <AutopilotPanel />
      <h3>Audit log</h3>
      {error ? <p className="notice">Cannot read the audit log: {error}</p> : null}
      {audit.length === 0 && !error ? <p className="empty">No actions yet.</p> : null}
      {audit.length > 0 ? (
        <table className="simple-table" data-testid="audit-log">
          <thead>
            <tr>
              <th>Started</th>
              <th>User</th>
              <th>Action</th>
              <th>Status</th>
              <th>Outcome and steps</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {audit.map((record) => (
              <AuditRow key={record.id} record={record} />
            ))}
          </tbody>
        </table>
      ) : null}
      <ActionDialog />
    </section>
  );
}
