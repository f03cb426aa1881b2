import { useContexts } from '../app/storesContext.ts';
import { contextKey, parseContextKey } from '../stores/contextsStore.ts';

/**
 * Every context of the merged kubeconfig, plus the demo cluster; picking one connects to it
 * without a restart. Kubeconfig files that could not be read are named in the tooltip.
 */
export function ContextPicker() {
  const list = useContexts((state) => state.list);
  const switchingTo = useContexts((state) => state.switchingTo);
  const error = useContexts((state) => state.error);
  const select = useContexts((state) => state.select);
  if (!list) return null;
  const value = switchingTo ?? list.selected;
  const problems = list.problems.map((p) => p.message).join('\n');
  return (
    <label className="context-picker" title={[error, problems].filter(Boolean).join('\n') || undefined}>
      <span className="context-picker-label">Context</span>
      <select
        data-testid="context-picker"
        value={value ? contextKey(value) : ''}
        disabled={!!switchingTo}
        onChange={(event) => {
          const ref = parseContextKey(event.target.value);
          if (ref) void select(ref);
        }}
      >
        {list.contexts.map((entry) => (
          <option key={contextKey(entry)} value={contextKey(entry)}>
            {entry.source === 'demo'
              ? 'Demo cluster (simulated)'
              : `${entry.name}${entry.current ? ' (current)' : ''} — ${entry.cluster}${entry.namespace ? ` / ${entry.namespace}` : ''}`}
          </option>
        ))}
      </select>
      {list.problems.length > 0 ? (
        <span className="context-picker-warning" data-testid="context-problems">
          {list.problems.length} kubeconfig file{list.problems.length > 1 ? 's' : ''} unreadable
        </span>
      ) : null}
      {error ? <span className="context-picker-warning">{error}</span> : null}
    </label>
  );
}
