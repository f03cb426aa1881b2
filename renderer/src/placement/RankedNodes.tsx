import type { PlacementAnswerInfo, PlacedNodeInfo } from '../../../core/contract/index.ts';

/** How many rows each table shows before "show all": thousands of rows help nobody. */
const SHOWN = 50;

function ScoreBars({ node, plugins }: { node: PlacedNodeInfo; plugins: PlacementAnswerInfo['plugins'] }) {
  return (
    <div className="placement-bars">
      {plugins
        .filter((p) => p.active)
        .map((p) => {
          const score = node.scores[p.name] ?? 0;
          const why = node.explanations[p.name];
          return (
            <div key={p.name} className="placement-bar-row" title={why ? `${p.name}: ${why}` : p.name}>
              <span
                className={p.source === 'foresight' ? 'placement-bar-label foresight' : 'placement-bar-label'}
              >
                {p.name}
              </span>
              <span className="placement-bar" aria-label={`${p.name} ${score}`}>
                <span
                  className={p.source === 'foresight' ? 'placement-bar-fill foresight' : 'placement-bar-fill'}
                  style={{ width: `${score}%` }}
                />
              </span>
              <span className="placement-bar-value">{score}</span>
            </div>
          );
        })}
    </div>
  );
}

/** Every feasible node ranked, with a bar per scoring plugin, then every excluded node with its reasons. */
export function RankedNodes({
  answer,
  showAll,
  onShowAll,
}: {
  answer: PlacementAnswerInfo;
  showAll: boolean;
  onShowAll(): void;
}) {
  const feasible = answer.nodes.filter((n) => n.feasible);
  const excluded = answer.nodes.filter((n) => !n.feasible);
  const limit = showAll ? Infinity : SHOWN;
  return (
    <>
      {feasible.length > 0 ? (
        <table className="simple-table placement-table" data-testid="placement-ranked">
          <thead>
            <tr>
              <th>Rank</th>
              <th>Node</th>
              <th>Foresight</th>
              <th>kube-scheduler</th>
              <th>Scores (0–100 before weights)</th>
            </tr>
          </thead>
          <tbody>
            {feasible.slice(0, limit).map((n) => (
              <tr key={n.name} data-testid="placement-node" data-node={n.name} data-rank={n.rank ?? ''}>
                <td>{n.rank}</td>
                <td>{n.name}</td>
                <td>{n.foresightTotal}</td>
                <td>{n.kubeSchedulerTotal}</td>
                <td>
                  <ScoreBars node={n} plugins={answer.plugins} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {excluded.length > 0 ? (
        <section className="panel">
          <h3 className="placement-title">Excluded nodes ({excluded.length})</h3>
          <table className="simple-table" data-testid="placement-excluded">
            <tbody>
              {excluded.slice(0, limit).map((n) => (
                <tr key={n.name} data-testid="placement-excluded-node" data-node={n.name}>
                  <td>{n.name}</td>
                  <td>{n.reasons.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {!showAll && (feasible.length > SHOWN || excluded.length > SHOWN) ? (
        <button type="button" className="action-button" onClick={onShowAll}>
          Show all {answer.nodes.length} nodes
        </button>
      ) : null}
    </>
  );
}
