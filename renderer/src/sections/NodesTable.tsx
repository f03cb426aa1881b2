import type { NodeRow } from '../../../core/contract/index.ts';
import { useNodes } from '../app/storesContext.ts';
import type { NodeSortKey } from '../stores/nodeTable.ts';
import { ActionDialog } from '../actions/ActionDialog.tsx';
import { NodeRowView } from './NodeRowView.tsx';
import { useVirtualRows } from './useVirtualRows.ts';

/**
 * Fixed row height is what makes virtualising 5,000 rows a matter of arithmetic.
 * Keep in step with --row-height in styles/theme.css.
 */
export const nodeRowHeight = 30;

const columns: readonly { key: NodeSortKey | null; label: string; className: string }[] = [
  { key: 'name', label: 'Name', className: 'cell-name' },
  { key: 'status', label: 'Status', className: 'cell-status' },
  { key: 'roles', label: 'Roles', className: 'cell-roles' },
  { key: 'pods', label: 'Pods', className: 'cell-pods' },
  { key: 'cpu', label: 'CPU', className: 'cell-usage' },
  { key: 'memory', label: 'Memory', className: 'cell-usage' },
  { key: null, label: 'CPU trend', className: 'cell-trend' },
  { key: null, label: 'Actions', className: 'cell-actions' },
];

function SortHeader() {
  const sort = useNodes((state) => state.sort);
  const sortBy = useNodes((state) => state.sortBy);
  return (
    <div className="row row-header" role="row">
      {columns.map((column) => {
        if (!column.key) {
          return (
            <div key={column.label} className={`cell ${column.className}`} role="columnheader">
              {column.label}
            </div>
          );
        }
        const key = column.key;
        const active = sort.key === key;
        return (
          <div
            key={key}
            className={`cell ${column.className}`}
            role="columnheader"
            aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <button
              type="button"
              className="sort-button"
              onClick={() => sortBy(key)}
              data-testid={`sort-${key}`}
            >
              {column.label}
              <span className="sort-mark" aria-hidden="true">
                {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
              </span>
            </button>
          </div>
        );
      })}
    </div>
  );
}

/** The nodes, virtualised: only the rows on screen (plus overscan) exist in the DOM. */
export function NodesTable({ rows }: { rows: readonly NodeRow[] }) {
  const trends = useNodes((state) => state.trends);
  const { containerRef, onScroll, range } = useVirtualRows(rows.length, nodeRowHeight);
  const shown = rows.slice(range.start, range.end);
  return (
    <div className="nodes-table" data-testid="nodes-table" role="table" aria-rowcount={rows.length + 1}>
      <div className="table-scroll" ref={containerRef} onScroll={onScroll}>
        <SortHeader />
        <div className="table-body" style={{ height: rows.length * nodeRowHeight }}>
          <div className="table-window" style={{ transform: `translateY(${range.start * nodeRowHeight}px)` }}>
            {shown.map((node, offset) => (
              <NodeRowView
                key={node.name}
                node={node}
                trend={trends.get(node.name)}
                odd={(range.start + offset) % 2 === 1}
              />
            ))}
          </div>
        </div>
      </div>
      <ActionDialog />
    </div>
  );
}
