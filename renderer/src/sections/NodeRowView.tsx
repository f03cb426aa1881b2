import { memo } from 'react';
import type { NodeRow, NodeSamplePoint } from '../../../core/contract/index.ts';
import { NodeActionButtons } from '../actions/NodeActionButtons.tsx';
import { Sparkline } from '../components/Sparkline.tsx';
import { UsageBar } from '../components/UsageBar.tsx';
import { RiskBadge } from '../risk/RiskBadge.tsx';
import { formatBytes, formatCpu, formatPercent, usageFraction } from '../format/units.ts';

export interface NodeRowViewProps {
  node: NodeRow;
  trend: readonly NodeSamplePoint[] | undefined;
  /** Zebra striping by position in the whole list, so stripes do not flip as the window scrolls. */
  odd: boolean;
}

function UsageCell(props: { testId: string; used: string; total: string; fraction: number | null }) {
  return (
    <div className="cell cell-usage" role="cell" data-testid={props.testId}>
      {/* The spaces keep the cell's text readable when copied or read aloud: "1.2 / 4 30%". */}
      <span className="usage-text">
        {props.used} / {props.total}
      </span>{' '}
      <UsageBar fraction={props.fraction} />{' '}
      <span className="usage-percent">{formatPercent(props.fraction)}</span>
    </div>
  );
}

/** One node; memoised because a snapshot replaces every row object but most rows are off screen. */
export const NodeRowView = memo(function NodeRowView({ node, trend, odd }: NodeRowViewProps) {
  const cpu = usageFraction(node.cpuMillis, node.cpuAllocatableMillis);
  const memory = usageFraction(node.memoryBytes, node.memoryAllocatableBytes);
  return (
    <div className={odd ? 'row row-odd' : 'row'} role="row" data-testid="node-row" data-node={node.name}>
      <div className="cell cell-name" role="cell" title={node.name}>
        {node.name}
      </div>
      <div className="cell cell-status" role="cell">
        <span className={node.ready ? 'badge badge-ok' : 'badge badge-bad'}>
          {node.ready ? 'Ready' : 'NotReady'}
        </span>
        {node.unschedulable ? <span className="badge badge-warn">SchedulingDisabled</span> : null}
        <RiskBadge node={node.name} />
      </div>
      <div className="cell cell-roles" role="cell" title={node.roles.join(', ')}>
        {node.roles.length ? node.roles.join(', ') : <span className="muted">&lt;none&gt;</span>}
      </div>
      <div className="cell cell-pods" role="cell">
        {node.pods} / {node.podCapacity}
      </div>
      <UsageCell
        testId="cell-cpu"
        used={formatCpu(node.cpuMillis)}
        total={formatCpu(node.cpuAllocatableMillis)}
        fraction={cpu}
      />
      <UsageCell
        testId="cell-memory"
        used={formatBytes(node.memoryBytes)}
        total={formatBytes(node.memoryAllocatableBytes)}
        fraction={memory}
      />
      <div className="cell cell-trend" role="cell">
        <Sparkline points={trend ?? []} allocatableMillis={node.cpuAllocatableMillis} />
      </div>
      <div className="cell cell-actions" role="cell">
        <NodeActionButtons node={node.name} unschedulable={node.unschedulable} />
      </div>
    </div>
  );
});
