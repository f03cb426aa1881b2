import { useState } from 'react';
import type { Action, ActionPreview, DrainParams } from '../../../core/contract/index.ts';
import type { ActionDialog as DialogState } from '../stores/actionsStore.ts';
import { useActions } from './useActions.ts';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

function TaintEditor({ action }: { action: Extract<Action, { kind: 'taint' }> }) {
  const revise = useActions((state) => state.revise);
  const [key, setKey] = useState(action.key);
  const [value, setValue] = useState(action.value ?? '');
  const [effect, setEffect] = useState(action.effect);
  return (
    <form
      className="action-form"
      onSubmit={(event) => {
        event.preventDefault();
        void revise({ ...action, key, effect, ...(value ? { value } : { value: undefined }) });
      }}
    >
      <label>
        Key <input value={key} onChange={(e) => setKey(e.target.value)} data-testid="taint-key" />
      </label>
      <label>
        Value <input value={value} onChange={(e) => setValue(e.target.value)} data-testid="taint-value" />
      </label>
      <label>
        Effect{' '}
        <select value={effect} onChange={(e) => setEffect(e.target.value)} data-testid="taint-effect">
          {EFFECTS.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <button type="submit" className="action-button">
        Preview again
      </button>
    </form>
  );
}

const DRAIN_FLAGS: readonly { key: keyof DrainParams; label: string }[] = [
  { key: 'ignoreDaemonSets', label: 'Ignore DaemonSet pods' },
  { key: 'deleteEmptyDirData', label: 'Delete emptyDir data' },
  { key: 'force', label: 'Force: also pods with no controller' },
  { key: 'disableEviction', label: 'Delete instead of evict (bypasses PodDisruptionBudgets)' },
];

function DrainEditor({ action }: { action: Extract<Action, { kind: 'drain' }> }) {
  const revise = useActions((state) => state.revise);
  const options = action.options ?? {};
  return (
    <div className="action-form">
      {DRAIN_FLAGS.map(({ key, label }) => (
        <label key={key}>
          <input
            type="checkbox"
            checked={options[key] === true}
            onChange={(e) => void revise({ ...action, options: { ...options, [key]: e.target.checked } })}
          />{' '}
          {label}
        </label>
      ))}
    </div>
  );
}

function PodList({
  title,
  pods,
  testId,
}: {
  title: string;
  pods: readonly { pod: string; reason?: string }[];
  testId: string;
}) {
  if (pods.length === 0) return null;
  return (
    <div data-testid={testId}>
      <h4>
        {title} ({pods.length})
      </h4>
      <ul className="action-pods">
        {pods.map(({ pod, reason }) => (
          <li key={pod}>
            <code>{pod}</code>
            {reason ? <span className="muted"> — {reason}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PreviewView({ preview }: { preview: ActionPreview }) {
  return (
    <div className="action-preview" data-testid="action-preview">
      {preview.changes.length > 0 ? (
        <table className="simple-table">
          <thead>
            <tr>
              <th>Field</th>
              <th>Now</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {preview.changes.map((change) => (
              <tr key={change.field}>
                <td>
                  <code>{change.field}</code>
                </td>
                <td>{change.from}</td>
                <td>{change.to}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Nothing on the object itself changes.</p>
      )}
      <PodList title="Pods to evict" pods={preview.evict.map((pod) => ({ pod }))} testId="preview-evict" />
      <PodList title="Pods that block" pods={preview.blocking} testId="preview-blocking" />
      <PodList title="Pods left in place" pods={preview.skip} testId="preview-skip" />
      <p className="action-kubectl">
        The same with kubectl: <code data-testid="preview-kubectl">{preview.kubectl}</code>
      </p>
      {preview.problems.map((problem) => (
        <p key={problem} className="notice action-problem" role="alert">
          {problem}
        </p>
      ))}
    </div>
  );
}

function Steps({ steps }: { steps: readonly string[] }) {
  if (steps.length === 0) return null;
  return (
    <ol className="action-steps" data-testid="action-steps">
      {steps.map((step, i) => (
        <li key={i}>{step}</li>
      ))}
    </ol>
  );
}

function Footer({ dialog }: { dialog: DialogState }) {
  const confirm = useActions((state) => state.confirm);
  const close = useActions((state) => state.close);
  const undo = useActions((state) => state.undo);
  const cancelRunning = useActions((state) => state.cancelRunning);
  const preview = dialog.preview;
  const blocked = !preview || preview.problems.length > 0 || !preview.permission.allowed;
  return (
    <div className="action-footer">
      {dialog.phase === 'confirm' ? (
        <button
          type="button"
          className="primary-button"
          disabled={blocked}
          onClick={() => void confirm()}
          data-testid="action-confirm"
        >
          Confirm
        </button>
      ) : null}
      {dialog.phase === 'running' && dialog.action.kind === 'drain' ? (
        <button
          type="button"
          className="action-button"
          onClick={() => void cancelRunning()}
          data-testid="action-cancel"
        >
          Stop the drain
        </button>
      ) : null}
      {dialog.record?.undo && (dialog.phase === 'done' || dialog.phase === 'failed') ? (
        <button
          type="button"
          className="primary-button"
          onClick={() => void undo(dialog.record?.id ?? -1)}
          data-testid="action-undo"
        >
          Undo
        </button>
      ) : null}
      <button type="button" className="action-button" onClick={close} data-testid="action-close">
        {dialog.phase === 'confirm' || dialog.phase === 'previewing' ? 'Cancel' : 'Close'}
      </button>
    </div>
  );
}

const PHASE_WORDS: Record<DialogState['phase'], string> = {
  previewing: 'Asking the API server for a dry run…',
  confirm: 'Dry run done: nothing has changed yet. Confirm to run it.',
  running: 'Running…',
  done: 'Done.',
  failed: 'It did not complete.',
};

/** Preview → confirm → progress → result → undo, for whichever action is open. */
export function ActionDialog() {
  const dialog = useActions((state) => state.dialog);
  if (!dialog) return null;
  const { action, preview } = dialog;
  return (
    <div
      className="action-overlay"
      role="dialog"
      aria-modal="true"
      aria-label="Action"
      data-testid="action-dialog"
    >
      <div className="action-dialog">
        <h3>{preview?.summary ?? action.kind}</h3>
        <p className="muted" data-testid="action-phase" data-phase={dialog.phase}>
          {PHASE_WORDS[dialog.phase]}
        </p>
        {dialog.phase === 'confirm' && action.kind === 'taint' ? <TaintEditor action={action} /> : null}
        {dialog.phase === 'confirm' && action.kind === 'drain' ? <DrainEditor action={action} /> : null}
        {preview && (dialog.phase === 'confirm' || dialog.phase === 'previewing') ? (
          <PreviewView preview={preview} />
        ) : null}
        <Steps steps={dialog.steps} />
        {dialog.record ? (
          <p data-testid="action-outcome" className={dialog.phase === 'done' ? 'check-ok' : 'notice'}>
            {dialog.record.outcome}
          </p>
        ) : null}
        {dialog.error && !dialog.record ? (
          <p className="notice" role="alert">
            {dialog.error}
          </p>
        ) : null}
        <Footer dialog={dialog} />
      </div>
    </div>
  );
}
