import type { ContextCheckResult } from '../../../core/contract/index.ts';
import { useContexts } from '../app/storesContext.ts';
import { contextKey } from '../stores/contextsStore.ts';
import { useSettings } from './useSettings.ts';

function CheckResult({ result }: { result: ContextCheckResult | 'checking' | undefined }) {
  if (result === undefined) return <span className="muted">Not checked</span>;
  if (result === 'checking') return <span className="muted">Checking…</span>;
  if (result.reachable) {
    return (
      <span className="check-ok">
        Reachable{result.version ? ` (Kubernetes ${result.version})` : ''} in {result.tookMs} ms
      </span>
    );
  }
  return <span className="notice">{result.message ?? 'Unreachable'}</span>;
}

/**
 * Every context with a Check button. Foresight connects only to the chosen context (many OIDC
 * or exec-plugin contexts would otherwise mean a storm of login prompts); others are checked
 * when the user asks.
 */
export function ContextChecks() {
  const contexts = useContexts((state) => state.list?.contexts);
  const checks = useSettings((state) => state.checks);
  const check = useSettings((state) => state.check);
  return (
    <div className="panel panel-full" data-testid="settings-contexts">
      <h2>Contexts</h2>
      <div className="simple-table-frame">
        <table className="simple-table">
          <thead>
            <tr>
              <th>Context</th>
              <th>Cluster</th>
              <th>User</th>
              <th>Namespace</th>
              <th>Reachable?</th>
            </tr>
          </thead>
          <tbody>
            {(contexts ?? []).map((entry) => {
              const key = contextKey(entry);
              return (
                <tr key={key}>
                  <td>
                    {entry.name}
                    {entry.current ? <span className="muted"> (current)</span> : null}
                  </td>
                  <td>{entry.cluster}</td>
                  <td>{entry.user}</td>
                  <td>{entry.namespace || 'default'}</td>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Check ${entry.name}`}
                      disabled={checks[key] === 'checking'}
                      onClick={() => void check(entry)}
                    >
                      Check
                    </button>{' '}
                    <CheckResult result={checks[key]} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
