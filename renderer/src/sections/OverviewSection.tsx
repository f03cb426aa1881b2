import { useMemo, type ReactNode } from 'react';
import { useConnection, useHistory, useNodes } from '../app/storesContext.ts';
import { useNow } from '../app/useNow.ts';
import { UsageBar } from '../components/UsageBar.tsx';
import {
  formatAgo,
  formatBytes,
  formatCount,
  formatCpu,
  formatPercent,
  usageFraction,
} from '../format/units.ts';
import { OverviewNodeAdviceCard } from '../placement/OverviewNodeAdvice.tsx';
import { OverviewRecentEvents, OverviewRiskCard } from '../risk/OverviewRisk.tsx';
import { clusterTotals, type ResourceTotal } from '../stores/clusterTotals.ts';

function Card({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div className="card" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </div>
  );
}

function ResourceCard(props: {
  title: string;
  testId: string;
  total: ResourceTotal;
  format: (n: number) => string;
}) {
  const { total } = props;
  const fraction = usageFraction(total.used, total.measuredAllocatable);
  return (
    <Card title={props.title} testId={props.testId}>
      <div className="card-figure">{formatPercent(fraction)}</div>
      <UsageBar fraction={fraction} />
      <div className="card-detail">
        {total.used === null ? 'usage unknown' : props.format(total.used)} used of{' '}
        {props.format(total.allocatable)} allocatable
      </div>
    </Card>
  );
}

/** Totals are cores for any real cluster; say so, since a bare "21.6" reads as nothing. */
function formatCores(millis: number): string {
  return millis < 1000 ? formatCpu(millis) : `${formatCpu(millis)} cores`;
}

export function OverviewSection() {
  const snapshot = useNodes((state) => state.snapshot);
  const connection = useConnection((state) => state.status);
  const history = useHistory((state) => state.status);
  const now = useNow();
  const totals = useMemo(() => clusterTotals(snapshot?.nodes ?? []), [snapshot]);

  return (
    <section className="section" aria-labelledby="overview-title">
      <header className="section-header">
        <h1 id="overview-title">Overview</h1>
        <span className="section-meta">
          {connection ? connection.context : 'no cluster yet'}
          {snapshot ? ` · updated ${formatAgo(snapshot.at, now)}` : ''}
        </span>
      </header>
      {!snapshot ? (
        <p className="empty">Waiting for the first snapshot of the cluster…</p>
      ) : (
        <div className="cards">
          <Card title="Nodes" testId="overview-nodes">
            <div className="card-figure">{formatCount(totals.nodes)}</div>
            <div className="card-detail">
              <span>{formatCount(totals.ready)} ready</span>
              {totals.notReady ? (
                <span className="text-bad"> · {formatCount(totals.notReady)} not ready</span>
              ) : null}
              {totals.cordoned ? (
                <span className="text-warn"> · {formatCount(totals.cordoned)} cordoned</span>
              ) : null}
            </div>
          </Card>
          <OverviewRiskCard />
          <OverviewNodeAdviceCard snapshotAt={snapshot.at} />
          <ResourceCard title="CPU" testId="overview-cpu" total={totals.cpuMillis} format={formatCores} />
          <ResourceCard
            title="Memory"
            testId="overview-memory"
            total={totals.memoryBytes}
            format={formatBytes}
          />
          <Card title="Pods" testId="overview-pods">
            <div className="card-figure">{formatCount(totals.pods)}</div>
            <UsageBar fraction={usageFraction(totals.pods, totals.podCapacity)} />
            <div className="card-detail">of {formatCount(totals.podCapacity)} pod slots</div>
          </Card>
          <Card title="Metrics" testId="overview-metrics">
            <div className={snapshot.metricsAvailable ? 'card-state text-ok' : 'card-state text-bad'}>
              {snapshot.metricsAvailable ? 'Available' : 'Unavailable'}
            </div>
            <div className="card-detail">
              {snapshot.metricsAvailable
                ? `metrics.k8s.io reports usage for ${formatCount(totals.measured)} of ${formatCount(totals.nodes)} nodes`
                : 'metrics.k8s.io is not answering: usage is unknown'}
            </div>
          </Card>
          <Card title="History" testId="overview-history">
            <div className={history?.state === 'ok' ? 'card-state text-ok' : 'card-state text-bad'}>
              {history ? (history.state === 'ok' ? 'Recording' : 'Unavailable') : '—'}
            </div>
            <div className="card-detail">
              {history
                ? history.state === 'ok'
                  ? `${formatCount(history.sampleCount)} samples · kept ${history.retentionDays} days`
                  : (history.message ?? 'The history database cannot be used.')
                : 'No report yet'}
            </div>
          </Card>
        </div>
      )}
      {snapshot ? <OverviewRecentEvents /> : null}
    </section>
  );
}
