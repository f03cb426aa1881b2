import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ScalingWorkloadRef } from '../../../core/contract/index.ts';
import { useConnection, useSectionStore } from '../app/storesContext.ts';
import { formatBytes, formatCpu } from '../format/units.ts';
import {
  createScalingOverviewStore,
  isAdvised,
  roundKey,
  type ScalingOverviewState,
  type WorkloadSummary,
} from '../stores/scalingOverviewStore.ts';

function useOverview<T>(selector: (state: ScalingOverviewState) => T): T {
  return useStore(
    useSectionStore('scalingOverview', (api) => createScalingOverviewStore(api)),
    selector,
  );
}

const change = (from: string, to: string) => (from === to ? from : `${from} → ${to}`);

function Row({ row, onOpen }: { row: WorkloadSummary; onOpen: (key: string) => void }) {
  const name = (
    <button type="button" className="link-button" onClick={() => onOpen(row.key)}>
      {row.workload.kind} {row.workload.namespace}/{row.workload.name}
    </button>
  );
  if (!isAdvised(row)) {
    return (
      <tr data-testid="scaling-overview-row" data-workload={row.key}>
        <td>{name}</td>
        <td colSpan={5} className="muted">
          {row.problem}
        </td>
      </tr>
    );
  }
  return (
    <tr data-testid="scaling-overview-row" data-workload={row.key}>
      <td>{name}</td>
      <td>{row.confidence}</td>
      <td>{change(String(row.replicas.current), String(row.replicas.advised))}</td>
      <td>{change(formatCpu(row.cpuRequestMillis.current), formatCpu(row.cpuRequestMillis.recommended))}</td>
      <td>
        {change(formatBytes(row.memoryRequestBytes.current), formatBytes(row.memoryRequestBytes.recommended))}
      </td>
      <td className={row.monthlySavings > 0 ? 'text-ok' : ''}>
        {row.monthlySavings.toFixed(2)} {row.currency}
      </td>
    </tr>
  );
}

/**
 * Every workload's advice in one table, largest saving first (what Goldilocks or KRR list):
 * advised as the workload page advises one, two at a time, filled in as answers arrive.
 */
export function ScalingOverview(props: {
  workloads: readonly ScalingWorkloadRef[];
  onOpen: (key: string) => void;
}) {
  const rows = useOverview((s) => s.rows);
  const total = useOverview((s) => s.total);
  const done = useOverview((s) => s.done);
  const running = useOverview((s) => s.running);
  const advise = useOverview((s) => s.advise);
  const advisedRound = useOverview((s) => s.round);
  const status = useConnection((s) => s.status);
  const { workloads } = props;
  const round = roundKey(status ? `${status.context}@${status.server}` : '', workloads);
  // A new round when the context or the workloads listed change: the rows answered another list.
  useEffect(() => {
    if (workloads.length > 0 && !running && advisedRound !== round) void advise(workloads, round);
  }, [advise, advisedRound, round, running, workloads]);
  if (workloads.length === 0) return null;
  const advised = rows.filter(isAdvised);
  const allSavings = advised.reduce((sum, row) => sum + row.monthlySavings, 0);
  const inAll = advised[0] ? ` (${allSavings.toFixed(2)} ${advised[0].currency} a month in all)` : '';
  return (
    <section className="panel" data-testid="scaling-overview">
      <h2>All workloads</h2>
      <p className="muted">
        {running
          ? `Advising ${done} of ${total} workloads…`
          : `${total} workloads advised, the largest saving first${inAll}; open one for its forecast, schedule and actions. `}
        {running ? null : (
          <button
            type="button"
            onClick={() => void advise(workloads, round)}
            data-testid="scaling-overview-refresh"
          >
            Advise again
          </button>
        )}
      </p>
      <table className="simple-table">
        <thead>
          <tr>
            <th>Workload</th>
            <th>Confidence</th>
            <th>Replicas now → advised</th>
            <th>CPU request</th>
            <th>Memory request</th>
            <th>Saving a month</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row key={row.key} row={row} onOpen={props.onOpen} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
