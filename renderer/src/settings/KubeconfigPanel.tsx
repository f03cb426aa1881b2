import { useState, type FormEvent } from 'react';
import { useSettings } from './useSettings.ts';

/** The kubeconfig files Foresight reads, and the extra files or folders the user adds. */
export function KubeconfigPanel() {
  const view = useSettings((state) => state.view);
  const saving = useSettings((state) => state.saving);
  const add = useSettings((state) => state.addKubeconfigPath);
  const remove = useSettings((state) => state.removeKubeconfigPath);
  const [path, setPath] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await add(path)) setPath('');
  }

  return (
    <div className="panel" data-testid="settings-kubeconfig">
      <h2>Kubeconfig</h2>
      <p className="muted">
        Read in this order, merged as kubectl merges them: the first file wins for the current context and for
        duplicate names. Added files and folders come after KUBECONFIG (or ~/.kube/config); a folder means
        every file in it.
      </p>
      <h3>Files read</h3>
      {view && view.kubeconfigFiles.length > 0 ? (
        <ol className="path-list">
          {view.kubeconfigFiles.map((file) => (
            <li key={file}>
              <code>{file}</code>
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">No kubeconfig file was found; the demo cluster is the only context.</p>
      )}
      <h3>Added files and folders</h3>
      <ul className="path-list">
        {(view?.extraKubeconfigPaths ?? []).map((extra) => (
          <li key={extra}>
            <code>{extra}</code>{' '}
            <button
              type="button"
              className="link-button"
              disabled={saving}
              onClick={() => void remove(extra)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {(view?.problems ?? []).map((problem) => (
        <p key={problem.file} className="notice" role="alert">
          {problem.message}
        </p>
      ))}
      <form className="inline-form" onSubmit={(event) => void submit(event)}>
        <label htmlFor="kubeconfig-path">File or folder</label>
        <input
          id="kubeconfig-path"
          className="filter"
          value={path}
          placeholder="/home/me/.kube/clusters"
          onChange={(event) => setPath(event.target.value)}
        />
        <button type="submit" className="primary-button" disabled={saving || !path.trim()}>
          Add
        </button>
      </form>
    </div>
  );
}
