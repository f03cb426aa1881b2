import { useDeferredValue, useMemo } from 'react';
import { useNodes } from '../app/storesContext.ts';
import { useNow } from '../app/useNow.ts';
import { formatAgo, formatCount } from '../format/units.ts';
import { visibleNodes } from '../stores/nodeTable.ts';
import { NodesTable } from './NodesTable.tsx';

export function NodesSection() {
  const snapshot = useNodes((state) => state.snapshot);
  const loadError = useNodes((state) => state.loadError);
  const sort = useNodes((state) => state.sort);
  const filter = useNodes((state) => state.filter);
  const setFilter = useNodes((state) => state.setFilter);
  // Typing stays responsive while 5,000 rows are re-filtered and re-sorted behind it.
  const deferredFilter = useDeferredValue(filter);
  const now = useNow();
  const rows = useMemo(
    () => (snapshot ? visibleNodes(snapshot.nodes, sort, deferredFilter) : []),
    [snapshot, sort, deferredFilter],
  );

  return (
    <section className="section section-fill" aria-labelledby="nodes-title">
      <header className="section-header">
        <h1 id="nodes-title">Nodes</h1>
        <input
          className="filter"
          type="search"
          placeholder="Filter by name"
          aria-label="Filter nodes by name"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          data-testid="nodes-filter"
          spellCheck={false}
        />
        {snapshot ? (
          <span className="section-meta" data-testid="nodes-count">
            {rows.length === snapshot.nodes.length
              ? `${formatCount(rows.length)} nodes`
              : `${formatCount(rows.length)} of ${formatCount(snapshot.nodes.length)} nodes`}
            {' · updated '}
            {formatAgo(snapshot.at, now)}
          </span>
        ) : null}
      </header>
      {snapshot && !snapshot.metricsAvailable ? (
        <p className="notice">
          metrics.k8s.io is not answering, so CPU and memory usage are unknown. Install or repair
          metrics-server to see them.
        </p>
      ) : null}
      {snapshot ? (
        <NodesTable rows={rows} />
      ) : (
        <p className="empty">
          {loadError ? `Could not load nodes: ${loadError}` : 'Waiting for the first snapshot…'}
        </p>
      )}
    </section>
  );
}
