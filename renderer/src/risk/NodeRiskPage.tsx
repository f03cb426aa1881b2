import { useEffect, useState } from 'react';
import { riskFigure, type NodeSamplePoint } from '../../../core/contract/index.ts';
import { useApi, useNodes } from '../app/storesContext.ts';
import { feedbackKey } from '../stores/riskStore.ts';
import { useRisk } from './RiskBadge.tsx';
import { NodeDetailsPanel } from './NodeDetailsPanel.tsx';
import { nodeMetricCharts } from './nodeMetricCharts.ts';
import { containerForecastLine } from './containerForecast.ts';
import { axisFor, linePoints, xOf, type TimeAxis } from './timeChart.ts';

const WIDTH = 640;
const HEIGHT = 90;

interface Marks {
  incidents: { startMs: number; lastMs: number; what: string }[];
  predictions: number[];
}

function Chart(props: {
  title: string;
  testId: string;
  axis: TimeAxis;
  points: { at: number; value: number | null }[];
  color: string;
  marks: Marks;
  /** The value drawn at the top of the chart (the bottom is 0). */
  high?: number;
}) {
  const { axis, marks } = props;
  return (
    <figure>
      <figcaption>{props.title}</figcaption>
      <svg
        className="risk-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        data-testid={props.testId}
        role="img"
        aria-label={props.title}
      >
        {marks.incidents.map((m) => (
          <rect
            key={`i-${m.startMs}`}
            className="incident"
            data-testid="incident-mark"
            x={xOf(axis, m.startMs)}
            width={Math.max(3, xOf(axis, m.lastMs) - xOf(axis, m.startMs))}
            y={0}
            height={HEIGHT}
          >
            <title>{m.what}</title>
          </rect>
        ))}
        {marks.predictions.map((at) => (
          <line
            key={`p-${at}`}
            className="prediction"
            data-testid="prediction-mark"
            x1={xOf(axis, at)}
            x2={xOf(axis, at)}
            y1={0}
            y2={HEIGHT}
          />
        ))}
        <polyline points={linePoints(props.points, axis, HEIGHT, 0, props.high ?? 1)} stroke={props.color} />
      </svg>
    </figure>
  );
}

/** One node: its metrics and its risk over time, incidents and predictions on the same axis. */
export function NodeRiskPage({ node }: { node: string }) {
  const api = useApi();
  const detail = useRisk((s) => (s.detail?.node === node ? s.detail : null));
  const detailError = useRisk((s) => s.detailError);
  const loadNode = useRisk((s) => s.loadNode);
  const risk = useRisk((s) => s.risks[node]);
  const riskAt = useRisk((s) => s.at);
  const giveFeedback = useRisk((s) => s.giveFeedback);
  const feedbackGiven = useRisk((s) => s.feedbackGiven);
  const feedbackError = useRisk((s) => s.feedbackError);
  const row = useNodes((s) => s.snapshot?.nodes.find((r) => r.name === node));
  const [series, setSeries] = useState<NodeSamplePoint[]>([]);
  useEffect(() => {
    void loadNode(node);
    void api
      .call('history.nodeSeries', { node, since: Date.now() - 24 * 3_600_000 })
      .then((r) => setSeries(r.points))
      .catch(() => setSeries([]));
  }, [api, node, loadNode, riskAt]);
  const points = detail?.points ?? [];
  const axis = axisFor([...series.map((p) => p.at), ...points.map((p) => p.at)], WIDTH);
  const marks: Marks = {
    incidents: (detail?.incidents ?? []).filter((i) => i.lastMs >= axis.from),
    predictions: (detail?.events ?? []).filter((e) => e.type === 'risk-detected').map((e) => e.at),
  };
  const metrics = nodeMetricCharts(series, row);
  const forecast = containerForecastLine(row);
  const alert = [...(detail?.events ?? [])].reverse().find((e) => e.type === 'risk-detected');
  return (
    <section className="panel" data-testid="node-risk-page" data-node={node}>
      <h2>{node}</h2>
      {risk ? (
        <p data-testid="node-risk-now" data-level={risk.level}>
          <span className={`badge risk-${risk.level}`}>{risk.level}</span> {riskFigure(risk)}
          {risk.kind ? ` — ${risk.kind}` : ''}
          {risk.leadTimeMinutes !== undefined ? ` within ${risk.leadTimeMinutes} min` : ''}
        </p>
      ) : (
        <p className="muted">No prediction for this node yet.</p>
      )}
      {risk && risk.reasons.length > 0 ? (
        <ul data-testid="node-risk-reasons">
          {risk.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {forecast ? <p data-testid="container-forecast">{forecast}</p> : null}
      {detailError ? <p className="error">{detailError}</p> : null}
      <Chart
        title="Risk (probability of an incident within 30 min)"
        testId="risk-chart"
        axis={axis}
        color="#c22"
        marks={marks}
        points={points.map((p) => ({ at: p.at, value: p.probability }))}
      />
      {metrics.map((m) => (
        <Chart
          key={m.testId}
          title={m.title}
          testId={m.testId}
          axis={axis}
          color={m.color}
          marks={marks}
          points={m.points}
          high={m.high}
        />
      ))}
      <h3>Incidents</h3>
      {detail && detail.incidents.length > 0 ? (
        <ul data-testid="node-incidents">
          {detail.incidents.map((i) => (
            <li key={i.startMs}>
              {new Date(i.startMs).toLocaleTimeString()}: {i.what} ({i.kind})
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No incident in the last day.</p>
      )}
      {alert ? (
        <p>
          Last alert at {new Date(alert.at).toLocaleTimeString()}: was it useful?{' '}
          {feedbackGiven[feedbackKey(node, alert.at)] ? (
            <span data-testid="feedback-given">
              Thanks: marked {feedbackGiven[feedbackKey(node, alert.at)]}.
            </span>
          ) : (
            <>
              <button type="button" onClick={() => void giveFeedback(node, alert.at, 'useful')}>
                Useful
              </button>{' '}
              <button type="button" onClick={() => void giveFeedback(node, alert.at, 'false-alarm')}>
                False alarm
              </button>
            </>
          )}
          {feedbackError ? <span className="error"> {feedbackError}</span> : null}
        </p>
      ) : null}
      <NodeDetailsPanel node={node} refresh={riskAt} />
    </section>
  );
}
