import type { ScalingAdviceInfo } from '../../../core/contract/index.ts';
import { forecastSpan, relativeTime } from './forecastSpan.ts';

const W = 720;
const H = 200;
const PAD = 28;

/**
 * The workload's CPU over the last day and the forecast of the next hours with its band, on one
 * time axis (SVG, no chart library: the renderer stays small and prints well).
 */
export function ForecastChart({ advice }: { advice: ScalingAdviceInfo }) {
  const { history, forecast } = advice;
  const points = history.at.map((at, i) => ({ at, v: history.cpuMillis[i] ?? null }));
  const ahead = forecast.values.map((v, i) => ({
    at: forecast.startMs + (i + 1) * forecast.stepMs,
    v,
    lo: forecast.lower[i] ?? null,
    hi: forecast.upper[i] ?? null,
  }));
  const span = forecastSpan(points, ahead);
  if (!span) return <p className="muted">Not enough history to draw yet.</p>;
  const { t0, t1, top } = span;
  const x = (t: number) => PAD + ((t - t0) / (t1 - t0 || 1)) * (W - 2 * PAD);
  const y = (v: number) => H - PAD - (v / top) * (H - 2 * PAD);
  const line = (ps: { at: number; v: number | null }[]) =>
    ps
      .filter((p) => p.v !== null)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)},${y(p.v as number).toFixed(1)}`)
      .join(' ');
  const band = ahead.filter((p) => p.lo !== null && p.hi !== null);
  const bandPath =
    band.length > 1
      ? `M${band.map((p) => `${x(p.at).toFixed(1)},${y(p.hi as number).toFixed(1)}`).join(' L')} L${[...band]
          .reverse()
          .map((p) => `${x(p.at).toFixed(1)},${y(p.lo as number).toFixed(1)}`)
          .join(' L')} Z`
      : '';
  return (
    <svg
      className="scaling-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`CPU over the last day and the ${forecast.method} forecast with its band`}
      data-testid="scaling-forecast-chart"
    >
      <text x={PAD} y={14} className="scaling-axis">
        {Math.round(top)}m CPU
      </text>
      <text x={PAD} y={H - 8} className="scaling-axis">
        {relativeTime(t0, forecast.startMs)}
      </text>
      <text x={W - PAD} y={H - 8} className="scaling-axis" textAnchor="end">
        {relativeTime(t1, forecast.startMs)}
      </text>
      {!span.hasForecast ? (
        <text x={W - PAD} y={14} className="scaling-axis" textAnchor="end" data-testid="scaling-no-forecast">
          no forecast yet: too little history for {forecast.method}
        </text>
      ) : null}
      {forecast.startMs <= t1 ? (
        <line
          x1={x(forecast.startMs)}
          x2={x(forecast.startMs)}
          y1={PAD}
          y2={H - PAD}
          className="scaling-now"
        />
      ) : null}
      {bandPath && <path d={bandPath} className="scaling-band" data-testid="scaling-forecast-band" />}
      <path d={line(points)} className="scaling-observed" fill="none" />
      <path d={line(ahead)} className="scaling-forecast" fill="none" />
    </svg>
  );
}
